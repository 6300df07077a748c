package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// RoadmapService implements entente.RoadmapService.
type RoadmapService struct{ db *DB }

// NewRoadmapService returns the roadmap service of db.
func NewRoadmapService(db *DB) *RoadmapService { return &RoadmapService{db: db} }

const roadmapColumns = `id, title, description, status, ` + "horizon_value, horizon_end, horizon_mod, horizon_approx" + `,
	public, version, created_at, updated_at`

func scanRoadmap(s rowScanner) (*entente.Roadmap, error) {
	var r entente.Roadmap
	var h whenScan
	dest := append([]any{&r.ID, &r.Title, &r.Description, &r.Status}, h.dest()...)
	dest = append(dest, &r.Public, &r.Version, timeCol{&r.CreatedAt}, timeCol{&r.UpdatedAt})
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	r.Horizon = h.when()
	return &r, nil
}

func roadmapValues(r *entente.Roadmap) []colval {
	cols := []colval{{"title", r.Title}, {"description", r.Description}, {"status", r.Status},
		{"public", r.Public}, {"search", searchText(r.Title, r.Description)}, {"updated_at", formatTime(r.UpdatedAt)}}
	return append(cols, whenValues("horizon", r.Horizon)...)
}

// findRoadmap loads a roadmap with its parties if the caller may read it; otherwise ENOTFOUND.
func (tx *Tx) findRoadmap(id int64) (*entente.Roadmap, error) {
	r, err := scanRoadmap(tx.queryRow("SELECT "+roadmapColumns+" FROM roadmaps WHERE id = ?", id))
	if err != nil {
		return nil, notFoundIfNoRows(err, "roadmap", id)
	}
	if !entente.CanReadRoadmap(tx.caller, r) {
		return nil, entente.NotFound("roadmap", id)
	}
	if r.Parties, err = tx.roadmapParties(id); err != nil {
		return nil, err
	}
	return r, nil
}

// roadmapForWrite loads a roadmap the caller may edit (editor role); ENOTFOUND when the caller
// may not even read it, EFORBIDDEN when they may only read it.
func (tx *Tx) roadmapForWrite(id int64, what string) (*entente.Roadmap, error) {
	r, err := tx.findRoadmap(id)
	if err != nil {
		if entente.ErrorCode(err) == entente.ENOTFOUND {
			return nil, &entente.Error{Code: entente.EINVALID, Message: "The roadmap does not exist.",
				Fields: map[string]string{"roadmap_id": "no roadmap with this id"}}
		}
		return nil, err
	}
	if !entente.CanEditRoadmap(tx.caller, id) {
		return nil, entente.Denied(tx.caller, what)
	}
	return r, nil
}

func (tx *Tx) roadmapParties(id int64) ([]string, error) {
	rows, err := tx.query("SELECT party FROM roadmap_parties WHERE roadmap_id = ? ORDER BY position", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// FindRoadmapByID returns a roadmap with its tracks and counts.
func (s *RoadmapService) FindRoadmapByID(ctx context.Context, id int64) (*entente.Roadmap, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Roadmap, error) {
		r, err := tx.findRoadmap(id)
		if err != nil {
			return nil, err
		}
		if r.Tracks, err = tx.tracksOf(id); err != nil {
			return nil, err
		}
		r.Stats, err = tx.roadmapStats(id)
		return r, err
	})
}

// FindRoadmaps lists the roadmaps the caller may read, each with its parties, tracks and counts.
func (s *RoadmapService) FindRoadmaps(ctx context.Context, f entente.RoadmapFilter) ([]*entente.Roadmap, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Roadmap], error) {
		var w where
		tx.visibleRoadmaps(&w, "id")
		w.andIf(f.Party != "", "id IN (SELECT roadmap_id FROM roadmap_parties WHERE party = ?)", f.Party)
		w.andIf(f.Status != "", "status = ?", f.Status)
		w.text(f.Q)
		spec := listSpec{table: "roadmaps", columns: roadmapColumns,
			sorts: map[string]string{"": "id", "title": "title", "updated": "updated_at"}}
		var res listResult[*entente.Roadmap]
		var err error
		res.total, err = tx.list(spec, w, f.Page, func(rs rowScanner) error {
			r, err := scanRoadmap(rs)
			res.items = append(res.items, r)
			return err
		})
		for _, r := range res.items {
			if err != nil {
				break
			}
			if r.Parties, err = tx.roadmapParties(r.ID); err == nil {
				r.Stats, err = tx.roadmapStats(r.ID)
			}
			if err == nil {
				r.Tracks, err = tx.tracksOf(r.ID)
			}
		}
		return res, err
	})
	return r.items, r.total, err
}

// listResult carries a page of a list and the total out of a transaction.
type listResult[T any] struct {
	items []T
	total int
}

// CreateRoadmap creates a roadmap; its creator becomes its administrator.
func (s *RoadmapService) CreateRoadmap(ctx context.Context, r *entente.Roadmap) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		if !entente.CanCreateRoadmap(tx.caller) {
			return struct{}{}, entente.Denied(tx.caller, "create a roadmap")
		}
		if r.Status == "" {
			r.Status = entente.RoadmapDraft
		}
		return struct{}{}, tx.createRoadmap(r)
	})
	return err
}

