package entente

import "fmt"

// statusesByAct are the statuses an agreement reaches only through the act that makes them
// true, never by setting its status: each carries the reason a plain status change is refused.
var statusesByAct = map[string]string{
	AgreementSigned:     "an agreement becomes signed when every party has signed the agreed version; sign it instead",
	AgreementInForce:    "an agreement enters into force by its entry-into-force rule; record the procedures and the rule instead",
	AgreementSuperseded: "an agreement is superseded by naming the agreement that replaces it",
}

// textAgreed reports whether an agreement in the status has an agreed text that may be
// approved and signed.
func textAgreed(status string) bool {
	return status == AgreementTextAgreed || status == AgreementInitialled
}

// reopensText reports whether moving to the status reopens the text, so that the version agreed
// before no longer is.
func reopensText(status string) bool {
	return status == AgreementProposed || status == AgreementDrafting || status == AgreementNegotiating
}

// textFrozen reports whether the text of an agreement in the status can no longer change: it is
// signed, in force or ended.
func textFrozen(status string) bool {
	switch status {
	case AgreementSigned, AgreementInForce, AgreementExpired, AgreementTerminated, AgreementSuperseded:
		return true
	}
	return false
}

// checkAgreementLifecycle checks the fields the lifecycle sets: the agreed version, the
// entry-into-force rule and the superseding agreement.
func checkAgreementLifecycle(probs Problems, a *Agreement) {
	if a.AgreedVersion < 0 {
		probs.Add("agreed_version", "must not be negative")
	}
	if a.AgreedVersion > 0 && !textAgreed(a.Status) && !textFrozen(a.Status) {
		probs.Add("agreed_version", "only an agreed, signed or ended text has an agreed version")
	}
	probs.Merge("entry_into_force", a.EntryIntoForce.problems())
	if a.SupersededBy != 0 && a.SupersededBy == a.ID {
		probs.Add("superseded_by", "an agreement cannot supersede itself")
	}
	if (a.SupersededBy != 0) != (a.Status == AgreementSuperseded) {
		probs.Add("superseded_by", "names the replacing agreement exactly when the status is superseded")
	}
}

// Advance moves the agreement to a status through the transition table, for the acts that move
// it: saving a version, agreeing the text, signing, entry into force, supersession. An illegal
// move is an EINVALID error on the field "status" that says from where to where, and what is
// allowed instead.
func (a *Agreement) Advance(to string) error {
	probs := Problems{}
	checkTransition(probs, "status", a.Status, to, agreementTransitions)
	if err := probs.Err("agreement"); err != nil {
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Agreement %d cannot move from %s to %s: %s.",
			a.ID, a.Status, to, probs["status"]), Fields: map[string]string(probs)}
	}
	a.Status = to
	if reopensText(to) {
		a.AgreedVersion = 0
	}
	return nil
}

// VersionSaved moves the agreement on for a version just saved: any first version starts the
// drafting; a shared version of a negotiation round (1 or later) opens the negotiation; a new
// shared version of an agreed text reopens it, so that the agreed version, and the approvals
// and signatures that depend on it, no longer apply. A signed, ended or superseded agreement's
// text cannot change: saving a version of it is EINVALID with the reason.
func (a *Agreement) VersionSaved(v *AgreementVersion) error {
	if textFrozen(a.Status) {
		return &Error{Code: EINVALID, Message: fmt.Sprintf(
			"The text of agreement %d can no longer change: it is %s. Amend it with a new agreement that supersedes it.",
			a.ID, a.Status), Fields: map[string]string{"texts": "the agreement is " + a.Status}}
	}
	if a.Status == AgreementProposed {
		if err := a.Advance(AgreementDrafting); err != nil {
			return err
		}
	}
	if v.Scope != ScopeShared {
		return nil
	}
	if a.Status == AgreementDrafting && v.Round >= 1 || textAgreed(a.Status) {
		return a.Advance(AgreementNegotiating)
	}
	return nil
}

// AgreeText records that the parties agreed the text of a version: the agreement moves to
// "text agreed" and the version becomes the one to approve and sign. Only a shared version, the
// latest one, of a text in drafting or negotiation can be agreed.
func (a *Agreement) AgreeText(v *AgreementVersion, latestShared int) error {
	switch {
	case v.Scope != ScopeShared:
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Version %d is an internal draft; only a version both parties have seen can be agreed.", v.Number),
			Fields: map[string]string{"text_version": "is an internal draft"}}
	case v.Number != latestShared:
		return &Error{Code: EINVALID, Message: fmt.Sprintf("Version %d is not the latest shared version (%d); agree the latest text.", v.Number, latestShared),
			Fields: map[string]string{"text_version": fmt.Sprintf("is not the latest shared version (%d)", latestShared)}}
	}
	if err := a.Advance(AgreementTextAgreed); err != nil {
		return err
	}
	a.AgreedVersion = v.Number
	return nil
}
