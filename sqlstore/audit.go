package sqlstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/entente/entente"
)

// genesisHash is the previous hash of the first audit entry.
const genesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// auditRecord is what a service says about one change.
type auditRecord struct {
	action     string // create, update, delete, sign_in …
	entityType string
	entityID   any
	roadmapID  int64
	scope      string // shared, or the party whose internal item changed
	before     any
	after      any
}

// audit appends an entry to the hash chain inside the transaction of the change it records.
// Entry ids are consecutive, so a deleted entry leaves a gap that verification reports.
func (tx *Tx) audit(r auditRecord) error {
	if err := tx.db.dialect.lockAuditChain(tx); err != nil {
		return err
	}
	var lastID int64
	prev := genesisHash
	err := tx.queryRow("SELECT id, hash FROM audit_entries ORDER BY id DESC LIMIT 1").Scan(&lastID, &prev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	e, err := tx.newAuditEntry(r)
	if err != nil {
		return err
	}
	e.ID, e.PrevHash = lastID+1, prev
	e.Hash = auditHash(e)
	_, err = tx.exec(`INSERT INTO audit_entries (id, at, user_id, user_name, party, action, entity_type,
		entity_id, roadmap_id, scope, before, after, request_id, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, formatTime(e.At), idArg(e.UserID), e.UserName, e.Party, e.Action, e.EntityType,
		e.EntityID, idArg(e.RoadmapID), e.Scope, string(e.Before), string(e.After), e.RequestID, e.PrevHash, e.Hash)
	return err
}

func (tx *Tx) newAuditEntry(r auditRecord) (*entente.AuditEntry, error) {
	before, err := auditJSON(r.before)
	if err != nil {
		return nil, err
	}
	after, err := auditJSON(r.after)
	if err != nil {
		return nil, err
	}
	scope := r.scope
	if scope == "" {
		scope = entente.ScopeShared
	}
	c := tx.caller
	return &entente.AuditEntry{
		At: tx.now, UserID: c.UserID, UserName: c.Name, Party: c.Party, Action: r.action,
		EntityType: r.entityType, EntityID: fmt.Sprint(r.entityID), RoadmapID: r.roadmapID,
		Scope: scope, Before: before, After: after, RequestID: entente.RequestIDFrom(tx.ctx),
	}, nil
}

// auditJSON serialises a snapshot compactly; nil stays empty.
func auditJSON(v any) (json.RawMessage, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// auditHash is the SHA-256 of the previous hash and the entry's content, each field
// length-prefixed so that no two different entries serialise alike.
func auditHash(e *entente.AuditEntry) string {
	h := sha256.New()
	for _, f := range []string{
		e.PrevHash, strconv.FormatInt(e.ID, 10), formatTime(e.At), strconv.FormatInt(e.UserID, 10),
		e.UserName, e.Party, e.Action, e.EntityType, e.EntityID, strconv.FormatInt(e.RoadmapID, 10),
		e.Scope, string(e.Before), string(e.After), e.RequestID,
	} {
		fmt.Fprintf(h, "%d:%s\n", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// auditColumns is the select list scanned by scanAuditEntry.
const auditColumns = `id, at, user_id, user_name, party, action, entity_type, entity_id, roadmap_id,
	scope, before, after, request_id, prev_hash, hash`

func scanAuditEntry(s rowScanner) (*entente.AuditEntry, error) {
	var e entente.AuditEntry
	var before, after string
	err := s.Scan(&e.ID, timeCol{&e.At}, idCol{&e.UserID}, &e.UserName, &e.Party, &e.Action,
		&e.EntityType, &e.EntityID, idCol{&e.RoadmapID}, &e.Scope, &before, &after, &e.RequestID,
		&e.PrevHash, &e.Hash)
	if before != "" {
		e.Before = json.RawMessage(before)
	}
	if after != "" {
		e.After = json.RawMessage(after)
	}
	return &e, err
}

// AuditService reads the audit trail.
type AuditService struct{ db *DB }

// NewAuditService returns the audit trail service of db.
func NewAuditService(db *DB) *AuditService { return &AuditService{db: db} }

// FindAuditEntries lists entries newest first, as the caller may see them.
func (s *AuditService) FindAuditEntries(ctx context.Context, f entente.AuditFilter) ([]*entente.AuditEntry, int, error) {
	type result struct {
		items []*entente.AuditEntry
		total int
	}
	r, err := view(ctx, s.db, func(tx *Tx) (result, error) {
		var w where
		c := tx.caller
		if !c.System && !c.Admin {
			if c.IsAnonymous() {
				return result{}, entente.Denied(c, "read the audit trail")
			}
			ids := memberOf(c)
			if len(ids) == 0 {
				return result{}, nil
			}
			w.and("roadmap_id IN ("+marks(len(ids))+")", ids...)
		}
		tx.visibleScope(&w, "scope")
		w.andIf(f.RoadmapID != 0, "roadmap_id = ?", f.RoadmapID)
		w.andIf(f.EntityType != "", "entity_type = ?", f.EntityType)
		w.andIf(f.EntityID != "", "entity_id = ?", f.EntityID)
		w.andIf(f.UserID != 0, "user_id = ?", f.UserID)
		w.andIf(f.Action != "", "action = ?", f.Action)
		w.andIf(!f.From.IsZero(), "at >= ?", formatTime(f.From))
		w.andIf(!f.To.IsZero(), "at < ?", formatTime(f.To))
		page := f.Page
		page.Desc = true
		var out []*entente.AuditEntry
		total, err := tx.list(listSpec{table: "audit_entries", columns: auditColumns, sorts: map[string]string{"": "id"}},
			w, page, func(rs rowScanner) error {
				e, err := scanAuditEntry(rs)
				out = append(out, e)
				return err
			})
		return result{out, total}, err
	})
	return r.items, r.total, err
}

// ChainProblem is the first place where the audit chain does not hold.
type ChainProblem struct {
	EntryID int64
	Reason  string
}

// AuditReport is the result of walking the audit chain.
type AuditReport struct {
	Entries  int           // entries checked
	LastHash string        // the hash of the newest entry: keep it elsewhere to detect truncation
	Problem  *ChainProblem // the first break, or nil when the chain holds
}

// VerifyAudit walks the whole audit chain in id order and reports the first entry that was
// changed, inserted or deleted. Cutting entries off the end leaves a shorter chain that holds;
// comparing LastHash with a copy kept elsewhere detects that.
func (db *DB) VerifyAudit(ctx context.Context) (AuditReport, error) {
	var rep AuditReport
	rows, err := db.read.QueryContext(ctx, "SELECT "+auditColumns+" FROM audit_entries ORDER BY id")
	if err != nil {
		return rep, err
	}
	defer rows.Close()
	prevID, prevHash := int64(0), genesisHash
	for rows.Next() {
		e, err := scanAuditEntry(rows)
		if err != nil {
			return rep, err
		}
		rep.Entries++
		if rep.Problem = checkLink(e, prevID, prevHash); rep.Problem != nil {
			return rep, nil
		}
		prevID, prevHash = e.ID, e.Hash
	}
	rep.LastHash = prevHash
	return rep, rows.Err()
}

// checkLink checks one entry against its predecessor.
func checkLink(e *entente.AuditEntry, prevID int64, prevHash string) *ChainProblem {
	switch {
	case e.ID != prevID+1 && e.ID > prevID+1:
		return &ChainProblem{e.ID, fmt.Sprintf("entries %d to %d are missing: they were deleted", prevID+1, e.ID-1)}
	case e.ID != prevID+1:
		return &ChainProblem{e.ID, fmt.Sprintf("entry %d is out of sequence after entry %d", e.ID, prevID)}
	case e.PrevHash != prevHash:
		return &ChainProblem{e.ID, fmt.Sprintf("entry %d does not follow entry %d: the previous entry was changed, or this one was inserted", e.ID, prevID)}
	case auditHash(e) != e.Hash:
		return &ChainProblem{e.ID, fmt.Sprintf("entry %d was changed after it was written (its content no longer matches its hash)", e.ID)}
	}
	return nil
}

// VerifyAuditChain walks the chain for an administrator of the installation.
func (s *AuditService) VerifyAuditChain(ctx context.Context) (*entente.AuditCheck, error) {
	if c := entente.CallerFrom(ctx); !c.System && !c.Admin {
		return nil, entente.Denied(c, "check the audit trail")
	}
	rep, err := s.db.VerifyAudit(ctx)
	if err != nil {
		return nil, err
	}
	check := &entente.AuditCheck{Entries: rep.Entries, LastHash: rep.LastHash}
	if rep.Problem != nil {
		check.BrokenAt, check.Reason = rep.Problem.EntryID, rep.Problem.Reason
	}
	return check, nil
}
