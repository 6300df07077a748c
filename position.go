package entente

import (
	"context"
	"time"
)

// Stances a party can take on an article or an action.
var Stances = []string{"support", "amend", "oppose", "reserve"}

// Position is a party's negotiating position on an agreement (as a whole or one article) or
// on an action: its stance and its reasons. A position is internal to its party unless the
// party chooses to share it.
type Position struct {
	ID         int64     `json:"id"`
	RoadmapID  int64     `json:"roadmap_id"`
	Party      string    `json:"party"`
	Scope      string    `json:"scope"` // the party's own code (internal, the default) or shared
	EntityType string    `json:"entity_type"`
	EntityID   int64     `json:"entity_id"`
	Article    string    `json:"article,omitempty"` // an article number of the agreement, or "" for all of it
	Stance     string    `json:"stance"`
	Text       string    `json:"text"`
	AuthorName string    `json:"author_name,omitempty"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Validate checks the position's fields.
func (p *Position) Validate() error {
	probs := Problems{}
	checkOneOf(probs, "entity_type", p.EntityType, []string{"agreement", "action"})
	if p.EntityID <= 0 {
		probs.Add("entity_id", "is required")
	}
	if p.Article != "" && p.EntityType != "agreement" {
		probs.Add("article", "only a position on an agreement names an article")
	}
	checkText(probs, "article", p.Article, false, 20)
	checkOneOf(probs, "stance", p.Stance, Stances)
	checkText(probs, "text", p.Text, true, 20000)
	if p.Scope != ScopeShared && p.Scope != p.Party {
		probs.Add("scope", "must be shared or the party's own code")
	}
	return probs.Err("position")
}

// PositionUpdate holds the fields of a position to change.
type PositionUpdate struct {
	Version int     `json:"version"`
	Stance  *string `json:"stance"`
	Text    *string `json:"text"`
	Scope   *string `json:"scope"`
}

// PositionFilter selects positions.
type PositionFilter struct {
	RoadmapID  int64
	EntityType string
	EntityID   int64
	Page       Page
}

// PositionService manages negotiating positions. A caller only ever reads the positions of
// their own party and the ones other parties shared; others are ENOTFOUND, and never counted.
// A position is always the caller's party's: a body that names another party is EINVALID.
// Editors and contributors of the roadmap may write positions.
type PositionService interface {
	FindPositionByID(ctx context.Context, id int64) (*Position, error)
	FindPositions(ctx context.Context, filter PositionFilter) ([]*Position, int, error)
	CreatePosition(ctx context.Context, p *Position) error
	UpdatePosition(ctx context.Context, id int64, upd PositionUpdate) (*Position, error)
	DeletePosition(ctx context.Context, id int64) error
}
