package planning_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

// The demo's chain to the February signing: the machinery list feeds the machinery MoU, which
// the negotiation waits for, then both governments' approvals, then the ceremony.
var demoPathTitles = [][]string{
	{"Identify agricultural machinery for joint assembly in Pakistan", "Draft the MoU on agricultural machinery manufacturing",
		"Negotiate the texts of the agreements", "Obtain Cabinet approval of the agreements", "Organise the signing ceremony"},
	{"Identify agricultural machinery for joint assembly in Pakistan", "Draft the MoU on agricultural machinery manufacturing",
		"Negotiate the texts of the agreements", "Obtain the Council of Ministers' approval of the agreements", "Organise the signing ceremony"},
}

func TestDemoScheduleLeadsToTheFebruarySigning(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		s, err := e.schedules.RoadmapSchedule(e.ctx, e.roadmap.ID, entente.ScheduleTarget{})
		if err != nil {
			t.Fatal(err)
		}
		if s.Target == nil || s.Target.Kind != entente.TargetMeeting || s.Target.Title != "Signing of agreements" {
			t.Fatalf("default target = %+v, want the signing ceremony", s.Target)
		}
		// "Signing, February 2025" is due by its last day, not the 1st.
		if s.Target.When.Value != "2025-02" || s.Target.Date.String() != "2025-02-28" {
			t.Errorf("target date = %s (%s), want 2025-02-28 (2025-02)", s.Target.Date, s.Target.When.Value)
		}
		titles := map[int64]string{}
		for _, a := range s.Actions {
			titles[a.ID] = a.Title
		}
		var got [][]string
		for _, p := range s.CriticalPaths {
			var names []string
			for _, id := range p.Actions {
				names = append(names, titles[id])
			}
			got = append(got, names)
			if p.Slack != 20 {
				t.Errorf("path slack = %d, want 20 working days to spare", p.Slack)
			}
		}
		if !slices.EqualFunc(got, demoPathTitles, slices.Equal) {
			t.Errorf("critical paths:\n got %q\nwant %q", got, demoPathTitles)
		}
		if len(s.Actions) != 15 || len(s.Deadlines) != 15 {
			t.Errorf("%d actions and %d deadlines, want 15 and 15", len(s.Actions), len(s.Deadlines))
		}
	})
}

// TestWorkingDaysOfEachLeadParty checks that durations count the lead party's working days:
// Belarus's drafting of the machinery MoU (15 days from 6 December) skips the weekends and
// Christmas Day (25 December is a public holiday in Belarus), and Pakistan's IT MoU skips
// the weekends only.
func TestWorkingDaysOfEachLeadParty(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	s, err := e.schedules.RoadmapSchedule(e.ctx, e.roadmap.ID, entente.ScheduleTarget{})
	if err != nil {
		t.Fatal(err)
	}
	by := s.ByAction()
	tests := []struct {
		title, start, finish string
	}{
		{"Draft the MoU on agricultural machinery manufacturing", "2024-12-06", "2024-12-27"},
		{"Draft the MoU on cooperation in information technology", "2024-11-26", "2024-12-16"},
		{"Negotiate the texts of the agreements", "2024-12-30", "2025-01-13"},
	}
	for _, tt := range tests {
		a := by[e.actionID(t, tt.title)]
		if a.EarlyStart.String() != tt.start || a.EarlyFinish.String() != tt.finish {
			t.Errorf("%s: %s to %s, want %s to %s", tt.title, a.EarlyStart, a.EarlyFinish, tt.start, tt.finish)
		}
	}
}

func TestTargets(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		meetings, _, err := e.svc.Meetings.FindMeetings(e.ctx, entente.MeetingFilter{RoadmapID: e.roadmap.ID})
		if err != nil {
			t.Fatal(err)
		}
		ids := map[string]int64{}
		for _, m := range meetings {
			ids[m.Title] = m.ID
		}
		agreements, _, err := e.svc.Agreements.FindAgreements(e.ctx, entente.AgreementFilter{RoadmapID: e.roadmap.ID})
		if err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name, target, kind, date string
			atRisk                   []string // titles of the actions at risk
		}{
			{"the Minsk round", "meeting:" + itoa(ids["Follow-up round in Minsk"]), entente.TargetMeeting, "2024-12-10", nil},
			{"an agreement's signing", "agreement:" + itoa(agreements[0].ID), entente.TargetAgreement, "2025-02-28", nil},
			// Actions due later than the target were planned beyond it and are not held to it;
			// the machinery list has no due date and finishes on 5 December.
			{"a day", "2024-12-04", entente.TargetDate, "2024-12-04", []string{"Identify agricultural machinery for joint assembly in Pakistan"}},
			{"a month means its last day", "2025-03", entente.TargetDate, "2025-03-31", nil},
			{"the horizon", "horizon", entente.TargetHorizon, "2025-12-31", nil},
		}
		for _, tt := range tests {
			target, err := entente.ParseScheduleTarget("target", tt.target)
			if err != nil {
				t.Fatal(err)
			}
			s, err := e.schedules.RoadmapSchedule(e.ctx, e.roadmap.ID, target)
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
				continue
			}
			var risky []string
			for _, a := range s.Actions {
				if a.AtRisk {
					risky = append(risky, a.Title)
				}
			}
			if s.Target.Kind != tt.kind || s.Target.Date.String() != tt.date || !slices.Equal(risky, tt.atRisk) {
				t.Errorf("%s: target %s on %s with %q at risk, want %s on %s with %q", tt.name, s.Target.Kind, s.Target.Date, risky, tt.kind, tt.date, tt.atRisk)
			}
		}
	})
}

