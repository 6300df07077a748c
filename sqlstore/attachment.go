package sqlstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"

	"github.com/entente/entente"
)

// AttachmentService implements entente.AttachmentService.
type AttachmentService struct{ db *DB }

// NewAttachmentService returns the attachment service of db.
func NewAttachmentService(db *DB) *AttachmentService { return &AttachmentService{db: db} }

const attachmentColumns = `id, roadmap_id, entity_type, entity_id, scope, file_name, content_type, size, sha256,
	author_name, created_at`

func scanAttachment(s rowScanner) (*entente.Attachment, error) {
	var a entente.Attachment
	err := s.Scan(&a.ID, &a.RoadmapID, &a.EntityType, &a.EntityID, &a.Scope, &a.FileName, &a.ContentType, &a.Size,
		&a.SHA256, &a.AuthorName, timeCol{&a.CreatedAt})
	return &a, err
}

// FindAttachments lists the files of an item the caller may read.
func (s *AttachmentService) FindAttachments(ctx context.Context, entityType string, entityID int64) ([]*entente.Attachment, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.Attachment, error) {
		var w where
		tx.visibleRoadmaps(&w, "roadmap_id")
		tx.visibleScope(&w, "scope")
		w.and("entity_type = ? AND entity_id = ?", entityType, entityID)
		return scanAll(tx, "SELECT "+attachmentColumns+" FROM attachments"+w.sql()+" ORDER BY id", w.args, scanAttachment)
	})
}

// findAttachment loads a file's description if the caller may read it.
func (tx *Tx) findAttachment(id int64) (*entente.Attachment, error) {
	a, err := scanAttachment(tx.queryRow("SELECT "+attachmentColumns+" FROM attachments WHERE id = ?", id))
	if err != nil {
		return nil, notFoundIfNoRows(err, "attachment", id)
	}
	if !entente.CanSeeScope(tx.caller, a.Scope) {
		return nil, entente.NotFound("attachment", id)
	}
	if _, err := tx.findRoadmap(a.RoadmapID); err != nil {
		return nil, entente.NotFound("attachment", id)
	}
	return a, nil
}

// OpenAttachment returns a file with its content.
func (s *AttachmentService) OpenAttachment(ctx context.Context, id int64) (*entente.Attachment, []byte, error) {
	type file struct {
		a    *entente.Attachment
		data []byte
	}
	f, err := view(ctx, s.db, func(tx *Tx) (file, error) {
		a, err := tx.findAttachment(id)
		if err != nil {
			return file{}, err
		}
		var data []byte
		err = tx.queryRow("SELECT data FROM attachments WHERE id = ?", id).Scan(&data)
		return file{a, data}, err
	})
	return f.a, f.data, err
}

// CreateAttachment stores a file checked by entente.CheckAttachment.
func (s *AttachmentService) CreateAttachment(ctx context.Context, a *entente.Attachment, data []byte) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		if a.Scope == "" {
			a.Scope = entente.ScopeShared
		}
		if err := tx.checkOwnScope(a.Scope); err != nil {
			return struct{}{}, err
		}
		typ, err := entente.CheckAttachment(a.FileName, int64(len(data)), sniff(data))
		if err != nil {
			return struct{}{}, err
		}
		rid, err := tx.writableTarget(a.EntityType, a.EntityID)
		if err != nil {
			return struct{}{}, err
		}
		sum := sha256.Sum256(data)
		a.RoadmapID, a.ContentType, a.Size, a.SHA256 = rid, typ, int64(len(data)), hex.EncodeToString(sum[:])
		a.AuthorName, a.CreatedAt = tx.caller.Name, tx.now
		if a.ID, err = tx.insert("attachments", []colval{{"roadmap_id", rid}, {"entity_type", a.EntityType}, {"entity_id", a.EntityID},
			{"scope", a.Scope}, {"file_name", a.FileName}, {"content_type", a.ContentType}, {"size", a.Size}, {"sha256", a.SHA256},
			{"data", data}, {"author_id", idArg(tx.caller.UserID)}, {"author_name", a.AuthorName}, {"created_at", formatTime(tx.now)}}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "create", entityType: "attachment", entityID: a.ID, roadmapID: rid, scope: a.Scope, after: a})
	})
	return err
}

// DeleteAttachment deletes a file; its author and the roadmap's editors may.
func (s *AttachmentService) DeleteAttachment(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		a, err := tx.findAttachment(id)
		if err != nil {
			return struct{}{}, err
		}
		var author int64
		if err := tx.queryRow("SELECT COALESCE(author_id, 0) FROM attachments WHERE id = ?", id).Scan(&author); err != nil {
			return struct{}{}, err
		}
		c := tx.caller
		if !entente.CanWrite(c) || !(c.System || (author != 0 && author == c.UserID) || entente.CanEditRoadmap(c, a.RoadmapID)) {
			return struct{}{}, entente.Denied(c, "delete this file")
		}
		if err := tx.deleteRow("attachments", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "attachment", entityID: id, roadmapID: a.RoadmapID, scope: a.Scope, before: a})
	})
	return err
}

// sniff says what the first bytes of a file are, as browsers would.
func sniff(data []byte) string { return http.DetectContentType(data) }
