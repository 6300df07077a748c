package entente

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// MaxRound is the highest negotiation round a version may belong to.
const MaxRound = 99

// Draft is the text of one language as a negotiator wrote it: plain text or Markdown with
// article headings ("Article 3", "Статья 3", "آرٹیکل 3"), read into articles when it is saved.
type Draft struct {
	Language string `json:"language"`
	Text     string `json:"text"`
}

// NewAgreementVersion is a version to save: its texts, given as structured texts or as drafts
// to read, the party that tables it, its round and scope, and Base, the number of the version
// the editor started from (0 for the first). A version saved on a stale base is refused, so that
// two negotiators saving at once do not overwrite each other: the second keeps their text and
// compares it with the first's.
type NewAgreementVersion struct {
	AgreementID int64           `json:"-"`
	Base        int             `json:"base"`
	Party       string          `json:"party,omitempty"` // the caller's party when empty
	Round       int             `json:"round"`
	Scope       string          `json:"scope,omitempty"` // shared when empty, or the party's code for an internal draft
	Note        string          `json:"note,omitempty"`
	Texts       []AgreementText `json:"texts,omitempty"`
	Drafts      []Draft         `json:"drafts,omitempty"`
}

// Validate checks the request's own fields; the texts are checked when they are read.
func (nv *NewAgreementVersion) Validate() error {
	probs := Problems{}
	if nv.Base < 0 {
		probs.Add("base", "must be the number of a version, or 0 for the first")
	}
	if !ValidPartyCode(nv.Party) {
		probs.Add("party", "is required: a party code such as BLR")
	}
	if nv.Round < 0 || nv.Round > MaxRound {
		probs.Addf("round", "must be between 0 (the first draft) and %d", MaxRound)
	}
	if nv.Scope != ScopeShared && nv.Scope != nv.Party {
		probs.Add("scope", "must be shared or the party's own code (an internal draft)")
	}
	checkText(probs, "note", nv.Note, false, 2000)
	switch {
	case len(nv.Texts) == 0 && len(nv.Drafts) == 0:
		probs.Add("texts", "at least one language's text is required")
	case len(nv.Texts) > 0 && len(nv.Drafts) > 0:
		probs.Add("drafts", "give either texts or drafts, not both")
	}
	for i, d := range nv.Drafts {
		if !reLangTag.MatchString(strings.ToLower(strings.TrimSpace(d.Language))) {
			probs.Addf(fmt.Sprintf("drafts[%d].language", i), "%q is not a language tag such as en or ru", d.Language)
		}
	}
	return probs.Err("version")
}

// CheckLanguages refuses texts without a language tag or with a language twice; tags are
// compared lower-cased, as they are stored.
func CheckLanguages(texts []AgreementText) error {
	probs := Problems{}
	seen := map[string]bool{}
	for i, t := range texts {
		lang := strings.ToLower(strings.TrimSpace(t.Language))
		field := fmt.Sprintf("texts[%d].language", i)
		switch {
		case !reLangTag.MatchString(lang):
			probs.Addf(field, "%q is not a language tag such as en or ru", t.Language)
		case seen[lang]:
			probs.Addf(field, "%s is given twice", lang)
		}
		seen[lang] = true
	}
	return probs.Err("version")
}

// CheckBase refuses a version saved on a stale base: latest is the newest version the caller
// can see (shared, or internal to the caller's party), by whom and when it was saved.
func CheckBase(base int, latest *AgreementVersion) error {
	current := 0
	if latest != nil {
		current = latest.Number
	}
	if base == current {
		return nil
	}
	if base > current {
		return &Error{Code: EINVALID, Message: fmt.Sprintf("There is no version %d to start from; the latest is %d.", base, current),
			Fields: map[string]string{"base": fmt.Sprintf("must be the latest version (%d)", current)}}
	}
	who := latest.Party
	if latest.CreatedByName != "" {
		who = latest.CreatedByName + " (" + latest.Party + ")"
	}
	return &Error{Code: ECONFLICT, Message: fmt.Sprintf(
		"Version %d was saved by %s after you started from version %d. Your text was not saved: compare it with version %d and save again.",
		latest.Number, who, base, latest.Number),
		Fields: map[string]string{"base": fmt.Sprintf("version %d is newer", latest.Number)}}
}