func TestTargetProblems(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		other := &entente.Roadmap{Title: "Another roadmap", Parties: []string{"PAK", "BLR"}, Status: entente.RoadmapDraft}
		if err := e.svc.Roadmaps.CreateRoadmap(e.ctx, other); err != nil {
			t.Fatal(err)
		}
		elsewhere := &entente.Meeting{RoadmapID: other.ID, Kind: "call", Title: "A call elsewhere", Status: entente.MeetingPlanned,
			When: entente.MustWhen("2025-01-08", "", false)}
		undated := &entente.Meeting{RoadmapID: e.roadmap.ID, Kind: "call", Title: "A call some day", Status: entente.MeetingPlanned}
		for _, m := range []*entente.Meeting{elsewhere, undated} {
			if err := e.svc.Meetings.CreateMeeting(e.ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		unsigned := &entente.Agreement{RoadmapID: e.roadmap.ID, Kind: "mou", Title: "An MoU with no date", Status: entente.AgreementProposed}
		if err := e.svc.Agreements.CreateAgreement(e.ctx, unsigned); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			target entente.ScheduleTarget
			want   string // in the message
		}{
			{entente.ScheduleTarget{Kind: entente.TargetMeeting, ID: elsewhere.ID}, "has no meeting #" + itoa(elsewhere.ID)},
			{entente.ScheduleTarget{Kind: entente.TargetMeeting, ID: 999999}, "has no meeting #999999"},
			{entente.ScheduleTarget{Kind: entente.TargetMeeting, ID: undated.ID}, `"A call some day"`},
			{entente.ScheduleTarget{Kind: entente.TargetAgreement, ID: unsigned.ID}, `"An MoU with no date"`},
			{entente.ScheduleTarget{Kind: entente.TargetAgreement, ID: 999999}, "has no agreement #999999"},
			{entente.ScheduleTarget{Kind: entente.TargetDate, When: entente.MustWhen("2300-01-01", "", false)}, "more than 100 years"},
			{entente.ScheduleTarget{Kind: "moon"}, `"moon" is not a kind of target`},
		}
		for _, tt := range tests {
			_, err := e.schedules.RoadmapSchedule(e.ctx, e.roadmap.ID, tt.target)
			if entente.ErrorCode(err) != entente.EINVALID || !strings.Contains(entente.ErrorMessage(err), tt.want) || entente.ErrorFields(err)["target"] == "" {
				t.Errorf("target %+v: %v, want EINVALID on target saying %q", tt.target, err, tt.want)
			}
		}
	})
}

func itoa(id int64) string { return strconv.FormatInt(id, 10) }

// TestScheduleIsCurrentAfterEveryChange changes the demo through the services and checks that
// the next schedule reflects each change: nothing is cached between requests.
func TestScheduleIsCurrentAfterEveryChange(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		list := e.actionID(t, "Identify agricultural machinery for joint assembly in Pakistan")
		negotiate := e.actionID(t, "Negotiate the texts of the agreements")
		slackOf := func(id int64) (int, bool) {
			s, err := e.schedules.RoadmapSchedule(e.ctx, e.roadmap.ID, entente.ScheduleTarget{})
			if err != nil {
				t.Fatal(err)
			}
			a, ok := s.ByAction()[id]
			if !ok {
				return 0, false
			}
			return a.Slack, true
		}
		if slack, _ := slackOf(negotiate); slack != 14 {
			t.Fatalf("negotiation slack = %d, want 14 (it is due by the end of January)", slack)
		}
		// Twenty more working days for the machinery list eat the path's 20 days to spare.
		a := e.mustAction(t, list)
		if _, err := e.actions.UpdateAction(e.ctx, list, entente.ActionUpdate{Version: a.Version, DurationDays: ptr(28)}); err != nil {
			t.Fatal(err)
		}
		if slack, _ := slackOf(list); slack != -10 {
			t.Errorf("after the list grew: slack %d, want -10 (the negotiation's own deadline is missed)", slack)
		}
		// Cancelled, the list and its dependency drop out of the schedule.
		a = e.mustAction(t, list)
		if _, err := e.actions.UpdateAction(e.ctx, list, entente.ActionUpdate{Version: a.Version, Status: ptr(entente.ActionCancelled)}); err != nil {
			t.Fatal(err)
		}
		if _, ok := slackOf(list); ok {
			t.Error("a cancelled action is still scheduled")
		}
		// The machinery MoU no longer waits for the list: it starts today, and the negotiation
		// that waits for it gains eight working days.
		if slack, _ := slackOf(negotiate); slack != 22 {
			t.Errorf("after cancelling the list: negotiation slack %d, want 22", slack)
		}
	})
}

