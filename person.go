package entente

import (
	"context"
	"time"
)

// Person is a named official with a role (title of office), a party and a body.
type Person struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Role      string    `json:"role"` // Prime Minister, Minister of Foreign Affairs
	Party     string    `json:"party"`
	BodyID    int64     `json:"body_id,omitempty"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Validate checks the person's fields.
func (p *Person) Validate() error {
	probs := Problems{}
	checkText(probs, "name", p.Name, true, 200)
	checkText(probs, "role", p.Role, false, 200)
	if !ValidPartyCode(p.Party) {
		probs.Add("party", "is required: a party code such as PAK")
	}
	return probs.Err("person")
}

// PersonUpdate holds the fields of a person to change.
type PersonUpdate struct {
	Version int     `json:"version"`
	Name    *string `json:"name"`
	Role    *string `json:"role"`
	BodyID  *int64  `json:"body_id"`
}

// Apply copies the set fields onto p.
func (u PersonUpdate) Apply(p *Person) {
	setIf(&p.Name, u.Name)
	setIf(&p.Role, u.Role)
	setIf(&p.BodyID, u.BodyID)
}

// PersonFilter selects people.
type PersonFilter struct {
	Party  string
	BodyID int64
	Q      string
	Page   Page
}

// PersonService manages people. Anyone may read them; users may change the people of their own
// party (EFORBIDDEN otherwise). A person who takes part in meetings can still be deleted; the
// meetings keep the party's participation.
type PersonService interface {
	FindPersonByID(ctx context.Context, id int64) (*Person, error)
	FindPeople(ctx context.Context, filter PersonFilter) ([]*Person, int, error)
	CreatePerson(ctx context.Context, p *Person) error
	UpdatePerson(ctx context.Context, id int64, upd PersonUpdate) (*Person, error)
	DeletePerson(ctx context.Context, id int64) error
}
