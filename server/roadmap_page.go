package server

import (
	"context"
	"net/http"
	"sort"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// HomePage lists the caller's roadmaps with their progress and the next dated items.
type HomePage struct {
	Page
	Roadmaps []*entente.Roadmap
	Next     []Milestone
	CanStart bool
}

// Milestone is a dated item of a roadmap shown in a list of what comes next.
type Milestone struct {
	When   entente.When
	Kind   string // meeting, agreement, commitment, action
	Title  string
	Href   string
	Times  []string // the time in each party's zone, when a time is known
	Status string
	first  entente.Date
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	p := HomePage{Page: s.page(r, "home.title"), CanStart: entente.CanCreateRoadmap(entente.CallerFrom(r.Context()))}
	p.Section = "home"
	roadmaps, _, err := s.svc.Roadmaps.FindRoadmaps(r.Context(), entente.RoadmapFilter{Page: entente.Page{Limit: 100}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Roadmaps = roadmaps
	for _, rm := range roadmaps {
		next, err := s.milestones(r.Context(), p.L, rm, 5)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		p.Next = append(p.Next, next...)
	}
	sortMilestones(p.Next)
	p.Next = p.Next[:min(5, len(p.Next))]
	s.render(w, r, "home", http.StatusOK, p)
}

// milestones returns the next n dated items of a roadmap from today: meetings, agreements to
// sign, commitments and actions due.
func (s *Server) milestones(ctx context.Context, l *i18n.Locale, rm *entente.Roadmap, n int) ([]Milestone, error) {
	today := s.today()
	page := entente.Page{Limit: n}
	meetings, _, err := s.svc.Meetings.FindMeetings(ctx, entente.MeetingFilter{RoadmapID: rm.ID, From: today, Page: page})
	if err != nil {
		return nil, err
	}
	zones, err := s.partyZones(ctx, rm)
	if err != nil {
		return nil, err
	}
	var out []Milestone
	for _, m := range meetings {
		if m.Status == entente.MeetingCancelled || m.When.IsZero() {
			continue
		}
		out = append(out, Milestone{When: m.When, Kind: "meeting", Title: m.Title, Href: "/meetings/" + itoa(m.ID),
			Times: partyTimes(l, zones, m.StartsAt), Status: m.Status, first: m.When.Earliest})
	}
	actions, _, err := s.svc.Actions.FindActions(ctx, entente.ActionFilter{RoadmapID: rm.ID, DueAfter: today,
		Page: entente.Page{Limit: n, Sort: "due"}})
	if err != nil {
		return nil, err
	}
	for _, a := range actions {
		if a.IsOpen() {
			out = append(out, Milestone{When: a.Due, Kind: "action", Title: a.Title, Href: "/actions/" + itoa(a.ID), Status: a.Status, first: a.Due.Deadline()})
		}
	}
	agreements, _, err := s.svc.Agreements.FindAgreements(ctx, entente.AgreementFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: 100}})
	if err != nil {
		return nil, err
	}
	for _, a := range agreements {
		if !a.Target.IsZero() && !a.Target.Latest.Before(today) && a.SignedOn.IsZero() {
			out = append(out, Milestone{When: a.Target, Kind: "agreement", Title: a.Title, Href: "/agreements/" + itoa(a.ID), Status: a.Status, first: a.Target.Earliest})
		}
	}
	sortMilestones(out)
	return out[:min(n, len(out))], nil
}

func sortMilestones(ms []Milestone) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].first.Before(ms[j].first) })
}

// partyTimes gives an instant in each zone: "11:00 Karachi", "09:00 Minsk"; nothing when no
// time is known.
func partyTimes(l *i18n.Locale, zones []*time.Location, t *time.Time) []string {
	if t == nil {
		return nil
	}
	out := make([]string, len(zones))
	for i, z := range zones {
		out[i] = l.Clock(*t, z)
	}
	return out
}

