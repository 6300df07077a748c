package entente

import (
	"context"
	"fmt"
	"time"
)

// Kinds of domestic procedure a party completes between signature and entry into force.
const (
	ProcedureApproval     = "approval"     // approval by the government (the Cabinet, the Council of Ministers)
	ProcedureRatification = "ratification" // ratification by parliament or the head of state
	ProcedureNotification = "notification" // the note through diplomatic channels that the procedures are complete
)

// ProcedureKinds lists the kinds in the order they usually happen.
var ProcedureKinds = []string{ProcedureApproval, ProcedureRatification, ProcedureNotification}

// Procedure is one domestic procedure of a party on a signed agreement: an approval, a
// ratification or the notification through diplomatic channels that its procedures are
// complete. It is planned until it has the day it was done and its document (the decision, the
// law, the note verbale).
type Procedure struct {
	ID          int64     `json:"id"`
	AgreementID int64     `json:"agreement_id"`
	RoadmapID   int64     `json:"roadmap_id"`
	Party       string    `json:"party"`
	Kind        string    `json:"kind"`
	PlannedOn   Date      `json:"planned_on,omitzero"` // when it is expected
	DoneOn      Date      `json:"done_on,omitzero"`    // when it was done; zero while planned
	Document    string    `json:"document,omitempty"`  // "Note verbale No. 12/2025 of 26 February 2025"
	Note        string    `json:"note,omitempty"`
	Version     int       `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Done reports whether the procedure has been completed.
func (p *Procedure) Done() bool { return !p.DoneOn.IsZero() }

// Validate checks the procedure's fields against the agreement it belongs to and today: a
// procedure follows the signature, is not done in the future, and a done one names its document.
func (p *Procedure) Validate(a *Agreement, today Date) error {
	probs := Problems{}
	if !ValidPartyCode(p.Party) {
		probs.Add("party", "is required: a party code such as PAK")
	}
	checkOneOf(probs, "kind", p.Kind, ProcedureKinds)
	checkText(probs, "document", p.Document, p.Done(), 500)
	checkText(probs, "note", p.Note, false, 5000)
	if p.Done() {
		if p.DoneOn.After(today) {
			probs.Addf("done_on", "is after today (%s): plan the procedure instead", today)
		}
		if !a.SignedOn.IsZero() && p.DoneOn.Before(a.SignedOn) {
			probs.Addf("done_on", "is before the agreement was signed (%s)", a.SignedOn)
		}
	}
	if !p.PlannedOn.IsZero() && !a.SignedOn.IsZero() && p.PlannedOn.Before(a.SignedOn) {
		probs.Addf("planned_on", "is before the agreement was signed (%s)", a.SignedOn)
	}
	if err := probs.Err("procedure"); err != nil {
		return err
	}
	if a.Status != AgreementSigned && a.Status != AgreementInForce {
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Domestic procedures follow the signature; agreement %d is %s.", a.ID, a.Status),
			Fields: map[string]string{"agreement_id": "the agreement is not signed"}}
	}
	return nil
}

// ProcedureUpdate holds the fields of a procedure to change.
type ProcedureUpdate struct {
	Version   int     `json:"version"`
	PlannedOn *Date   `json:"planned_on"`
	DoneOn    *Date   `json:"done_on"`
	Document  *string `json:"document"`
	Note      *string `json:"note"`
}

// Apply copies the set fields onto p.
func (u ProcedureUpdate) Apply(p *Procedure) {
	setIf(&p.PlannedOn, u.PlannedOn)
	setIf(&p.DoneOn, u.DoneOn)
	setIf(&p.Document, u.Document)
	setIf(&p.Note, u.Note)
}

// Entry-into-force rules.
const (
	EntryOnSignature        = "on_signature"                 // on the day of the last signature
	EntryOnLastNotification = "last_notification"            // on the day of the last party's notification
	EntryDaysAfterLast      = "days_after_last_notification" // a number of days after that day
	EntryOnFixedDate        = "fixed_date"                   // on a day the text names, or on signature if later
)

// EntryRules lists the rules.
var EntryRules = []string{EntryOnSignature, EntryOnLastNotification, EntryDaysAfterLast, EntryOnFixedDate}

// EntryRule is how an agreement enters into force. The zero EntryRule says nothing yet.
type EntryRule struct {
	Rule    string `json:"rule"`
	Days    int    `json:"days,omitempty"`    // for days_after_last_notification
	FixedOn Date   `json:"fixed_on,omitzero"` // for fixed_date
}

// IsZero reports whether no rule is set.
func (r EntryRule) IsZero() bool { return r == EntryRule{} }

// problems checks the rule's fields.
func (r EntryRule) problems() Problems {
	probs := Problems{}
	if r.IsZero() {
		return probs
	}
	checkOneOf(probs, "rule", r.Rule, EntryRules)
	switch {
	case r.Rule == EntryDaysAfterLast && (r.Days < 1 || r.Days > 3660):
		probs.Add("days", "must be between 1 and 3660 days after the last notification")
	case r.Rule != EntryDaysAfterLast && r.Days != 0:
		probs.Add("days", "only the rule days_after_last_notification counts days")
	}
	switch {
	case r.Rule == EntryOnFixedDate && r.FixedOn.IsZero():
		probs.Add("fixed_on", "is required for the rule fixed_date")
	case r.Rule != EntryOnFixedDate && !r.FixedOn.IsZero():
		probs.Add("fixed_on", "only the rule fixed_date names a day")
	}
	return probs
}

// Validate checks the rule.
func (r EntryRule) Validate() error { return r.problems().Err("entry-into-force rule") }

// InForceOn computes the day an agreement signed on signedOn enters into force under the rule,
// given the domestic procedures of its parties. It returns the zero Date while the day is not
// yet determined: the agreement is unsigned, or a party has not notified the completion of its
// procedures. The day may lie in the future.
func (r EntryRule) InForceOn(signedOn Date, parties []string, procedures []*Procedure) Date {
	if signedOn.IsZero() {
		return Date{}
	}
	switch r.Rule {
	case EntryOnSignature:
		return signedOn
	case EntryOnFixedDate:
		if r.FixedOn.Before(signedOn) {
			return signedOn
		}
		return r.FixedOn
	case EntryOnLastNotification, EntryDaysAfterLast:
		last, ok := lastNotification(parties, procedures)
		if !ok {
			return Date{}
		}
		if r.Rule == EntryDaysAfterLast {
			return last.AddDays(r.Days)
		}
		return last
	}
	return Date{}
}

// lastNotification returns the day of the last party's first completed notification, and
// whether every party has notified.
func lastNotification(parties []string, procedures []*Procedure) (Date, bool) {
	var last Date
	for _, party := range parties {
		var first Date
		for _, p := range procedures {
			if p.Party == party && p.Kind == ProcedureNotification && p.Done() && (first.IsZero() || p.DoneOn.Before(first)) {
				first = p.DoneOn
			}
		}
		if first.IsZero() {
			return Date{}, false
		}
		if first.After(last) {
			last = first
		}
	}
	return last, len(parties) > 0
}

// SettleEntryIntoForce recomputes the day of entry into force from the rule and moves a signed
// agreement whose day has come into force. It never moves an agreement back: an agreement in
// force stays in force when a procedure is corrected, and its day is kept.
func (a *Agreement) SettleEntryIntoForce(parties []string, procedures []*Procedure, today Date) error {
	if a.Status != AgreementSigned {
		return nil
	}
	a.InForceOn = a.EntryIntoForce.InForceOn(a.SignedOn, parties, procedures)
	if a.InForceOn.IsZero() || a.InForceOn.After(today) {
		return nil
	}
	return a.Advance(AgreementInForce)
}

// EntryRuleUpdate sets the entry-into-force rule of an agreement.
type EntryRuleUpdate struct {
	Version int       `json:"version"`
	Rule    EntryRule `json:"entry_into_force"`
}

// SetEntryRule sets the rule by which the agreement enters into force. Once it is in force or
// ended, its rule is history and cannot change.
func (a *Agreement) SetEntryRule(r EntryRule) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if a.Status == AgreementInForce || a.Status == AgreementExpired || a.Status == AgreementTerminated || a.Status == AgreementSuperseded {
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Agreement %d is %s; its entry-into-force rule can no longer change.", a.ID, a.Status),
			Fields: map[string]string{"entry_into_force": "the agreement is " + a.Status}}
	}
	a.EntryIntoForce = r
	return nil
}

// Supersession records that another agreement of the roadmap replaces one in force.
type Supersession struct {
	Version int   `json:"version"`
	By      int64 `json:"by"`
}

// Supersede marks the agreement superseded by another, which must be a different agreement.
func (a *Agreement) Supersede(by *Agreement) error {
	if by.ID == a.ID {
		return &Error{Code: EINVALID, Message: "An agreement cannot supersede itself.",
			Fields: map[string]string{"by": "is this agreement"}}
	}
	if by.RoadmapID != a.RoadmapID {
		return &Error{Code: EINVALID, Message: "Only an agreement of the same roadmap can supersede this one.",
			Fields: map[string]string{"by": "is an agreement of another roadmap"}}
	}
	if err := a.Advance(AgreementSuperseded); err != nil {
		return err
	}
	a.SupersededBy = by.ID
	return nil
}

// ProcedureService manages the domestic procedures and entry into force of agreements. Anyone
// who may read the agreement reads its procedures (they are shared). Users of a party who edit
// the roadmap record their own party's procedures (EFORBIDDEN otherwise); recording one on an
// unsigned agreement is EINVALID. Every change recomputes the day of entry into force and moves
// the agreement into force when that day has come. A stale version is ECONFLICT.
type ProcedureService interface {
	FindProcedures(ctx context.Context, agreementID int64) ([]*Procedure, error)
	CreateProcedure(ctx context.Context, p *Procedure) error
	UpdateProcedure(ctx context.Context, id int64, upd ProcedureUpdate) (*Procedure, error)
	DeleteProcedure(ctx context.Context, id int64) error
	// SetEntryRule sets the rule (editors of the roadmap) and recomputes the day.
	SetEntryRule(ctx context.Context, agreementID int64, upd EntryRuleUpdate) (*Agreement, error)
	// SupersedeAgreement records that another agreement replaces one in force (editors).
	SupersedeAgreement(ctx context.Context, agreementID int64, s Supersession) (*Agreement, error)
}
