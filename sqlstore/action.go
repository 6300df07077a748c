package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// ActionService implements entente.ActionService.
type ActionService struct{ db *DB }

// NewActionService returns the action service of db.
func NewActionService(db *DB) *ActionService { return &ActionService{db: db} }

const actionColumns = `id, roadmap_id, track_id, title, description, lead_party, lead_body_id, status,
	planned_start, duration_days, ` + "due_value, due_end, due_mod, due_approx" + `, progress, evidence, done_on,
	source_id, commitment_id, version, created_at, updated_at`

func scanAction(s rowScanner) (*entente.Action, error) {
	var a entente.Action
	var due whenScan
	dest := []any{&a.ID, &a.RoadmapID, idCol{&a.TrackID}, &a.Title, &a.Description, textCol{&a.LeadParty},
		idCol{&a.LeadBodyID}, &a.Status, dateCol{&a.PlannedStart}, &a.DurationDays}
	dest = append(dest, due.dest()...)
	dest = append(dest, &a.Progress, &a.Evidence, dateCol{&a.DoneOn}, idCol{&a.SourceID}, idCol{&a.CommitmentID},
		&a.Version, timeCol{&a.CreatedAt}, timeCol{&a.UpdatedAt})
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	a.Due = due.when()
	return &a, nil
}

func actionValues(a *entente.Action) []colval {
	cols := []colval{{"roadmap_id", a.RoadmapID}, {"track_id", idArg(a.TrackID)}, {"title", a.Title},
		{"description", a.Description}, {"lead_party", textArg(a.LeadParty)}, {"lead_body_id", idArg(a.LeadBodyID)},
		{"status", a.Status}, {"planned_start", dateArg(a.PlannedStart)}, {"duration_days", a.DurationDays},
		{"progress", a.Progress}, {"evidence", a.Evidence}, {"done_on", dateArg(a.DoneOn)},
		{"source_id", idArg(a.SourceID)}, {"commitment_id", idArg(a.CommitmentID)},
		{"due_order", dueOrder(a.Due)}, {"search", searchText(a.Title, a.Description)}, {"updated_at", formatTime(a.UpdatedAt)}}
	return append(cols, whenValues("due", a.Due)...)
}

// dueOrder is the sort key of a due date: its last day, undated last.
func dueOrder(w entente.When) string {
	if d := w.Deadline(); !d.IsZero() {
		return d.String()
	}
	return "9999-12-31"
}

// findAction loads an action of a roadmap the caller may read.
func (tx *Tx) findAction(id int64) (*entente.Action, error) {
	a, err := scanAction(tx.queryRow("SELECT "+actionColumns+" FROM actions WHERE id = ?", id))
	if err != nil {
		return nil, notFoundIfNoRows(err, "action", id)
	}
	if _, err := tx.findRoadmap(a.RoadmapID); err != nil {
		return nil, entente.NotFound("action", id)
	}
	return a, nil
}

// FindActionByID returns an action with its dependencies in both directions.
func (s *ActionService) FindActionByID(ctx context.Context, id int64) (*entente.Action, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Action, error) {
		a, err := tx.findAction(id)
		if err != nil {
			return nil, err
		}
		if a.Predecessors, err = tx.dependencies("successor_id = ?", id); err != nil {
			return nil, err
		}
		a.Successors, err = tx.dependencies("predecessor_id = ?", id)
		return a, err
	})
}

var actionSorts = map[string]string{
	"":        "id",
	"due":     "due_order",
	"title":   "title",
	"status":  "status",
	"updated": "updated_at",
}

