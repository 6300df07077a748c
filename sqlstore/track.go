package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// TrackService implements entente.TrackService.
type TrackService struct{ db *DB }

// NewTrackService returns the track service of db.
func NewTrackService(db *DB) *TrackService { return &TrackService{db: db} }

const trackColumns = "id, roadmap_id, sector, title, description, version, created_at, updated_at"

func scanTrack(s rowScanner) (*entente.Track, error) {
	var t entente.Track
	err := s.Scan(&t.ID, &t.RoadmapID, &t.Sector, &t.Title, &t.Description, &t.Version,
		timeCol{&t.CreatedAt}, timeCol{&t.UpdatedAt})
	return &t, err
}

func trackValues(t *entente.Track) []colval {
	return []colval{{"roadmap_id", t.RoadmapID}, {"sector", t.Sector}, {"title", t.Title},
		{"description", t.Description}, {"search", searchText(t.Title, t.Description, t.Sector)},
		{"updated_at", formatTime(t.UpdatedAt)}}
}

// findTrack loads a track of a roadmap the caller may read, with its leads.
func (tx *Tx) findTrack(id int64) (*entente.Track, error) {
	t, err := scanTrack(tx.queryRow("SELECT "+trackColumns+" FROM tracks WHERE id = ?", id))
	if err != nil {
		return nil, notFoundIfNoRows(err, "track", id)
	}
	if _, err := tx.findRoadmap(t.RoadmapID); err != nil {
		return nil, entente.NotFound("track", id)
	}
	return t, tx.fillTrack(t)
}

func (tx *Tx) fillTrack(t *entente.Track) error {
	rows, err := tx.query("SELECT party, body_id FROM track_leads WHERE track_id = ? ORDER BY party", t.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	t.Leads = []entente.TrackLead{}
	for rows.Next() {
		var l entente.TrackLead
		if err := rows.Scan(&l.Party, &l.BodyID); err != nil {
			return err
		}
		t.Leads = append(t.Leads, l)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	t.Stats = &entente.TrackStats{}
	return tx.queryRow(`SELECT COUNT(*),
		COALESCE(SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN status NOT IN ('done', 'cancelled') AND due_latest < ? THEN 1 ELSE 0 END), 0)
		FROM actions WHERE track_id = ?`, tx.today().String(), t.ID).Scan(&t.Stats.Actions, &t.Stats.ActionsDone, &t.Stats.ActionsOverdue)
}

// tracksOf returns all tracks of a roadmap, with leads and counts, in creation order.
func (tx *Tx) tracksOf(roadmapID int64) ([]*entente.Track, error) {
	rows, err := tx.query("SELECT "+trackColumns+" FROM tracks WHERE roadmap_id = ? ORDER BY id", roadmapID)
	if err != nil {
		return nil, err
	}
	var out []*entente.Track
	for rows.Next() {
		t, err := scanTrack(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, t)
	}
	rows.Close()
	for _, t := range out {
		if err := tx.fillTrack(t); err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}

// FindTrackByID returns a track with its leads and counts.
func (s *TrackService) FindTrackByID(ctx context.Context, id int64) (*entente.Track, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Track, error) { return tx.findTrack(id) })
}

// FindTracks lists tracks of the roadmaps the caller may read.
func (s *TrackService) FindTracks(ctx context.Context, f entente.TrackFilter) ([]*entente.Track, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Track], error) {
		var w where
		tx.visibleRoadmaps(&w, "roadmap_id")
		w.andIf(f.RoadmapID != 0, "roadmap_id = ?", f.RoadmapID)
		w.andIf(f.Sector != "", "sector = ?", f.Sector)
		w.text(f.Q)
		spec := listSpec{table: "tracks", columns: trackColumns, sorts: map[string]string{"": "id", "title": "title", "sector": "sector"}}
		var res listResult[*entente.Track]
		var err error
		res.total, err = tx.list(spec, w, f.Page, func(rs rowScanner) error {
			t, err := scanTrack(rs)
			res.items = append(res.items, t)
			return err
		})
		for _, t := range res.items {
			if err == nil {
				err = tx.fillTrack(t)
			}
		}
		return res, err
	})
	return r.items, r.total, err
}

