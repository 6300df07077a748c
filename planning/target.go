package planning

import (
	"context"
	"fmt"
	"time"

	"github.com/entente/entente"
)

// resolveTarget finds the target's date: a meeting's or an agreement's of the roadmap, a
// date as given, or by default the next signing ceremony, else the horizon. It returns nil
// when there is no default target.
func (s *ScheduleService) resolveTarget(ctx context.Context, rm *entente.Roadmap, t entente.ScheduleTarget) (*entente.ScheduleTarget, error) {
	switch t.Kind {
	case "":
		return s.defaultTarget(ctx, rm)
	case entente.TargetMeeting:
		return s.meetingTarget(ctx, rm, t.ID)
	case entente.TargetAgreement:
		return s.agreementTarget(ctx, rm, t.ID)
	case entente.TargetHorizon:
		if rm.Horizon.Latest.IsZero() {
			return nil, targetProblem("the roadmap has no horizon with a last day")
		}
		return &entente.ScheduleTarget{Kind: entente.TargetHorizon, When: rm.Horizon, Date: rm.Horizon.Latest}, nil
	case entente.TargetDate:
		if t.When.Latest.IsZero() {
			return nil, targetProblem("the date %s has no last day to finish by", t.When)
		}
		return &entente.ScheduleTarget{Kind: entente.TargetDate, When: t.When, Date: t.When.Latest}, nil
	}
	return nil, targetProblem("%q is not a kind of target (meeting, agreement, date, horizon)", t.Kind)
}

// targetProblem is the EINVALID error of a target that cannot be used.
func targetProblem(format string, args ...any) error {
	problem := fmt.Sprintf(format, args...)
	return &entente.Error{Code: entente.EINVALID, Message: "The schedule's target cannot be used: " + problem + ".",
		Fields: map[string]string{"target": problem}}
}

// defaultTarget is the earliest signing ceremony still planned (or postponed) with a date,
// else the roadmap's horizon, else none.
func (s *ScheduleService) defaultTarget(ctx context.Context, rm *entente.Roadmap) (*entente.ScheduleTarget, error) {
	page := entente.Page{Limit: entente.MaxPageLimit}
	var best *entente.Meeting
	for {
		ms, _, err := s.svc.Meetings.FindMeetings(ctx, entente.MeetingFilter{RoadmapID: rm.ID, Kind: "signing_ceremony", Page: page})
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			open := m.Status == entente.MeetingPlanned || m.Status == entente.MeetingPostponed
			if d := meetingDay(m); open && !d.IsZero() && (best == nil || d.Before(meetingDay(best))) {
				best = m
			}
		}
		if len(ms) < page.Size() {
			break
		}
		page.Cursor = entente.EncodeCursor(ms[len(ms)-1].ID)
	}
	if best != nil {
		return meetingGoal(best), nil
	}
	if !rm.Horizon.Latest.IsZero() {
		return &entente.ScheduleTarget{Kind: entente.TargetHorizon, When: rm.Horizon, Date: rm.Horizon.Latest}, nil
	}
	return nil, nil
}

// meetingTarget is a meeting of the roadmap as the target.
func (s *ScheduleService) meetingTarget(ctx context.Context, rm *entente.Roadmap, id int64) (*entente.ScheduleTarget, error) {
	m, err := s.svc.Meetings.FindMeetingByID(ctx, id)
	if entente.ErrorCode(err) == entente.ENOTFOUND || (err == nil && m.RoadmapID != rm.ID) {
		return nil, targetProblem("the roadmap has no meeting #%d", id)
	}
	if err != nil {
		return nil, err
	}
	if meetingDay(m).IsZero() {
		return nil, targetProblem("the meeting %q (#%d) has no date yet", m.Title, m.ID)
	}
	return meetingGoal(m), nil
}

// meetingGoal describes a dated meeting as a target.
func meetingGoal(m *entente.Meeting) *entente.ScheduleTarget {
	w := m.When
	if w.Latest.IsZero() {
		w = entente.WhenOfDate(meetingDay(m))
	}
	return &entente.ScheduleTarget{Kind: entente.TargetMeeting, ID: m.ID, Title: m.Title, When: w, Date: w.Latest}
}

// meetingDay is the last day of a meeting's date as said ("February 2025": the 28th), or,
// when only its starting instant is known, that instant's day at the venue.
func meetingDay(m *entente.Meeting) entente.Date {
	if !m.When.Latest.IsZero() {
		return m.When.Latest
	}
	if m.StartsAt == nil {
		return entente.Date{}
	}
	loc, err := time.LoadLocation(m.TimeZone)
	if err != nil {
		loc = time.UTC // Meeting.Validate refuses unknown zones; "" is UTC
	}
	return entente.DateOf(m.StartsAt.In(loc))
}

// agreementTarget is the signing of an agreement of the roadmap: the day it was signed, else
// its target date, else the date of its signing ceremony.
func (s *ScheduleService) agreementTarget(ctx context.Context, rm *entente.Roadmap, id int64) (*entente.ScheduleTarget, error) {
	a, err := s.svc.Agreements.FindAgreementByID(ctx, id)
	if entente.ErrorCode(err) == entente.ENOTFOUND || (err == nil && a.RoadmapID != rm.ID) {
		return nil, targetProblem("the roadmap has no agreement #%d", id)
	}
	if err != nil {
		return nil, err
	}
	goal := &entente.ScheduleTarget{Kind: entente.TargetAgreement, ID: a.ID, Title: a.Title}
	switch {
	case !a.SignedOn.IsZero():
		goal.When = entente.WhenOfDate(a.SignedOn)
	case !a.Target.Latest.IsZero():
		goal.When = a.Target
	case a.MeetingID != 0:
		m, err := s.svc.Meetings.FindMeetingByID(ctx, a.MeetingID)
		if err != nil && entente.ErrorCode(err) != entente.ENOTFOUND {
			return nil, err
		}
		if err == nil && !meetingDay(m).IsZero() {
			goal.When = meetingGoal(m).When
		}
	}
	if goal.When.Latest.IsZero() {
		return nil, targetProblem("the agreement %q (#%d) has no date to be signed by", a.Title, a.ID)
	}
	goal.Date = goal.When.Latest
	return goal, nil
}