// TestActionsThatCannotBeScheduled checks that bad data is EINVALID naming the action and
// its field.
func TestActionsThatCannotBeScheduled(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		a := &entente.Action{RoadmapID: e.roadmap.ID, Title: "Sign the protocol early", LeadParty: "PAK", Status: entente.ActionDone,
			DurationDays: 2, DoneOn: entente.NewDate(2025, 1, 5)}
		if err := e.actions.CreateAction(e.ctx, a); err != nil {
			t.Fatal(err)
		}
		_, err := e.schedules.RoadmapSchedule(e.ctx, e.roadmap.ID, entente.ScheduleTarget{})
		field := "actions." + itoa(a.ID) + ".done_on"
		if entente.ErrorCode(err) != entente.EINVALID || !strings.Contains(entente.ErrorMessage(err), `"Sign the protocol early"`) || entente.ErrorFields(err)[field] == "" {
			t.Errorf("%v, want EINVALID on %s naming the action", err, field)
		}
	})
}

// TestPartyWithoutDefinition schedules an action led by a party that has no calendar
// definition: it works Monday to Friday in its own time zone.
func TestPartyWithoutDefinition(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	if err := e.svc.Parties.CreateParty(e.ctx, &entente.Party{Code: "TUR", Name: "Türkiye", Languages: []string{"tr"}, TimeZone: "Europe/Istanbul"}); err != nil {
		t.Fatal(err)
	}
	rm := &entente.Roadmap{Title: "Pakistan–Türkiye plan", Parties: []string{"PAK", "TUR"}, Status: entente.RoadmapActive}
	if err := e.svc.Roadmaps.CreateRoadmap(e.ctx, rm); err != nil {
		t.Fatal(err)
	}
	a := &entente.Action{RoadmapID: rm.ID, Title: "Share the experience of joint assembly", LeadParty: "TUR", DurationDays: 5}
	if err := e.actions.CreateAction(e.ctx, a); err != nil {
		t.Fatal(err)
	}
	s, err := e.schedules.RoadmapSchedule(e.ctx, rm.ID, entente.ScheduleTarget{})
	if err != nil {
		t.Fatal(err)
	}
	// Tuesday 26 November to Monday 2 December: five working days over a weekend.
	if got := s.ByAction()[a.ID]; got.EarlyStart.String() != "2024-11-26" || got.EarlyFinish.String() != "2024-12-02" {
		t.Errorf("%s to %s, want 2024-11-26 to 2024-12-02", got.EarlyStart, got.EarlyFinish)
	}
}

// TestOverridesMoveTheDates records an official notice through the calendar service: an extra
// day off in Belarus moves Belarus's actions in the very next schedule.
func TestOverridesMoveTheDates(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		prepare := e.actionID(t, "Prepare the Minsk round: agenda and delegations")
		finish := func() string {
			s, err := e.schedules.RoadmapSchedule(e.ctx, e.roadmap.ID, entente.ScheduleTarget{})
			if err != nil {
				t.Fatal(err)
			}
			return s.ByAction()[prepare].EarlyFinish.String()
		}
		// Five Belarusian working days from Tuesday 26 November.
		if got := finish(); got != "2024-12-02" {
			t.Fatalf("the preparations finish on %s, want 2024-12-02", got)
		}
		dayOff := &entente.CalendarOverride{Party: "BLR", Kind: entente.OverrideHoliday, Date: entente.NewDate(2024, 11, 29),
			Name: "Day of mourning", Source: "Decree of the President, 28 November 2024"}
		if err := e.svc.Calendars.CreateCalendarOverride(e.ctx, dayOff); err != nil {
			t.Fatal(err)
		}
		if got := finish(); got != "2024-12-03" {
			t.Errorf("after a day off on Friday 29 November the preparations finish on %s, want 2024-12-03", got)
		}
		if err := e.svc.Calendars.DeleteCalendarOverride(e.ctx, dayOff.ID); err != nil {
			t.Fatal(err)
		}
		if got := finish(); got != "2024-12-02" {
			t.Errorf("after the notice was withdrawn the preparations finish on %s, want 2024-12-02", got)
		}
	})
}

