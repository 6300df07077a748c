package entente

import (
	"context"
	"regexp"
	"time"
)

// Interest kinds: a party offers something to another, or requests something from it.
const (
	InterestOffer   = "offer"
	InterestRequest = "request"
)

// Interest statuses.
var InterestStatuses = []string{"open", "in_progress", "realised", "dropped"}

var reHSCode = regexp.MustCompile(`^\d{2}(\d{2}(\d{2})?)?$`)

// Interest is an offer or a request between parties, tied to sectors and products (HS codes):
// Belarus offers technology transfer; Belarus wants to import textiles from Pakistan.
type Interest struct {
	ID          int64     `json:"id"`
	RoadmapID   int64     `json:"roadmap_id"`
	Kind        string    `json:"kind"`
	FromParty   string    `json:"from_party"` // who offers, or who requests
	ToParty     string    `json:"to_party"`   // to whom it is offered, or from whom it is requested
	Title       string    `json:"title"`
	Description string    `json:"description,omitempty"`
	Sectors     []string  `json:"sectors"`
	Products    []string  `json:"products"` // HS chapters, headings or subheadings: 63, 6302, 630231
	Status      string    `json:"status"`
	SourceID    int64     `json:"source_id,omitempty"`
	Quote       string    `json:"quote,omitempty"`
	Version     int       `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Validate checks the interest's fields.
func (i *Interest) Validate() error {
	probs := Problems{}
	if i.RoadmapID <= 0 {
		probs.Add("roadmap_id", "is required")
	}
	checkOneOf(probs, "kind", i.Kind, []string{InterestOffer, InterestRequest})
	if !ValidPartyCode(i.FromParty) {
		probs.Add("from_party", "is required: a party code")
	}
	if !ValidPartyCode(i.ToParty) {
		probs.Add("to_party", "is required: a party code")
	} else if i.ToParty == i.FromParty {
		probs.Add("to_party", "must differ from from_party")
	}
	checkText(probs, "title", i.Title, true, 300)
	checkText(probs, "description", i.Description, false, 20000)
	checkText(probs, "quote", i.Quote, false, 5000)
	checkSectors(probs, "sectors", i.Sectors)
	for _, p := range i.Products {
		if !reHSCode.MatchString(p) {
			probs.Addf("products", "%q is not an HS code of 2, 4 or 6 digits", p)
		}
	}
	checkOneOf(probs, "status", i.Status, InterestStatuses)
	return probs.Err("interest")
}

// InterestUpdate holds the fields of an interest to change.
type InterestUpdate struct {
	Version     int       `json:"version"`
	Kind        *string   `json:"kind"`
	FromParty   *string   `json:"from_party"`
	ToParty     *string   `json:"to_party"`
	Title       *string   `json:"title"`
	Description *string   `json:"description"`
	Sectors     *[]string `json:"sectors"`
	Products    *[]string `json:"products"`
	Status      *string   `json:"status"`
}

// Apply copies the set fields onto i.
func (u InterestUpdate) Apply(i *Interest) {
	setIf(&i.Kind, u.Kind)
	setIf(&i.FromParty, u.FromParty)
	setIf(&i.ToParty, u.ToParty)
	setIf(&i.Title, u.Title)
	setIf(&i.Description, u.Description)
	setIf(&i.Sectors, u.Sectors)
	setIf(&i.Products, u.Products)
	setIf(&i.Status, u.Status)
}

// InterestFilter selects interests.
type InterestFilter struct {
	RoadmapID int64
	Kind      string
	Party     string // from or to
	Sector    string
	Status    string
	Q         string
	Page      Page
}

// InterestService manages interests. Reading needs read access to the roadmap (ENOTFOUND
// otherwise); changes need the editor role (EFORBIDDEN); a stale version is ECONFLICT.
type InterestService interface {
	FindInterestByID(ctx context.Context, id int64) (*Interest, error)
	FindInterests(ctx context.Context, filter InterestFilter) ([]*Interest, int, error)
	CreateInterest(ctx context.Context, i *Interest) error
	UpdateInterest(ctx context.Context, id int64, upd InterestUpdate) (*Interest, error)
	DeleteInterest(ctx context.Context, id int64) error
}
