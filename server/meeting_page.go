package server

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// The meetings of a roadmap: upcoming and past, each grouped by month. The meeting page, its
// forms and its parts (participants, agenda, decisions) are in the other meeting_*.go files.

// MeetingsPage lists a roadmap's meetings: those still to come, then those held, past or
// cancelled, each grouped by the month they fall in.
type MeetingsPage struct {
	Page
	Filter   *Form
	Kinds    []string
	Statuses []string
	Upcoming []MeetingGroup
	Past     []MeetingGroup
	Total    int // meetings that match the filters
	Shown    int // meetings on the page, at most entente.MaxPageLimit
	CanAdd   bool
}

// MeetingGroup is the meetings of one month, of a longer period said as such ("2025"), or
// those whose date is still open.
type MeetingGroup struct {
	Label string
	Rows  []MeetingRow
	key   string
	first entente.Date
	open  bool
}

// MeetingRow is one meeting in a list, with its start in each party's zone.
type MeetingRow struct {
	L     *i18n.Locale
	M     *entente.Meeting
	Times []string
	// Unmarked is a meeting whose days have passed but which is still marked planned or
	// postponed: someone should record whether it was held.
	Unmarked bool
}

func (s *Server) handleMeetingList(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := MeetingsPage{Page: s.page(r, "meetings.title"), Kinds: entente.MeetingKinds, Statuses: entente.MeetingStatuses}
	p.Roadmap, p.Section = rm, "meetings"
	p.CanAdd = p.CanEdit()
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	f := meetingFilter(q)
	f.RoadmapID, f.Page = rm.ID, entente.Page{Limit: entente.MaxPageLimit}
	p.Filter = newForm(p.L, r.URL.Query())
	if err := q.probs.Err("filter"); err != nil {
		p.Filter.fail(err)
		f = entente.MeetingFilter{RoadmapID: rm.ID, Page: f.Page}
	}
	meetings, total, err := s.svc.Meetings.FindMeetings(r.Context(), f)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	zones, err := s.partyZones(r.Context(), rm)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Total, p.Shown = total, len(meetings)
	p.Upcoming, p.Past = groupMeetings(p.L, zones, meetings, p.Today)
	s.render(w, r, "meetings", http.StatusOK, p)
}

// meetingIsPast reports whether a meeting belongs with the past: held or cancelled, or all of
// its days are before today.
func meetingIsPast(m *entente.Meeting, today entente.Date) bool {
	if m.Status == entente.MeetingHeld || m.Status == entente.MeetingCancelled {
		return true
	}
	return !m.When.Latest.IsZero() && m.When.Latest.Before(today)
}

// groupMeetings splits meetings (sorted by date) into those to come, earliest first, and
// those past, latest first, each grouped by month; meetings with no date come last.
func groupMeetings(l *i18n.Locale, zones []*time.Location, meetings []*entente.Meeting, today entente.Date) (upcoming, past []MeetingGroup) {
	var ahead, behind []MeetingRow
	for _, m := range meetings {
		row := MeetingRow{L: l, M: m, Times: partyTimes(l, zones, m.StartsAt)}
		if meetingIsPast(m, today) {
			row.Unmarked = m.Status == entente.MeetingPlanned || m.Status == entente.MeetingPostponed
			behind = append(behind, row)
		} else {
			ahead = append(ahead, row)
		}
	}
	for i, j := 0, len(behind)-1; i < j; i, j = i+1, j-1 {
		behind[i], behind[j] = behind[j], behind[i]
	}
	return groupRows(l, ahead, false), groupRows(l, behind, true)
}

// groupRows gathers rows into groups, keeping the rows' order within a group and ordering the
// groups by their first day (latest first when desc); the group of open dates comes last.
func groupRows(l *i18n.Locale, rows []MeetingRow, desc bool) []MeetingGroup {
	var groups []MeetingGroup
	index := map[string]int{}
	for _, row := range rows {
		g := meetingGroupOf(l, row.M.When)
		i, ok := index[g.key]
		if !ok {
			i = len(groups)
			index[g.key] = i
			groups = append(groups, g)
		}
		groups[i].Rows = append(groups[i].Rows, row)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if a.open != b.open {
			return b.open
		}
		if desc {
			return a.first.After(b.first)
		}
		return a.first.Before(b.first)
	})
	return groups
}

// meetingGroupOf names the group of a date as said: a day, a time or a week goes under the
// month it starts in, and so does any period within one month ("end of February 2025"); a
// longer period ("2025", "before March 2025") is a group of its own, and no date is "date
// open". A month is never turned into its first day: "February 2025" is under February.
func meetingGroupOf(l *i18n.Locale, w entente.When) MeetingGroup {
	first, last := w.Earliest, w.Latest
	if w.IsZero() || w.IsVague() || (first.IsZero() && last.IsZero()) {
		return MeetingGroup{key: "open", Label: l.T("meetings.date_open"), open: true}
	}
	switch {
	case !first.IsZero() && (finerThanMonth(w.Granularity) || (!last.IsZero() && first.Year == last.Year && first.Month == last.Month)):
		return MeetingGroup{key: fmt.Sprintf("%04d-%02d", first.Year, first.Month), Label: l.Month(first.Year, first.Month),
			first: entente.NewDate(first.Year, first.Month, 1)}
	case first.IsZero():
		first = last
	}
	return MeetingGroup{key: w.String(), Label: l.When(w), first: first}
}

// finerThanMonth reports whether a granularity names a day or part of one, or a week.
func finerThanMonth(g entente.Granularity) bool {
	switch g {
	case entente.GranularityTime, entente.GranularityPartOfDay, entente.GranularityDay,
		entente.GranularityWeek, entente.GranularityWeekend:
		return true
	}
	return false
}

// meetingOf loads the meeting of a page from its {id}, with its roadmap.
func (s *Server) meetingOf(r *http.Request) (*entente.Meeting, *entente.Roadmap, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	return s.meetingWithRoadmap(r.Context(), id)
}

// meetingWithRoadmap loads a meeting, with its parts, and its roadmap.
func (s *Server) meetingWithRoadmap(ctx context.Context, id int64) (*entente.Meeting, *entente.Roadmap, error) {
	m, err := s.svc.Meetings.FindMeetingByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(ctx, m.RoadmapID)
	if err != nil {
		return nil, nil, err
	}
	return m, rm, nil
}

// roadmapMeetings returns the meetings of a roadmap by id, for the links between them.
func (s *Server) roadmapMeetings(ctx context.Context, rm *entente.Roadmap) (map[int64]*entente.Meeting, []*entente.Meeting, error) {
	all, _, err := s.svc.Meetings.FindMeetings(ctx, entente.MeetingFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: entente.MaxPageLimit}})
	byID := map[int64]*entente.Meeting{}
	for _, m := range all {
		byID[m.ID] = m
	}
	return byID, all, err
}