// CheckRound refuses a round before that of the latest shared version: rounds only go forward.
func CheckRound(round int, latestShared *AgreementVersion) error {
	if latestShared != nil && round < latestShared.Round {
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Round %d is over: version %d belongs to round %d.", round, latestShared.Number, latestShared.Round),
			Fields: map[string]string{"round": fmt.Sprintf("must be %d or later", latestShared.Round)}}
	}
	return nil
}

// AgreedText names the version whose text the parties agreed.
type AgreedText struct {
	Version     int `json:"version"`      // the agreement's version, for optimistic concurrency
	TextVersion int `json:"text_version"` // the number of the agreed version
}

// AgreementComment is a comment on an agreement's text: on one article (by its number) or on
// the whole text, optionally of one version, shared with all parties or internal to the
// author's party, in which case no user of another party ever learns it exists.
type AgreementComment struct {
	ID          int64     `json:"id"`
	AgreementID int64     `json:"agreement_id"`
	RoadmapID   int64     `json:"roadmap_id"`
	TextVersion int       `json:"text_version,omitempty"` // the version commented on; 0 for any
	Article     string    `json:"article,omitempty"`      // an article number; "" for the whole text
	Scope       string    `json:"scope"`
	Body        string    `json:"body"`
	AuthorID    int64     `json:"author_id,omitempty"`
	AuthorName  string    `json:"author_name,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// Validate checks the comment's fields.
func (c *AgreementComment) Validate() error {
	probs := Problems{}
	if c.TextVersion < 0 {
		probs.Add("text_version", "must be a version number, or 0 for any")
	}
	checkText(probs, "article", c.Article, false, 20)
	if c.Scope != ScopeShared && !ValidPartyCode(c.Scope) {
		probs.Add("scope", "must be shared or a party code")
	}
	checkText(probs, "body", c.Body, true, 20000)
	return probs.Err("comment")
}

// CanDeleteAgreementComment reports whether the caller may delete a comment: its author, or an
// editor of the roadmap who may see it.
func CanDeleteAgreementComment(c *Caller, cm *AgreementComment) bool {
	if !CanWrite(c) || !CanSeeScope(c, cm.Scope) {
		return false
	}
	return c.System || (cm.AuthorID != 0 && cm.AuthorID == c.UserID) || CanEditRoadmap(c, cm.RoadmapID)
}

// AgreementCommentFilter selects the comments of an agreement.
type AgreementCommentFilter struct {
	AgreementID int64
	TextVersion int    // comments on this version, and those on any version
	Article     string // comments on this article
}

// AgreementTextService keeps the texts of agreements: the immutable, numbered versions, the
// agreed text and the comments on articles. Reading needs read access to the roadmap
// (ENOTFOUND otherwise); an internal draft or comment of another party is ENOTFOUND and never
// counted. Editors and contributors of the roadmap save versions and comment, for their own
// party only (EFORBIDDEN, EINVALID). A version is never changed: saving makes a new one, and a
// version saved on a stale base is ECONFLICT with nothing saved. Editors agree the text.
type AgreementTextService interface {
	// FindAgreementVersions lists the versions the caller may see, oldest first, without texts.
	FindAgreementVersions(ctx context.Context, agreementID int64) ([]*AgreementVersion, error)
	// FindAgreementVersion returns one version with its texts.
	FindAgreementVersion(ctx context.Context, agreementID int64, number int) (*AgreementVersion, error)
	CreateAgreementVersion(ctx context.Context, nv *NewAgreementVersion) (*AgreementVersion, error)
	AgreeText(ctx context.Context, agreementID int64, at AgreedText) (*Agreement, error)
	FindAgreementComments(ctx context.Context, filter AgreementCommentFilter) ([]*AgreementComment, error)
	CreateAgreementComment(ctx context.Context, c *AgreementComment) error
	DeleteAgreementComment(ctx context.Context, id int64) error
}
