package server

import (
	"net/http"
	"strings"

	"github.com/entente/entente"
)

// The JSON API of approvals, signatory keys, signatures, verification, domestic procedures and
// entry into force.

// handleApprovalList serves GET /api/v1/agreements/{id}/approvals?text_version=.
func (s *Server) handleApprovalList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	version := int(q.id("text_version"))
	if err := q.probs.Err("query"); err != nil {
		return err
	}
	ov, err := s.svc.Approvals.FindApprovals(r.Context(), id, version)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ov)
}

// handleApprovalDecide serves POST /api/v1/agreements/{id}/approvals: a step approves the
// agreed version, or returns it with a note.
func (s *Server) handleApprovalDecide(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var d entente.ApprovalDecision
	if err := decodeJSON(r, &d); err != nil {
		return err
	}
	ap, err := s.svc.Approvals.DecideApproval(r.Context(), id, d)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, ap)
}

// ApprovalSteps is a party's chain for a kind of agreement, as the API sets it.
type ApprovalSteps struct {
	Steps []entente.ApprovalStep `json:"steps"`
}

// handleApprovalStepList serves GET /api/v1/parties/{code}/approval-steps.
func (s *Server) handleApprovalStepList(w http.ResponseWriter, r *http.Request) error {
	steps, err := s.svc.Approvals.FindApprovalSteps(r.Context(), strings.ToUpper(r.PathValue("code")))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ApprovalSteps{Steps: steps})
}

// handleApprovalStepSet serves PUT /api/v1/parties/{code}/approval-steps/{kind}.
func (s *Server) handleApprovalStepSet(w http.ResponseWriter, r *http.Request) error {
	var body ApprovalSteps
	if err := decodeJSON(r, &body); err != nil {
		return err
	}
	if body.Steps == nil {
		body.Steps = []entente.ApprovalStep{}
	}
	steps, err := s.svc.Approvals.SetApprovalSteps(r.Context(), strings.ToUpper(r.PathValue("code")), r.PathValue("kind"), body.Steps)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ApprovalSteps{Steps: steps})
}

// handleKeyList serves GET /api/v1/signatory-keys?party=&person=.
func (s *Server) handleKeyList(w http.ResponseWriter, r *http.Request) error {
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	f := entente.SignatoryKeyFilter{Party: q.party("party"), PersonID: q.id("person")}
	if err := q.probs.Err("query"); err != nil {
		return err
	}
	keys, err := s.svc.Signing.FindSignatoryKeys(r.Context(), f)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, List[*entente.SignatoryKey]{Items: keys, Total: len(keys)})
}

// handleKeyCreate serves POST /api/v1/signatory-keys: generate a key sealed by the caller's
// passphrase, or register an external public key.
func (s *Server) handleKeyCreate(w http.ResponseWriter, r *http.Request) error {
	var nk entente.NewSignatoryKey
	if err := decodeJSON(r, &nk); err != nil {
		return err
	}
	k, err := s.svc.Signing.CreateSignatoryKey(r.Context(), &nk)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, k)
}

// handleKeyRevoke serves POST /api/v1/signatory-keys/{id}/revoke.
func (s *Server) handleKeyRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	k, err := s.svc.Signing.RevokeSignatoryKey(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, k)
}

// handleSignatureList serves GET /api/v1/agreements/{id}/signatures.
func (s *Server) handleSignatureList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	sigs, err := s.svc.Signing.FindSignatures(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, List[*entente.AgreementSignature]{Items: sigs, Total: len(sigs)})
}

// handleSign serves POST /api/v1/agreements/{id}/signatures: sign the agreed version with a
// passphrase, or record an external signature.
func (s *Server) handleSign(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var req entente.SignRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	req.AgreementID = id
	g, err := s.svc.Signing.SignAgreement(r.Context(), req)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, g)
}

// handleVerify serves GET /api/v1/agreements/{id}/verify. A failed verification is a report,
// not an error: the answer is 200 with ok false and what differs.
func (s *Server) handleVerify(w http.ResponseWriter, r *http.Request) error {
	return getByID(s.svc.Signing.VerifyAgreement)(w, r)
}

// handleProcedureList serves GET /api/v1/agreements/{id}/procedures.
func (s *Server) handleProcedureList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ps, err := s.svc.Procedures.FindProcedures(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, List[*entente.Procedure]{Items: ps, Total: len(ps)})
}

// procedureOfAgreement fills the agreement of a procedure from the route.
func procedureOfAgreement(r *http.Request, p *entente.Procedure) error {
	id, err := pathID(r)
	p.AgreementID = id
	return err
}

// handleEntryRule serves PUT /api/v1/agreements/{id}/entry-into-force.
func (s *Server) handleEntryRule(w http.ResponseWriter, r *http.Request) error {
	return update(s.svc.Procedures.SetEntryRule)(w, r)
}

// handleSupersede serves POST /api/v1/agreements/{id}/supersede.
func (s *Server) handleSupersede(w http.ResponseWriter, r *http.Request) error {
	return update(s.svc.Procedures.SupersedeAgreement)(w, r)
}