// partyZones returns the time zones of a roadmap's parties, in the roadmap's order.
func (s *Server) partyZones(ctx context.Context, rm *entente.Roadmap) ([]*time.Location, error) {
	parties, _, err := s.svc.Parties.FindParties(ctx, entente.PartyFilter{Codes: rm.Parties})
	if err != nil {
		return nil, err
	}
	byCode := map[string]*entente.Party{}
	for _, p := range parties {
		byCode[p.Code] = p
	}
	var out []*time.Location
	for _, code := range rm.Parties {
		if p := byCode[code]; p != nil {
			out = append(out, p.Location())
		}
	}
	return out, nil
}

// RoadmapPage is the overview of one roadmap.
type RoadmapPage struct {
	Page
	Tracks    []*entente.Track
	Next      []Milestone
	Timeline  *Timeline
	Interests []*entente.Interest
	Trade     *TradeSummary // nil when the server has no trade store
}

func (s *Server) handleRoadmapView(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	rm, err := s.svc.Roadmaps.FindRoadmapByID(ctx, id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := RoadmapPage{Page: s.page(r, "roadmap.title"), Tracks: rm.Tracks}
	p.Roadmap, p.Section, p.Title = rm, "overview", rm.Title
	if p.Next, err = s.milestones(ctx, p.L, rm, 8); err == nil {
		p.Interests, _, err = s.svc.Interests.FindInterests(ctx, entente.InterestFilter{RoadmapID: id, Page: entente.Page{Limit: 100}})
	}
	if err == nil {
		p.Timeline, err = s.roadmapTimeline(ctx, p.L, rm)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Trade = s.tradeSummary(ctx, p.L, rm, p.Interests)
	s.render(w, r, "roadmap", http.StatusOK, p)
}

// roadmapTimeline gathers the roadmap's dated items into a timeline.
func (s *Server) roadmapTimeline(ctx context.Context, l *i18n.Locale, rm *entente.Roadmap) (*Timeline, error) {
	meetings, _, err := s.svc.Meetings.FindMeetings(ctx, entente.MeetingFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return nil, err
	}
	var events []timelineEvent
	for _, m := range meetings {
		if w := m.When; !w.Earliest.IsZero() && !w.Latest.IsZero() && m.Status != entente.MeetingCancelled {
			events = append(events, timelineEvent{lane: 0, first: w.Earliest, last: w.Latest, label: m.Title, date: l.When(w),
				href: "/meetings/" + itoa(m.ID), class: "meeting " + m.Status})
		}
	}
	agreements, _, err := s.svc.Agreements.FindAgreements(ctx, entente.AgreementFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return nil, err
	}
	for _, a := range agreements {
		w := a.Target
		if !a.SignedOn.IsZero() {
			w = entente.WhenOfDate(a.SignedOn)
		}
		if !w.Earliest.IsZero() && !w.Latest.IsZero() {
			events = append(events, timelineEvent{lane: 1, first: w.Earliest, last: w.Latest, label: a.Title, date: l.When(w),
				href: "/agreements/" + itoa(a.ID), class: "agreement " + a.Status})
		}
	}
	commitments, _, err := s.svc.Commitments.FindCommitments(ctx, entente.CommitmentFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return nil, err
	}
	for _, c := range commitments {
		if w := c.Due; !w.Earliest.IsZero() && !w.Latest.IsZero() {
			events = append(events, timelineEvent{lane: 2, first: w.Earliest, last: w.Latest, label: c.Statement, date: l.When(w),
				href: "/commitments/" + itoa(c.ID), class: "commitment " + c.Status})
		}
	}
	dues, err := s.svc.Actions.CountOpenActionsByDue(ctx, rm.ID)
	if err != nil {
		return nil, err
	}
	lanes := []string{l.T("nav.meetings"), l.T("nav.agreements"), l.T("nav.commitments")}
	critical, err := s.criticalPathEvents(ctx, l, rm.ID, len(lanes))
	if err != nil {
		return nil, err
	}
	if len(critical) > 0 {
		events, lanes = append(events, critical...), append(lanes, l.T("schedule.lane"))
	}
	return buildTimeline(l, lanes, events, dues, s.today()), nil
}
