package entente

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Kinds of schedule target.
const (
	TargetMeeting   = "meeting"   // a meeting's date: the follow-up round, the signing ceremony
	TargetAgreement = "agreement" // the day an agreement is to be signed
	TargetDate      = "date"      // a date given by the user
	TargetHorizon   = "horizon"   // the roadmap's horizon, when it has no signing ceremony
)

// Reasons an action is at risk, in ActionSchedule.Reasons.
const (
	RiskAfterDue         = "after_due"          // projected to finish after its own deadline
	RiskAfterTarget      = "after_target"       // projected to finish after the target
	RiskMissesFixedStart = "misses_fixed_start" // its predecessors push it past a fixed start
	RiskDelaysDependent  = "delays_dependent"   // its finish makes a later date be missed
)

// ScheduleTarget is what a roadmap's schedule leads to: a meeting, the signing of an agreement,
// or a date. As a request only Kind with ID (a meeting or an agreement) or with When (a date) is
// read; the zero target asks for the default, the roadmap's next signing ceremony, else its
// horizon. In a Schedule, Title, When and Date describe the target that was used.
type ScheduleTarget struct {
	Kind  string `json:"kind"`
	ID    int64  `json:"id,omitempty"`
	Title string `json:"title,omitempty"`
	// When is the date as it was said ("2025-02" for "signing, February 2025").
	When When `json:"when,omitzero"`
	// Date is the last day work may finish on: When's last day, since "February 2025" means
	// 28 February unless a day is fixed.
	Date Date `json:"date,omitzero"`
}

// IsZero reports whether no target was asked for.
func (t ScheduleTarget) IsZero() bool { return t.Kind == "" }

// String returns the target in the form ParseScheduleTarget reads.
func (t ScheduleTarget) String() string {
	switch t.Kind {
	case TargetMeeting, TargetAgreement:
		return t.Kind + ":" + strconv.FormatInt(t.ID, 10)
	case TargetDate:
		return t.When.Value
	}
	return t.Kind
}

// ParseScheduleTarget reads a target as users write it: "meeting:ID", "agreement:ID",
// "horizon", a day (2025-02-28), or a TIMEX3 value with a last day (2025-02 is the whole of
// February, so work must finish by the 28th). The empty string is the default target. A bad target is EINVALID
// with the problem under field.
func ParseScheduleTarget(field, s string) (ScheduleTarget, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "":
		return ScheduleTarget{}, nil
	case TargetHorizon:
		return ScheduleTarget{Kind: TargetHorizon}, nil
	}
	if kind, rest, ok := strings.Cut(s, ":"); ok && (kind == TargetMeeting || kind == TargetAgreement) {
		id, err := strconv.ParseInt(rest, 10, 64)
		if err != nil || id <= 0 {
			return ScheduleTarget{}, targetError(field, s, "the id after %q must be a positive whole number", kind+":")
		}
		return ScheduleTarget{Kind: kind, ID: id}, nil
	}
	w, err := ParseWhen(s, "", "", false)
	if err != nil {
		return ScheduleTarget{}, targetError(field, s, "it is neither meeting:ID, agreement:ID, horizon nor a date (%v)", err)
	}
	if w.Latest.IsZero() {
		return ScheduleTarget{}, targetError(field, s, "the date %s has no last day to finish by", s)
	}
	return ScheduleTarget{Kind: TargetDate, When: w, Date: w.Latest}, nil
}

func targetError(field, s, format string, args ...any) error {
	problem := fmt.Sprintf(format, args...)
	return &Error{Code: EINVALID, Message: "The target " + strconv.Quote(s) + " cannot be read: " + problem + ".",
		Fields: map[string]string{field: problem + " (meeting:ID, agreement:ID, horizon, or a date such as 2025-02-28)"}}
}

