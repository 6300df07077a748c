package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

const dependencyColumns = "id, roadmap_id, predecessor_id, successor_id, kind, lag_days, created_at"

func scanDependency(s rowScanner) (*entente.Dependency, error) {
	var d entente.Dependency
	err := s.Scan(&d.ID, &d.RoadmapID, &d.PredecessorID, &d.SuccessorID, &d.Kind, &d.LagDays, timeCol{&d.CreatedAt})
	return &d, err
}

// dependencies returns the dependencies matching a condition, in id order.
func (tx *Tx) dependencies(cond string, args ...any) ([]*entente.Dependency, error) {
	rows, err := tx.query("SELECT "+dependencyColumns+" FROM dependencies WHERE "+cond+" ORDER BY id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*entente.Dependency
	for rows.Next() {
		d, err := scanDependency(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// FindDependencies returns every dependency of a roadmap.
func (s *ActionService) FindDependencies(ctx context.Context, roadmapID int64) ([]*entente.Dependency, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.Dependency, error) {
		if _, err := tx.findRoadmap(roadmapID); err != nil {
			return nil, err
		}
		return tx.dependencies("roadmap_id = ?", roadmapID)
	})
}

// CreateDependency makes one action wait for another of the same roadmap, refusing cycles.
func (s *ActionService) CreateDependency(ctx context.Context, d *entente.Dependency) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createDependency(d) })
	return err
}

func (tx *Tx) createDependency(d *entente.Dependency) error {
	if d.Kind == "" {
		d.Kind = entente.FinishToStart
	}
	if err := d.Validate(); err != nil {
		return err
	}
	succ, err := tx.findAction(d.SuccessorID)
	if err != nil {
		return fieldError("successor_id", "no action with this id")
	}
	pred, err := tx.findAction(d.PredecessorID)
	if err != nil {
		return fieldError("predecessor_id", "no action with this id")
	}
	if pred.RoadmapID != succ.RoadmapID {
		return fieldError("predecessor_id", "belongs to another roadmap; dependencies stay within one roadmap")
	}
	if !entente.CanEditAction(tx.caller, succ) {
		return entente.Denied(tx.caller, "change what this action waits for")
	}
	existing, err := tx.dependencies("roadmap_id = ?", succ.RoadmapID)
	if err != nil {
		return err
	}
	for _, e := range existing {
		if e.PredecessorID == d.PredecessorID && e.SuccessorID == d.SuccessorID {
			return &entente.Error{Code: entente.ECONFLICT, Message: "This dependency exists already.",
				Fields: map[string]string{"predecessor_id": "the action already waits for this one"}}
		}
	}
	if cycle := entente.FindCycle(existing, d); cycle != nil {
		return entente.CycleError(cycle, tx.actionTitle)
	}
	d.RoadmapID, d.CreatedAt = succ.RoadmapID, tx.now
	if d.ID, err = tx.insert("dependencies", []colval{{"roadmap_id", d.RoadmapID}, {"predecessor_id", d.PredecessorID},
		{"successor_id", d.SuccessorID}, {"kind", d.Kind}, {"lag_days", d.LagDays}, {"created_at", formatTime(d.CreatedAt)}}); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "dependency", entityID: d.ID, roadmapID: d.RoadmapID, after: d})
}

// actionTitle names an action in messages; an unreadable one is named by id only.
func (tx *Tx) actionTitle(id int64) string {
	var t string
	if err := tx.queryRow("SELECT title FROM actions WHERE id = ?", id).Scan(&t); err != nil {
		return "action"
	}
	return t
}

// DeleteDependency removes a dependency.
func (s *ActionService) DeleteDependency(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		d, err := scanDependency(tx.queryRow("SELECT "+dependencyColumns+" FROM dependencies WHERE id = ?", id))
		if err != nil {
			return struct{}{}, notFoundIfNoRows(err, "dependency", id)
		}
		succ, err := tx.findAction(d.SuccessorID)
		if err != nil {
			return struct{}{}, entente.NotFound("dependency", id)
		}
		if !entente.CanEditAction(tx.caller, succ) {
			return struct{}{}, entente.Denied(tx.caller, "change what this action waits for")
		}
		if err := tx.deleteRow("dependencies", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "dependency", entityID: id, roadmapID: d.RoadmapID, before: d})
	})
	return err
}
