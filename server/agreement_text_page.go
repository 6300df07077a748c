package server

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// AgreementTexts is the part of the agreement page that carries its text to entry into force:
// the versions, the agreed text, each party's approvals, the signatures and their
// verification, and the domestic procedures with the rule of entry into force.
type AgreementTexts struct {
	L            *i18n.Locale
	A            *entente.Agreement
	Party        string
	Versions     []*entente.AgreementVersion // newest first
	LatestShared *entente.AgreementVersion
	CanEdit      bool // editors: agree the text, set the rule of entry into force
	CanWrite     bool // editors and contributors: save versions, comment
	Agreeable    bool // the latest shared version may be agreed now
	Approvals    *entente.ApprovalOverview
	Chains       []ChainView
	SignReason   string // why the agreed version cannot be signed yet; "" when it can
	Keys         []*entente.SignatoryKey
	Signatures   []*entente.AgreementSignature
	Verification *entente.Verification
	Procedures   []*entente.Procedure
	Form         *Form  // the last refused form, with the problems of its fields
	Refused      string // which form was refused: agree, approve, sign, procedure, rule
	Today        entente.Date
}

// ChainView is one party's approval chain on the page.
type ChainView struct {
	entente.ApprovalChain
	Own   bool
	Steps []StepView
}

// StepView is one step, and whether the caller may decide for it now.
type StepView struct {
	entente.StepState
	CanDecide bool
}

// textsFormKey carries a refused form of the texts section into the page shown again.
type textsFormKey struct{}

// withRefusedForm returns a request whose agreement page shows a refused form of the section.
func withRefusedForm(r *http.Request, which string, f *Form) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), textsFormKey{}, refusedForm{which, f}))
}

type refusedForm struct {
	which string
	form  *Form
}

// agreementTexts builds the texts section of an agreement page.
func (s *Server) agreementTexts(r *http.Request, a *entente.Agreement, rm *entente.Roadmap) (*AgreementTexts, error) {
	ctx := r.Context()
	c := entente.CallerFrom(ctx)
	t := &AgreementTexts{L: s.locale(r), A: a, Party: c.Party, CanEdit: entente.CanEditRoadmap(c, rm.ID),
		CanWrite: entente.CanWriteNote(c, rm.ID), Today: s.today()}
	if rf, ok := ctx.Value(textsFormKey{}).(refusedForm); ok {
		t.Refused, t.Form = rf.which, rf.form
	} else {
		t.Form = newForm(t.L, nil)
	}
	vs, err := s.svc.AgreementTexts.FindAgreementVersions(ctx, a.ID)
	if err != nil {
		return nil, err
	}
	for i := len(vs) - 1; i >= 0; i-- {
		t.Versions = append(t.Versions, vs[i])
		if t.LatestShared == nil && vs[i].Scope == entente.ScopeShared {
			t.LatestShared = vs[i]
		}
	}
	t.Agreeable = t.CanEdit && t.LatestShared != nil && (a.Status == entente.AgreementDrafting || a.Status == entente.AgreementNegotiating)
	if err := s.textsApprovals(ctx, t, rm); err != nil {
		return nil, err
	}
	return t, s.textsSigning(ctx, t)
}

// textsApprovals fills the approval chains, marking the steps the caller may decide now.
func (s *Server) textsApprovals(ctx context.Context, t *AgreementTexts, rm *entente.Roadmap) error {
	ov, err := s.svc.Approvals.FindApprovals(ctx, t.A.ID, 0)
	if err != nil {
		return err
	}
	t.Approvals = ov
	c := entente.CallerFrom(ctx)
	decidable := entente.CheckApprovable(t.A, ov.TextVersion) == nil
	for _, ch := range ov.Chains {
		cv := ChainView{ApprovalChain: ch, Own: ch.Party == c.Party}
		for i := range ch.Steps {
			sv := StepView{StepState: ch.Steps[i]}
			if _, err := ch.CheckDecision(sv.Position); err == nil && decidable && cv.Own {
				_, sv.CanDecide = entente.ApproverBody(c, rm.ID, &ch.Steps[i])
			}
			cv.Steps = append(cv.Steps, sv)
		}
		t.Chains = append(t.Chains, cv)
	}
	if t.A.Status != entente.AgreementInForce {
		if err := entente.CheckSignable(t.A, t.A.AgreedVersion, c.Party, ov.Chains); err != nil {
			t.SignReason = entente.ErrorMessage(err)
		}
	}
	return nil
}

