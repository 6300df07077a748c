package ical

import (
	"context"
	"slices"

	"github.com/entente/entente"
)

// Services are the domain services feeds are collected through. Each shows only what the
// caller in the context may read, so a feed never holds more than its reader could see.
type Services struct {
	Roadmaps    entente.RoadmapService
	Meetings    entente.MeetingService
	Actions     entente.ActionService
	Agreements  entente.AgreementService
	Commitments entente.CommitmentService
}

// RoadmapFeed collects the meetings and deadlines of one roadmap; a roadmap the caller may
// not read is ENOTFOUND.
func (s Services) RoadmapFeed(ctx context.Context, roadmapID int64) (*Feed, error) {
	r, err := s.Roadmaps.FindRoadmapByID(ctx, roadmapID)
	if err != nil {
		return nil, err
	}
	f := &Feed{Name: r.Title}
	return f, s.collect(ctx, f, r.ID)
}

// UserFeed collects the meetings and deadlines of every roadmap the caller works on (holds a
// role in), in the order of the roadmaps' ids.
func (s Services) UserFeed(ctx context.Context) (*Feed, error) {
	c := entente.CallerFrom(ctx)
	ids := make([]int64, 0, len(c.Roles))
	for id := range c.Roles {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	f := &Feed{}
	for _, id := range ids {
		if _, err := s.Roadmaps.FindRoadmapByID(ctx, id); entente.ErrorCode(err) == entente.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		if err := s.collect(ctx, f, id); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// MeetingFeed is the feed of one meeting, for a download from its page.
func (s Services) MeetingFeed(ctx context.Context, meetingID int64) (*Feed, error) {
	m, err := s.Meetings.FindMeetingByID(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	return &Feed{Name: m.Title, Meetings: []*entente.Meeting{m}}, nil
}

// collect appends a roadmap's meetings, actions, agreements and commitments to a feed.
func (s Services) collect(ctx context.Context, f *Feed, roadmapID int64) error {
	ms, err := every(func(p entente.Page) ([]*entente.Meeting, int, error) {
		return s.Meetings.FindMeetings(ctx, entente.MeetingFilter{RoadmapID: roadmapID, Page: p})
	}, func(m *entente.Meeting) int64 { return m.ID })
	if err != nil {
		return err
	}
	as, err := every(func(p entente.Page) ([]*entente.Action, int, error) {
		return s.Actions.FindActions(ctx, entente.ActionFilter{RoadmapID: roadmapID, Page: p})
	}, func(a *entente.Action) int64 { return a.ID })
	if err != nil {
		return err
	}
	gs, err := every(func(p entente.Page) ([]*entente.Agreement, int, error) {
		return s.Agreements.FindAgreements(ctx, entente.AgreementFilter{RoadmapID: roadmapID, Page: p})
	}, func(a *entente.Agreement) int64 { return a.ID })
	if err != nil {
		return err
	}
	cs, err := every(func(p entente.Page) ([]*entente.Commitment, int, error) {
		return s.Commitments.FindCommitments(ctx, entente.CommitmentFilter{RoadmapID: roadmapID, Page: p})
	}, func(c *entente.Commitment) int64 { return c.ID })
	if err != nil {
		return err
	}
	f.Meetings = append(f.Meetings, ms...)
	f.Actions = append(f.Actions, as...)
	f.Agreements = append(f.Agreements, gs...)
	f.Commitments = append(f.Commitments, cs...)
	return nil
}

// every reads a list page by page to its end.
func every[T any](find func(entente.Page) ([]T, int, error), id func(T) int64) ([]T, error) {
	var out []T
	page := entente.Page{Limit: entente.MaxPageLimit}
	for {
		items, _, err := find(page)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
		if len(items) < page.Limit {
			return out, nil
		}
		page.Cursor = entente.EncodeCursor(id(items[len(items)-1]))
	}
}
