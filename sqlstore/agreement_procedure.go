package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// ProcedureService implements entente.ProcedureService.
type ProcedureService struct{ db *DB }

// NewProcedureService returns the procedure service of db.
func NewProcedureService(db *DB) *ProcedureService { return &ProcedureService{db: db} }

const procedureColumns = `p.id, p.agreement_id, a.roadmap_id, p.party, p.kind, p.planned_on, p.done_on, p.document, p.note,
	p.version, p.created_at, p.updated_at`

func scanProcedure(s rowScanner) (*entente.Procedure, error) {
	var p entente.Procedure
	err := s.Scan(&p.ID, &p.AgreementID, &p.RoadmapID, &p.Party, &p.Kind, dateCol{&p.PlannedOn}, dateCol{&p.DoneOn},
		&p.Document, &p.Note, &p.Version, timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt})
	return &p, err
}

const procedureFrom = " FROM agreement_procedures p JOIN agreements a ON a.id = p.agreement_id"

// procedures lists the procedures of an agreement in the order they were recorded.
func (tx *Tx) procedures(agreementID int64) ([]*entente.Procedure, error) {
	out, err := scanAll(tx, "SELECT "+procedureColumns+procedureFrom+" WHERE p.agreement_id = ? ORDER BY p.id",
		[]any{agreementID}, scanProcedure)
	if out == nil {
		out = []*entente.Procedure{}
	}
	return out, err
}

// FindProcedures lists the procedures of an agreement the caller may read.
func (s *ProcedureService) FindProcedures(ctx context.Context, agreementID int64) ([]*entente.Procedure, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.Procedure, error) {
		if _, err := tx.findAgreement(agreementID); err != nil {
			return nil, err
		}
		return tx.procedures(agreementID)
	})
}

// procedureForChange loads a procedure and its agreement for a change by the caller.
func (tx *Tx) procedureForChange(id int64, what string) (*entente.Procedure, *entente.Agreement, *entente.Roadmap, error) {
	p, err := scanProcedure(tx.queryRow("SELECT "+procedureColumns+procedureFrom+" WHERE p.id = ?", id))
	if err != nil {
		return nil, nil, nil, notFoundIfNoRows(err, "procedure", id)
	}
	a, r, err := tx.agreementForChange(p.AgreementID)
	if err != nil {
		return nil, nil, nil, entente.NotFound("procedure", id)
	}
	if err := tx.checkProcedureParty(r, p.Party, what); err != nil {
		return nil, nil, nil, err
	}
	return p, a, r, nil
}

// checkProcedureParty lets editors of the roadmap record their own party's procedures.
func (tx *Tx) checkProcedureParty(r *entente.Roadmap, party, what string) error {
	c := tx.caller
	if !entente.CanEditRoadmap(c, r.ID) || (!c.System && c.Party != party) {
		return entente.Denied(c, what)
	}
	if !r.HasParty(party) {
		return fieldError("party", party+" is not a party of this roadmap")
	}
	return nil
}

// CreateProcedure records a domestic procedure of the caller's party.
func (s *ProcedureService) CreateProcedure(ctx context.Context, p *entente.Procedure) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		if p.Party == "" {
			p.Party = tx.caller.Party
		}
		a, r, err := tx.agreementForChange(p.AgreementID)
		if err != nil {
			return struct{}{}, err
		}
		if err := tx.checkProcedureParty(r, p.Party, "record the procedures of "+p.Party); err != nil {
			return struct{}{}, err
		}
		if err := p.Validate(a, tx.today()); err != nil {
			return struct{}{}, err
		}
		p.RoadmapID, p.CreatedAt, p.UpdatedAt, p.Version = r.ID, tx.now, tx.now, 1
		if p.ID, err = tx.insert("agreement_procedures", append(procedureValues(p), colval{"agreement_id", p.AgreementID},
			colval{"party", p.Party}, colval{"kind", p.Kind}, colval{"created_at", formatTime(p.CreatedAt)})); err != nil {
			return struct{}{}, err
		}
		if err := tx.audit(auditRecord{action: "create", entityType: "procedure", entityID: p.ID, roadmapID: r.ID, after: p}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.settleProcedures(a, r)
	})
	return err
}