func (tx *Tx) createRoadmap(r *entente.Roadmap) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if err := tx.checkParties("parties", r.Parties); err != nil {
		return err
	}
	r.CreatedAt, r.UpdatedAt, r.Version = tx.now, tx.now, 1
	id, err := tx.insert("roadmaps", append(roadmapValues(r), colval{"created_at", formatTime(r.CreatedAt)}))
	if err != nil {
		return err
	}
	r.ID = id
	if err := tx.writeRoadmapParties(r); err != nil {
		return err
	}
	if c := tx.caller; c.UserID != 0 {
		if _, err := tx.exec("INSERT INTO memberships (user_id, roadmap_id, role) VALUES (?, ?, ?)", c.UserID, id, entente.RoleAdministrator); err != nil {
			return err
		}
		if c.Roles == nil {
			c.Roles = map[int64]entente.Role{}
		}
		c.Roles[id] = entente.RoleAdministrator
	}
	return tx.audit(auditRecord{action: "create", entityType: "roadmap", entityID: id, roadmapID: id, after: r})
}

func (tx *Tx) writeRoadmapParties(r *entente.Roadmap) error {
	if _, err := tx.exec("DELETE FROM roadmap_parties WHERE roadmap_id = ?", r.ID); err != nil {
		return err
	}
	for i, p := range r.Parties {
		if _, err := tx.exec("INSERT INTO roadmap_parties (roadmap_id, party, position) VALUES (?, ?, ?)", r.ID, p, i); err != nil {
			return err
		}
	}
	return nil
}

// checkParties refuses party codes that are not in the database.
func (tx *Tx) checkParties(field string, codes []string) error {
	for _, code := range codes {
		n, err := tx.count("SELECT COUNT(*) FROM parties WHERE code = ?", code)
		if err != nil {
			return err
		}
		if n == 0 {
			return &entente.Error{Code: entente.EINVALID, Message: "Unknown party " + code + ".",
				Fields: map[string]string{field: "party " + code + " does not exist; create it first"}}
		}
	}
	return nil
}

// UpdateRoadmap changes a roadmap; the roadmap's administrators may.
func (s *RoadmapService) UpdateRoadmap(ctx context.Context, id int64, upd entente.RoadmapUpdate) (*entente.Roadmap, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Roadmap, error) {
		r, err := tx.findRoadmap(id)
		if err != nil {
			return nil, err
		}
		if !entente.CanManageRoadmap(tx.caller, id) {
			return nil, entente.Denied(tx.caller, "change this roadmap")
		}
		if err := checkVersion("roadmap", r.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *r
		if err := upd.Apply(r); err != nil {
			return nil, err
		}
		if err := r.Validate(); err != nil {
			return nil, err
		}
		if err := tx.checkParties("parties", r.Parties); err != nil {
			return nil, err
		}
		r.UpdatedAt = tx.now
		if err := tx.updateVersioned("roadmaps", "roadmap", id, upd.Version, roadmapValues(r)); err != nil {
			return nil, err
		}
		r.Version++
		if err := tx.writeRoadmapParties(r); err != nil {
			return nil, err
		}
		return r, tx.audit(auditRecord{action: "update", entityType: "roadmap", entityID: id, roadmapID: id, before: &before, after: r})
	})
}

// DeleteRoadmap deletes a roadmap and everything in it; the roadmap's administrators may.
func (s *RoadmapService) DeleteRoadmap(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		r, err := tx.findRoadmap(id)
		if err != nil {
			return struct{}{}, err
		}
		if !entente.CanManageRoadmap(tx.caller, id) {
			return struct{}{}, entente.Denied(tx.caller, "delete this roadmap")
		}
		// Dependencies refer to actions without cascading; clear them first.
		if _, err := tx.exec("DELETE FROM dependencies WHERE roadmap_id = ?", id); err != nil {
			return struct{}{}, err
		}
		if err := tx.deleteRow("roadmaps", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "roadmap", entityID: id, roadmapID: id, before: r})
	})
	return err
}

// roadmapStats counts what the roadmap holds.
func (tx *Tx) roadmapStats(id int64) (*entente.RoadmapStats, error) {
	st := &entente.RoadmapStats{ActionsBy: map[string]int{}}
	rows, err := tx.query("SELECT status, COUNT(*) FROM actions WHERE roadmap_id = ? GROUP BY status", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return nil, err
		}
		st.ActionsBy[status] = n
		st.Actions += n
	}
	st.ActionsDone = st.ActionsBy[entente.ActionDone]
	err = tx.queryRow(`SELECT
		(SELECT COUNT(*) FROM actions WHERE roadmap_id = ? AND status NOT IN ('done', 'cancelled') AND due_latest < ?),
		(SELECT COUNT(*) FROM meetings WHERE roadmap_id = ?),
		(SELECT COUNT(*) FROM agreements WHERE roadmap_id = ?),
		(SELECT COUNT(*) FROM commitments WHERE roadmap_id = ?),
		(SELECT COUNT(*) FROM interests WHERE roadmap_id = ?)`,
		id, tx.today().String(), id, id, id, id).Scan(&st.ActionsOverdue, &st.Meetings, &st.Agreements, &st.Commitments, &st.Interests)
	return st, err
}