// FindActions lists actions of the roadmaps the caller may read.
func (s *ActionService) FindActions(ctx context.Context, f entente.ActionFilter) ([]*entente.Action, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Action], error) {
		var w where
		tx.visibleRoadmaps(&w, "roadmap_id")
		w.andIf(f.RoadmapID != 0, "roadmap_id = ?", f.RoadmapID)
		w.andIf(f.TrackID != 0, "track_id = ?", f.TrackID)
		w.andIf(f.Party != "", "lead_party = ?", f.Party)
		w.andIf(f.BodyID != 0, "lead_body_id = ?", f.BodyID)
		w.andIf(f.Status != "", "status = ?", f.Status)
		w.andIf(!f.DueBefore.IsZero(), "due_latest <= ?", f.DueBefore.String())
		w.andIf(!f.DueAfter.IsZero(), "due_latest >= ?", f.DueAfter.String())
		w.andIf(!f.OverdueOn.IsZero(), "status NOT IN ('done', 'cancelled') AND due_latest < ?", f.OverdueOn.String())
		w.text(f.Q)
		var res listResult[*entente.Action]
		var err error
		res.total, err = tx.list(listSpec{table: "actions", columns: actionColumns, sorts: actionSorts}, w, f.Page,
			func(rs rowScanner) error {
				a, err := scanAction(rs)
				res.items = append(res.items, a)
				return err
			})
		return res, err
	})
	return r.items, r.total, err
}

// RoadmapActions returns every action of a roadmap in id order.
func (s *ActionService) RoadmapActions(ctx context.Context, roadmapID int64) ([]*entente.Action, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.Action, error) {
		if _, err := tx.findRoadmap(roadmapID); err != nil {
			return nil, err
		}
		rows, err := tx.query("SELECT "+actionColumns+" FROM actions WHERE roadmap_id = ? ORDER BY id", roadmapID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []*entente.Action
		for rows.Next() {
			a, err := scanAction(rows)
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
		return out, rows.Err()
	})
}

// CreateAction adds an action to a roadmap.
func (s *ActionService) CreateAction(ctx context.Context, a *entente.Action) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createAction(a) })
	return err
}

func (tx *Tx) createAction(a *entente.Action) error {
	a.Prepare(tx.today())
	if err := a.Validate(); err != nil {
		return err
	}
	r, err := tx.findRoadmap(a.RoadmapID)
	if err != nil {
		return fieldError("roadmap_id", "no roadmap with this id")
	}
	if !entente.CanEditAction(tx.caller, a) {
		return entente.Denied(tx.caller, "add actions to this roadmap")
	}
	if err := tx.checkActionRefs(r, a); err != nil {
		return err
	}
	a.CreatedAt, a.UpdatedAt, a.Version = tx.now, tx.now, 1
	if a.ID, err = tx.insert("actions", append(actionValues(a), colval{"created_at", formatTime(a.CreatedAt)})); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "action", entityID: a.ID, roadmapID: a.RoadmapID, after: a})
}

// checkActionRefs refuses references to rows that do not exist or belong to another roadmap.
func (tx *Tx) checkActionRefs(r *entente.Roadmap, a *entente.Action) error {
	if a.TrackID != 0 {
		if err := tx.checkInRoadmap("tracks", "track_id", a.TrackID, r.ID); err != nil {
			return err
		}
	}
	if a.LeadParty != "" && !r.HasParty(a.LeadParty) {
		return fieldError("lead_party", a.LeadParty+" is not a party of this roadmap")
	}
	if a.LeadBodyID != 0 {
		b, err := tx.findBody(a.LeadBodyID)
		if err != nil {
			return fieldError("lead_body_id", "no body with this id")
		}
		if a.LeadParty != "" && !b.IsJoint() && b.Party != a.LeadParty {
			return fieldError("lead_body_id", b.Name+" is a body of "+b.Party+", not of "+a.LeadParty)
		}
	}
	if a.CommitmentID != 0 {
		if err := tx.checkInRoadmap("commitments", "commitment_id", a.CommitmentID, r.ID); err != nil {
			return err
		}
	}
	if a.SourceID != 0 {
		if ok, err := tx.exists("sources", a.SourceID); err != nil || !ok {
			return firstErr(err, fieldError("source_id", "no source with this id"))
		}
	}
	return nil
}

