package sqlstore_test

import (
	"bytes"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func TestPositionsStayWithTheirParty(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		a := f.action(t, "Negotiate", "")
		addUser(t, db, 1, "PAK")
		addUser(t, db, 2, "BLR")
		roles := map[int64]entente.Role{f.roadmap.ID: entente.RoleEditor}
		pak, blr := as(1, "PAK", roles), as(2, "BLR", roles)
		s := sqlstore.NewPositionService(db)
		p := &entente.Position{EntityType: "action", EntityID: a.ID, Stance: "amend", Text: "Our fallback: a later start"}
		must(t, s.CreatePosition(pak, p))
		if p.Party != "PAK" || p.Scope != "PAK" {
			t.Fatalf("a new position is %s/%s, want PAK's and internal", p.Party, p.Scope)
		}
		_, err := s.FindPositionByID(blr, p.ID)
		wantCode(t, err, entente.ENOTFOUND)
		_, n, err := s.FindPositions(blr, entente.PositionFilter{EntityType: "action", EntityID: a.ID})
		must(t, err)
		if n != 0 {
			t.Fatalf("BLR counts %d positions", n)
		}
		err = s.CreatePosition(blr, &entente.Position{Party: "PAK", EntityType: "action", EntityID: a.ID, Stance: "oppose", Text: "x"})
		wantCode(t, err, entente.EINVALID)
		shared := entente.ScopeShared
		_, err = s.UpdatePosition(pak, p.ID, entente.PositionUpdate{Version: 1, Scope: &shared})
		must(t, err)
		if _, err := s.FindPositionByID(blr, p.ID); err != nil {
			t.Fatalf("a shared position is hidden from BLR: %v", err)
		}
		text := "changed by the other side"
		_, err = s.UpdatePosition(blr, p.ID, entente.PositionUpdate{Version: 2, Text: &text})
		wantCode(t, err, entente.EFORBIDDEN)
	})
}

func TestAttachmentsAreCheckedAndScoped(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		a := f.action(t, "Draft", "")
		addUser(t, db, 1, "PAK")
		addUser(t, db, 2, "BLR")
		roles := map[int64]entente.Role{f.roadmap.ID: entente.RoleEditor}
		pak, blr := as(1, "PAK", roles), as(2, "BLR", roles)
		s := sqlstore.NewAttachmentService(db)
		pdf := []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
		tests := []struct {
			name string
			data []byte
			ok   bool
		}{
			{"draft.pdf", pdf, true},
			{"notes.txt", []byte("Plain notes in English and по-русски"), true},
			{"page.html", []byte("<html><script>alert(1)</script></html>"), false},
			{"fake.pdf", []byte("<html><script>alert(1)</script></html>"), false},
			{"logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), false},
			{"tool.exe", []byte("MZ\x90\x00"), false},
			{"empty.txt", nil, false},
			{"big.txt", bytes.Repeat([]byte("a"), entente.MaxAttachmentSize+1), false},
		}
		for _, tt := range tests {
			err := s.CreateAttachment(pak, &entente.Attachment{EntityType: "action", EntityID: a.ID, FileName: tt.name}, tt.data)
			if (err == nil) != tt.ok {
				t.Errorf("%s: %v", tt.name, err)
			}
		}
		internal := &entente.Attachment{EntityType: "action", EntityID: a.ID, FileName: "fallback.txt", Scope: "PAK"}
		must(t, s.CreateAttachment(pak, internal, []byte("our fallback position")))
		_, _, err := s.OpenAttachment(blr, internal.ID)
		wantCode(t, err, entente.ENOTFOUND)
		list, err := s.FindAttachments(blr, "action", a.ID)
		must(t, err)
		if len(list) != 2 {
			t.Fatalf("BLR sees %d files, want the 2 shared ones", len(list))
		}
		got, data, err := s.OpenAttachment(pak, internal.ID)
		must(t, err)
		if string(data) != "our fallback position" || got.ContentType != "text/plain; charset=utf-8" || len(got.SHA256) != 64 {
			t.Fatalf("opened %+v %q", got, data)
		}
		wantCode(t, s.DeleteAttachment(blr, internal.ID), entente.ENOTFOUND)
	})
}
