package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// PositionService implements entente.PositionService.
type PositionService struct{ db *DB }

// NewPositionService returns the position service of db.
func NewPositionService(db *DB) *PositionService { return &PositionService{db: db} }

const positionColumns = `id, roadmap_id, party, scope, entity_type, entity_id, article, stance, text, author_name,
	version, created_at, updated_at`

func scanPosition(s rowScanner) (*entente.Position, error) {
	var p entente.Position
	err := s.Scan(&p.ID, &p.RoadmapID, &p.Party, &p.Scope, &p.EntityType, &p.EntityID, &p.Article, &p.Stance, &p.Text,
		&p.AuthorName, &p.Version, timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt})
	return &p, err
}

// findPosition loads a position the caller may read: of a readable roadmap, and of the
// caller's own party or shared. Any other is not found, exactly like a missing one.
func (tx *Tx) findPosition(id int64) (*entente.Position, error) {
	p, err := scanPosition(tx.queryRow("SELECT "+positionColumns+" FROM positions WHERE id = ?", id))
	if err != nil {
		return nil, notFoundIfNoRows(err, "position", id)
	}
	if !entente.CanSeeScope(tx.caller, p.Scope) {
		return nil, entente.NotFound("position", id)
	}
	if _, err := tx.findRoadmap(p.RoadmapID); err != nil {
		return nil, entente.NotFound("position", id)
	}
	return p, nil
}

// FindPositionByID returns a position.
func (s *PositionService) FindPositionByID(ctx context.Context, id int64) (*entente.Position, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Position, error) { return tx.findPosition(id) })
}

// FindPositions lists the positions the caller may read.
func (s *PositionService) FindPositions(ctx context.Context, f entente.PositionFilter) ([]*entente.Position, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Position], error) {
		var w where
		tx.visibleRoadmaps(&w, "roadmap_id")
		tx.visibleScope(&w, "scope")
		w.andIf(f.RoadmapID != 0, "roadmap_id = ?", f.RoadmapID)
		w.andIf(f.EntityType != "", "entity_type = ?", f.EntityType)
		w.andIf(f.EntityID != 0, "entity_id = ?", f.EntityID)
		var res listResult[*entente.Position]
		var err error
		res.total, err = tx.list(listSpec{table: "positions", columns: positionColumns, sorts: map[string]string{"": "id"}}, w, f.Page,
			func(rs rowScanner) error {
				p, err := scanPosition(rs)
				res.items = append(res.items, p)
				return err
			})
		return res, err
	})
	return r.items, r.total, err
}

// CreatePosition records the caller's party's position; it is internal unless shared.
func (s *PositionService) CreatePosition(ctx context.Context, p *entente.Position) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		c := tx.caller
		if p.Party == "" {
			p.Party = c.Party
		}
		if p.Scope == "" {
			p.Scope = p.Party
		}
		if !c.System && p.Party != c.Party {
			return struct{}{}, fieldError("party", "a position is always your own party's ("+c.Party+")")
		}
		if err := p.Validate(); err != nil {
			return struct{}{}, err
		}
		rid, err := tx.entityRoadmap(p.EntityType, p.EntityID)
		if err != nil {
			return struct{}{}, err
		}
		if !entente.CanWriteNote(c, rid) {
			return struct{}{}, entente.Denied(c, "record positions in this roadmap")
		}
		p.RoadmapID, p.AuthorName = rid, c.Name
		p.CreatedAt, p.UpdatedAt, p.Version = tx.now, tx.now, 1
		if p.ID, err = tx.insert("positions", []colval{{"roadmap_id", rid}, {"party", p.Party}, {"scope", p.Scope},
			{"entity_type", p.EntityType}, {"entity_id", p.EntityID}, {"article", p.Article}, {"stance", p.Stance},
			{"text", p.Text}, {"author_id", idArg(c.UserID)}, {"author_name", p.AuthorName},
			{"created_at", formatTime(tx.now)}, {"updated_at", formatTime(tx.now)}}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "create", entityType: "position", entityID: p.ID, roadmapID: rid, scope: p.Scope, after: p})
	})
	return err
}

// entityRoadmap returns the roadmap of an agreement or action the caller may read.
func (tx *Tx) entityRoadmap(entityType string, id int64) (int64, error) {
	table := map[string]string{"agreement": "agreements", "action": "actions"}[entityType]
	if table == "" {
		return 0, fieldError("entity_type", "must be agreement or action")
	}
	var rid int64
	if err := tx.queryRow("SELECT roadmap_id FROM "+table+" WHERE id = ?", id).Scan(&rid); err != nil {
		return 0, firstErr(notFoundIfNoRows(err, "", id), fieldError("entity_id", "no "+entityType+" with this id"))
	}
	if _, err := tx.findRoadmap(rid); err != nil {
		return 0, fieldError("entity_id", "no "+entityType+" with this id")
	}
	return rid, nil
}

// UpdatePosition changes a position of the caller's party.
func (s *PositionService) UpdatePosition(ctx context.Context, id int64, upd entente.PositionUpdate) (*entente.Position, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Position, error) {
		p, err := tx.findPosition(id)
		if err != nil {
			return nil, err
		}
		if p.Party != tx.caller.Party && !tx.caller.System || !entente.CanWriteNote(tx.caller, p.RoadmapID) {
			return nil, entente.Denied(tx.caller, "change another party's position")
		}
		if err := checkVersion("position", p.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *p
		if upd.Stance != nil {
			p.Stance = *upd.Stance
		}
		if upd.Text != nil {
			p.Text = *upd.Text
		}
		if upd.Scope != nil {
			p.Scope = *upd.Scope
		}
		if err := p.Validate(); err != nil {
			return nil, err
		}
		p.UpdatedAt = tx.now
		if err := tx.updateVersioned("positions", "position", id, upd.Version, []colval{{"stance", p.Stance}, {"text", p.Text},
			{"scope", p.Scope}, {"updated_at", formatTime(tx.now)}}); err != nil {
			return nil, err
		}
		p.Version++
		// A position made shared is recorded under its new scope; before that it was internal.
		return p, tx.audit(auditRecord{action: "update", entityType: "position", entityID: id, roadmapID: p.RoadmapID,
			scope: before.Scope, before: &before, after: p})
	})
}

// DeletePosition deletes a position of the caller's party.
func (s *PositionService) DeletePosition(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		p, err := tx.findPosition(id)
		if err != nil {
			return struct{}{}, err
		}
		if p.Party != tx.caller.Party && !tx.caller.System || !entente.CanWriteNote(tx.caller, p.RoadmapID) {
			return struct{}{}, entente.Denied(tx.caller, "delete another party's position")
		}
		if err := tx.deleteRow("positions", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "position", entityID: id, roadmapID: p.RoadmapID, scope: p.Scope, before: p})
	})
	return err
}
