package server

import (
	"context"
	"net/http"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// handleScheduleView serves the schedule of a roadmap to a target given as
// ?target=meeting:ID|agreement:ID|horizon|YYYY-MM-DD (default: the signing ceremony).
func (s *Server) handleScheduleView(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	target, err := entente.ParseScheduleTarget("target", r.URL.Query().Get("target"))
	if err != nil {
		return err
	}
	sch, err := s.svc.Schedules.RoadmapSchedule(r.Context(), id, target)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, sch)
}

// Flag is one mark the schedule puts on an action: critical, late, at risk or blocked.
type Flag struct {
	Class string // critical, late, at-risk, blocked
	Label string
	Why   string // for at risk: the reasons in words
}

// scheduleFlags returns the marks of an action's schedule, most urgent first; none for nil.
func scheduleFlags(l *i18n.Locale, a *entente.ActionSchedule) []Flag {
	if a == nil {
		return nil
	}
	var out []Flag
	if a.Late {
		out = append(out, Flag{Class: "late", Label: l.T("schedule.flag.late")})
	}
	if a.AtRisk {
		f := Flag{Class: "at-risk", Label: l.T("schedule.flag.at_risk")}
		for i, r := range a.Reasons {
			if i > 0 {
				f.Why += "; "
			}
			f.Why += l.T("schedule.reason." + r)
		}
		out = append(out, f)
	}
	if a.Blocked {
		out = append(out, Flag{Class: "blocked", Label: l.T("schedule.flag.blocked")})
	}
	if a.Critical {
		out = append(out, Flag{Class: "critical", Label: l.T("schedule.flag.critical")})
	}
	return out
}

// flagsBesideOverdue are an action's marks on a page that already says whether it is overdue:
// late, which means the same, is not said twice.
func flagsBesideOverdue(l *i18n.Locale, a *entente.ActionSchedule, overdue bool) []Flag {
	var out []Flag
	for _, f := range scheduleFlags(l, a) {
		if f.Class != "late" || !overdue {
			out = append(out, f)
		}
	}
	return out
}

// ScheduleFacts is what an action's page says of its place in the current schedule.
type ScheduleFacts struct {
	A     *entente.ActionSchedule
	Dates string // projected start to finish
	Slack string
	Flags []Flag
}

// scheduleFacts describes an action's schedule for its page; nil when it has none.
func scheduleFacts(l *i18n.Locale, a *entente.ActionSchedule, overdue bool) *ScheduleFacts {
	if a == nil {
		return nil
	}
	return &ScheduleFacts{A: a, Dates: projectedDates(l, a), Slack: slackText(l, a.Slack), Flags: flagsBesideOverdue(l, a, overdue)}
}

// slackText says how much an action can slip, or how far behind it is, in working days.
func slackText(l *i18n.Locale, slack int) string {
	switch {
	case slack > 0:
		return l.T("schedule.slack_spare", "Count", slack)
	case slack < 0:
		return l.T("schedule.slack_behind", "Count", -slack)
	}
	return l.T("schedule.slack_none")
}

// projectedDates says when an action is projected to start and finish.
func projectedDates(l *i18n.Locale, a *entente.ActionSchedule) string {
	return l.T("schedule.dates", "Start", l.Date(a.EarlyStart), "Finish", l.Date(a.EarlyFinish))
}

// targetName names a schedule's target: the meeting or agreement, or the date.
func targetName(l *i18n.Locale, t *entente.ScheduleTarget) string {
	switch t.Kind {
	case entente.TargetMeeting, entente.TargetAgreement:
		return t.Title
	case entente.TargetHorizon:
		return l.T("schedule.target.horizon")
	}
	return l.When(t.When)
}

// currentSchedule computes a roadmap's schedule to its default target for the marks on other
// pages. A roadmap whose actions cannot be scheduled (the Gantt page says why) gives nil.
func (s *Server) currentSchedule(ctx context.Context, roadmapID int64) (*entente.Schedule, error) {
	sch, err := s.svc.Schedules.RoadmapSchedule(ctx, roadmapID, entente.ScheduleTarget{})
	if entente.ErrorCode(err) == entente.EINVALID {
		return nil, nil
	}
	return sch, err
}

// scheduleByAction indexes a roadmap's current schedule by action; empty when it has none.
func (s *Server) scheduleByAction(ctx context.Context, roadmapID int64) (map[int64]*entente.ActionSchedule, error) {
	sch, err := s.currentSchedule(ctx, roadmapID)
	if err != nil || sch == nil {
		return nil, err
	}
	return sch.ByAction(), nil
}

// criticalPathEvents places the actions of the current critical paths on lane of the roadmap's
// timeline, from projected start to projected finish, highlighted.
func (s *Server) criticalPathEvents(ctx context.Context, l *i18n.Locale, roadmapID int64, lane int) ([]timelineEvent, error) {
	sch, err := s.currentSchedule(ctx, roadmapID)
	if err != nil || sch == nil {
		return nil, err
	}
	by := sch.ByAction()
	var out []timelineEvent
	seen := map[int64]bool{}
	for _, p := range sch.CriticalPaths {
		for _, id := range p.Actions {
			a := by[id]
			if seen[id] || a == nil {
				continue
			}
			seen[id] = true
			out = append(out, timelineEvent{lane: lane, first: a.EarlyStart, last: a.EarlyFinish, label: a.Title,
				date: projectedDates(l, a), href: "/actions/" + itoa(id),
				class: "action " + a.Status, critical: true})
		}
	}
	return out, nil
}
