package entente

import (
	"context"
	"time"
)

// Commitment statuses.
const (
	CommitmentPending    = "pending"
	CommitmentMet        = "met"
	CommitmentPartlyMet  = "partly_met"
	CommitmentMissed     = "missed"
	CommitmentSuperseded = "superseded"
)

// CommitmentStatuses lists the statuses in their usual order.
var CommitmentStatuses = []string{CommitmentPending, CommitmentMet, CommitmentPartlyMet, CommitmentMissed, CommitmentSuperseded}

// Who is responsible for a joint commitment: both parties of a bilateral roadmap, or all of a
// multilateral one.
const (
	ResponsibleBoth = "both"
	ResponsibleAll  = "all"
)

// Commitment is something a party (or both) said it would do: who, what, in which sectors, by
// when, where it was said, and whether it was kept.
type Commitment struct {
	ID          int64     `json:"id"`
	RoadmapID   int64     `json:"roadmap_id"`
	Statement   string    `json:"statement"`
	Sectors     []string  `json:"sectors"`
	Responsible string    `json:"responsible"` // a party code, "both" or "all"
	Due         When      `json:"due,omitzero"`
	Status      string    `json:"status"`
	Evidence    string    `json:"evidence,omitempty"`
	SourceID    int64     `json:"source_id,omitempty"`
	Quote       string    `json:"quote,omitempty"` // the sentence of the source it came from
	Version     int       `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Validate checks the commitment's fields.
func (c *Commitment) Validate() error {
	probs := Problems{}
	if c.RoadmapID <= 0 {
		probs.Add("roadmap_id", "is required")
	}
	checkText(probs, "statement", c.Statement, true, 2000)
	checkText(probs, "evidence", c.Evidence, false, 20000)
	checkText(probs, "quote", c.Quote, false, 5000)
	checkSectors(probs, "sectors", c.Sectors)
	if c.Responsible != ResponsibleBoth && c.Responsible != ResponsibleAll && !ValidPartyCode(c.Responsible) {
		probs.Add("responsible", "must be a party code, both or all")
	}
	checkOneOf(probs, "status", c.Status, CommitmentStatuses)
	return probs.Err("commitment")
}

func checkSectors(probs Problems, field string, sectors []string) {
	for _, s := range sectors {
		if !ValidSector(s) {
			probs.Addf(field, "%q is not a known sector code", s)
		}
	}
}

// CommitmentUpdate holds the fields of a commitment to change.
type CommitmentUpdate struct {
	Version     int       `json:"version"`
	Statement   *string   `json:"statement"`
	Sectors     *[]string `json:"sectors"`
	Responsible *string   `json:"responsible"`
	Due         *When     `json:"due"`
	Status      *string   `json:"status"`
	Evidence    *string   `json:"evidence"`
}

// Apply copies the set fields onto c.
func (u CommitmentUpdate) Apply(c *Commitment) {
	setIf(&c.Statement, u.Statement)
	setIf(&c.Sectors, u.Sectors)
	setIf(&c.Responsible, u.Responsible)
	setIf(&c.Due, u.Due)
	setIf(&c.Status, u.Status)
	setIf(&c.Evidence, u.Evidence)
}

// CommitmentFilter selects commitments.
type CommitmentFilter struct {
	RoadmapID   int64
	Responsible string
	Sector      string
	Status      string
	DueBefore   Date
	DueAfter    Date
	Q           string
	Page        Page
}

// CommitmentService manages commitments. Reading needs read access to the roadmap (ENOTFOUND
// otherwise); changes need the editor role (EFORBIDDEN); a stale version is ECONFLICT.
type CommitmentService interface {
	FindCommitmentByID(ctx context.Context, id int64) (*Commitment, error)
	FindCommitments(ctx context.Context, filter CommitmentFilter) ([]*Commitment, int, error)
	CreateCommitment(ctx context.Context, c *Commitment) error
	UpdateCommitment(ctx context.Context, id int64, upd CommitmentUpdate) (*Commitment, error)
	DeleteCommitment(ctx context.Context, id int64) error
}
