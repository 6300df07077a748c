package entente

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// MaxApprovalSteps bounds a party's approval chain for one kind of agreement.
const MaxApprovalSteps = 20

// ApprovalStep is one step of a party's domestic approval of agreements of one kind, in order:
// Pakistan's line ministry, Ministry of Foreign Affairs, Ministry of Law and Cabinet; Belarus's
// line ministry, Ministry of Foreign Affairs and Council of Ministers.
//
// A step is held by the members of its body: a user of the party who belongs to the body (and
// may write in the roadmap) approves or returns for it. Approval is an act of an institution,
// and entente already records which bodies each user works in, administered by the party's own
// administrators; a separate grant of approval rights would duplicate that and drift from it.
// A step without a body is the line ministry, which differs per agreement: it is held by the
// members of the party's lead bodies on the agreement's tracks.
type ApprovalStep struct {
	Party    string `json:"party"`
	Kind     string `json:"kind"`     // the kind of agreement it applies to
	Position int    `json:"position"` // 1, 2, … in the order the steps are taken
	Name     string `json:"name"`
	BodyID   int64  `json:"body_id,omitempty"` // 0: the line ministry of the agreement
}

// CheckApprovalSteps checks a party's chain for a kind of agreement and numbers its steps in
// order from 1.
func CheckApprovalSteps(party, kind string, steps []ApprovalStep) error {
	probs := Problems{}
	if !ValidPartyCode(party) {
		probs.Add("party", "is not a party code")
	}
	checkOneOf(probs, "kind", kind, AgreementKinds)
	if len(steps) > MaxApprovalSteps {
		probs.Addf("steps", "at most %d steps", MaxApprovalSteps)
	}
	lineMinistry := false
	for i := range steps {
		s := &steps[i]
		field := fmt.Sprintf("steps[%d]", i)
		s.Party, s.Kind, s.Position = party, kind, i+1
		checkText(probs, field+".name", s.Name, true, 200)
		if s.BodyID < 0 {
			probs.Add(field+".body_id", "must be a body id, or 0 for the line ministry")
		}
		if s.BodyID == 0 && lineMinistry {
			probs.Add(field+".body_id", "the line ministry is already a step")
		}
		lineMinistry = lineMinistry || s.BodyID == 0
	}
	return probs.Err("approval steps")
}

// CanConfigureApprovals reports whether the caller may change a party's approval steps: the
// system, the installation's administrators, and users of that party.
func CanConfigureApprovals(c *Caller, party string) bool {
	return CanWrite(c) && (c.System || c.Admin || (party != "" && c.Party == party))
}

// Approval decisions.
const (
	ApprovalApproved = "approved"
	ApprovalReturned = "returned" // sent back with a note saying why
)

