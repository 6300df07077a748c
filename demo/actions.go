package demo

import (
	"github.com/entente/entente"
)

// actionRow is one step towards the February signing: who leads it, when it starts, how many
// working days it takes, when it is due, and what it waits for.
type actionRow struct {
	key, track, title, lead, body string
	start                         entente.Date
	days                          int
	due                           entente.When
	after                         []string
}

func day(y int, m, d int) entente.Date { return entente.Date{Year: y, Month: timeMonth(m), Day: d} }

var actionRows = []actionRow{
	{"draft", "political_dialogue", "Circulate a draft of the roadmap to Belarus", "PAK", "pak-mofa", day(2024, 11, 27), 5, entente.MustWhen("2024-12-04", "", false), nil},
	{"comments", "political_dialogue", "Return comments on the draft roadmap", "BLR", "blr-mfa", day(2024, 12, 4), 3, entente.MustWhen("2024-12-09", "", false), []string{"draft"}},
	{"prepare-minsk", "political_dialogue", "Prepare the Minsk round: agenda and delegations", "BLR", "blr-mfa", day(2024, 11, 27), 5, entente.MustWhen("2024-12-09", "", false), nil},
	{"machinery-list", "heavy_machinery", "Identify agricultural machinery for joint assembly in Pakistan", "BLR", "blr-industry", day(2024, 11, 28), 8, entente.When{}, nil},
	{"machinery-mou", "heavy_machinery", "Draft the MoU on agricultural machinery manufacturing", "BLR", "blr-industry", day(2024, 12, 10), 15, entente.MustWhen("2025-01-15", "", false), []string{"machinery-list"}},
	{"it-mou", "information_technology", "Draft the MoU on cooperation in information technology", "PAK", "pak-it", day(2024, 12, 2), 15, entente.MustWhen("2025-01-15", "", false), nil},
	{"textiles", "textiles", "List textile products for export to Belarus", "PAK", "pak-commerce", day(2024, 12, 2), 10, entente.MustWhen("2024-12", "END", false), nil},
	{"potash", "mining_minerals", "Survey cooperation in potash and other minerals", "BLR", "blr-resources", day(2024, 12, 2), 15, entente.MustWhen("2025-01", "", false), nil},
	{"negotiate", "political_dialogue", "Negotiate the texts of the agreements", "BLR", "blr-mfa", day(2025, 1, 16), 8, entente.MustWhen("2025-01", "END", false), []string{"comments", "prepare-minsk", "machinery-mou", "it-mou"}},
	{"pak-approval", "political_dialogue", "Obtain Cabinet approval of the agreements", "PAK", "pak-cabinet", day(2025, 1, 28), 8, entente.MustWhen("2025-02", "", false), []string{"negotiate"}},
	{"blr-approval", "political_dialogue", "Obtain the Council of Ministers' approval of the agreements", "BLR", "blr-council", day(2025, 1, 28), 8, entente.MustWhen("2025-02", "", false), []string{"negotiate"}},
	{"ceremony", "political_dialogue", "Organise the signing ceremony", "PAK", "pak-mofa", day(2025, 2, 10), 5, entente.MustWhen("2025-02", "", false), []string{"pak-approval", "blr-approval"}},
	{"visit-dates", "political_dialogue", "Propose dates for the Prime Minister's visit to Belarus", "BLR", "blr-mfa", day(2024, 12, 10), 5, entente.When{}, nil},
	{"parliaments", "parliamentary", "Propose an exchange of parliamentary delegations", "PAK", "pak-na", day(2024, 12, 16), 10, entente.MustWhen("2025-03", "", false), nil},
	{"defence", "defense", "Hold consultations between the defence industries", "PAK", "pak-defence", day(2025, 1, 6), 10, entente.MustWhen("2025-03", "", false), nil},
}

func (l *loader) makeActions() error {
	for _, row := range actionRows {
		a := &entente.Action{RoadmapID: l.roadmap.ID, TrackID: l.tracks[row.track].ID, Title: row.title,
			LeadParty: row.lead, LeadBodyID: l.bodies[row.body].ID, PlannedStart: row.start, DurationDays: row.days, Due: row.due}
		l.settle(a)
		if err := l.s.Actions.CreateAction(l.ctx, a); err != nil {
			return err
		}
		l.actions[row.key] = a
	}
	return nil
}

// settle sets an action's status as of the demo's today: done when its planned working days
// have passed, in progress when it has started.
func (l *loader) settle(a *entente.Action) {
	finish := addWeekdays(a.PlannedStart, a.DurationDays)
	switch {
	case finish.Before(l.today):
		a.Status, a.DoneOn = entente.ActionDone, finish
	case !a.PlannedStart.After(l.today):
		a.Status = entente.ActionInProgress
		a.Progress = 100 * countWeekdays(a.PlannedStart, l.today) / max(1, a.DurationDays)
		a.Progress = min(a.Progress, 90)
	default:
		a.Status = entente.ActionNotStarted
	}
}

func (l *loader) dependencies() error {
	for _, row := range actionRows {
		for _, before := range row.after {
			d := &entente.Dependency{PredecessorID: l.actions[before].ID, SuccessorID: l.actions[row.key].ID, Kind: entente.FinishToStart}
			if err := l.s.Actions.CreateDependency(l.ctx, d); err != nil {
				return err
			}
		}
	}
	return nil
}

// addWeekdays returns the last day of n working days (Monday to Friday) starting on d. The demo
// only needs a plausible status; the schedule computes with each party's real calendar.
func addWeekdays(d entente.Date, n int) entente.Date {
	for n > 1 || isWeekend(d) {
		if !isWeekend(d) {
			n--
		}
		d = d.AddDays(1)
	}
	return d
}

func countWeekdays(from, to entente.Date) int {
	n := 0
	for d := from; !d.After(to); d = d.AddDays(1) {
		if !isWeekend(d) {
			n++
		}
	}
	return n
}

func isWeekend(d entente.Date) bool { wd := d.Weekday(); return wd == 0 || wd == 6 }
