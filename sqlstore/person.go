package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// PersonService implements entente.PersonService.
type PersonService struct{ db *DB }

// NewPersonService returns the person service of db.
func NewPersonService(db *DB) *PersonService { return &PersonService{db: db} }

const personColumns = "id, name, role, party, body_id, version, created_at, updated_at"

func scanPerson(s rowScanner) (*entente.Person, error) {
	var p entente.Person
	err := s.Scan(&p.ID, &p.Name, &p.Role, &p.Party, idCol{&p.BodyID}, &p.Version,
		timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt})
	return &p, err
}

func personValues(p *entente.Person) []colval {
	return []colval{{"name", p.Name}, {"role", p.Role}, {"party", p.Party}, {"body_id", idArg(p.BodyID)},
		{"search", searchText(p.Name, p.Role)}, {"updated_at", formatTime(p.UpdatedAt)}}
}

func (tx *Tx) findPerson(id int64) (*entente.Person, error) {
	p, err := scanPerson(tx.queryRow("SELECT "+personColumns+" FROM people WHERE id = ?", id))
	return p, notFoundIfNoRows(err, "person", id)
}

// FindPersonByID returns a person.
func (s *PersonService) FindPersonByID(ctx context.Context, id int64) (*entente.Person, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Person, error) { return tx.findPerson(id) })
}

// FindPeople lists people.
func (s *PersonService) FindPeople(ctx context.Context, f entente.PersonFilter) ([]*entente.Person, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Person], error) {
		var w where
		w.andIf(f.Party != "", "party = ?", f.Party)
		w.andIf(f.BodyID != 0, "body_id = ?", f.BodyID)
		w.text(f.Q)
		spec := listSpec{table: "people", columns: personColumns, sorts: map[string]string{"": "id", "name": "name"}}
		var res listResult[*entente.Person]
		var err error
		res.total, err = tx.list(spec, w, f.Page, func(rs rowScanner) error {
			p, err := scanPerson(rs)
			res.items = append(res.items, p)
			return err
		})
		return res, err
	})
	return r.items, r.total, err
}

// CreatePerson adds a person to the directory.
func (s *PersonService) CreatePerson(ctx context.Context, p *entente.Person) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createPerson(p) })
	return err
}

func (tx *Tx) createPerson(p *entente.Person) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if !entente.CanEditDirectory(tx.caller, p.Party) {
		return entente.Denied(tx.caller, "add people of "+p.Party)
	}
	if err := tx.checkPersonRefs(p); err != nil {
		return err
	}
	p.CreatedAt, p.UpdatedAt, p.Version = tx.now, tx.now, 1
	var err error
	if p.ID, err = tx.insert("people", append(personValues(p), colval{"created_at", formatTime(p.CreatedAt)})); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "person", entityID: p.ID, after: p})
}

func (tx *Tx) checkPersonRefs(p *entente.Person) error {
	if err := tx.checkParties("party", []string{p.Party}); err != nil {
		return err
	}
	if p.BodyID == 0 {
		return nil
	}
	b, err := tx.findBody(p.BodyID)
	if err != nil {
		return fieldError("body_id", "no body with this id")
	}
	if !b.IsJoint() && b.Party != p.Party {
		return fieldError("body_id", b.Name+" is a body of "+b.Party+", not of "+p.Party)
	}
	return nil
}

// UpdatePerson changes a person.
func (s *PersonService) UpdatePerson(ctx context.Context, id int64, upd entente.PersonUpdate) (*entente.Person, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Person, error) {
		p, err := tx.findPerson(id)
		if err != nil {
			return nil, err
		}
		if !entente.CanEditDirectory(tx.caller, p.Party) {
			return nil, entente.Denied(tx.caller, "change this person")
		}
		if err := checkVersion("person", p.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *p
		upd.Apply(p)
		if err := p.Validate(); err != nil {
			return nil, err
		}
		if err := tx.checkPersonRefs(p); err != nil {
			return nil, err
		}
		p.UpdatedAt = tx.now
		if err := tx.updateVersioned("people", "person", id, upd.Version, personValues(p)); err != nil {
			return nil, err
		}
		p.Version++
		return p, tx.audit(auditRecord{action: "update", entityType: "person", entityID: id, before: &before, after: p})
	})
}

// DeletePerson deletes a person; meetings keep the party's participation without the name link.
func (s *PersonService) DeletePerson(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		p, err := tx.findPerson(id)
		if err != nil {
			return struct{}{}, err
		}
		if !entente.CanEditDirectory(tx.caller, p.Party) {
			return struct{}{}, entente.Denied(tx.caller, "delete this person")
		}
		// Keep the participant rows readable: copy the name before the link is cleared.
		if _, err := tx.exec("UPDATE meeting_participants SET name = ? WHERE person_id = ? AND name = ''", p.Name, id); err != nil {
			return struct{}{}, err
		}
		if err := tx.deleteRow("people", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "person", entityID: id, before: p})
	})
	return err
}
