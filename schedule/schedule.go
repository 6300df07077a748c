// Package schedule computes the critical path of a roadmap: from its actions, their durations
// in working days of each lead party's calendar, their dependencies and deadlines, it derives
// early and late dates, total slack, the critical path(s) to a target date (the meeting or the
// signing the actions lead to), and which actions are late, at risk or blocked.
//
// The package is pure: it has its own input types (Task, Dependency, Input), which the caller
// maps from entente.Action and entente.Dependency, and it knows nothing of storage or HTTP. It
// reads the calendars only through the WorkingDays interface, which *calendar.Calendar
// satisfies.
//
// # Working days and boundaries
//
// A task of duration d working days occupies d working days of its calendar: it starts on a
// working day and finishes at the end of its d-th working day. A milestone (duration 0) takes
// no time: it is reached at the end of one day, its date.
//
// Dependencies join the predecessor's finish (FS, FF) or start (SS) to the successor's start
// (FS, SS) or finish (FF). A lag counts working days of the successor's calendar, since it is
// the successor's side that waits:
//
//   - FS, lag L: the successor's first day is at least the L-th working day after the first
//     working day that follows the predecessor's last day; with L = 0 it may start on the
//     first working day after the predecessor finishes. A negative lag (a lead) lets the two
//     overlap by that many working days.
//   - SS, lag L: the successor starts at least L working days after the predecessor started.
//   - FF, lag L: the successor finishes at least L working days after the predecessor
//     finished (L = 0: not before it).
//
// Every date is computed on an index of working days that is built once per calendar and
// computation, so moving n working days is two slice look-ups, not n calls to the calendar.
//
// # Status
//
// A done task keeps its actual dates and constrains nobody backwards. A task in progress has
// started: dependencies on its start (FS, SS) no longer hold it back, and its remaining work,
// (100 − progress)% of its duration rounded up and at least one day, runs from today on. A
// blocked task is scheduled as if it could start today, and flagged, with every task that
// waits for it.
package schedule

import (
	"fmt"

	"github.com/entente/entente"
)

// Horizon limits, in working days. Ten years of five-day weeks is 2,610 working days; the
// limits follow entente.Action and entente.Dependency (2,600 days of duration or lag, and a
// lead of at most one year), so that input the domain accepts is always accepted here.
const (
	MaxDuration = 2600 // the longest duration of one task
	MaxLag      = 2600 // the longest lag of a dependency
	MaxLead     = 260  // the longest lead (negative lag) of a dependency
)

// MaxYears is how far from today, in years, a date of the input may lie. The working-day
// index spans every date it is asked about, so a mistyped year (a deadline in 9999) would
// cost millions of calendar look-ups on every recomputation.
const MaxYears = 100

// MaxPaths is the most critical paths a Result lists. Paths can multiply (every fork of equal
// slack doubles them); past this number Result.MorePaths is set.
const MaxPaths = 10

// WorkingDays is a working-day calendar: the lead party's offices, with their weekends,
// holidays and transferred days. *calendar.Calendar implements it. Compute calls it once per
// day of the span it needs and never again for the same day.
type WorkingDays interface {
	IsWorkingDay(entente.Date) bool
}

// Weekdays is the plain Monday-to-Friday calendar with no holidays. Tasks that name no
// calendar use it unless the Input gives a calendar under the empty name.
type Weekdays struct{}

// IsWorkingDay reports whether d falls on Monday to Friday.
func (Weekdays) IsWorkingDay(d entente.Date) bool {
	wd := weekdayOf(dayNumber(d))
	return wd >= 1 && wd <= 5
}

// Status is where a task stands.
type Status string

// Statuses of a task. The empty status means NotStarted.
const (
	NotStarted Status = "not_started"
	InProgress Status = "in_progress"
	Done       Status = "done"
	Blocked    Status = "blocked"
)

// Kind is the kind of a dependency.
type Kind string

// Dependency kinds. The empty kind means FinishToStart.
const (
	FinishToStart  Kind = "FS"
	StartToStart   Kind = "SS"
	FinishToFinish Kind = "FF"
)

// Task is one action of a roadmap as the scheduler sees it.
type Task struct {
	ID    int64  `json:"id"`
	Title string `json:"title"` // names the action in messages
	// Calendar names the working calendar (Input.Calendars) of the lead party, e.g. "PAK".
	Calendar string `json:"calendar,omitempty"`
	// Duration in working days of Calendar: at least 1, or 0 for a milestone.
	Duration int    `json:"duration"`
	Status   Status `json:"status,omitempty"`
	Progress int    `json:"progress,omitempty"` // percent done, 0 to 100; used while in progress
	// Start fixes the first day of a task that has not started (a meeting on a set day). A
	// day off moves it to the next working day. Predecessors that cannot finish in time
	// push the task later, and it is flagged at risk.
	Start entente.Date `json:"start,omitzero"`
	// Due is the deadline as it was said; its Latest day counts ("February 2025" is due on
	// 28 February). A When without a last day ("after March") sets no deadline.
	Due entente.When `json:"due,omitzero"`
	// Started is the day work began, for a task in progress or done. When it is missing it
	// is estimated from the progress (in progress) or the duration (done).
	Started entente.Date `json:"started,omitzero"`
	// Finished is the day a done task was finished; required when Status is Done.
	Finished entente.Date `json:"finished,omitzero"`
}