// textsSigning fills the caller's keys, the signatures, their verification and the procedures.
func (s *Server) textsSigning(ctx context.Context, t *AgreementTexts) error {
	c := entente.CallerFrom(ctx)
	if !c.IsAnonymous() {
		keys, err := s.svc.Signing.FindSignatoryKeys(ctx, entente.SignatoryKeyFilter{UserID: c.UserID})
		if err != nil {
			return err
		}
		for _, k := range keys {
			if !k.Revoked && k.Origin == entente.KeyGenerated && k.Party == c.Party {
				t.Keys = append(t.Keys, k)
			}
		}
	}
	var err error
	if t.Signatures, err = s.svc.Signing.FindSignatures(ctx, t.A.ID); err != nil {
		return err
	}
	if len(t.Signatures) > 0 {
		if t.Verification, err = s.svc.Signing.VerifyAgreement(ctx, t.A.ID); err != nil {
			return err
		}
	}
	t.Procedures, err = s.svc.Procedures.FindProcedures(ctx, t.A.ID)
	return err
}

// agreementForPage loads the agreement of a page route.
func (s *Server) agreementForPage(w http.ResponseWriter, r *http.Request) (*entente.Agreement, bool) {
	id, err := pathID(r)
	if err == nil {
		var a *entente.Agreement
		if a, err = s.svc.Agreements.FindAgreementByID(r.Context(), id); err == nil {
			return a, true
		}
	}
	s.pageError(w, r, err)
	return nil, false
}

// textsDone goes back to the agreement's section after a change, or shows the page again with
// the refused form and its problems.
func (s *Server) textsDone(w http.ResponseWriter, r *http.Request, a *entente.Agreement, which string, err error) {
	if err == nil {
		redirect(w, r, withNotice("/agreements/"+itoa(a.ID), "notice.saved")+"#agreement-"+which)
		return
	}
	code := entente.ErrorCode(err)
	if code == entente.EINTERNAL || code == entente.ENOTFOUND || code == entente.EUNAUTHORIZED {
		s.pageError(w, r, err)
		return
	}
	f := newForm(s.locale(r), r.PostForm)
	f.fail(err)
	f.Message = entente.ErrorMessage(err)
	if current, ferr := s.svc.Agreements.FindAgreementByID(r.Context(), a.ID); ferr == nil {
		a = current
	}
	s.showAgreement(w, withRefusedForm(r, which, f), a, "", refusedStatus(err))
}

// handleAgreementAgree records the latest shared version as the agreed text.
func (s *Server) handleAgreementAgree(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agreementForPage(w, r)
	if !ok {
		return
	}
	probs := entente.Problems{}
	at := entente.AgreedText{Version: formInt(r.PostForm, "version", probs), TextVersion: formInt(r.PostForm, "text_version", probs)}
	err := probs.Err("form")
	if err == nil {
		_, err = s.svc.AgreementTexts.AgreeText(r.Context(), a.ID, at)
	}
	s.textsDone(w, r, a, "agree", err)
}

// handleAgreementDecide records a step's decision: approved, or returned with a note.
func (s *Server) handleAgreementDecide(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agreementForPage(w, r)
	if !ok {
		return
	}
	v := r.PostForm
	probs := entente.Problems{}
	d := entente.ApprovalDecision{Step: formInt(v, "step", probs), TextVersion: formInt(v, "text_version", probs),
		Decision: v.Get("decision"), Note: strings.TrimSpace(v.Get("note")), DecidedOn: formDate(v, "decided_on", probs)}
	err := probs.Err("form")
	if err == nil {
		_, err = s.svc.Approvals.DecideApproval(r.Context(), a.ID, d)
	}
	s.textsDone(w, r, a, "approvals", err)
}