// Approval is one decision of a step on an exact version of an agreement. Decisions are never
// changed: a step that returned a version may approve it later, and the latest decision counts.
// A decision is internal to its party until the party's chain is complete for the version; then
// its approvals are shared, while a return stays internal.
type Approval struct {
	ID          int64     `json:"id"`
	AgreementID int64     `json:"agreement_id"`
	Party       string    `json:"party"`
	Step        int       `json:"step"`      // the step's position
	StepName    string    `json:"step_name"` // as the step was named when it decided
	BodyID      int64     `json:"body_id,omitempty"`
	TextVersion int       `json:"text_version"`
	Decision    string    `json:"decision"`
	Note        string    `json:"note,omitempty"`
	Scope       string    `json:"scope"`
	DecidedOn   Date      `json:"decided_on"`
	UserID      int64     `json:"user_id,omitempty"`
	UserName    string    `json:"user_name,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// ApprovalDecision is a step's decision as a user gives it.
type ApprovalDecision struct {
	Party       string `json:"party,omitempty"` // the caller's party when empty
	Step        int    `json:"step"`
	TextVersion int    `json:"text_version"`
	Decision    string `json:"decision"`
	Note        string `json:"note,omitempty"`
	DecidedOn   Date   `json:"decided_on,omitzero"` // today when zero
}

// Validate checks the decision's fields: a return says why, and a decision is not dated in the
// future.
func (d *ApprovalDecision) Validate(today Date) error {
	probs := Problems{}
	if !ValidPartyCode(d.Party) {
		probs.Add("party", "is required: a party code")
	}
	if d.Step < 1 {
		probs.Add("step", "is required: the position of the step")
	}
	if d.TextVersion < 1 {
		probs.Add("text_version", "is required: the number of the version decided on")
	}
	checkOneOf(probs, "decision", d.Decision, []string{ApprovalApproved, ApprovalReturned})
	checkText(probs, "note", d.Note, d.Decision == ApprovalReturned, 5000)
	if d.DecidedOn.After(today) {
		probs.Addf("decided_on", "is after today (%s)", today)
	}
	return probs.Err("decision")
}

// Step states in an ApprovalChain.
const (
	StepPending  = "pending"
	StepApproved = "approved"
	StepReturned = "returned"
	StepWithheld = "withheld" // another party's chain in progress: internal to that party
)

// StepState is a step of a chain with the bodies that hold it and its latest decision.
type StepState struct {
	ApprovalStep
	Bodies   []int64   `json:"bodies"`
	State    string    `json:"state"`
	Decision *Approval `json:"decision,omitempty"`
}

// ApprovalChain is where a party's approval of one version stands: each step with its latest
// decision, and whether every step has approved.
type ApprovalChain struct {
	Party       string      `json:"party"`
	TextVersion int         `json:"text_version"`
	Steps       []StepState `json:"steps"`
	Complete    bool        `json:"complete"`
	// Withheld is set on another party's chain in progress: its decisions are internal to it.
	Withheld bool `json:"withheld,omitempty"`
}

// NewApprovalChain builds a party's chain for a version from its steps and decisions (in the
// order they were taken). lineBodies are the party's lead bodies on the agreement's tracks,
// which hold the line-ministry step. A decision counts for a step when it was taken for the
// step's position by one of the bodies that hold the step now, so that a chain reconfigured
// with another body asks that body again.
func NewApprovalChain(party string, textVersion int, steps []ApprovalStep, lineBodies []int64, approvals []*Approval) ApprovalChain {
	ch := ApprovalChain{Party: party, TextVersion: textVersion, Steps: make([]StepState, len(steps))}
	for i, s := range steps {
		st := StepState{ApprovalStep: s, Bodies: []int64{s.BodyID}, State: StepPending}
		if s.BodyID == 0 {
			st.Bodies = slices.Clone(lineBodies)
		}
		for _, a := range approvals {
			if a.Party == party && a.TextVersion == textVersion && a.Step == s.Position && slices.Contains(st.Bodies, a.BodyID) {
				st.Decision = a
				st.State = map[string]string{ApprovalApproved: StepApproved, ApprovalReturned: StepReturned}[a.Decision]
			}
		}
		ch.Steps[i] = st
	}
	ch.Complete = len(steps) > 0
	for _, st := range ch.Steps {
		ch.Complete = ch.Complete && st.State == StepApproved
	}
	return ch
}

// Withhold returns the chain as another party sees it: complete, or in progress without its
// decisions.
func (ch ApprovalChain) Withhold() ApprovalChain {
	if ch.Complete {
		return ch
	}
	out := ch
	out.Withheld = true
	out.Steps = make([]StepState, len(ch.Steps))
	for i, st := range ch.Steps {
		out.Steps[i] = StepState{ApprovalStep: st.ApprovalStep, Bodies: st.Bodies, State: StepWithheld}
	}
	return out
}

// Next returns the first step that has not approved, or nil when the chain is complete.
func (ch ApprovalChain) Next() *StepState {
	for i := range ch.Steps {
		if ch.Steps[i].State != StepApproved {
			return &ch.Steps[i]
		}
	}
	return nil
}

// CheckDecision reports why a step may not decide now: it does not exist, it approved already,
// or an earlier step has not approved. It returns the step otherwise.
func (ch ApprovalChain) CheckDecision(step int) (*StepState, error) {
	if len(ch.Steps) == 0 {
		return nil, &Error{Code: EINVALID, Message: fmt.Sprintf("%s has no approval steps for this kind of agreement; configure them first.", ch.Party),
			Fields: map[string]string{"step": "the party has no approval steps"}}
	}
	if step < 1 || step > len(ch.Steps) {
		return nil, &Error{Code: EINVALID, Message: fmt.Sprintf("%s's approval has steps 1 to %d.", ch.Party, len(ch.Steps)),
			Fields: map[string]string{"step": fmt.Sprintf("must be between 1 and %d", len(ch.Steps))}}
	}
	st := &ch.Steps[step-1]
	if st.State == StepApproved {
		return nil, &Error{Code: ECONFLICT, Message: fmt.Sprintf("Step %d (%s) has already approved version %d.", step, st.Name, ch.TextVersion),
			Fields: map[string]string{"step": "has already approved this version"}}
	}
	if next := ch.Next(); next != nil && next.Position < step {
		return nil, &Error{Code: EINVALID, Message: fmt.Sprintf("Step %d (%s) waits for step %d (%s) to approve version %d.",
			step, st.Name, next.Position, next.Name, ch.TextVersion),
			Fields: map[string]string{"step": fmt.Sprintf("waits for step %d", next.Position)}}
	}
	return st, nil
}

// ApproverBody returns the body for which the caller holds a step: one of the step's bodies the
// caller belongs to, if the caller is of the step's party and may write in the roadmap. The
// system holds every step, for its first body.
func ApproverBody(c *Caller, roadmapID int64, st *StepState) (int64, bool) {
	if c.System {
		if len(st.Bodies) == 0 {
			return 0, false
		}
		return st.Bodies[0], true
	}
	if !CanWriteNote(c, roadmapID) || c.Party != st.Party {
		return 0, false
	}
	for _, b := range st.Bodies {
		if b != 0 && c.InBody(b) {
			return b, true
		}
	}
	return 0, false
}

// CheckApprovable reports why a version of an agreement cannot be decided on: approvals are of
// the agreed text, exactly the agreed version.
func CheckApprovable(a *Agreement, textVersion int) error {
	switch {
	case !textAgreed(a.Status):
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Only an agreed text is approved; agreement %d is %s.", a.ID, a.Status),
			Fields: map[string]string{"text_version": "the text is not agreed"}}
	case textVersion != a.AgreedVersion:
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Version %d is not the agreed text; version %d is.", textVersion, a.AgreedVersion),
			Fields: map[string]string{"text_version": fmt.Sprintf("must be the agreed version (%d)", a.AgreedVersion)}}
	}
	return nil
}

// ApprovalOverview is where the approvals of an agreement stand for one version: every party's
// chain (another party's withheld while in progress) and the decisions the caller may see.
type ApprovalOverview struct {
	AgreementID int64           `json:"agreement_id"`
	TextVersion int             `json:"text_version"` // 0 while no version is shared
	Chains      []ApprovalChain `json:"chains"`
	History     []*Approval     `json:"history"`
}

// CheckSignable reports why a version of an agreement cannot be signed yet: the text is not
// agreed, the version is not the agreed one, or a party's approval chain is not complete for it.
// A signed agreement may still take the signature of a further signatory of the agreed version,
// until it enters into force.
// chains holds every party's chain for the version, undisclosed; callerParty decides how much of
// another party's chain the reason may name (only that it is not complete).
func CheckSignable(a *Agreement, textVersion int, callerParty string, chains []ApprovalChain) error {
	refuse := func(field, format string, args ...any) error {
		msg := fmt.Sprintf(format, args...)
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Agreement %d cannot be signed: %s.", a.ID, msg),
			Fields: map[string]string{field: msg}}
	}
	switch {
	case textFrozen(a.Status) && a.Status != AgreementSigned:
		return refuse("text_version", "it is already %s", a.Status)
	case !textAgreed(a.Status) && a.Status != AgreementSigned:
		return refuse("text_version", "its text is not agreed (the agreement is %s)", a.Status)
	case a.AgreedVersion == 0:
		return refuse("text_version", "no version is recorded as the agreed text")
	case textVersion != a.AgreedVersion:
		return refuse("text_version", "version %d is not the agreed text; version %d is, and a signature covers exactly that version",
			textVersion, a.AgreedVersion)
	}
	for _, ch := range chains {
		if ch.Complete {
			continue
		}
		if len(ch.Steps) == 0 {
			return refuse("approvals", "%s has no approval steps for this kind of agreement, so its approval cannot be complete", ch.Party)
		}
		if next := ch.Next(); ch.Party == callerParty && next != nil {
			return refuse("approvals", "%s has not approved version %d at every step (next: step %d, %s)", ch.Party, textVersion, next.Position, next.Name)
		}
		return refuse("approvals", "%s has not approved version %d at every step", ch.Party, textVersion)
	}
	return nil
}

// ApprovalService manages the approval steps of each party and the decisions on agreements.
// Anyone reads the steps; users of a party configure its own (EFORBIDDEN otherwise).
// Reading decisions needs read access to the roadmap; another party's chain in progress is
// withheld. A step decides only on the agreed version (EINVALID otherwise), after the steps
// before it, by a user holding it (EFORBIDDEN otherwise); a step that has approved is ECONFLICT.
type ApprovalService interface {
	FindApprovalSteps(ctx context.Context, party string) ([]ApprovalStep, error)
	// SetApprovalSteps replaces a party's steps for a kind of agreement.
	SetApprovalSteps(ctx context.Context, party, kind string, steps []ApprovalStep) ([]ApprovalStep, error)
	// FindApprovals returns the chains for a version: the agreed one, or the latest shared one,
	// when textVersion is 0.
	FindApprovals(ctx context.Context, agreementID int64, textVersion int) (*ApprovalOverview, error)
	DecideApproval(ctx context.Context, agreementID int64, d ApprovalDecision) (*Approval, error)
}