// checkInRoadmap refuses a reference to a row that is missing or belongs to another roadmap.
func (tx *Tx) checkInRoadmap(table, field string, id, roadmapID int64) error {
	var rid int64
	err := tx.queryRow("SELECT roadmap_id FROM "+table+" WHERE id = ?", id).Scan(&rid)
	if err != nil {
		return firstErr(notFoundIfNoRows(err, "", id), fieldError(field, "no such item with this id"))
	}
	if rid != roadmapID {
		return fieldError(field, "belongs to another roadmap")
	}
	return nil
}

// firstErr returns a database error when there is one, else the given validation error.
func firstErr(dbErr error, problem error) error {
	if dbErr != nil && entente.ErrorCode(dbErr) == entente.EINTERNAL {
		return dbErr
	}
	return problem
}

// UpdateAction changes an action.
func (s *ActionService) UpdateAction(ctx context.Context, id int64, upd entente.ActionUpdate) (*entente.Action, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Action, error) {
		a, err := tx.findAction(id)
		if err != nil {
			return nil, err
		}
		if !entente.CanEditAction(tx.caller, a) {
			return nil, entente.Denied(tx.caller, "change this action")
		}
		if err := checkVersion("action", a.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *a
		if err := upd.Apply(a, tx.today()); err != nil {
			return nil, err
		}
		if err := a.Validate(); err != nil {
			return nil, err
		}
		// A contributor may not hand the action to a body they do not belong to.
		if !entente.CanEditAction(tx.caller, a) {
			return nil, entente.Denied(tx.caller, "give this action to a body you do not belong to")
		}
		r, err := tx.findRoadmap(a.RoadmapID)
		if err != nil {
			return nil, err
		}
		if err := tx.checkActionRefs(r, a); err != nil {
			return nil, err
		}
		a.UpdatedAt = tx.now
		if err := tx.updateVersioned("actions", "action", id, upd.Version, actionValues(a)); err != nil {
			return nil, err
		}
		a.Version++
		return a, tx.audit(auditRecord{action: "update", entityType: "action", entityID: id, roadmapID: a.RoadmapID, before: &before, after: a})
	})
}

// DeleteAction deletes an action no other action waits for.
func (s *ActionService) DeleteAction(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		a, err := tx.findAction(id)
		if err != nil {
			return struct{}{}, err
		}
		if !entente.CanEditAction(tx.caller, a) {
			return struct{}{}, entente.Denied(tx.caller, "delete this action")
		}
		n, err := tx.count("SELECT COUNT(*) FROM dependencies WHERE predecessor_id = ?", id)
		if err != nil {
			return struct{}{}, err
		}
		if n > 0 {
			return struct{}{}, entente.Errorf(entente.ECONFLICT, "%d other actions wait for %q; remove those dependencies first.", n, a.Title)
		}
		if err := tx.deleteEntity("actions", "action", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "action", entityID: id, roadmapID: a.RoadmapID, before: a})
	})
	return err
}

// CountOpenActionsByDue counts a roadmap's open actions by their due day, for the timeline.
func (s *ActionService) CountOpenActionsByDue(ctx context.Context, roadmapID int64) (map[entente.Date]int, error) {
	return view(ctx, s.db, func(tx *Tx) (map[entente.Date]int, error) {
		if _, err := tx.findRoadmap(roadmapID); err != nil {
			return nil, err
		}
		rows, err := tx.query(`SELECT due_latest, COUNT(*) FROM actions WHERE roadmap_id = ? AND due_latest IS NOT NULL
			AND status NOT IN ('done', 'cancelled') GROUP BY due_latest`, roadmapID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		out := map[entente.Date]int{}
		for rows.Next() {
			var d entente.Date
			var n int
			if err := rows.Scan(dateCol{&d}, &n); err != nil {
				return nil, err
			}
			out[d] = n
		}
		return out, rows.Err()
	})
}