// handleAgreementSign signs the agreed version with the caller's key and passphrase.
func (s *Server) handleAgreementSign(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agreementForPage(w, r)
	if !ok {
		return
	}
	v := r.PostForm
	probs := entente.Problems{}
	req := entente.SignRequest{AgreementID: a.ID, TextVersion: formInt(v, "text_version", probs), KeyID: formID(v, "key_id", probs),
		Passphrase: v.Get("passphrase"), Place: strings.TrimSpace(v.Get("place")), SignedOn: formDate(v, "signed_on", probs)}
	err := probs.Err("form")
	if err == nil {
		_, err = s.svc.Signing.SignAgreement(r.Context(), req)
	}
	// The passphrase is never shown again, whatever happened.
	r.PostForm.Del("passphrase")
	s.textsDone(w, r, a, "signing", err)
}

// handleAgreementProcedureAdd records a domestic procedure of the caller's party.
func (s *Server) handleAgreementProcedureAdd(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agreementForPage(w, r)
	if !ok {
		return
	}
	v := r.PostForm
	probs := entente.Problems{}
	p := &entente.Procedure{AgreementID: a.ID, Kind: v.Get("kind"), PlannedOn: formDate(v, "planned_on", probs),
		DoneOn: formDate(v, "done_on", probs), Document: strings.TrimSpace(v.Get("document")), Note: strings.TrimSpace(v.Get("note"))}
	err := probs.Err("form")
	if err == nil {
		err = s.svc.Procedures.CreateProcedure(r.Context(), p)
	}
	s.textsDone(w, r, a, "procedures", err)
}

// handleAgreementEntryRule sets the rule of entry into force.
func (s *Server) handleAgreementEntryRule(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agreementForPage(w, r)
	if !ok {
		return
	}
	v := r.PostForm
	probs := entente.Problems{}
	upd := entente.EntryRuleUpdate{Version: formInt(v, "version", probs), Rule: entente.EntryRule{Rule: v.Get("rule"),
		Days: formInt(v, "days", probs), FixedOn: formDate(v, "fixed_on", probs)}}
	err := probs.Err("form")
	if err == nil {
		_, err = s.svc.Procedures.SetEntryRule(r.Context(), a.ID, upd)
	}
	s.textsDone(w, r, a, "procedures", err)
}

// exportLink is the address of a version's export in a format.
func exportLink(agreementID int64, number int, format string, extra url.Values) string {
	q := url.Values{"format": {format}}
	for k, v := range extra {
		q[k] = v
	}
	return "/api/v1/agreements/" + itoa(agreementID) + "/versions/" + itoa(int64(number)) + "/export?" + q.Encode()
}

// Link returns the download address of the version in a format: text, markdown, or pdf with
// a layout.
func (t *AgreementTexts) Link(number int, format, layout string) string {
	var extra url.Values
	if layout != "" {
		extra = url.Values{"layout": {layout}}
	}
	return exportLink(t.A.ID, number, format, extra)
}

// Previous returns the number of the version before n that the caller sees, or 0.
func (t *AgreementTexts) Previous(n int) int {
	for _, v := range t.Versions {
		if v.Number < n {
			return v.Number
		}
	}
	return 0
}

// Rules lists the entry-into-force rules for the rule form.
func (t *AgreementTexts) Rules() []string { return entente.EntryRules }

// ProcedureKinds lists the kinds of procedure for the procedure form.
func (t *AgreementTexts) ProcedureKinds() []string { return entente.ProcedureKinds }

// Signed reports whether a party has signed.
func (t *AgreementTexts) Signed(party string) bool {
	return slices.ContainsFunc(t.Signatures, func(g *entente.AgreementSignature) bool { return g.Party == party })
}