// CreateTrack adds a track to a roadmap.
func (s *TrackService) CreateTrack(ctx context.Context, t *entente.Track) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createTrack(t) })
	return err
}

func (tx *Tx) createTrack(t *entente.Track) error {
	if t.Leads == nil {
		t.Leads = []entente.TrackLead{}
	}
	if err := t.Validate(); err != nil {
		return err
	}
	r, err := tx.roadmapForWrite(t.RoadmapID, "add tracks to this roadmap")
	if err != nil {
		return err
	}
	if err := tx.checkLeads(r, t.Leads); err != nil {
		return err
	}
	t.CreatedAt, t.UpdatedAt, t.Version = tx.now, tx.now, 1
	if t.ID, err = tx.insert("tracks", append(trackValues(t), colval{"created_at", formatTime(t.CreatedAt)})); err != nil {
		return err
	}
	if err := tx.writeLeads(t); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "track", entityID: t.ID, roadmapID: t.RoadmapID, after: t})
}

// checkLeads refuses leads of parties outside the roadmap or bodies of another party.
func (tx *Tx) checkLeads(r *entente.Roadmap, leads []entente.TrackLead) error {
	for _, l := range leads {
		if !r.HasParty(l.Party) {
			return fieldError("leads", l.Party+" is not a party of this roadmap")
		}
		b, err := tx.findBody(l.BodyID)
		if err != nil {
			return fieldError("leads", "body "+itoa(l.BodyID)+" does not exist")
		}
		if b.Party != l.Party && !b.IsJoint() {
			return fieldError("leads", b.Name+" is a body of "+b.Party+", not of "+l.Party)
		}
	}
	return nil
}

func (tx *Tx) writeLeads(t *entente.Track) error {
	if _, err := tx.exec("DELETE FROM track_leads WHERE track_id = ?", t.ID); err != nil {
		return err
	}
	for _, l := range t.Leads {
		if _, err := tx.exec("INSERT INTO track_leads (track_id, party, body_id) VALUES (?, ?, ?)", t.ID, l.Party, l.BodyID); err != nil {
			return err
		}
	}
	return nil
}

// UpdateTrack changes a track.
func (s *TrackService) UpdateTrack(ctx context.Context, id int64, upd entente.TrackUpdate) (*entente.Track, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Track, error) {
		t, err := tx.findTrack(id)
		if err != nil {
			return nil, err
		}
		r, err := tx.roadmapForWrite(t.RoadmapID, "change this track")
		if err != nil {
			return nil, err
		}
		if err := checkVersion("track", t.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *t
		upd.Apply(t)
		if err := t.Validate(); err != nil {
			return nil, err
		}
		if err := tx.checkLeads(r, t.Leads); err != nil {
			return nil, err
		}
		t.UpdatedAt = tx.now
		if err := tx.updateVersioned("tracks", "track", id, upd.Version, trackValues(t)); err != nil {
			return nil, err
		}
		t.Version++
		if err := tx.writeLeads(t); err != nil {
			return nil, err
		}
		return t, tx.audit(auditRecord{action: "update", entityType: "track", entityID: id, roadmapID: t.RoadmapID, before: &before, after: t})
	})
}

// DeleteTrack deletes a track without actions or agreements.
func (s *TrackService) DeleteTrack(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		t, err := tx.findTrack(id)
		if err != nil {
			return struct{}{}, err
		}
		if _, err := tx.roadmapForWrite(t.RoadmapID, "delete this track"); err != nil {
			return struct{}{}, err
		}
		n, err := tx.count("SELECT (SELECT COUNT(*) FROM actions WHERE track_id = ?) + (SELECT COUNT(*) FROM agreement_tracks WHERE track_id = ?)", id, id)
		if err != nil {
			return struct{}{}, err
		}
		if n > 0 {
			return struct{}{}, entente.Errorf(entente.ECONFLICT, "The track %q still has %d actions or agreements; move or delete them first.", t.Title, n)
		}
		if err := tx.deleteEntity("tracks", "track", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "track", entityID: id, roadmapID: t.RoadmapID, before: t})
	})
	return err
}
