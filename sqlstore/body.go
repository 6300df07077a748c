package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// BodyService implements entente.BodyService.
type BodyService struct{ db *DB }

// NewBodyService returns the body service of db.
func NewBodyService(db *DB) *BodyService { return &BodyService{db: db} }

const bodyColumns = "id, party, name, short_name, kind, parent_id, version, created_at, updated_at"

func scanBody(s rowScanner) (*entente.Body, error) {
	var b entente.Body
	err := s.Scan(&b.ID, textCol{&b.Party}, &b.Name, &b.ShortName, &b.Kind, idCol{&b.ParentID},
		&b.Version, timeCol{&b.CreatedAt}, timeCol{&b.UpdatedAt})
	return &b, err
}

func bodyValues(b *entente.Body) []colval {
	return []colval{{"party", textArg(b.Party)}, {"name", b.Name}, {"short_name", b.ShortName},
		{"kind", b.Kind}, {"parent_id", idArg(b.ParentID)},
		{"search", searchText(b.Name, b.ShortName, b.Party)}, {"updated_at", formatTime(b.UpdatedAt)}}
}

// findBody loads a body with the parties of a joint body. The directory is public.
func (tx *Tx) findBody(id int64) (*entente.Body, error) {
	b, err := scanBody(tx.queryRow("SELECT "+bodyColumns+" FROM bodies WHERE id = ?", id))
	if err != nil {
		return nil, notFoundIfNoRows(err, "body", id)
	}
	return b, tx.fillBody(b)
}

func (tx *Tx) fillBody(b *entente.Body) error {
	if !b.IsJoint() {
		return nil
	}
	rows, err := tx.query("SELECT party FROM body_parties WHERE body_id = ? ORDER BY position", b.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return err
		}
		b.Parties = append(b.Parties, p)
	}
	return rows.Err()
}

// FindBodyByID returns a body.
func (s *BodyService) FindBodyByID(ctx context.Context, id int64) (*entente.Body, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Body, error) { return tx.findBody(id) })
}

// FindBodies lists bodies.
func (s *BodyService) FindBodies(ctx context.Context, f entente.BodyFilter) ([]*entente.Body, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Body], error) {
		var w where
		switch f.Party {
		case "":
		case "joint":
			w.and("party IS NULL")
		default:
			w.and("(party = ? OR id IN (SELECT body_id FROM body_parties WHERE party = ?))", f.Party, f.Party)
		}
		w.andIf(f.Kind != "", "kind = ?", f.Kind)
		w.text(f.Q)
		spec := listSpec{table: "bodies", columns: bodyColumns, sorts: map[string]string{"": "id", "name": "name"}}
		var res listResult[*entente.Body]
		var err error
		res.total, err = tx.list(spec, w, f.Page, func(rs rowScanner) error {
			b, err := scanBody(rs)
			res.items = append(res.items, b)
			return err
		})
		for _, b := range res.items {
			if err == nil {
				err = tx.fillBody(b)
			}
		}
		return res, err
	})
	return r.items, r.total, err
}

// CreateBody adds a body to the directory.
func (s *BodyService) CreateBody(ctx context.Context, b *entente.Body) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createBody(b) })
	return err
}

func (tx *Tx) createBody(b *entente.Body) error {
	if err := b.Validate(); err != nil {
		return err
	}
	if !entente.CanEditDirectory(tx.caller, b.Party) {
		return entente.Denied(tx.caller, "add bodies of "+b.Party)
	}
	if err := tx.checkBodyRefs(b); err != nil {
		return err
	}
	b.CreatedAt, b.UpdatedAt, b.Version = tx.now, tx.now, 1
	var err error
	if b.ID, err = tx.insert("bodies", append(bodyValues(b), colval{"created_at", formatTime(b.CreatedAt)})); err != nil {
		return err
	}
	if err := tx.writeBodyParties(b); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "body", entityID: b.ID, after: b})
}

func (tx *Tx) checkBodyRefs(b *entente.Body) error {
	if b.Party != "" {
		if err := tx.checkParties("party", []string{b.Party}); err != nil {
			return err
		}
	}
	if err := tx.checkParties("parties", b.Parties); err != nil {
		return err
	}
	if b.ParentID != 0 {
		if ok, err := tx.exists("bodies", b.ParentID); err != nil {
			return err
		} else if !ok {
			return fieldError("parent_id", "no body with this id")
		}
	}
	return nil
}

func (tx *Tx) writeBodyParties(b *entente.Body) error {
	if _, err := tx.exec("DELETE FROM body_parties WHERE body_id = ?", b.ID); err != nil {
		return err
	}
	for i, p := range b.Parties {
		if _, err := tx.exec("INSERT INTO body_parties (body_id, party, position) VALUES (?, ?, ?)", b.ID, p, i); err != nil {
			return err
		}
	}
	return nil
}

// UpdateBody changes a body.
func (s *BodyService) UpdateBody(ctx context.Context, id int64, upd entente.BodyUpdate) (*entente.Body, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Body, error) {
		b, err := tx.findBody(id)
		if err != nil {
			return nil, err
		}
		if !entente.CanEditDirectory(tx.caller, b.Party) {
			return nil, entente.Denied(tx.caller, "change this body")
		}
		if err := checkVersion("body", b.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *b
		upd.Apply(b)
		if err := b.Validate(); err != nil {
			return nil, err
		}
		if err := tx.checkBodyRefs(b); err != nil {
			return nil, err
		}
		b.UpdatedAt = tx.now
		if err := tx.updateVersioned("bodies", "body", id, upd.Version, bodyValues(b)); err != nil {
			return nil, err
		}
		b.Version++
		if err := tx.writeBodyParties(b); err != nil {
			return nil, err
		}
		return b, tx.audit(auditRecord{action: "update", entityType: "body", entityID: id, before: &before, after: b})
	})
}

// DeleteBody deletes a body nothing refers to.
func (s *BodyService) DeleteBody(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		b, err := tx.findBody(id)
		if err != nil {
			return struct{}{}, err
		}
		if !entente.CanEditDirectory(tx.caller, b.Party) {
			return struct{}{}, entente.Denied(tx.caller, "delete this body")
		}
		n, err := tx.count(`SELECT (SELECT COUNT(*) FROM track_leads WHERE body_id = ?) +
			(SELECT COUNT(*) FROM actions WHERE lead_body_id = ?) + (SELECT COUNT(*) FROM people WHERE body_id = ?) +
			(SELECT COUNT(*) FROM bodies WHERE parent_id = ?)`, id, id, id, id)
		if err != nil {
			return struct{}{}, err
		}
		if n > 0 {
			return struct{}{}, entente.Errorf(entente.ECONFLICT, "%s still leads tracks or actions, or has people or sub-bodies (%d in all).", b.Name, n)
		}
		if err := tx.deleteRow("bodies", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "body", entityID: id, before: b})
	})
	return err
}
