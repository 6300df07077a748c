package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// AgreementService implements entente.AgreementService.
type AgreementService struct{ db *DB }

// NewAgreementService returns the agreement service of db.
func NewAgreementService(db *DB) *AgreementService { return &AgreementService{db: db} }

const agreementColumns = `id, roadmap_id, kind, title, description, status, lead_party, ` +
	"target_value, target_end, target_mod, target_approx" + `, signed_on, in_force_on, meeting_id,
	version, created_at, updated_at, ` + agreementLifecycleColumns

func scanAgreement(s rowScanner) (*entente.Agreement, error) {
	var a entente.Agreement
	var t whenScan
	dest := append([]any{&a.ID, &a.RoadmapID, &a.Kind, &a.Title, &a.Description, &a.Status, textCol{&a.LeadParty}}, t.dest()...)
	dest = append(dest, dateCol{&a.SignedOn}, dateCol{&a.InForceOn}, idCol{&a.MeetingID}, &a.Version,
		timeCol{&a.CreatedAt}, timeCol{&a.UpdatedAt})
	dest = append(dest, agreementLifecycleDest(&a)...)
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	a.Target = t.when()
	return &a, nil
}

func agreementValues(a *entente.Agreement) []colval {
	cols := []colval{{"roadmap_id", a.RoadmapID}, {"kind", a.Kind}, {"title", a.Title}, {"description", a.Description},
		{"status", a.Status}, {"lead_party", textArg(a.LeadParty)}, {"signed_on", dateArg(a.SignedOn)},
		{"in_force_on", dateArg(a.InForceOn)}, {"meeting_id", idArg(a.MeetingID)},
		{"search", searchText(a.Title, a.Description)}, {"updated_at", formatTime(a.UpdatedAt)}}
	cols = append(cols, agreementLifecycleValues(a)...)
	return append(cols, whenValues("target", a.Target)...)
}

// findAgreement loads an agreement of a roadmap the caller may read, with its tracks.
func (tx *Tx) findAgreement(id int64) (*entente.Agreement, error) {
	a, err := scanAgreement(tx.queryRow("SELECT "+agreementColumns+" FROM agreements WHERE id = ?", id))
	if err != nil {
		return nil, notFoundIfNoRows(err, "agreement", id)
	}
	if _, err := tx.findRoadmap(a.RoadmapID); err != nil {
		return nil, entente.NotFound("agreement", id)
	}
	return a, tx.fillAgreement(a)
}

func (tx *Tx) fillAgreement(a *entente.Agreement) error {
	ids, err := scanAll(tx, "SELECT track_id FROM agreement_tracks WHERE agreement_id = ? ORDER BY track_id", []any{a.ID},
		func(s rowScanner) (int64, error) {
			var id int64
			err := s.Scan(&id)
			return id, err
		})
	a.TrackIDs = append([]int64{}, ids...)
	return err
}

// FindAgreementByID returns an agreement.
func (s *AgreementService) FindAgreementByID(ctx context.Context, id int64) (*entente.Agreement, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Agreement, error) { return tx.findAgreement(id) })
}

// FindAgreements lists agreements of the roadmaps the caller may read.
func (s *AgreementService) FindAgreements(ctx context.Context, f entente.AgreementFilter) ([]*entente.Agreement, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Agreement], error) {
		var w where
		tx.visibleRoadmaps(&w, "roadmap_id")
		w.andIf(f.RoadmapID != 0, "roadmap_id = ?", f.RoadmapID)
		w.andIf(f.TrackID != 0, "id IN (SELECT agreement_id FROM agreement_tracks WHERE track_id = ?)", f.TrackID)
		w.andIf(f.Kind != "", "kind = ?", f.Kind)
		w.andIf(f.Status != "", "status = ?", f.Status)
		w.text(f.Q)
		spec := listSpec{table: "agreements", columns: agreementColumns,
			sorts: map[string]string{"": "id", "title": "title", "status": "status", "target": "COALESCE(target_latest, '9999-12-31')"}}
		var res listResult[*entente.Agreement]
		var err error
		res.total, err = tx.list(spec, w, f.Page, func(rs rowScanner) error {
			a, err := scanAgreement(rs)
			res.items = append(res.items, a)
			return err
		})
		for _, a := range res.items {
			if err == nil {
				err = tx.fillAgreement(a)
			}
		}
		return res, err
	})
	return r.items, r.total, err
}

