package entente

import (
	"context"
	"time"
)

// Kinds of agreement.
var AgreementKinds = []string{"mou", "agreement", "protocol", "treaty", "action_plan", "joint_statement"}

// Agreement statuses, from proposal to entry into force, and the terminal states.
const (
	AgreementProposed    = "proposed"
	AgreementDrafting    = "drafting"
	AgreementNegotiating = "negotiating"
	AgreementTextAgreed  = "text_agreed"
	AgreementInitialled  = "initialled"
	AgreementSigned      = "signed"
	AgreementInForce     = "in_force"
	AgreementExpired     = "expired"
	AgreementTerminated  = "terminated"
	AgreementSuperseded  = "superseded"
)

// AgreementStatuses lists the statuses in lifecycle order.
var AgreementStatuses = []string{AgreementProposed, AgreementDrafting, AgreementNegotiating,
	AgreementTextAgreed, AgreementInitialled, AgreementSigned, AgreementInForce, AgreementExpired,
	AgreementTerminated, AgreementSuperseded}

var agreementTransitions = map[string][]string{
	AgreementProposed:    {AgreementDrafting, AgreementTerminated},
	AgreementDrafting:    {AgreementNegotiating, AgreementTextAgreed, AgreementTerminated},
	AgreementNegotiating: {AgreementDrafting, AgreementTextAgreed, AgreementTerminated},
	AgreementTextAgreed:  {AgreementNegotiating, AgreementInitialled, AgreementSigned},
	AgreementInitialled:  {AgreementNegotiating, AgreementSigned},
	AgreementSigned:      {AgreementInForce, AgreementTerminated},
	AgreementInForce:     {AgreementExpired, AgreementTerminated, AgreementSuperseded},
	AgreementExpired:     {},
	AgreementTerminated:  {},
	AgreementSuperseded:  {},
}

// Agreement is an MoU, agreement, protocol, treaty, action plan or joint statement between the
// parties of a roadmap, carried from proposal to entry into force.
type Agreement struct {
	ID          int64     `json:"id"`
	RoadmapID   int64     `json:"roadmap_id"`
	Kind        string    `json:"kind"`
	Title       string    `json:"title"`
	Description string    `json:"description,omitempty"`
	Status      string    `json:"status"`
	LeadParty   string    `json:"lead_party,omitempty"` // the party that drafts it
	TrackIDs    []int64   `json:"track_ids"`
	Target      When      `json:"target,omitzero"`    // when it is to be signed
	SignedOn    Date      `json:"signed_on,omitzero"` // the day it was signed
	InForceOn   Date      `json:"in_force_on,omitzero"`
	MeetingID   int64     `json:"meeting_id,omitempty"` // the signing ceremony
	Version     int       `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`

	// AgreedVersion is the number of the version whose text the parties agreed, the one that is
	// approved and signed; 0 while the text is not agreed.
	AgreedVersion int `json:"agreed_version,omitempty"`
	// EntryIntoForce is the rule that computes InForceOn from the signature and the procedures.
	EntryIntoForce EntryRule `json:"entry_into_force,omitzero"`
	// SupersededBy is the agreement that replaced this one.
	SupersededBy int64 `json:"superseded_by,omitempty"`
}

// Validate checks the agreement's fields.
func (a *Agreement) Validate() error {
	probs := Problems{}
	if a.RoadmapID <= 0 {
		probs.Add("roadmap_id", "is required")
	}
	checkOneOf(probs, "kind", a.Kind, AgreementKinds)
	checkText(probs, "title", a.Title, true, 500)
	checkText(probs, "description", a.Description, false, 20000)
	checkOneOf(probs, "status", a.Status, AgreementStatuses)
	if a.LeadParty != "" && !ValidPartyCode(a.LeadParty) {
		probs.Add("lead_party", "is not a party code")
	}
	if !a.InForceOn.IsZero() && !a.SignedOn.IsZero() && a.InForceOn.Before(a.SignedOn) {
		probs.Add("in_force_on", "cannot be before the day it was signed")
	}
	checkAgreementLifecycle(probs, a)
	return probs.Err("agreement")
}

// AgreementUpdate holds the fields of an agreement to change.
type AgreementUpdate struct {
	Version     int      `json:"version"`
	Kind        *string  `json:"kind"`
	Title       *string  `json:"title"`
	Description *string  `json:"description"`
	Status      *string  `json:"status"`
	LeadParty   *string  `json:"lead_party"`
	TrackIDs    *[]int64 `json:"track_ids"`
	Target      *When    `json:"target"`
	SignedOn    *Date    `json:"signed_on"`
	InForceOn   *Date    `json:"in_force_on"`
	MeetingID   *int64   `json:"meeting_id"`
}

// Apply copies the set fields onto a, checking the status transition.
func (u AgreementUpdate) Apply(a *Agreement) error {
	probs := Problems{}
	if u.Status != nil {
		checkTransition(probs, "status", a.Status, *u.Status, agreementTransitions)
		if reason, byAct := statusesByAct[*u.Status]; byAct && *u.Status != a.Status {
			probs.Add("status", reason)
		}
		if reopensText(*u.Status) {
			a.AgreedVersion = 0
		}
	}
	setIf(&a.Kind, u.Kind)
	setIf(&a.Title, u.Title)
	setIf(&a.Description, u.Description)
	setIf(&a.Status, u.Status)
	setIf(&a.LeadParty, u.LeadParty)
	setIf(&a.TrackIDs, u.TrackIDs)
	setIf(&a.Target, u.Target)
	setIf(&a.SignedOn, u.SignedOn)
	setIf(&a.InForceOn, u.InForceOn)
	setIf(&a.MeetingID, u.MeetingID)
	return probs.Err("agreement")
}

// AgreementFilter selects agreements.
type AgreementFilter struct {
	RoadmapID int64
	TrackID   int64
	Kind      string
	Status    string
	Q         string
	Page      Page
}

// AgreementService manages agreements. Reading needs read access to the roadmap (ENOTFOUND
// otherwise); changes need the editor role (EFORBIDDEN); an illegal status change is EINVALID
// with the reason; a stale version is ECONFLICT.
type AgreementService interface {
	FindAgreementByID(ctx context.Context, id int64) (*Agreement, error)
	FindAgreements(ctx context.Context, filter AgreementFilter) ([]*Agreement, int, error)
	CreateAgreement(ctx context.Context, a *Agreement) error
	UpdateAgreement(ctx context.Context, id int64, upd AgreementUpdate) (*Agreement, error)
	DeleteAgreement(ctx context.Context, id int64) error
}
