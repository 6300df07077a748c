package entente

import (
	"context"
	"encoding/json"
	"time"
)

// AuditEntry records one change (or sign-in, export, permission change): who, when, what, the
// fields before and after, and the request. Entries form a hash chain: each holds the SHA-256
// of the previous entry's hash and its own content, so an edited, inserted or deleted entry
// breaks the chain.
type AuditEntry struct {
	ID         int64           `json:"id"`
	At         time.Time       `json:"at"`
	UserID     int64           `json:"user_id,omitempty"`
	UserName   string          `json:"user_name"`
	Party      string          `json:"party,omitempty"`
	Action     string          `json:"action"` // create, update, delete, sign_in, sign_in_failed, export …
	EntityType string          `json:"entity_type"`
	EntityID   string          `json:"entity_id,omitempty"`
	RoadmapID  int64           `json:"roadmap_id,omitempty"`
	Scope      string          `json:"scope"` // shared, or the party whose internal item it concerns
	Before     json.RawMessage `json:"before,omitempty"`
	After      json.RawMessage `json:"after,omitempty"`
	RequestID  string          `json:"request_id,omitempty"`
	PrevHash   string          `json:"prev_hash"`
	Hash       string          `json:"hash"`
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	RoadmapID  int64
	EntityType string
	EntityID   string
	UserID     int64
	Action     string
	From, To   time.Time
	Page       Page
}

// AuditCheck is the result of walking the audit chain.
type AuditCheck struct {
	Entries  int    `json:"entries"`
	LastHash string `json:"last_hash"` // keep it elsewhere: a later check ending on another hash means entries were cut off
	BrokenAt int64  `json:"broken_at,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

// AuditService reads the audit trail; entries are written by the other services in the
// transaction of the change they record. Callers see entries of the roadmaps they may read,
// never those about another party's internal items. Administrators of the installation see
// every shared entry.
type AuditService interface {
	FindAuditEntries(ctx context.Context, filter AuditFilter) ([]*AuditEntry, int, error)
	// VerifyAuditChain walks the whole chain; administrators of the installation may.
	VerifyAuditChain(ctx context.Context) (*AuditCheck, error)
}