// TestOnlyReadersSeeTheSchedule checks that the schedule keeps the roadmap's permissions.
func TestOnlyReadersSeeTheSchedule(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	private := &entente.Roadmap{Title: "Internal plan", Parties: []string{"PAK", "BLR"}, Status: entente.RoadmapDraft}
	if err := e.svc.Roadmaps.CreateRoadmap(e.ctx, private); err != nil {
		t.Fatal(err)
	}
	anon := entente.WithCaller(t.Context(), entente.Anonymous)
	if _, err := e.schedules.RoadmapSchedule(anon, private.ID, entente.ScheduleTarget{}); entente.ErrorCode(err) != entente.ENOTFOUND {
		t.Errorf("anonymous on a private roadmap: %v, want ENOTFOUND", err)
	}
	if _, err := e.schedules.RoadmapSchedule(anon, e.roadmap.ID, entente.ScheduleTarget{}); err != nil {
		t.Errorf("anonymous on the public demo: %v", err)
	}
	s, err := e.schedules.RoadmapSchedule(e.ctx, private.ID, entente.ScheduleTarget{})
	if err != nil || s.Target != nil || len(s.Actions) != 0 || len(s.CriticalPaths) != 0 {
		t.Errorf("an empty roadmap without horizon: %+v, %v; want an empty schedule with no target", s, err)
	}
}

func (e *env) mustAction(t *testing.T, id int64) *entente.Action {
	t.Helper()
	a, err := e.actions.FindActionByID(e.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func ptr[T any](v T) *T { return &v }

// TestMeetingKnownOnlyByItsStart targets a meeting whose date was never said, only its start:
// the day is the start's day at the venue, not in UTC.
func TestMeetingKnownOnlyByItsStart(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	start := time.Date(2024, 12, 16, 21, 30, 0, 0, time.UTC) // 00:30 on 17 December in Minsk
	end := start.Add(time.Hour)
	m := &entente.Meeting{RoadmapID: e.roadmap.ID, Kind: "call", Title: "Late call with Minsk", Status: entente.MeetingPlanned,
		StartsAt: &start, EndsAt: &end, TimeZone: "Europe/Minsk"}
	if err := e.svc.Meetings.CreateMeeting(e.ctx, m); err != nil {
		t.Fatal(err)
	}
	s, err := e.schedules.RoadmapSchedule(e.ctx, e.roadmap.ID, entente.ScheduleTarget{Kind: entente.TargetMeeting, ID: m.ID})
	if err != nil {
		t.Fatal(err)
	}
	if s.Target.Date.String() != "2024-12-17" || s.Target.When.Value != "2024-12-17" {
		t.Errorf("target %s (%s), want 2024-12-17", s.Target.Date, s.Target.When.Value)
	}
}

// TestSchedulesAreKeptUntilAWrite checks the cache of schedules: asked twice with nothing
// written between, the same schedule comes back; after a write it is computed again; and
// what one caller was shown is never handed to a caller who may not read the roadmap.
func TestSchedulesAreKeptUntilAWrite(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	get := func(ctx context.Context, roadmapID int64) (*entente.Schedule, error) {
		return e.schedules.RoadmapSchedule(ctx, roadmapID, entente.ScheduleTarget{})
	}
	first, err := get(e.ctx, e.roadmap.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := get(e.ctx, e.roadmap.ID); again != first {
		t.Error("with nothing written, the schedule was computed again")
	}
	list := e.actionID(t, "Identify agricultural machinery for joint assembly in Pakistan")
	a := e.mustAction(t, list)
	if _, err := e.actions.UpdateAction(e.ctx, list, entente.ActionUpdate{Version: a.Version, DurationDays: ptr(a.DurationDays + 1)}); err != nil {
		t.Fatal(err)
	}
	if after, _ := get(e.ctx, e.roadmap.ID); after == first {
		t.Error("after a write, the old schedule came back")
	}
	private := &entente.Roadmap{Title: "Internal plan", Parties: []string{"PAK", "BLR"}, Status: entente.RoadmapDraft}
	if err := e.svc.Roadmaps.CreateRoadmap(e.ctx, private); err != nil {
		t.Fatal(err)
	}
	if _, err := get(e.ctx, private.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := get(entente.WithCaller(t.Context(), entente.Anonymous), private.ID); entente.ErrorCode(err) != entente.ENOTFOUND {
		t.Errorf("a visitor after the system read a private roadmap's schedule: %v, want ENOTFOUND", err)
	}
}
