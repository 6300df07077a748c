package sqlstore

import (
	"context"
	"fmt"

	"github.com/entente/entente"
)

// ApprovalService implements entente.ApprovalService.
type ApprovalService struct{ db *DB }

// NewApprovalService returns the approval service of db.
func NewApprovalService(db *DB) *ApprovalService { return &ApprovalService{db: db} }

func scanStep(s rowScanner) (entente.ApprovalStep, error) {
	var st entente.ApprovalStep
	err := s.Scan(&st.Party, &st.Kind, &st.Position, &st.Name, idCol{&st.BodyID})
	return st, err
}

// steps lists a party's steps for a kind ("" for every kind), in order.
func (tx *Tx) steps(party, kind string) ([]entente.ApprovalStep, error) {
	w := where{}
	w.andIf(party != "", "party = ?", party)
	w.andIf(kind != "", "kind = ?", kind)
	out, err := scanAll(tx, "SELECT party, kind, position, name, body_id FROM approval_steps"+w.sql()+" ORDER BY party, kind, position",
		w.args, scanStep)
	if out == nil {
		out = []entente.ApprovalStep{}
	}
	return out, err
}

// FindApprovalSteps lists a party's steps for every kind of agreement ("" for every party).
func (s *ApprovalService) FindApprovalSteps(ctx context.Context, party string) ([]entente.ApprovalStep, error) {
	return view(ctx, s.db, func(tx *Tx) ([]entente.ApprovalStep, error) { return tx.steps(party, "") })
}

// SetApprovalSteps replaces a party's steps for a kind of agreement. Decisions already taken
// stay; they count for a step that keeps its position and body.
func (s *ApprovalService) SetApprovalSteps(ctx context.Context, party, kind string, steps []entente.ApprovalStep) ([]entente.ApprovalStep, error) {
	return change(ctx, s.db, func(tx *Tx) ([]entente.ApprovalStep, error) {
		if !entente.CanConfigureApprovals(tx.caller, party) {
			return nil, entente.Denied(tx.caller, "configure the approval steps of "+party)
		}
		if err := entente.CheckApprovalSteps(party, kind, steps); err != nil {
			return nil, err
		}
		if _, err := tx.findParty(party); err != nil {
			return nil, err
		}
		for i, st := range steps {
			if st.BodyID == 0 {
				continue
			}
			b, err := tx.findBody(st.BodyID)
			if err != nil || b.Party != party {
				return nil, firstErr(err, fieldError(fmt.Sprintf("steps[%d].body_id", i), "is not a body of "+party))
			}
		}
		before, err := tx.steps(party, kind)
		if err != nil {
			return nil, err
		}
		if _, err := tx.exec("DELETE FROM approval_steps WHERE party = ? AND kind = ?", party, kind); err != nil {
			return nil, err
		}
		for _, st := range steps {
			if err := tx.insertKeyed("approval_steps", []colval{{"party", party}, {"kind", kind}, {"position", st.Position},
				{"name", st.Name}, {"body_id", idArg(st.BodyID)}, {"created_at", formatTime(tx.now)}}); err != nil {
				return nil, err
			}
		}
		return steps, tx.audit(auditRecord{action: "update", entityType: "approval_steps", entityID: party + "/" + kind,
			before: before, after: steps})
	})
}

const approvalColumns = `id, agreement_id, party, step, step_name, body_id, text_version, decision, note, scope, decided_on,
	user_id, user_name, created_at`

func scanApproval(s rowScanner) (*entente.Approval, error) {
	var a entente.Approval
	err := s.Scan(&a.ID, &a.AgreementID, &a.Party, &a.Step, &a.StepName, idCol{&a.BodyID}, &a.TextVersion, &a.Decision,
		&a.Note, &a.Scope, dateCol{&a.DecidedOn}, idCol{&a.UserID}, &a.UserName, timeCol{&a.CreatedAt})
	return &a, err
}

