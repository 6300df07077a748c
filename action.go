package entente

import (
	"context"
	"time"
)

// Action statuses.
const (
	ActionNotStarted = "not_started"
	ActionInProgress = "in_progress"
	ActionDone       = "done"
	ActionBlocked    = "blocked"
	ActionCancelled  = "cancelled"
)

// ActionStatuses lists the statuses in their usual order.
var ActionStatuses = []string{ActionNotStarted, ActionInProgress, ActionBlocked, ActionDone, ActionCancelled}

var actionTransitions = map[string][]string{
	ActionNotStarted: {ActionInProgress, ActionDone, ActionBlocked, ActionCancelled},
	ActionInProgress: {ActionDone, ActionBlocked, ActionNotStarted, ActionCancelled},
	ActionBlocked:    {ActionInProgress, ActionNotStarted, ActionCancelled},
	ActionDone:       {ActionInProgress},
	ActionCancelled:  {ActionNotStarted},
}

// Action is an actionable step of a roadmap: who leads it, its status, when it is planned and
// due, how far it has got, the evidence, and where it came from.
type Action struct {
	ID           int64     `json:"id"`
	RoadmapID    int64     `json:"roadmap_id"`
	TrackID      int64     `json:"track_id,omitempty"`
	Title        string    `json:"title"`
	Description  string    `json:"description,omitempty"`
	LeadParty    string    `json:"lead_party,omitempty"`
	LeadBodyID   int64     `json:"lead_body_id,omitempty"`
	Status       string    `json:"status"`
	PlannedStart Date      `json:"planned_start,omitzero"`
	DurationDays int       `json:"duration_days"` // working days of the lead party
	Due          When      `json:"due,omitzero"`
	Progress     int       `json:"progress"` // percent
	Evidence     string    `json:"evidence,omitempty"`
	DoneOn       Date      `json:"done_on,omitzero"` // the day it was finished
	SourceID     int64     `json:"source_id,omitempty"`
	CommitmentID int64     `json:"commitment_id,omitempty"`
	Version      int       `json:"version"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`

	// Filled by FindActionByID: what this action waits for and what waits for it.
	Predecessors []*Dependency `json:"predecessors,omitempty"`
	Successors   []*Dependency `json:"successors,omitempty"`
}

// Validate checks the action's fields.
func (a *Action) Validate() error {
	probs := Problems{}
	if a.RoadmapID <= 0 {
		probs.Add("roadmap_id", "is required")
	}
	checkText(probs, "title", a.Title, true, 300)
	checkText(probs, "description", a.Description, false, 20000)
	checkText(probs, "evidence", a.Evidence, false, 20000)
	checkOneOf(probs, "status", a.Status, ActionStatuses)
	if a.LeadParty != "" && !ValidPartyCode(a.LeadParty) {
		probs.Add("lead_party", "is not a party code")
	}
	if a.DurationDays < 0 || a.DurationDays > 2600 {
		probs.Add("duration_days", "must be between 0 and 2600 working days (ten years)")
	}
	if a.Progress < 0 || a.Progress > 100 {
		probs.Add("progress", "must be between 0 and 100")
	}
	if a.Status == ActionDone && a.Progress != 100 {
		probs.Add("progress", "a done action is 100% complete")
	}
	if !a.DoneOn.IsZero() && a.Status != ActionDone {
		probs.Add("done_on", "only a done action has a finish day")
	}
	return probs.Err("action")
}

// IsOpen reports whether the action still has to be done.
func (a *Action) IsOpen() bool { return a.Status != ActionDone && a.Status != ActionCancelled }

// IsOverdue reports whether the action is open and its due date has passed on today.
func (a *Action) IsOverdue(today Date) bool {
	d := a.Due.Deadline()
	return a.IsOpen() && !d.IsZero() && d.Before(today)
}

