package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// Panels are the notes and the history shown under any item of a roadmap.
type Panels struct {
	L           *i18n.Locale
	EntityType  string
	EntityID    int64
	Notes       []*entente.Note
	History     []HistoryRow
	CanNote     bool
	Party       string // the caller's party, for the "internal" choice
	Return      string
	Caller      *entente.Caller
	Attachments []*entente.Attachment
	Positions   []*entente.Position // for actions: the caller's party's and the shared ones
	Stances     []string
}

// HistoryRow is one audit entry about the item, with the fields it changed.
type HistoryRow struct {
	At      time.Time
	Who     string
	Party   string
	Action  string
	Changes []Change
}

// Change is one field's value before and after.
type Change struct {
	Field, Before, After string
}

// panels loads the notes and history of an item. History needs membership of the roadmap; a
// visitor of a public roadmap sees none.
func (s *Server) panels(r *http.Request, rm *entente.Roadmap, entityType string, id int64, canNote bool) (Panels, error) {
	c := entente.CallerFrom(r.Context())
	p := Panels{L: s.locale(r), EntityType: entityType, EntityID: id, CanNote: canNote, Party: c.Party,
		Return: r.URL.Path, Caller: c}
	notes, _, err := s.svc.Notes.FindNotes(r.Context(), entente.NoteFilter{EntityType: entityType, EntityID: id,
		Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return p, err
	}
	p.Notes = notes
	if p.Attachments, err = s.svc.Attachments.FindAttachments(r.Context(), entityType, id); err != nil {
		return p, err
	}
	if entityType == "action" || entityType == "agreement" {
		p.Stances = entente.Stances
		if p.Positions, _, err = s.svc.Positions.FindPositions(r.Context(), entente.PositionFilter{EntityType: entityType, EntityID: id,
			Page: entente.Page{Limit: entente.MaxPageLimit}}); err != nil {
			return p, err
		}
	}
	entries, _, err := s.svc.Audit.FindAuditEntries(r.Context(), entente.AuditFilter{EntityType: entityType,
		EntityID: itoa(id), Page: entente.Page{Limit: 50}})
	if err != nil && entente.ErrorCode(err) != entente.EUNAUTHORIZED {
		return p, err
	}
	for _, e := range entries {
		p.History = append(p.History, HistoryRow{At: e.At, Who: e.UserName, Party: e.Party, Action: e.Action,
			Changes: changes(e.Before, e.After)})
	}
	return p, nil
}

// changes lists the top-level fields that differ between two snapshots, leaving out the
// bookkeeping fields every change touches.
func changes(before, after json.RawMessage) []Change {
	var b, a map[string]json.RawMessage
	json.Unmarshal(before, &b)
	json.Unmarshal(after, &a)
	if b == nil || a == nil {
		return nil
	}
	var out []Change
	for k, av := range a {
		if k == "version" || k == "updated_at" || k == "created_at" || k == "stats" || k == "tracks" {
			continue
		}
		if bv := b[k]; !bytes.Equal(bv, av) {
			out = append(out, Change{Field: k, Before: show(bv), After: show(av)})
		}
	}
	for k, bv := range b {
		if _, ok := a[k]; !ok && k != "stats" && k != "tracks" {
			out = append(out, Change{Field: k, Before: show(bv)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

// show renders a JSON value for a person: strings without quotes, a When by its value.
func show(v json.RawMessage) string {
	if len(v) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	var w struct {
		Value string `json:"value"`
		Mod   string `json:"mod"`
	}
	if json.Unmarshal(v, &w) == nil && w.Value != "" {
		return strings.TrimSpace(w.Value + " " + w.Mod)
	}
	return string(v)
}

// handleNoteCreate adds a note to an item and goes back to it.
func (s *Server) handleNoteCreate(w http.ResponseWriter, r *http.Request) {
	probs := entente.Problems{}
	n := &entente.Note{EntityType: r.PostFormValue("entity_type"), EntityID: formID(r.PostForm, "entity_id", probs),
		Scope: r.PostFormValue("scope"), Body: r.PostFormValue("body")}
	back := localPath(r.PostFormValue("return"))
	err := probs.Err("note")
	if err == nil {
		err = s.svc.Notes.CreateNote(r.Context(), n)
	}
	if err != nil {
		if entente.ErrorCode(err) == entente.EINVALID {
			redirect(w, r, withNotice(back, "notice.note_invalid"))
			return
		}
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice(back, "notice.saved")+fmt.Sprintf("#note-%d", n.ID))
}

// handleNoteDelete deletes a note and goes back to its item.
func (s *Server) handleNoteDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if err := s.svc.Notes.DeleteNote(r.Context(), id); err != nil {
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice(localPath(r.PostFormValue("return")), "notice.deleted"))
}