// Dependency says that Successor waits for Predecessor, with a lag in working days of the
// successor's calendar (negative for a lead).
type Dependency struct {
	Predecessor int64 `json:"predecessor"`
	Successor   int64 `json:"successor"`
	Kind        Kind  `json:"kind,omitempty"`
	Lag         int   `json:"lag_days,omitempty"`
}

// Input is everything Compute needs.
type Input struct {
	// Today is the first day on which remaining work can be done, given by the caller's
	// clock. Required.
	Today entente.Date `json:"today"`
	// Target is the date the work leads to: the meeting or the signing. Its Latest day is
	// the last day on which work may finish. A task is held to the target unless its own
	// deadline or fixed start is later than it (it was planned beyond the target). Without
	// a target, tasks are held to the projected finish of all the work.
	Target       entente.When `json:"target,omitzero"`
	Tasks        []Task       `json:"tasks"`
	Dependencies []Dependency `json:"dependencies"`
	// Calendars maps the names used in Task.Calendar to working calendars.
	Calendars map[string]WorkingDays `json:"-"`
}

// Reason says why a task is at risk.
type Reason string

// Reasons for the at-risk flag.
const (
	AfterDue         Reason = "after_due"          // projected to finish after its own deadline
	AfterTarget      Reason = "after_target"       // projected to finish after the target
	MissesFixedStart Reason = "misses_fixed_start" // predecessors push it past its fixed start
	DelaysDependent  Reason = "delays_dependent"   // its finish makes a later date be missed
)

// TaskSchedule is the computed schedule of one task. Dates are days: a start is the first
// day of work, a finish the last; a milestone starts and finishes on its date.
type TaskSchedule struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Status    Status `json:"status"`
	Milestone bool   `json:"milestone,omitempty"`
	// EarlyStart and EarlyFinish are the projected dates (the actual ones once done).
	EarlyStart  entente.Date `json:"early_start"`
	EarlyFinish entente.Date `json:"early_finish"`
	// LateStart and LateFinish are the latest dates that keep every deadline, fixed start
	// and the target. They may lie in the past, or before the early dates (negative slack).
	LateStart  entente.Date `json:"late_start"`
	LateFinish entente.Date `json:"late_finish"`
	// Slack is the total slack in working days of the task's calendar: how far the task can
	// slip without a later date being missed. Done tasks have 0.
	Slack    int          `json:"slack"`
	Due      entente.Date `json:"due,omitzero"`
	Critical bool         `json:"critical"` // not done and Slack ≤ 0
	Late     bool         `json:"late"`     // not done and the deadline is before today
	AtRisk   bool         `json:"at_risk"`  // not done and Reasons is not empty
	Blocked  bool         `json:"blocked"`  // blocked, or waits (directly or not) for a blocked task
	// BlockedBy is the id of a blocked task this one waits for (its own id if it is blocked).
	BlockedBy int64    `json:"blocked_by,omitempty"`
	Reasons   []Reason `json:"reasons,omitempty"`
}

// Path is one critical path: task ids in dependency order, each task's date set by the one
// before it, so that a slip of any of them moves the end of the path.
type Path struct {
	Tasks []int64 `json:"tasks"`
	// Slack is how many working days the path can slip before the target moves (without a
	// target: before the projected finish moves); negative when the target will be missed
	// by that many days. Own deadlines and fixed starts do not count here: they give each
	// task's Slack and flags.
	Slack int `json:"slack"`
}

// Result is a computed schedule.
type Result struct {
	Today  entente.Date `json:"today"`
	Target entente.Date `json:"target,omitzero"`
	// Finish is the projected last day of the work that is not done yet.
	Finish entente.Date   `json:"finish,omitzero"`
	Tasks  []TaskSchedule `json:"tasks"` // in the order of Input.Tasks
	// CriticalPaths are the chains of unfinished tasks that decide when the target is
	// reached (without a target: when the work finishes), ordered by their first task's
	// start. A path's tasks need not be flagged Critical: a path with slack to spare has
	// none, and a task with a tight deadline of its own is critical off the path.
	CriticalPaths []Path `json:"critical_paths"`
	MorePaths     bool   `json:"more_paths,omitempty"` // more than MaxPaths paths exist
}

// label names a task in messages the way users know it.
func label(t *Task) string {
	return fmt.Sprintf("action %q (#%d)", t.Title, t.ID)
}