func procedureValues(p *entente.Procedure) []colval {
	return []colval{{"planned_on", dateArg(p.PlannedOn)}, {"done_on", dateArg(p.DoneOn)}, {"document", p.Document},
		{"note", p.Note}, {"updated_at", formatTime(p.UpdatedAt)}}
}

// settleProcedures recomputes the day of entry into force after a procedure changed.
func (tx *Tx) settleProcedures(a *entente.Agreement, r *entente.Roadmap) error {
	before := *a
	if err := tx.settleInForce(a, r); err != nil {
		return err
	}
	if a.Status == before.Status && a.InForceOn == before.InForceOn {
		return nil
	}
	return tx.saveAgreementState(&before, a, "update")
}

// UpdateProcedure changes a procedure: marks it done, with its day and document.
func (s *ProcedureService) UpdateProcedure(ctx context.Context, id int64, upd entente.ProcedureUpdate) (*entente.Procedure, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Procedure, error) {
		p, a, r, err := tx.procedureForChange(id, "change this procedure")
		if err != nil {
			return nil, err
		}
		if err := checkVersion("procedure", p.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *p
		upd.Apply(p)
		if err := p.Validate(a, tx.today()); err != nil {
			return nil, err
		}
		p.UpdatedAt = tx.now
		if err := tx.updateVersioned("agreement_procedures", "procedure", id, upd.Version, procedureValues(p)); err != nil {
			return nil, err
		}
		p.Version++
		if err := tx.audit(auditRecord{action: "update", entityType: "procedure", entityID: id, roadmapID: r.ID, before: &before, after: p}); err != nil {
			return nil, err
		}
		return p, tx.settleProcedures(a, r)
	})
}

// DeleteProcedure deletes a procedure recorded by mistake; an agreement in force stays so.
func (s *ProcedureService) DeleteProcedure(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		p, a, r, err := tx.procedureForChange(id, "delete this procedure")
		if err != nil {
			return struct{}{}, err
		}
		if err := tx.deleteRow("agreement_procedures", id); err != nil {
			return struct{}{}, err
		}
		if err := tx.audit(auditRecord{action: "delete", entityType: "procedure", entityID: id, roadmapID: r.ID, before: p}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.settleProcedures(a, r)
	})
	return err
}

// agreementForEdit loads an agreement for a change by an editor of its roadmap, at the version
// the editor read.
func (tx *Tx) agreementForEdit(id int64, version int, what string) (*entente.Agreement, *entente.Roadmap, error) {
	a, r, err := tx.agreementForChange(id)
	if err != nil {
		return nil, nil, err
	}
	if !entente.CanEditRoadmap(tx.caller, r.ID) {
		return nil, nil, entente.Denied(tx.caller, what)
	}
	return a, r, checkVersion("agreement", a.Version, version)
}

// SetEntryRule sets the rule of entry into force and recomputes the day.
func (s *ProcedureService) SetEntryRule(ctx context.Context, agreementID int64, upd entente.EntryRuleUpdate) (*entente.Agreement, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Agreement, error) {
		a, r, err := tx.agreementForEdit(agreementID, upd.Version, "set the entry-into-force rule")
		if err != nil {
			return nil, err
		}
		before := *a
		if err := a.SetEntryRule(upd.Rule); err != nil {
			return nil, err
		}
		if err := tx.settleInForce(a, r); err != nil {
			return nil, err
		}
		return a, tx.saveAgreementState(&before, a, "update")
	})
}

// SupersedeAgreement records that another agreement of the roadmap replaces this one.
func (s *ProcedureService) SupersedeAgreement(ctx context.Context, agreementID int64, sup entente.Supersession) (*entente.Agreement, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Agreement, error) {
		a, _, err := tx.agreementForEdit(agreementID, sup.Version, "record that this agreement is superseded")
		if err != nil {
			return nil, err
		}
		by, err := tx.findAgreement(sup.By)
		if err != nil {
			return nil, firstErr(err, fieldError("by", "no agreement with this id"))
		}
		before := *a
		if err := a.Supersede(by); err != nil {
			return nil, err
		}
		return a, tx.saveAgreementState(&before, a, "update")
	})
}
