package sqlstore

import (
	"context"
	"encoding/json"

	"github.com/entente/entente"
)

// SourceService implements entente.SourceService.
type SourceService struct{ db *DB }

// NewSourceService returns the source service of db.
func NewSourceService(db *DB) *SourceService { return &SourceService{db: db} }

const sourceColumns = `id, roadmap_id, title, url, publisher, published_on, language, text, extraction, scope,
	version, created_at, updated_at`

func scanSource(s rowScanner) (*entente.Source, error) {
	var src entente.Source
	var extraction string
	err := s.Scan(&src.ID, idCol{&src.RoadmapID}, &src.Title, &src.URL, &src.Publisher, dateCol{&src.PublishedOn},
		&src.Language, &src.Text, &extraction, &src.Scope, &src.Version, timeCol{&src.CreatedAt}, timeCol{&src.UpdatedAt})
	if extraction != "" {
		src.Extraction = json.RawMessage(extraction)
	}
	return &src, err
}

func sourceValues(s *entente.Source) []colval {
	return []colval{{"roadmap_id", idArg(s.RoadmapID)}, {"title", s.Title}, {"url", s.URL}, {"publisher", s.Publisher},
		{"published_on", dateArg(s.PublishedOn)}, {"language", s.Language}, {"text", s.Text},
		{"extraction", string(s.Extraction)}, {"scope", s.Scope},
		{"search", searchText(s.Title, s.Publisher, s.Text)}, {"updated_at", formatTime(s.UpdatedAt)}}
}

// canReadSource: a source of a roadmap is read like the roadmap, within its scope; a source
// not yet applied is read by signed-in users of its scope.
func (tx *Tx) canReadSource(s *entente.Source) bool {
	if !entente.CanSeeScope(tx.caller, s.Scope) {
		return false
	}
	if s.RoadmapID == 0 {
		return !tx.caller.IsAnonymous()
	}
	_, err := tx.findRoadmap(s.RoadmapID)
	return err == nil
}

func (tx *Tx) findSource(id int64) (*entente.Source, error) {
	s, err := scanSource(tx.queryRow("SELECT "+sourceColumns+" FROM sources WHERE id = ?", id))
	if err != nil {
		return nil, notFoundIfNoRows(err, "source", id)
	}
	if !tx.canReadSource(s) {
		return nil, entente.NotFound("source", id)
	}
	return s, nil
}

// canWriteSource: editors of the source's roadmap, or for an unapplied source the editors of
// its scope (entente.CanDraftSource).
func (tx *Tx) canWriteSource(s *entente.Source) bool {
	if s.RoadmapID != 0 {
		return entente.CanEditRoadmap(tx.caller, s.RoadmapID)
	}
	return entente.CanDraftSource(tx.caller)
}

// FindSourceByID returns a source.
func (s *SourceService) FindSourceByID(ctx context.Context, id int64) (*entente.Source, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Source, error) { return tx.findSource(id) })
}

// FindSources lists the sources the caller may read.
func (s *SourceService) FindSources(ctx context.Context, f entente.SourceFilter) ([]*entente.Source, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Source], error) {
		var w where
		var rw where
		tx.visibleRoadmaps(&rw, "roadmap_id")
		if len(rw.conds) > 0 {
			unapplied := "roadmap_id IS NULL"
			if tx.caller.IsAnonymous() {
				unapplied = "1 = 0"
			}
			w.and("("+unapplied+" OR "+rw.conds[0]+")", rw.args...)
		}
		tx.visibleScope(&w, "scope")
		w.andIf(f.RoadmapID != 0, "roadmap_id = ?", f.RoadmapID)
		w.text(f.Q)
		spec := listSpec{table: "sources", columns: sourceColumns, sorts: map[string]string{"": "id", "published": "published_on"}}
		var res listResult[*entente.Source]
		var err error
		res.total, err = tx.list(spec, w, f.Page, func(rs rowScanner) error {
			src, err := scanSource(rs)
			res.items = append(res.items, src)
			return err
		})
		return res, err
	})
	return r.items, r.total, err
}

// CreateSource stores a statement that was read in.
func (s *SourceService) CreateSource(ctx context.Context, src *entente.Source) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createSource(src) })
	return err
}

func (tx *Tx) createSource(s *entente.Source) error {
	if s.Scope == "" {
		s.Scope = entente.ScopeShared
	}
	if s.Language == "" {
		s.Language = "en"
	}
	if err := s.Validate(); err != nil {
		return err
	}
	if err := tx.checkOwnScope(s.Scope); err != nil {
		return err
	}
	if !tx.canWriteSource(s) {
		return entente.Denied(tx.caller, "add sources here")
	}
	if s.RoadmapID != 0 {
		if _, err := tx.roadmapForWrite(s.RoadmapID, "add sources to this roadmap"); err != nil {
			return err
		}
	}
	s.CreatedAt, s.UpdatedAt, s.Version = tx.now, tx.now, 1
	var err error
	if s.ID, err = tx.insert("sources", append(sourceValues(s), colval{"created_at", formatTime(s.CreatedAt)})); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "source", entityID: s.ID, roadmapID: s.RoadmapID, scope: s.Scope, after: s})
}

// checkOwnScope refuses a scope internal to another party than the caller's.
func (tx *Tx) checkOwnScope(scope string) error {
	if scope != entente.ScopeShared && !tx.caller.System && scope != tx.caller.Party {
		return fieldError("scope", "must be shared or your own party ("+tx.caller.Party+")")
	}
	return nil
}

// UpdateSource changes what is said about a source; its text never changes.
func (s *SourceService) UpdateSource(ctx context.Context, id int64, upd entente.SourceUpdate) (*entente.Source, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Source, error) {
		src, err := tx.findSource(id)
		if err != nil {
			return nil, err
		}
		if !tx.canWriteSource(src) {
			return nil, entente.Denied(tx.caller, "change this source")
		}
		if err := checkVersion("source", src.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *src
		upd.Apply(src)
		if err := src.Validate(); err != nil {
			return nil, err
		}
		if err := tx.checkOwnScope(src.Scope); err != nil {
			return nil, err
		}
		if src.RoadmapID != 0 && src.RoadmapID != before.RoadmapID {
			if _, err := tx.roadmapForWrite(src.RoadmapID, "add sources to this roadmap"); err != nil {
				return nil, err
			}
		}
		src.UpdatedAt = tx.now
		if err := tx.updateVersioned("sources", "source", id, upd.Version, sourceValues(src)); err != nil {
			return nil, err
		}
		src.Version++
		return src, tx.audit(auditRecord{action: "update", entityType: "source", entityID: id, roadmapID: src.RoadmapID,
			scope: src.Scope, before: sourceSummary(&before), after: sourceSummary(src)})
	})
}

// sourceSummary leaves the unchanged text out of update audit entries.
func sourceSummary(s *entente.Source) map[string]any {
	return map[string]any{"title": s.Title, "url": s.URL, "publisher": s.Publisher, "roadmap_id": s.RoadmapID, "scope": s.Scope}
}

// DeleteSource deletes a source; the items extracted from it stay without the link.
func (s *SourceService) DeleteSource(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		src, err := tx.findSource(id)
		if err != nil {
			return struct{}{}, err
		}
		if !tx.canWriteSource(src) {
			return struct{}{}, entente.Denied(tx.caller, "delete this source")
		}
		if err := tx.deleteRow("sources", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "source", entityID: id, roadmapID: src.RoadmapID,
			scope: src.Scope, before: sourceSummary(src)})
	})
	return err
}
