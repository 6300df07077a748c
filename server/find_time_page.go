package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
	"github.com/entente/entente/i18n"
)

// The find-a-time page: the default window (two weeks from today), the slots it shows, the
// days an approximate date ("about 10 December") may move either way, and the durations it
// offers.
const (
	findTimeDays      = 14
	findTimeLimit     = 30
	approximateSpread = 3
)

var meetingDurations = []int{30, 60, 90, 120, 180, 240, 360}

// FindTimePage lists the meeting slots that are working time for every party of a roadmap,
// each in every party's local time, with a link to plan a meeting in it.
type FindTimePage struct {
	Page
	Form      *Form
	Durations []Choice
	Zones     []Choice // the venue's zone: one of the parties' zones
	Picks     []TimePick
	Heads     []string // one column per party: its name and zone
	Slots     []SlotRow
	Total     int
}

// TimePick is a planned meeting of the roadmap without a time yet: a link searches its window.
type TimePick struct {
	Title, When, URL string
}

// SlotRow is one slot, in every party's local time.
type SlotRow struct {
	Rank     int
	Local    []string
	Warnings []string
	PlanURL  string
}

func (s *Server) handleFindATime(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := FindTimePage{Page: s.page(r, "findtime.title")}
	p.Roadmap, p.Section = rm, "meetings"
	parties, err := s.roadmapParties(r, rm)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	values := s.findTimeValues(r.URL.Query(), rm, parties)
	p.Form = newForm(p.L, values)
	for _, m := range meetingDurations {
		p.Durations = append(p.Durations, Choice{Value: strconv.Itoa(m), Label: p.L.T("findtime.minutes", "Count", m)})
	}
	for _, party := range parties {
		p.Zones = append(p.Zones, Choice{Value: party.TimeZone, Label: party.Name + " — " + party.TimeZone})
		p.Heads = append(p.Heads, party.Name+" ("+party.TimeZone+")")
	}
	if p.Picks, err = s.timePicks(r, rm, p.L, values.Get("duration")); err != nil {
		s.pageError(w, r, err)
		return
	}
	q := &query{values: values, probs: entente.Problems{}}
	sq := readSlotQuery(q)
	err = q.probs.Err("search")
	var slots []calendar.Slot
	if err == nil {
		slots, p.Total, err = s.findSlots(r.Context(), sq)
	}
	if err != nil {
		if code := entente.ErrorCode(err); code != entente.EINVALID {
			s.pageError(w, r, err)
			return
		}
		p.Form.fail(err)
	}
	for i, sl := range slots {
		p.Slots = append(p.Slots, slotRow(p.L, rm.ID, i+1, sl, sq))
	}
	s.render(w, r, "find-a-time", http.StatusOK, p)
}

// roadmapParties loads the parties of a roadmap in the roadmap's order, the order of the
// slots' local times.
func (s *Server) roadmapParties(r *http.Request, rm *entente.Roadmap) ([]*entente.Party, error) {
	found, _, err := s.svc.Parties.FindParties(r.Context(), entente.PartyFilter{Codes: rm.Parties})
	if err != nil {
		return nil, err
	}
	byCode := map[string]*entente.Party{}
	for _, p := range found {
		byCode[p.Code] = p
	}
	out := make([]*entente.Party, 0, len(rm.Parties))
	for _, code := range rm.Parties {
		if p, ok := byCode[code]; ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// findTimeValues completes the search of the page: the roadmap's parties, and by default a
// two-hour meeting in the next two weeks, planned in the first party's zone.
func (s *Server) findTimeValues(in url.Values, rm *entente.Roadmap, parties []*entente.Party) url.Values {
	v := url.Values{}
	for _, k := range []string{"duration", "from", "to", "zone", "allow_tentative"} {
		if x := strings.TrimSpace(in.Get(k)); x != "" {
			v.Set(k, x)
		}
	}
	v.Set("parties", strings.Join(rm.Parties, ","))
	v.Set("limit", strconv.Itoa(findTimeLimit))
	if v.Get("duration") == "" {
		v.Set("duration", "120")
	}
	if v.Get("from") == "" {
		v.Set("from", s.today().String())
	}
	if v.Get("to") == "" {
		if from, err := entente.ParseDate(v.Get("from")); err == nil {
			v.Set("to", from.AddDays(findTimeDays-1).String())
		}
	}
	if v.Get("zone") == "" && len(parties) > 0 {
		v.Set("zone", parties[0].TimeZone)
	}
	return v
}

// timePicks lists the roadmap's planned meetings that have a date but no time yet, each with
// a link searching its window (widened for an approximate date).
func (s *Server) timePicks(r *http.Request, rm *entente.Roadmap, l *i18n.Locale, duration string) ([]TimePick, error) {
	meetings, _, err := s.svc.Meetings.FindMeetings(r.Context(), entente.MeetingFilter{RoadmapID: rm.ID,
		Status: entente.MeetingPlanned, Page: entente.Page{Limit: 100}})
	if err != nil {
		return nil, err
	}
	var out []TimePick
	for _, m := range meetings {
		if m.StartsAt != nil || m.When.Earliest.IsZero() || m.When.Latest.IsZero() {
			continue
		}
		from, to := m.When.Earliest, m.When.Latest
		if m.When.Approximate {
			from, to = from.AddDays(-approximateSpread), to.AddDays(approximateSpread)
		}
		if to.DaysSince(from) >= calendar.MaxSlotWindow {
			to = from.AddDays(calendar.MaxSlotWindow - 1)
		}
		v := url.Values{"from": {from.String()}, "to": {to.String()}, "duration": {duration}}
		if m.TimeZone != "" {
			v.Set("zone", m.TimeZone)
		}
		out = append(out, TimePick{Title: m.Title, When: l.When(m.When),
			URL: "/roadmaps/" + itoa(rm.ID) + "/find-a-time?" + v.Encode()})
	}
	return out, nil
}

// slotRow shows a slot in every party's local time, with the link that plans a meeting in it
// in the venue's zone.
func slotRow(l *i18n.Locale, roadmapID int64, rank int, sl calendar.Slot, sq slotQuery) SlotRow {
	row := SlotRow{Rank: rank, Warnings: sl.Warnings}
	for _, ls := range sl.Local {
		row.Local = append(row.Local, localSpan(l, ls.Start, ls.End))
	}
	zone := sq.zone
	if zone == nil {
		zone = sl.Local[0].Start.Location()
	}
	start := sl.Start.In(zone)
	v := url.Values{"date": {entente.DateOf(start).String()}, "start": {start.Format("15:04")}, "zone": {zone.String()},
		"duration": {strconv.Itoa(int(sq.duration / time.Minute))}}
	row.PlanURL = "/roadmaps/" + itoa(roadmapID) + "/meetings/new?" + v.Encode()
	return row
}

// localSpan writes a slot in one zone: "Tue 10 December 2024, 12:30–14:30".
func localSpan(l *i18n.Locale, start, end time.Time) string {
	day := l.T("calendar.weekday."+strconv.Itoa(int(start.Weekday()))) + " " + l.Date(entente.DateOf(start))
	s := l.T("findtime.span", "Day", day, "Start", start.Format("15:04"), "End", end.Format("15:04"))
	if entente.DateOf(end) != entente.DateOf(start) {
		s += " (" + l.Date(entente.DateOf(end)) + ")"
	}
	return s
}
