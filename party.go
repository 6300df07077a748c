package entente

import (
	"context"
	"regexp"
	"strings"
	"time"
)

// Party is a state or an organisation that is party to roadmaps, keyed by its ISO 3166-1
// alpha-3 code (or another three-letter code for an organisation).
type Party struct {
	Code      string    `json:"code"` // PAK, BLR
	Name      string    `json:"name"`
	Languages []string  `json:"languages"` // BCP 47 tags: ur, en; be, ru
	TimeZone  string    `json:"time_zone"` // IANA zone: Asia/Karachi
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

var (
	rePartyCode = regexp.MustCompile(`^[A-Z]{3}$`)
	reLangTag   = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
)

// ValidPartyCode reports whether s has the form of a party code (three capital letters).
func ValidPartyCode(s string) bool { return rePartyCode.MatchString(s) }

// Validate checks the party's fields.
func (p *Party) Validate() error {
	probs := Problems{}
	if !ValidPartyCode(p.Code) {
		probs.Add("code", "must be three capital letters (ISO 3166-1 alpha-3), such as PAK")
	}
	checkText(probs, "name", p.Name, true, 200)
	for i, l := range p.Languages {
		if !reLangTag.MatchString(l) {
			probs.Addf("languages", "item %d (%q) is not a language tag such as en or ru", i, l)
		}
	}
	if p.TimeZone == "" {
		probs.Add("time_zone", "is required (an IANA zone such as Asia/Karachi)")
	} else if _, err := time.LoadLocation(p.TimeZone); err != nil || strings.EqualFold(p.TimeZone, "local") {
		probs.Addf("time_zone", "%q is not a known IANA time zone", p.TimeZone)
	}
	return probs.Err("party")
}

// Location returns the party's time zone (UTC if it cannot be loaded, which Validate prevents).
func (p *Party) Location() *time.Location {
	loc, err := time.LoadLocation(p.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// PartyUpdate holds the fields of a party to change; nil fields stay as they are.
type PartyUpdate struct {
	Version   int       `json:"version"`
	Name      *string   `json:"name"`
	Languages *[]string `json:"languages"`
	TimeZone  *string   `json:"time_zone"`
}

// Apply copies the set fields onto p.
func (u PartyUpdate) Apply(p *Party) {
	setIf(&p.Name, u.Name)
	setIf(&p.Languages, u.Languages)
	setIf(&p.TimeZone, u.TimeZone)
}

// PartyFilter selects parties.
type PartyFilter struct {
	Q     string // text in the code or name
	Page  Page
	Codes []string
}

// PartyService manages parties. Anyone may read them; only administrators of the installation
// may create, change or delete them (EFORBIDDEN, EUNAUTHORIZED). A party that roadmaps, bodies
// or people refer to cannot be deleted (ECONFLICT).
type PartyService interface {
	FindPartyByCode(ctx context.Context, code string) (*Party, error)
	FindParties(ctx context.Context, filter PartyFilter) ([]*Party, int, error)
	CreateParty(ctx context.Context, p *Party) error
	UpdateParty(ctx context.Context, code string, upd PartyUpdate) (*Party, error)
	DeleteParty(ctx context.Context, code string) error
}