// lineBodies lists the party's lead bodies on the agreement's tracks: the line ministries.
func (tx *Tx) lineBodies(a *entente.Agreement, party string) ([]int64, error) {
	return scanAll(tx, `SELECT DISTINCT l.body_id FROM track_leads l JOIN agreement_tracks t ON t.track_id = l.track_id
		WHERE t.agreement_id = ? AND l.party = ? ORDER BY l.body_id`, []any{a.ID, party}, func(s rowScanner) (int64, error) {
		var id int64
		err := s.Scan(&id)
		return id, err
	})
}

// approvalChains builds every party's chain for a version, undisclosed, from all decisions.
func (tx *Tx) approvalChains(a *entente.Agreement, r *entente.Roadmap, textVersion int) ([]entente.ApprovalChain, error) {
	decisions, err := scanAll(tx, "SELECT "+approvalColumns+" FROM agreement_approvals WHERE agreement_id = ? AND text_version = ? ORDER BY id",
		[]any{a.ID, textVersion}, scanApproval)
	if err != nil {
		return nil, err
	}
	chains := make([]entente.ApprovalChain, len(r.Parties))
	for i, party := range r.Parties {
		steps, err := tx.steps(party, a.Kind)
		if err != nil {
			return nil, err
		}
		bodies, err := tx.lineBodies(a, party)
		if err != nil {
			return nil, err
		}
		chains[i] = entente.NewApprovalChain(party, textVersion, steps, bodies, decisions)
	}
	return chains, nil
}

// FindApprovals returns the chains of every party for a version and the decisions the caller
// may see; another party's chain in progress is withheld.
func (s *ApprovalService) FindApprovals(ctx context.Context, agreementID int64, textVersion int) (*entente.ApprovalOverview, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.ApprovalOverview, error) {
		a, err := tx.findAgreement(agreementID)
		if err != nil {
			return nil, err
		}
		r, err := tx.findRoadmap(a.RoadmapID)
		if err != nil {
			return nil, err
		}
		if textVersion == 0 {
			if textVersion = a.AgreedVersion; textVersion == 0 {
				if latest, err := tx.latestVersion(a.ID, entente.ScopeShared); err != nil {
					return nil, err
				} else if latest != nil {
					textVersion = latest.Number
				}
			}
		} else if _, err := tx.version(a.ID, textVersion, false); err != nil {
			return nil, err
		}
		chains, err := tx.approvalChains(a, r, textVersion)
		if err != nil {
			return nil, err
		}
		for i, ch := range chains {
			if !tx.caller.System && ch.Party != tx.caller.Party {
				chains[i] = ch.Withhold()
			}
		}
		w := where{}
		w.and("agreement_id = ?", a.ID)
		tx.visibleScope(&w, "scope")
		history, err := scanAll(tx, "SELECT "+approvalColumns+" FROM agreement_approvals"+w.sql()+" ORDER BY id", w.args, scanApproval)
		if history == nil {
			history = []*entente.Approval{}
		}
		return &entente.ApprovalOverview{AgreementID: a.ID, TextVersion: textVersion, Chains: chains, History: history}, err
	})
}

// DecideApproval records a step's decision on the agreed version. When it completes the
// party's chain, the party's approvals of the version become shared.
func (s *ApprovalService) DecideApproval(ctx context.Context, agreementID int64, d entente.ApprovalDecision) (*entente.Approval, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Approval, error) {
		c := tx.caller
		if d.Party == "" {
			d.Party = c.Party
		}
		if d.DecidedOn.IsZero() {
			d.DecidedOn = tx.today()
		}
		if err := d.Validate(tx.today()); err != nil {
			return nil, err
		}
		a, r, err := tx.agreementForChange(agreementID)
		if err != nil {
			return nil, err
		}
		if !r.HasParty(d.Party) {
			return nil, fieldError("party", d.Party+" is not a party of this roadmap")
		}
		if err := entente.CheckApprovable(a, d.TextVersion); err != nil {
			return nil, err
		}
		chains, err := tx.approvalChains(a, r, d.TextVersion)
		if err != nil {
			return nil, err
		}
		return tx.decide(a, r, chainOf(chains, d.Party), d)
	})
}

