package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// InterestService implements entente.InterestService.
type InterestService struct{ db *DB }

// NewInterestService returns the interest service of db.
func NewInterestService(db *DB) *InterestService { return &InterestService{db: db} }

var interests = item[*entente.Interest]{
	table: "interests", kind: "interest",
	columns: `id, roadmap_id, kind, from_party, to_party, title, description, sectors, products, status,
		source_id, quote, version, created_at, updated_at`,
	scan:    scanInterest,
	roadmap: func(i *entente.Interest) int64 { return i.RoadmapID },
}

func scanInterest(s rowScanner) (*entente.Interest, error) {
	var i entente.Interest
	err := s.Scan(&i.ID, &i.RoadmapID, &i.Kind, &i.FromParty, &i.ToParty, &i.Title, &i.Description,
		jsonCol[string]{&i.Sectors}, jsonCol[string]{&i.Products}, &i.Status, idCol{&i.SourceID}, &i.Quote,
		&i.Version, timeCol{&i.CreatedAt}, timeCol{&i.UpdatedAt})
	return &i, err
}

func interestValues(i *entente.Interest) []colval {
	return []colval{{"roadmap_id", i.RoadmapID}, {"kind", i.Kind}, {"from_party", i.FromParty}, {"to_party", i.ToParty},
		{"title", i.Title}, {"description", i.Description}, {"sectors", jsonArg(i.Sectors)}, {"products", jsonArg(i.Products)},
		{"status", i.Status}, {"source_id", idArg(i.SourceID)}, {"quote", i.Quote},
		{"search", searchText(i.Title, i.Description, i.Quote)}, {"updated_at", formatTime(i.UpdatedAt)}}
}

// FindInterestByID returns an interest.
func (s *InterestService) FindInterestByID(ctx context.Context, id int64) (*entente.Interest, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Interest, error) { return interests.find(tx, id) })
}

// FindInterests lists interests of the roadmaps the caller may read.
func (s *InterestService) FindInterests(ctx context.Context, f entente.InterestFilter) ([]*entente.Interest, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Interest], error) {
		var w where
		w.andIf(f.RoadmapID != 0, "roadmap_id = ?", f.RoadmapID)
		w.andIf(f.Kind != "", "kind = ?", f.Kind)
		w.andIf(f.Party != "", "(from_party = ? OR to_party = ?)", f.Party, f.Party)
		w.andIf(f.Sector != "", "sectors LIKE ?", `%"`+f.Sector+`"%`)
		w.andIf(f.Status != "", "status = ?", f.Status)
		w.text(f.Q)
		return interests.list(tx, w, f.Page, map[string]string{"": "id", "title": "title"})
	})
	return r.items, r.total, err
}

// CreateInterest adds an interest to a roadmap.
func (s *InterestService) CreateInterest(ctx context.Context, i *entente.Interest) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createInterest(i) })
	return err
}

func (tx *Tx) createInterest(i *entente.Interest) error {
	if i.Status == "" {
		i.Status = "open"
	}
	if i.Sectors == nil {
		i.Sectors = []string{}
	}
	if i.Products == nil {
		i.Products = []string{}
	}
	if err := i.Validate(); err != nil {
		return err
	}
	r, err := tx.roadmapForWrite(i.RoadmapID, "add interests to this roadmap")
	if err != nil {
		return err
	}
	if err := checkInterestParties(r, i); err != nil {
		return err
	}
	i.CreatedAt, i.UpdatedAt, i.Version = tx.now, tx.now, 1
	if i.ID, err = tx.insert("interests", append(interestValues(i), colval{"created_at", formatTime(i.CreatedAt)})); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "interest", entityID: i.ID, roadmapID: i.RoadmapID, after: i})
}

func checkInterestParties(r *entente.Roadmap, i *entente.Interest) error {
	if !r.HasParty(i.FromParty) {
		return fieldError("from_party", i.FromParty+" is not a party of this roadmap")
	}
	if !r.HasParty(i.ToParty) {
		return fieldError("to_party", i.ToParty+" is not a party of this roadmap")
	}
	return nil
}

// UpdateInterest changes an interest.
func (s *InterestService) UpdateInterest(ctx context.Context, id int64, upd entente.InterestUpdate) (*entente.Interest, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Interest, error) {
		i, err := interests.forWrite(tx, id, "change this interest")
		if err != nil {
			return nil, err
		}
		if err := checkVersion("interest", i.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *i
		upd.Apply(i)
		if err := i.Validate(); err != nil {
			return nil, err
		}
		r, err := tx.findRoadmap(i.RoadmapID)
		if err != nil {
			return nil, err
		}
		if err := checkInterestParties(r, i); err != nil {
			return nil, err
		}
		i.UpdatedAt = tx.now
		if err := tx.updateVersioned("interests", "interest", id, upd.Version, interestValues(i)); err != nil {
			return nil, err
		}
		i.Version++
		return i, tx.audit(auditRecord{action: "update", entityType: "interest", entityID: id, roadmapID: i.RoadmapID, before: &before, after: i})
	})
}

// DeleteInterest deletes an interest.
func (s *InterestService) DeleteInterest(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, interests.delete(tx, id) })
	return err
}
