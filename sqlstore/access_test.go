package sqlstore_test

import (
	"strconv"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// TestInternalNotesStayWithTheirParty checks every read path of the store: by id, in lists,
// in counts, and in the audit trail.
func TestInternalNotesStayWithTheirParty(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		a := f.action(t, "Prepare", "")
		addUser(t, db, 1, "PAK")
		addUser(t, db, 2, "BLR")
		roles := map[int64]entente.Role{f.roadmap.ID: entente.RoleEditor}
		pak, blr := as(1, "PAK", roles), as(2, "BLR", roles)
		internal := &entente.Note{EntityType: "action", EntityID: a.ID, Scope: "PAK", Body: "Our fallback position"}
		must(t, f.services.notes.CreateNote(pak, internal))
		shared := &entente.Note{EntityType: "action", EntityID: a.ID, Body: "Shared remark"}
		must(t, f.services.notes.CreateNote(blr, shared))

		_, err := f.services.notes.FindNoteByID(blr, internal.ID)
		wantCode(t, err, entente.ENOTFOUND)
		if _, err := f.services.notes.FindNoteByID(pak, internal.ID); err != nil {
			t.Fatalf("the author's party cannot read its note: %v", err)
		}
		notes, n, err := f.services.notes.FindNotes(blr, entente.NoteFilter{EntityType: "action", EntityID: a.ID})
		must(t, err)
		if n != 1 || len(notes) != 1 || notes[0].ID != shared.ID {
			t.Fatalf("BLR sees %d notes (total %d)", len(notes), n)
		}
		_, n, err = f.services.notes.FindNotes(pak, entente.NoteFilter{Q: "fallback"})
		must(t, err)
		if n != 1 {
			t.Fatalf("PAK finds %d notes by text", n)
		}
		_, n, _ = f.services.notes.FindNotes(blr, entente.NoteFilter{Q: "fallback"})
		if n != 0 {
			t.Fatal("BLR finds the PAK note by text")
		}
		// Changing it, or claiming another party's scope, is refused as if it did not exist.
		body := "edited"
		_, err = f.services.notes.UpdateNote(blr, internal.ID, entente.NoteUpdate{Version: 1, Body: &body})
		wantCode(t, err, entente.ENOTFOUND)
		err = f.services.notes.CreateNote(blr, &entente.Note{EntityType: "action", EntityID: a.ID, Scope: "PAK", Body: "x"})
		wantCode(t, err, entente.EINVALID)
		// The audit trail keeps the note's creation from the other party.
		entries, _, err := f.services.audit.FindAuditEntries(blr, entente.AuditFilter{EntityType: "note"})
		if err == nil {
			for _, e := range entries {
				if e.Scope == "PAK" {
					t.Fatal("BLR reads an audit entry of a PAK internal note")
				}
			}
		}
	})
}

func TestRolesLimitWrites(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		a := f.action(t, "Prepare", "")
		other := &entente.Body{Party: "PAK", Name: "Ministry of Industries", Kind: "ministry"}
		must(t, f.services.bodies.CreateBody(system(), other))
		id := f.roadmap.ID
		viewer := as(3, "PAK", map[int64]entente.Role{id: entente.RoleViewer})
		contributor := as(4, "PAK", map[int64]entente.Role{id: entente.RoleContributor}, f.pakMFA.ID)
		outsider := as(5, "PAK", map[int64]entente.Role{id: entente.RoleContributor}, other.ID)
		stranger := as(6, "CHN", nil)
		p := 50
		_, err := f.services.actions.UpdateAction(viewer, a.ID, entente.ActionUpdate{Version: 1, Progress: &p})
		wantCode(t, err, entente.EFORBIDDEN)
		_, err = f.services.actions.UpdateAction(outsider, a.ID, entente.ActionUpdate{Version: 1, Progress: &p})
		wantCode(t, err, entente.EFORBIDDEN)
		_, err = f.services.actions.UpdateAction(stranger, a.ID, entente.ActionUpdate{Version: 1, Progress: &p})
		wantCode(t, err, entente.ENOTFOUND)
		_, err = f.services.actions.UpdateAction(contributor, a.ID, entente.ActionUpdate{Version: 1, Progress: &p})
		must(t, err)
		// A contributor may not give the action to a body they are not in.
		b := other.ID
		_, err = f.services.actions.UpdateAction(contributor, a.ID, entente.ActionUpdate{Version: 2, LeadBodyID: &b})
		wantCode(t, err, entente.EFORBIDDEN)
		err = f.services.meetings.CreateMeeting(contributor, &entente.Meeting{RoadmapID: id, Kind: "call", Title: "Call"})
		wantCode(t, err, entente.EFORBIDDEN)
		err = f.services.meetings.CreateMeeting(entente.WithCaller(system(), entente.Anonymous), &entente.Meeting{RoadmapID: id, Kind: "call", Title: "Call"})
		wantCode(t, err, entente.EINVALID) // the roadmap is not public: it does not exist for a visitor
		_, n, err := f.services.actions.FindActions(stranger, entente.ActionFilter{})
		must(t, err)
		if n != 0 {
			t.Fatalf("a stranger counts %d actions", n)
		}
	})
}
