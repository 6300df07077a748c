package entente

import "time"

// AgreementText is one language's text of one version of an agreement: a title, a preamble and
// numbered articles. An agreement may have several authentic languages (English and Russian).
type AgreementText struct {
	Language string    `json:"language"` // BCP 47 tag: en, ru, ur
	Title    string    `json:"title"`
	Preamble string    `json:"preamble,omitempty"`
	Articles []Article `json:"articles"`
}

// Article is one numbered clause of an agreement text.
type Article struct {
	Number  string `json:"number"` // as printed: "1", "2", "5 bis"
	Heading string `json:"heading,omitempty"`
	Body    string `json:"body"`
}

// AgreementVersion is one saved, immutable version of an agreement's text in all its languages.
// Saving a change makes a new version; an old one is never edited.
type AgreementVersion struct {
	ID          int64           `json:"id"`
	AgreementID int64           `json:"agreement_id"`
	Number      int             `json:"number"` // 1, 2, 3 … per agreement
	Party       string          `json:"party"`  // the party that tabled this version
	Round       int             `json:"round"`  // the negotiation round it belongs to (0: first draft)
	Scope       string          `json:"scope"`  // ScopeShared, or a party code for an internal draft
	Note        string          `json:"note,omitempty"`
	Texts       []AgreementText `json:"texts"`
	Digest      string          `json:"digest"` // hex SHA-256 of the canonical form of Texts
	CreatedAt   time.Time       `json:"created_at"`
	CreatedBy   int64           `json:"created_by,omitempty"`

	// CreatedByName is the name of the user who saved the version, for the list of versions.
	CreatedByName string `json:"created_by_name,omitempty"`
}
