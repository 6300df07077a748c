package sqlstore

import "github.com/entente/entente"

// item describes a table of rows that belong to one roadmap and are read with it: commitments,
// interests. It gives their shared find and delete steps.
type item[T any] struct {
	table   string
	kind    string // the entity type in messages and the audit trail
	columns string
	scan    func(rowScanner) (T, error)
	roadmap func(T) int64
}

// find loads row id if the caller may read its roadmap; otherwise ENOTFOUND.
func (it item[T]) find(tx *Tx, id int64) (T, error) {
	var zero T
	v, err := it.scan(tx.queryRow("SELECT "+it.columns+" FROM "+it.table+" WHERE id = ?", id))
	if err != nil {
		return zero, notFoundIfNoRows(err, it.kind, id)
	}
	if _, err := tx.findRoadmap(it.roadmap(v)); err != nil {
		return zero, entente.NotFound(it.kind, id)
	}
	return v, nil
}

// forWrite loads row id if the caller may edit its roadmap.
func (it item[T]) forWrite(tx *Tx, id int64, what string) (T, error) {
	v, err := it.find(tx, id)
	if err != nil {
		return v, err
	}
	if !entente.CanEditRoadmap(tx.caller, it.roadmap(v)) {
		var zero T
		return zero, entente.Denied(tx.caller, what)
	}
	return v, nil
}

// delete removes row id with its notes and records it.
func (it item[T]) delete(tx *Tx, id int64) error {
	v, err := it.forWrite(tx, id, "delete this "+it.kind)
	if err != nil {
		return err
	}
	if err := tx.deleteEntity(it.table, it.kind, id); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "delete", entityType: it.kind, entityID: id, roadmapID: it.roadmap(v), before: v})
}

// list pages through rows of the readable roadmaps matching w.
func (it item[T]) list(tx *Tx, w where, page entente.Page, sorts map[string]string) (listResult[T], error) {
	tx.visibleRoadmaps(&w, "roadmap_id")
	var res listResult[T]
	var err error
	res.total, err = tx.list(listSpec{table: it.table, columns: it.columns, sorts: sorts}, w, page, func(rs rowScanner) error {
		v, err := it.scan(rs)
		res.items = append(res.items, v)
		return err
	})
	return res, err
}
