package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// NoteService implements entente.NoteService.
type NoteService struct{ db *DB }

// NewNoteService returns the note service of db.
func NewNoteService(db *DB) *NoteService { return &NoteService{db: db} }

const noteColumns = `id, roadmap_id, entity_type, entity_id, scope, body, author_id, author_name, version, created_at, updated_at`

func scanNote(s rowScanner) (*entente.Note, error) {
	var n entente.Note
	err := s.Scan(&n.ID, &n.RoadmapID, &n.EntityType, &n.EntityID, &n.Scope, &n.Body, idCol{&n.AuthorID}, &n.AuthorName,
		&n.Version, timeCol{&n.CreatedAt}, timeCol{&n.UpdatedAt})
	return &n, err
}

// findNote loads a note the caller may read: of a readable roadmap and a visible scope. A
// note internal to another party is reported as not found, exactly like a missing one.
func (tx *Tx) findNote(id int64) (*entente.Note, error) {
	n, err := scanNote(tx.queryRow("SELECT "+noteColumns+" FROM notes WHERE id = ?", id))
	if err != nil {
		return nil, notFoundIfNoRows(err, "note", id)
	}
	if !entente.CanSeeScope(tx.caller, n.Scope) {
		return nil, entente.NotFound("note", id)
	}
	if _, err := tx.findRoadmap(n.RoadmapID); err != nil {
		return nil, entente.NotFound("note", id)
	}
	return n, nil
}

// FindNoteByID returns a note.
func (s *NoteService) FindNoteByID(ctx context.Context, id int64) (*entente.Note, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Note, error) { return tx.findNote(id) })
}

// FindNotes lists the notes the caller may read, oldest first.
func (s *NoteService) FindNotes(ctx context.Context, f entente.NoteFilter) ([]*entente.Note, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Note], error) {
		var w where
		tx.visibleRoadmaps(&w, "roadmap_id")
		tx.visibleScope(&w, "scope")
		w.andIf(f.RoadmapID != 0, "roadmap_id = ?", f.RoadmapID)
		w.andIf(f.EntityType != "", "entity_type = ?", f.EntityType)
		w.andIf(f.EntityID != 0, "entity_id = ?", f.EntityID)
		w.andIf(f.Scope != "", "scope = ?", f.Scope)
		w.text(f.Q)
		var res listResult[*entente.Note]
		var err error
		res.total, err = tx.list(listSpec{table: "notes", columns: noteColumns, sorts: map[string]string{"": "id"}}, w, f.Page,
			func(rs rowScanner) error {
				n, err := scanNote(rs)
				res.items = append(res.items, n)
				return err
			})
		return res, err
	})
	return r.items, r.total, err
}

// CreateNote attaches a note to an item of a roadmap.
func (s *NoteService) CreateNote(ctx context.Context, n *entente.Note) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createNote(n) })
	return err
}

func (tx *Tx) createNote(n *entente.Note) error {
	if n.Scope == "" {
		n.Scope = entente.ScopeShared
	}
	if err := n.Validate(); err != nil {
		return err
	}
	if err := tx.checkOwnScope(n.Scope); err != nil {
		return err
	}
	roadmapID, err := tx.writableTarget(n.EntityType, n.EntityID)
	if err != nil {
		return err
	}
	n.RoadmapID = roadmapID
	c := tx.caller
	n.AuthorID, n.AuthorName = c.UserID, c.Name
	n.CreatedAt, n.UpdatedAt, n.Version = tx.now, tx.now, 1
	if n.ID, err = tx.insert("notes", []colval{{"roadmap_id", n.RoadmapID}, {"entity_type", n.EntityType},
		{"entity_id", n.EntityID}, {"scope", n.Scope}, {"body", n.Body}, {"author_id", idArg(n.AuthorID)},
		{"author_name", n.AuthorName}, {"search", searchText(n.Body)}, {"created_at", formatTime(n.CreatedAt)},
		{"updated_at", formatTime(n.UpdatedAt)}}); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "note", entityID: n.ID, roadmapID: n.RoadmapID, scope: n.Scope, after: n})
}

// writableTarget finds the roadmap of the item a note or a file is attached to and checks that
// the caller may write there: members who may write; contributors only on actions they may edit.
func (tx *Tx) writableTarget(entityType string, entityID int64) (int64, error) {
	var roadmapID int64
	if entityType == "roadmap" {
		roadmapID = entityID
	} else {
		table, ok := noteTables[entityType]
		if !ok {
			return 0, fieldError("entity_type", "cannot carry notes or files")
		}
		err := tx.queryRow("SELECT roadmap_id FROM "+table+" WHERE id = ?", entityID).Scan(&roadmapID)
		if err != nil {
			return 0, firstErr(notFoundIfNoRows(err, "", 0), fieldError("entity_id", "no "+entityType+" with this id"))
		}
	}
	if _, err := tx.findRoadmap(roadmapID); err != nil {
		return 0, fieldError("entity_id", "no "+entityType+" with this id")
	}
	if !entente.CanWriteNote(tx.caller, roadmapID) {
		return 0, entente.Denied(tx.caller, "write in this roadmap")
	}
	if tx.caller.RoleIn(roadmapID) == entente.RoleContributor {
		a, err := tx.findAction(entityID)
		if entityType != "action" || err != nil || !entente.CanEditAction(tx.caller, a) {
			return 0, entente.Denied(tx.caller, "write on items outside your bodies' actions")
		}
	}
	return roadmapID, nil
}

// noteTables maps the entity types a note can be attached to onto their tables.
var noteTables = map[string]string{"track": "tracks", "action": "actions", "meeting": "meetings",
	"agreement": "agreements", "commitment": "commitments", "interest": "interests"}

// UpdateNote changes the text of a note.
func (s *NoteService) UpdateNote(ctx context.Context, id int64, upd entente.NoteUpdate) (*entente.Note, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Note, error) {
		n, err := tx.findNote(id)
		if err != nil {
			return nil, err
		}
		if !entente.CanEditNote(tx.caller, n) {
			return nil, entente.Denied(tx.caller, "change this note")
		}
		if err := checkVersion("note", n.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *n
		if upd.Body != nil {
			n.Body = *upd.Body
		}
		if err := n.Validate(); err != nil {
			return nil, err
		}
		n.UpdatedAt = tx.now
		if err := tx.updateVersioned("notes", "note", id, upd.Version, []colval{{"body", n.Body},
			{"search", searchText(n.Body)}, {"updated_at", formatTime(n.UpdatedAt)}}); err != nil {
			return nil, err
		}
		n.Version++
		return n, tx.audit(auditRecord{action: "update", entityType: "note", entityID: id, roadmapID: n.RoadmapID, scope: n.Scope, before: &before, after: n})
	})
}

// DeleteNote deletes a note.
func (s *NoteService) DeleteNote(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		n, err := tx.findNote(id)
		if err != nil {
			return struct{}{}, err
		}
		if !entente.CanEditNote(tx.caller, n) {
			return struct{}{}, entente.Denied(tx.caller, "delete this note")
		}
		if err := tx.deleteRow("notes", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "note", entityID: id, roadmapID: n.RoadmapID, scope: n.Scope, before: n})
	})
	return err
}