// Schedule is the computed schedule of a roadmap: for each open or done action its projected
// (early) and latest allowed dates in working days of its lead party's calendar, its slack and
// flags, the critical paths to the target, and the "what must happen by when" list. Cancelled
// actions and their dependencies take no part.
type Schedule struct {
	RoadmapID int64 `json:"roadmap_id"`
	Today     Date  `json:"today"`
	// Target is what the schedule leads to; nil when the roadmap has neither a signing
	// ceremony nor a horizon and none was asked for (work is then held to its own finish).
	Target *ScheduleTarget `json:"target,omitempty"`
	// Finish is the projected last day of the work not done yet.
	Finish  Date             `json:"finish,omitzero"`
	Actions []ActionSchedule `json:"actions"`
	// CriticalPaths are the chains of unfinished actions that decide when the target is
	// reached, ordered by their first action's start.
	CriticalPaths []CriticalPath `json:"critical_paths"`
	MorePaths     bool           `json:"more_paths,omitempty"` // more paths exist than are listed
	// Deadlines is the "what must happen by when" list: every action not done, ordered by the
	// latest day it may finish on.
	Deadlines []ScheduleDeadline `json:"deadlines"`
}

// ActionSchedule is the computed schedule of one action. A start is the first day of work, a
// finish the last; a milestone (no duration) starts and finishes on its date.
type ActionSchedule struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	TrackID   int64  `json:"track_id,omitempty"`
	LeadParty string `json:"lead_party,omitempty"`
	Status    string `json:"status"`
	Milestone bool   `json:"milestone,omitempty"`
	// EarlyStart and EarlyFinish are the projected dates (the actual ones once done).
	EarlyStart  Date `json:"early_start"`
	EarlyFinish Date `json:"early_finish"`
	// LateStart and LateFinish are the latest dates that keep every deadline and the target.
	LateStart  Date `json:"late_start"`
	LateFinish Date `json:"late_finish"`
	// Slack is how many working days the action can slip without a later date being missed;
	// negative when one will be missed.
	Slack     int      `json:"slack"`
	Due       Date     `json:"due,omitzero"` // the last day of the action's due date
	Critical  bool     `json:"critical"`     // not done and no slack
	Late      bool     `json:"late"`         // not done and due before today
	AtRisk    bool     `json:"at_risk"`      // projected to miss a date: see Reasons
	Blocked   bool     `json:"blocked"`      // blocked, or waits for a blocked action
	BlockedBy int64    `json:"blocked_by,omitempty"`
	Reasons   []string `json:"reasons,omitempty"` // the Risk… constants
}

// CriticalPath is one chain of actions, in dependency order, each held back by the one before.
type CriticalPath struct {
	Actions []int64 `json:"actions"`
	// Slack is how many working days the chain can slip before the target is missed;
	// negative when it will be missed by that many.
	Slack int `json:"slack"`
}

// ScheduleDeadline is one line of the "what must happen by when" list.
type ScheduleDeadline struct {
	ID              int64  `json:"id"`
	Title           string `json:"title"`
	LatestFinish    Date   `json:"latest_finish"`
	ProjectedFinish Date   `json:"projected_finish"`
	Slack           int    `json:"slack"`
	Critical        bool   `json:"critical"`
	Late            bool   `json:"late"`
	AtRisk          bool   `json:"at_risk"`
	Blocked         bool   `json:"blocked"`
}

// ByAction indexes the actions' schedules by action id.
func (s *Schedule) ByAction() map[int64]*ActionSchedule {
	m := make(map[int64]*ActionSchedule, len(s.Actions))
	for i := range s.Actions {
		m[s.Actions[i].ID] = &s.Actions[i]
	}
	return m
}

// OnCriticalPath returns the ids of the actions on any critical path.
func (s *Schedule) OnCriticalPath() map[int64]bool {
	m := map[int64]bool{}
	for _, p := range s.CriticalPaths {
		for _, id := range p.Actions {
			m[id] = true
		}
	}
	return m
}

// ScheduleService computes roadmap schedules on request, from the actions, their dependencies
// and the lead parties' working calendars, so that a schedule is current after any change.
// Anyone who may read the roadmap may call it (ENOTFOUND otherwise). A target of another
// roadmap or without a date, and actions that cannot be scheduled (a dependency cycle, a done
// action without its finish day, a lead party without a calendar), are EINVALID naming them.
type ScheduleService interface {
	RoadmapSchedule(ctx context.Context, roadmapID int64, target ScheduleTarget) (*Schedule, error)
}
