package entente

import (
	"context"
	"time"
)

// Kinds of entity a note can be attached to.
var NoteEntities = []string{"roadmap", "track", "action", "meeting", "agreement", "commitment", "interest"}

// Note is a comment on anything in a roadmap, shared with all parties (Scope "shared") or
// internal to one party (Scope is that party's code), in which case no user of another party
// ever learns it exists.
type Note struct {
	ID         int64     `json:"id"`
	RoadmapID  int64     `json:"roadmap_id"`
	EntityType string    `json:"entity_type"`
	EntityID   int64     `json:"entity_id"`
	Scope      string    `json:"scope"`
	Body       string    `json:"body"`
	AuthorID   int64     `json:"author_id,omitempty"`
	AuthorName string    `json:"author_name,omitempty"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// Validate checks the note's fields.
func (n *Note) Validate() error {
	probs := Problems{}
	checkOneOf(probs, "entity_type", n.EntityType, NoteEntities)
	if n.EntityID <= 0 {
		probs.Add("entity_id", "is required")
	}
	if n.Scope != ScopeShared && !ValidPartyCode(n.Scope) {
		probs.Add("scope", "must be shared or a party code")
	}
	checkText(probs, "body", n.Body, true, 20000)
	return probs.Err("note")
}

// NoteUpdate holds the fields of a note to change. The scope of a note cannot change: an
// internal note made shared would be a disclosure, and one made internal would vanish from the
// other side's view; such a move is a new note.
type NoteUpdate struct {
	Version int     `json:"version"`
	Body    *string `json:"body"`
}

// NoteFilter selects notes.
type NoteFilter struct {
	RoadmapID  int64
	EntityType string
	EntityID   int64
	Scope      string
	Q          string
	Page       Page
}

// NoteService manages notes. A caller never sees, counts or finds notes internal to another
// party (ENOTFOUND). Members who may write add notes; authors and editors of the note's party
// change them (EFORBIDDEN otherwise). A note's scope is the caller's party or shared; setting
// another party's scope is EINVALID.
type NoteService interface {
	FindNoteByID(ctx context.Context, id int64) (*Note, error)
	FindNotes(ctx context.Context, filter NoteFilter) ([]*Note, int, error)
	CreateNote(ctx context.Context, n *Note) error
	UpdateNote(ctx context.Context, id int64, upd NoteUpdate) (*Note, error)
	DeleteNote(ctx context.Context, id int64) error
}
