package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

const commentColumns = `id, agreement_id, roadmap_id, text_version, article, scope, body, author_id, author_name, created_at`

func scanComment(s rowScanner) (*entente.AgreementComment, error) {
	var c entente.AgreementComment
	err := s.Scan(&c.ID, &c.AgreementID, &c.RoadmapID, &c.TextVersion, &c.Article, &c.Scope, &c.Body,
		idCol{&c.AuthorID}, &c.AuthorName, timeCol{&c.CreatedAt})
	return &c, err
}

// FindAgreementComments lists the comments on an agreement the caller may see, oldest first:
// those on the filter's version and those on any version, on one article or all of them.
func (s *AgreementTextService) FindAgreementComments(ctx context.Context, f entente.AgreementCommentFilter) ([]*entente.AgreementComment, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.AgreementComment, error) {
		if _, err := tx.findAgreement(f.AgreementID); err != nil {
			return nil, err
		}
		w := where{}
		w.and("agreement_id = ?", f.AgreementID)
		tx.visibleScope(&w, "scope")
		w.andIf(f.TextVersion != 0, "(text_version = ? OR text_version = 0)", f.TextVersion)
		w.andIf(f.Article != "", "article = ?", f.Article)
		out, err := scanAll(tx, "SELECT "+commentColumns+" FROM agreement_comments"+w.sql()+" ORDER BY id", w.args, scanComment)
		if out == nil {
			out = []*entente.AgreementComment{}
		}
		return out, err
	})
}

// CreateAgreementComment adds a comment on an agreement's text, shared or internal to the
// caller's party.
func (s *AgreementTextService) CreateAgreementComment(ctx context.Context, cm *entente.AgreementComment) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		if cm.Scope == "" {
			cm.Scope = entente.ScopeShared
		}
		if err := cm.Validate(); err != nil {
			return struct{}{}, err
		}
		if err := tx.checkOwnScope(cm.Scope); err != nil {
			return struct{}{}, err
		}
		a, err := tx.findAgreement(cm.AgreementID)
		if err != nil {
			return struct{}{}, err
		}
		if !entente.CanWriteNote(tx.caller, a.RoadmapID) {
			return struct{}{}, entente.Denied(tx.caller, "comment on this agreement")
		}
		if cm.TextVersion != 0 {
			if _, err := tx.version(a.ID, cm.TextVersion, false); err != nil {
				return struct{}{}, firstErr(err, fieldError("text_version", "no such version"))
			}
		}
		c := tx.caller
		cm.RoadmapID, cm.AuthorID, cm.AuthorName, cm.CreatedAt = a.RoadmapID, c.UserID, c.Name, tx.now
		if cm.ID, err = tx.insert("agreement_comments", []colval{{"agreement_id", cm.AgreementID}, {"roadmap_id", cm.RoadmapID},
			{"text_version", cm.TextVersion}, {"article", cm.Article}, {"scope", cm.Scope}, {"body", cm.Body},
			{"author_id", idArg(cm.AuthorID)}, {"author_name", cm.AuthorName}, {"created_at", formatTime(cm.CreatedAt)}}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "create", entityType: "agreement_comment", entityID: cm.ID,
			roadmapID: cm.RoadmapID, scope: cm.Scope, after: cm})
	})
	return err
}

// DeleteAgreementComment deletes a comment: its author, or an editor of its party's side.
func (s *AgreementTextService) DeleteAgreementComment(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		cm, err := scanComment(tx.queryRow("SELECT "+commentColumns+" FROM agreement_comments WHERE id = ?", id))
		if err != nil {
			return struct{}{}, notFoundIfNoRows(err, "comment", id)
		}
		if !entente.CanSeeScope(tx.caller, cm.Scope) {
			return struct{}{}, entente.NotFound("comment", id)
		}
		if _, err := tx.findRoadmap(cm.RoadmapID); err != nil {
			return struct{}{}, entente.NotFound("comment", id)
		}
		if !entente.CanDeleteAgreementComment(tx.caller, cm) {
			return struct{}{}, entente.Denied(tx.caller, "delete this comment")
		}
		if err := tx.deleteRow("agreement_comments", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "agreement_comment", entityID: id,
			roadmapID: cm.RoadmapID, scope: cm.Scope, before: cm})
	})
	return err
}