// chainOf picks a party's chain.
func chainOf(chains []entente.ApprovalChain, party string) entente.ApprovalChain {
	for _, ch := range chains {
		if ch.Party == party {
			return ch
		}
	}
	return entente.ApprovalChain{Party: party}
}

// decide checks that the caller holds the step and records the decision. CheckDecision has
// made sure every earlier step approved, so an approval by the last step completes the chain.
func (tx *Tx) decide(a *entente.Agreement, r *entente.Roadmap, ch entente.ApprovalChain, d entente.ApprovalDecision) (*entente.Approval, error) {
	st, err := ch.CheckDecision(d.Step)
	if err != nil {
		return nil, err
	}
	if len(st.Bodies) == 0 {
		return nil, &entente.Error{Code: entente.EINVALID, Message: fmt.Sprintf(
			"Step %d (%s) is the line ministry, but %s leads none of the agreement's tracks; name the tracks and their lead bodies first.",
			st.Position, st.Name, d.Party), Fields: map[string]string{"step": "no line ministry"}}
	}
	body, ok := entente.ApproverBody(tx.caller, r.ID, st)
	if !ok {
		return nil, entente.Denied(tx.caller, fmt.Sprintf("decide for step %d (%s): only members of its body may", st.Position, st.Name))
	}
	c := tx.caller
	ap := &entente.Approval{AgreementID: a.ID, Party: d.Party, Step: st.Position, StepName: st.Name, BodyID: body,
		TextVersion: d.TextVersion, Decision: d.Decision, Note: d.Note, Scope: d.Party, DecidedOn: d.DecidedOn,
		UserID: c.UserID, UserName: c.Name, CreatedAt: tx.now}
	ap.ID, err = tx.insert("agreement_approvals", []colval{{"agreement_id", ap.AgreementID}, {"party", ap.Party}, {"step", ap.Step},
		{"step_name", ap.StepName}, {"body_id", idArg(ap.BodyID)}, {"text_version", ap.TextVersion}, {"decision", ap.Decision},
		{"note", ap.Note}, {"scope", ap.Scope}, {"decided_on", dateArg(ap.DecidedOn)}, {"user_id", idArg(ap.UserID)},
		{"user_name", ap.UserName}, {"created_at", formatTime(ap.CreatedAt)}})
	if err != nil {
		return nil, err
	}
	if err := tx.audit(auditRecord{action: "create", entityType: "approval", entityID: ap.ID, roadmapID: r.ID, scope: ap.Scope, after: ap}); err != nil {
		return nil, err
	}
	if ap.Decision == entente.ApprovalApproved && st.Position == len(ch.Steps) {
		return ap, tx.shareApprovals(a, r, ap)
	}
	return ap, nil
}

// shareApprovals makes a party's approvals of a version shared once its chain is complete, so
// that the other side sees who approved and when; returns stay internal.
func (tx *Tx) shareApprovals(a *entente.Agreement, r *entente.Roadmap, last *entente.Approval) error {
	if _, err := tx.exec(`UPDATE agreement_approvals SET scope = ? WHERE agreement_id = ? AND party = ? AND text_version = ?
		AND decision = ?`, entente.ScopeShared, a.ID, last.Party, last.TextVersion, entente.ApprovalApproved); err != nil {
		return err
	}
	last.Scope = entente.ScopeShared
	return tx.audit(auditRecord{action: "approval_complete", entityType: "agreement", entityID: a.ID, roadmapID: r.ID,
		after: map[string]any{"party": last.Party, "text_version": last.TextVersion, "completed_on": last.DecidedOn}})
}
