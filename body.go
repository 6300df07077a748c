package entente

import (
	"context"
	"time"
)

// Kinds of body.
var BodyKinds = []string{"ministry", "agency", "commission", "working_group", "parliamentary_group",
	"business_council", "embassy", "office", "other"}

// Body is a ministry, agency, commission, working group, parliamentary group or business
// council. It belongs to one party, or is joint (Party "") such as a Joint Ministerial
// Commission, in which case Parties names the parties it joins.
type Body struct {
	ID        int64     `json:"id"`
	Party     string    `json:"party,omitempty"`
	Parties   []string  `json:"parties,omitempty"` // for joint bodies
	Name      string    `json:"name"`
	ShortName string    `json:"short_name,omitempty"`
	Kind      string    `json:"kind"`
	ParentID  int64     `json:"parent_id,omitempty"` // e.g. the commission a working group reports to
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// IsJoint reports whether the body belongs to no single party.
func (b *Body) IsJoint() bool { return b.Party == "" }

// Validate checks the body's fields.
func (b *Body) Validate() error {
	probs := Problems{}
	if b.Party != "" && !ValidPartyCode(b.Party) {
		probs.Add("party", "is not a party code")
	}
	if b.Party != "" && len(b.Parties) > 0 {
		probs.Add("parties", "only a joint body (no party) lists parties")
	}
	if b.Party == "" && len(b.Parties) < 2 {
		probs.Add("parties", "a joint body joins at least two parties")
	}
	for _, p := range b.Parties {
		if !ValidPartyCode(p) {
			probs.Addf("parties", "%q is not a party code", p)
		}
	}
	checkText(probs, "name", b.Name, true, 300)
	checkText(probs, "short_name", b.ShortName, false, 50)
	checkOneOf(probs, "kind", b.Kind, BodyKinds)
	if b.ParentID != 0 && b.ParentID == b.ID {
		probs.Add("parent_id", "a body cannot be its own parent")
	}
	return probs.Err("body")
}

// BodyUpdate holds the fields of a body to change.
type BodyUpdate struct {
	Version   int       `json:"version"`
	Name      *string   `json:"name"`
	ShortName *string   `json:"short_name"`
	Kind      *string   `json:"kind"`
	Parties   *[]string `json:"parties"`
	ParentID  *int64    `json:"parent_id"`
}

// Apply copies the set fields onto b.
func (u BodyUpdate) Apply(b *Body) {
	setIf(&b.Name, u.Name)
	setIf(&b.ShortName, u.ShortName)
	setIf(&b.Kind, u.Kind)
	setIf(&b.Parties, u.Parties)
	setIf(&b.ParentID, u.ParentID)
}

// BodyFilter selects bodies. Party "joint" selects joint bodies.
type BodyFilter struct {
	Party string
	Kind  string
	Q     string
	Page  Page
}

// BodyService manages bodies. Anyone may read them; users may change the bodies of their own
// party and joint bodies (EFORBIDDEN otherwise). A body that tracks, actions or people refer to
// cannot be deleted (ECONFLICT).
type BodyService interface {
	FindBodyByID(ctx context.Context, id int64) (*Body, error)
	FindBodies(ctx context.Context, filter BodyFilter) ([]*Body, int, error)
	CreateBody(ctx context.Context, b *Body) error
	UpdateBody(ctx context.Context, id int64, upd BodyUpdate) (*Body, error)
	DeleteBody(ctx context.Context, id int64) error
}