// ActionUpdate holds the fields of an action to change.
type ActionUpdate struct {
	Version      int     `json:"version"`
	TrackID      *int64  `json:"track_id"`
	Title        *string `json:"title"`
	Description  *string `json:"description"`
	LeadParty    *string `json:"lead_party"`
	LeadBodyID   *int64  `json:"lead_body_id"`
	Status       *string `json:"status"`
	PlannedStart *Date   `json:"planned_start"`
	DurationDays *int    `json:"duration_days"`
	Due          *When   `json:"due"`
	Progress     *int    `json:"progress"`
	Evidence     *string `json:"evidence"`
	DoneOn       *Date   `json:"done_on"`
}

// Apply copies the set fields onto a, checking the status transition. Marking an action done
// completes its progress and records today as its finish day unless one is given; reopening it
// clears the finish day.
func (u ActionUpdate) Apply(a *Action, today Date) error {
	probs := Problems{}
	if u.Status != nil {
		checkTransition(probs, "status", a.Status, *u.Status, actionTransitions)
	}
	setIf(&a.TrackID, u.TrackID)
	setIf(&a.Title, u.Title)
	setIf(&a.Description, u.Description)
	setIf(&a.LeadParty, u.LeadParty)
	setIf(&a.LeadBodyID, u.LeadBodyID)
	setIf(&a.PlannedStart, u.PlannedStart)
	setIf(&a.DurationDays, u.DurationDays)
	setIf(&a.Due, u.Due)
	setIf(&a.Progress, u.Progress)
	setIf(&a.Evidence, u.Evidence)
	setIf(&a.DoneOn, u.DoneOn)
	if u.Status != nil && *u.Status != a.Status {
		a.Status = *u.Status
		a.settleDone(today)
	}
	return probs.Err("action")
}

// settleDone keeps progress and the finish day consistent with the status.
func (a *Action) settleDone(today Date) {
	if a.Status == ActionDone {
		a.Progress = 100
		if a.DoneOn.IsZero() {
			a.DoneOn = today
		}
		return
	}
	a.DoneOn = Date{}
	if a.Progress == 100 {
		a.Progress = 90
	}
}

// Prepare fills the derived fields of a new action: the default status, and progress and
// finish day for an action created as done.
func (a *Action) Prepare(today Date) {
	if a.Status == "" {
		a.Status = ActionNotStarted
	}
	if a.Status == ActionDone {
		a.settleDone(today)
	}
}

// ActionFilter selects actions.
type ActionFilter struct {
	RoadmapID int64
	TrackID   int64
	Party     string // lead party
	BodyID    int64  // lead body
	Status    string
	DueBefore Date // due on or before this day
	DueAfter  Date // due on or after this day
	OverdueOn Date // open and due before this day
	Q         string
	Page      Page // sorts: due, title, status, updated
}

// ActionSorts are the orders FindActions offers.
var ActionSorts = []string{"due", "title", "status", "updated"}

// ActionService manages actions and their dependencies. Reading needs read access to the
// roadmap (ENOTFOUND otherwise). Editors may change any action, contributors those of their
// bodies (EFORBIDDEN otherwise). A stale version is ECONFLICT. Deleting an action others depend
// on is ECONFLICT. A dependency between roadmaps, on itself, or one that would close a cycle is
// EINVALID and names the actions of the cycle.
type ActionService interface {
	FindActionByID(ctx context.Context, id int64) (*Action, error)
	FindActions(ctx context.Context, filter ActionFilter) ([]*Action, int, error)
	CreateAction(ctx context.Context, a *Action) error
	UpdateAction(ctx context.Context, id int64, upd ActionUpdate) (*Action, error)
	DeleteAction(ctx context.Context, id int64) error

	// RoadmapActions returns every action of a roadmap in id order, in one read, for work over
	// the whole roadmap such as its schedule (lists for people page with FindActions).
	// ENOTFOUND for a roadmap the caller may not read.
	RoadmapActions(ctx context.Context, roadmapID int64) ([]*Action, error)

	// CountOpenActionsByDue counts the open actions of a roadmap by the last day they are due.
	CountOpenActionsByDue(ctx context.Context, roadmapID int64) (map[Date]int, error)

	FindDependencies(ctx context.Context, roadmapID int64) ([]*Dependency, error)
	CreateDependency(ctx context.Context, d *Dependency) error
	DeleteDependency(ctx context.Context, id int64) error
}
