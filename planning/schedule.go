// Package planning builds the schedule of a roadmap for the people who run it. It reads the
// roadmap's actions, dependencies, meetings and agreements through the domain services (so
// the caller's permissions hold), opens the working calendar of each lead party, and lets
// package schedule compute the early and late dates, slack, flags and critical paths to the
// target: a meeting, an agreement's signing or a date, by default the roadmap's signing
// ceremony. Nothing is stored: every schedule is computed on request, so it is current after
// any change.
//
// Actions map to schedule tasks as follows. The duration counts working days of the lead
// party's calendar (Monday to Friday when there is no lead party). The planned start is not
// a fixed start: a task with a fixed start must start on that day, which would pin every
// action; it only says when an action in progress or done began. Cancelled actions and the
// dependencies that touch them take no part.
package planning

import (
	"context"

	"github.com/entente/entente"
	"github.com/entente/entente/schedule"
)

// Services are the domain services a ScheduleService reads through. Calendars gives each
// party's official calendar notices (announced moon sightings, holiday notices, Belarus's
// transferred working days), which correct the calendar computed from its rules.
type Services struct {
	Roadmaps   entente.RoadmapService
	Actions    entente.ActionService
	Meetings   entente.MeetingService
	Agreements entente.AgreementService
	Parties    entente.PartyService
	Calendars  entente.CalendarService
	// Changes, when set, lets the service keep schedules until anything is written.
	Changes ChangeStamp
}

// ScheduleService computes roadmap schedules; it implements entente.ScheduleService.
type ScheduleService struct {
	svc       Services
	clock     entente.Clock
	calendars *calendarCache
	schedules *scheduleCache
}

var _ entente.ScheduleService = (*ScheduleService)(nil)

// NewScheduleService returns a schedule service over the domain services; clock gives today,
// the first day on which remaining work can be done.
func NewScheduleService(svc Services, clock entente.Clock) *ScheduleService {
	return &ScheduleService{svc: svc, clock: clock, calendars: newCalendarCache(), schedules: newScheduleCache()}
}

// RoadmapSchedule computes the schedule of a roadmap to a target (the zero target: the
// roadmap's next signing ceremony, else its horizon). Errors: ENOTFOUND for a roadmap the
// caller may not read; EINVALID for a target that is not the roadmap's or has no date, and
// for actions that cannot be scheduled, naming them.
// The schedule returned may be shared with other callers: it must not be changed.
func (s *ScheduleService) RoadmapSchedule(ctx context.Context, roadmapID int64, target entente.ScheduleTarget) (*entente.Schedule, error) {
	today := entente.DateOf(s.clock.Now().UTC())
	if s.svc.Changes == nil {
		return s.compute(ctx, roadmapID, target, today)
	}
	stamp, err := s.svc.Changes.ChangeStamp(ctx)
	if err != nil {
		return nil, err
	}
	key := keyOf(ctx, roadmapID, target, today)
	if sch, ok := s.schedules.get(key, stamp); ok {
		return sch, nil
	}
	sch, err := s.compute(ctx, roadmapID, target, today)
	if err == nil {
		s.schedules.put(key, stamp, sch)
	}
	return sch, err
}

// compute reads the roadmap and computes its schedule as of today.
func (s *ScheduleService) compute(ctx context.Context, roadmapID int64, target entente.ScheduleTarget, today entente.Date) (*entente.Schedule, error) {
	rm, err := s.svc.Roadmaps.FindRoadmapByID(ctx, roadmapID)
	if err != nil {
		return nil, err
	}
	goal, err := s.resolveTarget(ctx, rm, target)
	if err != nil {
		return nil, err
	}
	actions, err := s.svc.Actions.RoadmapActions(ctx, rm.ID)
	if err != nil {
		return nil, err
	}
	deps, err := s.svc.Actions.FindDependencies(ctx, rm.ID)
	if err != nil {
		return nil, err
	}
	in := newInput(today, goal, actions, deps)
	if in.Calendars, err = s.leadCalendars(ctx, actions); err != nil {
		return nil, err
	}
	res, err := schedule.Compute(in.Input)
	if err != nil {
		return nil, in.explain(err)
	}
	return in.describe(rm.ID, goal, res), nil
}
