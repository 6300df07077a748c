package entente

import (
	"context"
	"time"
)

// Roadmap statuses.
const (
	RoadmapDraft     = "draft"
	RoadmapActive    = "active"
	RoadmapSuspended = "suspended"
	RoadmapCompleted = "completed"
	RoadmapArchived  = "archived"
)

var roadmapTransitions = map[string][]string{
	RoadmapDraft:     {RoadmapActive, RoadmapArchived},
	RoadmapActive:    {RoadmapSuspended, RoadmapCompleted, RoadmapArchived},
	RoadmapSuspended: {RoadmapActive, RoadmapArchived},
	RoadmapCompleted: {RoadmapActive, RoadmapArchived},
	RoadmapArchived:  {RoadmapActive},
}

// RoadmapStatuses lists the statuses in their usual order.
var RoadmapStatuses = []string{RoadmapDraft, RoadmapActive, RoadmapSuspended, RoadmapCompleted, RoadmapArchived}

// Roadmap is the cooperation plan between two or more parties: tracks (sectors), a target
// horizon and a status. FindRoadmapByID also fills Tracks and Stats.
type Roadmap struct {
	ID          int64     `json:"id"`
	Title       string    `json:"title"`
	Description string    `json:"description,omitempty"`
	Parties     []string  `json:"parties"`
	Status      string    `json:"status"`
	Horizon     When      `json:"horizon,omitzero"`
	Public      bool      `json:"public"` // readable without signing in (shared items only)
	Version     int       `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`

	Tracks []*Track      `json:"tracks,omitempty"`
	Stats  *RoadmapStats `json:"stats,omitempty"`
}

// RoadmapStats counts what a roadmap holds, as the caller may see it.
type RoadmapStats struct {
	Actions        int            `json:"actions"`
	ActionsDone    int            `json:"actions_done"`
	ActionsOverdue int            `json:"actions_overdue"`
	ActionsBy      map[string]int `json:"actions_by_status"`
	Meetings       int            `json:"meetings"`
	Agreements     int            `json:"agreements"`
	Commitments    int            `json:"commitments"`
	Interests      int            `json:"interests"`
}

// Validate checks the roadmap's own fields.
func (r *Roadmap) Validate() error {
	probs := Problems{}
	checkText(probs, "title", r.Title, true, 300)
	checkText(probs, "description", r.Description, false, 20000)
	checkOneOf(probs, "status", r.Status, RoadmapStatuses)
	if len(r.Parties) < 2 {
		probs.Add("parties", "a roadmap needs at least two parties")
	}
	seen := map[string]bool{}
	for _, p := range r.Parties {
		if !ValidPartyCode(p) {
			probs.Addf("parties", "%q is not a party code", p)
		} else if seen[p] {
			probs.Addf("parties", "%s is listed twice", p)
		}
		seen[p] = true
	}
	return probs.Err("roadmap")
}

// HasParty reports whether code is one of the roadmap's parties.
func (r *Roadmap) HasParty(code string) bool {
	for _, p := range r.Parties {
		if p == code {
			return true
		}
	}
	return false
}

// RoadmapUpdate holds the fields of a roadmap to change; nil fields stay as they are.
type RoadmapUpdate struct {
	Version     int       `json:"version"`
	Title       *string   `json:"title"`
	Description *string   `json:"description"`
	Parties     *[]string `json:"parties"`
	Status      *string   `json:"status"`
	Horizon     *When     `json:"horizon"`
	Public      *bool     `json:"public"`
}

// Apply copies the set fields onto r after checking the status transition.
func (u RoadmapUpdate) Apply(r *Roadmap) error {
	probs := Problems{}
	if u.Status != nil {
		checkTransition(probs, "status", r.Status, *u.Status, roadmapTransitions)
	}
	setIf(&r.Title, u.Title)
	setIf(&r.Description, u.Description)
	setIf(&r.Parties, u.Parties)
	setIf(&r.Status, u.Status)
	setIf(&r.Horizon, u.Horizon)
	setIf(&r.Public, u.Public)
	return probs.Err("roadmap")
}

// RoadmapFilter selects roadmaps.
type RoadmapFilter struct {
	Party  string
	Status string
	Q      string
	Page   Page
}

// RoadmapService manages roadmaps. Callers see the roadmaps they are members of, and public
// ones; others are ENOTFOUND. Any signed-in user may create a roadmap and becomes its
// administrator; changes need the administrator role (EFORBIDDEN). A stale version is ECONFLICT.
// Deleting a roadmap deletes everything in it.
type RoadmapService interface {
	FindRoadmapByID(ctx context.Context, id int64) (*Roadmap, error)
	FindRoadmaps(ctx context.Context, filter RoadmapFilter) ([]*Roadmap, int, error)
	CreateRoadmap(ctx context.Context, r *Roadmap) error
	UpdateRoadmap(ctx context.Context, id int64, upd RoadmapUpdate) (*Roadmap, error)
	DeleteRoadmap(ctx context.Context, id int64) error
}
