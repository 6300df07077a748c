package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// CommitmentService implements entente.CommitmentService.
type CommitmentService struct{ db *DB }

// NewCommitmentService returns the commitment service of db.
func NewCommitmentService(db *DB) *CommitmentService { return &CommitmentService{db: db} }

var commitments = item[*entente.Commitment]{
	table: "commitments", kind: "commitment",
	columns: `id, roadmap_id, statement, sectors, responsible, ` + "due_value, due_end, due_mod, due_approx" + `,
		status, evidence, source_id, quote, version, created_at, updated_at`,
	scan:    scanCommitment,
	roadmap: func(c *entente.Commitment) int64 { return c.RoadmapID },
}

func scanCommitment(s rowScanner) (*entente.Commitment, error) {
	var c entente.Commitment
	var due whenScan
	dest := append([]any{&c.ID, &c.RoadmapID, &c.Statement, jsonCol[string]{&c.Sectors}, &c.Responsible}, due.dest()...)
	dest = append(dest, &c.Status, &c.Evidence, idCol{&c.SourceID}, &c.Quote, &c.Version, timeCol{&c.CreatedAt}, timeCol{&c.UpdatedAt})
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	c.Due = due.when()
	return &c, nil
}

func commitmentValues(c *entente.Commitment) []colval {
	cols := []colval{{"roadmap_id", c.RoadmapID}, {"statement", c.Statement}, {"sectors", jsonArg(c.Sectors)},
		{"responsible", c.Responsible}, {"status", c.Status}, {"evidence", c.Evidence}, {"source_id", idArg(c.SourceID)},
		{"quote", c.Quote}, {"search", searchText(c.Statement, c.Evidence, c.Quote)}, {"updated_at", formatTime(c.UpdatedAt)}}
	return append(cols, whenValues("due", c.Due)...)
}

// FindCommitmentByID returns a commitment.
func (s *CommitmentService) FindCommitmentByID(ctx context.Context, id int64) (*entente.Commitment, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Commitment, error) { return commitments.find(tx, id) })
}

// FindCommitments lists commitments of the roadmaps the caller may read.
func (s *CommitmentService) FindCommitments(ctx context.Context, f entente.CommitmentFilter) ([]*entente.Commitment, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Commitment], error) {
		var w where
		w.andIf(f.RoadmapID != 0, "roadmap_id = ?", f.RoadmapID)
		w.andIf(f.Responsible != "", "responsible = ?", f.Responsible)
		w.andIf(f.Sector != "", "sectors LIKE ?", `%"`+f.Sector+`"%`)
		w.andIf(f.Status != "", "status = ?", f.Status)
		w.andIf(!f.DueBefore.IsZero(), "due_latest <= ?", f.DueBefore.String())
		w.andIf(!f.DueAfter.IsZero(), "due_latest >= ?", f.DueAfter.String())
		w.text(f.Q)
		return commitments.list(tx, w, f.Page, map[string]string{"": "id", "due": "COALESCE(due_latest, '9999-12-31')", "status": "status"})
	})
	return r.items, r.total, err
}

// CreateCommitment adds a commitment to a roadmap.
func (s *CommitmentService) CreateCommitment(ctx context.Context, c *entente.Commitment) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createCommitment(c) })
	return err
}

func (tx *Tx) createCommitment(c *entente.Commitment) error {
	if c.Status == "" {
		c.Status = entente.CommitmentPending
	}
	if c.Sectors == nil {
		c.Sectors = []string{}
	}
	if err := c.Validate(); err != nil {
		return err
	}
	r, err := tx.roadmapForWrite(c.RoadmapID, "add commitments to this roadmap")
	if err != nil {
		return err
	}
	if err := tx.checkCommitmentRefs(r, c); err != nil {
		return err
	}
	c.CreatedAt, c.UpdatedAt, c.Version = tx.now, tx.now, 1
	if c.ID, err = tx.insert("commitments", append(commitmentValues(c), colval{"created_at", formatTime(c.CreatedAt)})); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "commitment", entityID: c.ID, roadmapID: c.RoadmapID, after: c})
}

func (tx *Tx) checkCommitmentRefs(r *entente.Roadmap, c *entente.Commitment) error {
	if c.Responsible != entente.ResponsibleBoth && c.Responsible != entente.ResponsibleAll && !r.HasParty(c.Responsible) {
		return fieldError("responsible", c.Responsible+" is not a party of this roadmap")
	}
	if c.SourceID != 0 {
		if ok, err := tx.exists("sources", c.SourceID); err != nil || !ok {
			return firstErr(err, fieldError("source_id", "no source with this id"))
		}
	}
	return nil
}

// UpdateCommitment changes a commitment.
func (s *CommitmentService) UpdateCommitment(ctx context.Context, id int64, upd entente.CommitmentUpdate) (*entente.Commitment, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Commitment, error) {
		c, err := commitments.forWrite(tx, id, "change this commitment")
		if err != nil {
			return nil, err
		}
		if err := checkVersion("commitment", c.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *c
		upd.Apply(c)
		if err := c.Validate(); err != nil {
			return nil, err
		}
		r, err := tx.findRoadmap(c.RoadmapID)
		if err != nil {
			return nil, err
		}
		if err := tx.checkCommitmentRefs(r, c); err != nil {
			return nil, err
		}
		c.UpdatedAt = tx.now
		if err := tx.updateVersioned("commitments", "commitment", id, upd.Version, commitmentValues(c)); err != nil {
			return nil, err
		}
		c.Version++
		return c, tx.audit(auditRecord{action: "update", entityType: "commitment", entityID: id, roadmapID: c.RoadmapID, before: &before, after: c})
	})
}

// DeleteCommitment deletes a commitment; actions made for it stay.
func (s *CommitmentService) DeleteCommitment(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, commitments.delete(tx, id) })
	return err
}
