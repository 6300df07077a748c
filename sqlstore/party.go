package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// PartyService implements entente.PartyService.
type PartyService struct{ db *DB }

// NewPartyService returns the party service of db.
func NewPartyService(db *DB) *PartyService { return &PartyService{db: db} }

const partyColumns = "code, name, languages, time_zone, version, created_at, updated_at"

func scanParty(s rowScanner) (*entente.Party, error) {
	var p entente.Party
	err := s.Scan(&p.Code, &p.Name, jsonCol[string]{&p.Languages}, &p.TimeZone, &p.Version,
		timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt})
	return &p, err
}

func partyValues(p *entente.Party) []colval {
	return []colval{{"name", p.Name}, {"languages", jsonArg(p.Languages)}, {"time_zone", p.TimeZone},
		{"search", searchText(p.Code, p.Name)}, {"updated_at", formatTime(p.UpdatedAt)}}
}

func (tx *Tx) findParty(code string) (*entente.Party, error) {
	p, err := scanParty(tx.queryRow("SELECT "+partyColumns+" FROM parties WHERE code = ?", code))
	return p, notFoundIfNoRows(err, "party", code)
}

// FindPartyByCode returns a party; anyone may read parties.
func (s *PartyService) FindPartyByCode(ctx context.Context, code string) (*entente.Party, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Party, error) { return tx.findParty(code) })
}

// FindParties lists parties by code.
func (s *PartyService) FindParties(ctx context.Context, f entente.PartyFilter) ([]*entente.Party, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Party], error) {
		var w where
		w.text(f.Q)
		if len(f.Codes) > 0 {
			args := make([]any, len(f.Codes))
			for i, c := range f.Codes {
				args[i] = c
			}
			w.and("code IN ("+marks(len(args))+")", args...)
		}
		// Parties are few (one per state): the list is never paged.
		var res listResult[*entente.Party]
		n, err := tx.count("SELECT COUNT(*) FROM parties"+w.sql(), w.args...)
		if err != nil {
			return res, err
		}
		res.total = n
		rows, err := tx.query("SELECT "+partyColumns+" FROM parties"+w.sql()+" ORDER BY code", w.args...)
		if err != nil {
			return res, err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanParty(rows)
			if err != nil {
				return res, err
			}
			res.items = append(res.items, p)
		}
		return res, rows.Err()
	})
	return r.items, r.total, err
}

// CreateParty creates a party; administrators of the installation may.
func (s *PartyService) CreateParty(ctx context.Context, p *entente.Party) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		if !entente.CanAdminister(tx.caller) {
			return struct{}{}, entente.Denied(tx.caller, "create a party")
		}
		return struct{}{}, tx.createParty(p)
	})
	return err
}

func (tx *Tx) createParty(p *entente.Party) error {
	if p.Languages == nil {
		p.Languages = []string{}
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if n, err := tx.count("SELECT COUNT(*) FROM parties WHERE code = ?", p.Code); err != nil {
		return err
	} else if n > 0 {
		return &entente.Error{Code: entente.ECONFLICT, Message: "Party " + p.Code + " already exists.",
			Fields: map[string]string{"code": "is taken"}}
	}
	p.CreatedAt, p.UpdatedAt, p.Version = tx.now, tx.now, 1
	cols := append(partyValues(p), colval{"code", p.Code}, colval{"created_at", formatTime(p.CreatedAt)})
	if err := tx.insertKeyed("parties", cols); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "party", entityID: p.Code, after: p})
}

// UpdateParty changes a party; administrators of the installation may.
func (s *PartyService) UpdateParty(ctx context.Context, code string, upd entente.PartyUpdate) (*entente.Party, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Party, error) {
		p, err := tx.findParty(code)
		if err != nil {
			return nil, err
		}
		if !entente.CanAdminister(tx.caller) {
			return nil, entente.Denied(tx.caller, "change a party")
		}
		if err := checkVersion("party", p.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *p
		upd.Apply(p)
		if err := p.Validate(); err != nil {
			return nil, err
		}
		p.UpdatedAt = tx.now
		if err := tx.updateVersionedBy("parties", "party", "code", code, upd.Version, partyValues(p)); err != nil {
			return nil, err
		}
		p.Version++
		return p, tx.audit(auditRecord{action: "update", entityType: "party", entityID: code, before: &before, after: p})
	})
}

// DeleteParty deletes a party nothing refers to.
func (s *PartyService) DeleteParty(ctx context.Context, code string) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		p, err := tx.findParty(code)
		if err != nil {
			return struct{}{}, err
		}
		if !entente.CanAdminister(tx.caller) {
			return struct{}{}, entente.Denied(tx.caller, "delete a party")
		}
		n, err := tx.count(`SELECT (SELECT COUNT(*) FROM roadmap_parties WHERE party = ?) +
			(SELECT COUNT(*) FROM bodies WHERE party = ?) + (SELECT COUNT(*) FROM people WHERE party = ?) +
			(SELECT COUNT(*) FROM body_parties WHERE party = ?) + (SELECT COUNT(*) FROM users WHERE party = ?)`,
			code, code, code, code, code)
		if err != nil {
			return struct{}{}, err
		}
		if n > 0 {
			return struct{}{}, entente.Errorf(entente.ECONFLICT, "Party %s is still referred to by %d roadmaps, bodies, people or users.", code, n)
		}
		if _, err := tx.exec("DELETE FROM parties WHERE code = ?", code); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "party", entityID: code, before: p})
	})
	return err
}
