package entente

import (
	"context"
	"encoding/json"
	"net/url"
	"time"
)

// Source is a statement, press release or news report that was read in, with its publication
// date and what was extracted from it. Its text is never changed once stored.
type Source struct {
	ID          int64           `json:"id"`
	RoadmapID   int64           `json:"roadmap_id,omitempty"` // set once applied to a roadmap
	Title       string          `json:"title"`
	URL         string          `json:"url,omitempty"`
	Publisher   string          `json:"publisher,omitempty"`
	PublishedOn Date            `json:"published_on"`
	Language    string          `json:"language"`
	Text        string          `json:"text"`
	Extraction  json.RawMessage `json:"extraction,omitempty"` // the draft read from the text
	Scope       string          `json:"scope"`                // shared, or internal to a party until applied
	Version     int             `json:"version"`
	CreatedAt   time.Time       `json:"created_at"`
	UpdatedAt   time.Time       `json:"updated_at"`
}

// MaxSourceText is the largest statement text entente stores (5 MiB).
const MaxSourceText = 5 << 20

// Validate checks the source's fields.
func (s *Source) Validate() error {
	probs := Problems{}
	checkText(probs, "title", s.Title, true, 500)
	checkText(probs, "publisher", s.Publisher, false, 200)
	if s.URL != "" {
		if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			probs.Add("url", "must be an http or https address")
		}
	}
	if s.PublishedOn.IsZero() {
		probs.Add("published_on", "is required: the publication date resolves relative dates")
	}
	if !reLangTag.MatchString(s.Language) {
		probs.Add("language", "must be a language tag such as en")
	}
	if len(s.Text) > MaxSourceText {
		probs.Add("text", "is longer than 5 MiB")
	} else {
		checkText(probs, "text", s.Text, true, MaxSourceText)
	}
	if s.Scope != ScopeShared && !ValidPartyCode(s.Scope) {
		probs.Add("scope", "must be shared or a party code")
	}
	return probs.Err("source")
}

// SourceFilter selects sources.
type SourceFilter struct {
	RoadmapID int64
	Q         string
	Page      Page
}

// SourceUpdate holds the fields of a source that may change: its description, never its text.
type SourceUpdate struct {
	Version   int     `json:"version"`
	Title     *string `json:"title"`
	URL       *string `json:"url"`
	Publisher *string `json:"publisher"`
	RoadmapID *int64  `json:"roadmap_id"`
	Scope     *string `json:"scope"`
}

// Apply copies the set fields onto s.
func (u SourceUpdate) Apply(s *Source) {
	setIf(&s.Title, u.Title)
	setIf(&s.URL, u.URL)
	setIf(&s.Publisher, u.Publisher)
	setIf(&s.RoadmapID, u.RoadmapID)
	setIf(&s.Scope, u.Scope)
}

// SourceService manages sources. A source of a roadmap is read like the roadmap; a source not
// yet applied is read by its scope. Changes need the editor role of the roadmap, or for an
// unapplied source any signed-in user of its scope. Sources others refer to can still be
// deleted; the references are cleared.
type SourceService interface {
	FindSourceByID(ctx context.Context, id int64) (*Source, error)
	FindSources(ctx context.Context, filter SourceFilter) ([]*Source, int, error)
	CreateSource(ctx context.Context, s *Source) error
	UpdateSource(ctx context.Context, id int64, upd SourceUpdate) (*Source, error)
	DeleteSource(ctx context.Context, id int64) error
}