// CreateAgreement adds an agreement to a roadmap.
func (s *AgreementService) CreateAgreement(ctx context.Context, a *entente.Agreement) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createAgreement(a) })
	return err
}

func (tx *Tx) createAgreement(a *entente.Agreement) error {
	if a.Status == "" {
		a.Status = entente.AgreementProposed
	}
	if a.TrackIDs == nil {
		a.TrackIDs = []int64{}
	}
	if err := a.Validate(); err != nil {
		return err
	}
	r, err := tx.roadmapForWrite(a.RoadmapID, "add agreements to this roadmap")
	if err != nil {
		return err
	}
	if err := tx.checkAgreementRefs(r, a); err != nil {
		return err
	}
	a.CreatedAt, a.UpdatedAt, a.Version = tx.now, tx.now, 1
	if a.ID, err = tx.insert("agreements", append(agreementValues(a), colval{"created_at", formatTime(a.CreatedAt)})); err != nil {
		return err
	}
	if err := tx.writeAgreementTracks(a); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "agreement", entityID: a.ID, roadmapID: a.RoadmapID, after: a})
}

func (tx *Tx) checkAgreementRefs(r *entente.Roadmap, a *entente.Agreement) error {
	if a.LeadParty != "" && !r.HasParty(a.LeadParty) {
		return fieldError("lead_party", a.LeadParty+" is not a party of this roadmap")
	}
	for _, t := range a.TrackIDs {
		if err := tx.checkInRoadmap("tracks", "track_ids", t, r.ID); err != nil {
			return err
		}
	}
	if a.MeetingID != 0 {
		return tx.checkInRoadmap("meetings", "meeting_id", a.MeetingID, r.ID)
	}
	return nil
}

func (tx *Tx) writeAgreementTracks(a *entente.Agreement) error {
	if _, err := tx.exec("DELETE FROM agreement_tracks WHERE agreement_id = ?", a.ID); err != nil {
		return err
	}
	seen := map[int64]bool{}
	for _, t := range a.TrackIDs {
		if seen[t] {
			continue
		}
		seen[t] = true
		if _, err := tx.exec("INSERT INTO agreement_tracks (agreement_id, track_id) VALUES (?, ?)", a.ID, t); err != nil {
			return err
		}
	}
	return nil
}

// UpdateAgreement changes an agreement; an illegal status change is refused with the reason.
func (s *AgreementService) UpdateAgreement(ctx context.Context, id int64, upd entente.AgreementUpdate) (*entente.Agreement, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Agreement, error) {
		a, err := tx.findAgreement(id)
		if err != nil {
			return nil, err
		}
		r, err := tx.roadmapForWrite(a.RoadmapID, "change this agreement")
		if err != nil {
			return nil, err
		}
		if err := checkVersion("agreement", a.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *a
		if err := upd.Apply(a); err != nil {
			return nil, err
		}
		if err := tx.settleAgreedVersion(&before, a); err != nil {
			return nil, err
		}
		if err := a.Validate(); err != nil {
			return nil, err
		}
		if err := tx.checkAgreementRefs(r, a); err != nil {
			return nil, err
		}
		a.UpdatedAt = tx.now
		if err := tx.updateVersioned("agreements", "agreement", id, upd.Version, agreementValues(a)); err != nil {
			return nil, err
		}
		a.Version++
		if err := tx.writeAgreementTracks(a); err != nil {
			return nil, err
		}
		return a, tx.audit(auditRecord{action: "update", entityType: "agreement", entityID: id, roadmapID: a.RoadmapID, before: &before, after: a})
	})
}

// DeleteAgreement deletes an agreement.
func (s *AgreementService) DeleteAgreement(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		a, err := tx.findAgreement(id)
		if err != nil {
			return struct{}{}, err
		}
		if _, err := tx.roadmapForWrite(a.RoadmapID, "delete this agreement"); err != nil {
			return struct{}{}, err
		}
		if err := tx.deleteEntity("agreements", "agreement", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "agreement", entityID: id, roadmapID: a.RoadmapID, before: a})
	})
	return err
}
