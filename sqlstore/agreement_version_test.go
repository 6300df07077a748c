package sqlstore_test

import (
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
	"github.com/entente/entente/sqlstore"
)

func TestVersionsAreNumberedAndKeepTheirText(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newAgreementFixture(t, db)
		internal := f.save(t, blrDesk, 0, 0, "BLR", 30)
		shared := f.save(t, blrDesk, 1, 0, entente.ScopeShared, 30)
		if internal.Number != 1 || shared.Number != 2 || shared.Party != "BLR" {
			t.Fatalf("numbers %d, %d", internal.Number, shared.Number)
		}
		got, err := f.texts.FindAgreementVersion(f.as(pakDesk), f.mou.ID, 2)
		must(t, err)
		if got.Digest != clause.DigestHex(got.Texts) || len(got.Texts) != 2 || got.Texts[0].Language != "en" ||
			got.Texts[1].Articles[1].Body != "Совместная рабочая группа собирается в течение 30 дней." {
			t.Fatalf("stored version: %+v", got)
		}
		// Belarus's internal draft is Belarus's alone.
		_, err = f.texts.FindAgreementVersion(f.as(pakDesk), f.mou.ID, 1)
		wantCode(t, err, entente.ENOTFOUND)
		list, err := f.texts.FindAgreementVersions(f.as(pakDesk), f.mou.ID)
		must(t, err)
		if len(list) != 1 || list[0].Number != 2 || len(list[0].Texts) != 0 {
			t.Fatalf("Pakistan lists %+v", list)
		}
		list, err = f.texts.FindAgreementVersions(f.as(blrDesk), f.mou.ID)
		must(t, err)
		if len(list) != 2 {
			t.Fatalf("Belarus lists %d versions", len(list))
		}
		a, err := f.services.agreements.FindAgreementByID(system(), f.mou.ID)
		must(t, err)
		if a.Status != entente.AgreementDrafting {
			t.Fatalf("status %s after the first draft", a.Status)
		}
		// Pakistan's counter-draft in round 1 starts the negotiation; its base is the latest
		// version Pakistan can see.
		v3 := f.save(t, pakDesk, 2, 1, entente.ScopeShared, 60)
		a, _ = f.services.agreements.FindAgreementByID(system(), f.mou.ID)
		if v3.Number != 3 || a.Status != entente.AgreementNegotiating {
			t.Fatalf("version %d, status %s", v3.Number, a.Status)
		}
	})
}

func TestVersionSaveRefusals(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newAgreementFixture(t, db)
		f.save(t, blrDesk, 0, 1, entente.ScopeShared, 30)
		draft := []entente.Draft{{Language: "en", Text: mouDraft(45, "")}}
		tests := []struct {
			name  string
			user  int64
			nv    entente.NewAgreementVersion
			code  string
			field string
		}{
			{"stale base", pakDesk, entente.NewAgreementVersion{Base: 0, Round: 1, Drafts: draft}, entente.ECONFLICT, "base"},
			{"a round that is over", pakDesk, entente.NewAgreementVersion{Base: 1, Round: 0, Drafts: draft}, entente.EINVALID, "round"},
			{"another party's draft", pakDesk, entente.NewAgreementVersion{Base: 1, Round: 1, Party: "BLR", Drafts: draft}, entente.EINVALID, "party"},
			{"another party's scope", pakDesk, entente.NewAgreementVersion{Base: 1, Round: 1, Scope: "BLR", Drafts: draft}, entente.EINVALID, "scope"},
			{"a draft without articles", pakDesk, entente.NewAgreementVersion{Base: 1, Round: 1,
				Drafts: []entente.Draft{{Language: "en", Text: "Memorandum\n\nThe Parties agree.\n"}}}, entente.EINVALID, "drafts[0].text"},
			{"a text with a bad article number", pakDesk, entente.NewAgreementVersion{Base: 1, Round: 1, Texts: []entente.AgreementText{
				{Language: "en", Title: "MoU", Articles: []entente.Article{{Number: "one", Body: "x"}}}}}, entente.EINVALID, "texts[0].articles[0].number"},
		}
		for _, tt := range tests {
			nv := tt.nv
			nv.AgreementID = f.mou.ID
			_, err := f.texts.CreateAgreementVersion(f.as(tt.user), &nv)
			if entente.ErrorCode(err) != tt.code || entente.ErrorFields(err)[tt.field] == "" {
				t.Errorf("%s: %v, want %s on %s", tt.name, err, tt.code, tt.field)
			}
		}
		// A viewer may not save.
		viewer := as(pakDesk, "PAK", map[int64]entente.Role{f.roadmap.ID: entente.RoleViewer})
		_, err := f.texts.CreateAgreementVersion(viewer, &entente.NewAgreementVersion{AgreementID: f.mou.ID, Base: 1, Round: 1, Drafts: draft})
		wantCode(t, err, entente.EFORBIDDEN)
		list, err := f.texts.FindAgreementVersions(system(), f.mou.ID)
		must(t, err)
		if len(list) != 1 {
			t.Fatalf("refused saves kept %d versions", len(list))
		}
	})
}

// TestTwoNegotiatorsSavingAtOnce saves two versions on the same base concurrently: one is
// saved, the other is refused as stale and nothing of it is kept.
func TestTwoNegotiatorsSavingAtOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newAgreementFixture(t, db)
		f.save(t, blrDesk, 0, 1, entente.ScopeShared, 30)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, user := range []int64{pakDesk, blrDesk} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = f.texts.CreateAgreementVersion(f.as(user), &entente.NewAgreementVersion{AgreementID: f.mou.ID, Base: 1, Round: 1,
					Drafts: []entente.Draft{{Language: "en", Text: mouDraft(40+i, "")}}})
			}()
		}
		wg.Wait()
		conflicts := 0
		for _, err := range errs {
			if err != nil {
				wantMessage(t, err, entente.ECONFLICT, "Version 2 was saved by user")
				conflicts++
			}
		}
		list, err := f.texts.FindAgreementVersions(system(), f.mou.ID)
		must(t, err)
		if conflicts != 1 || len(list) != 2 {
			t.Fatalf("%d conflicts, %d versions", conflicts, len(list))
		}
	})
}

func TestCommentsPerArticleKeepTheirScope(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newAgreementFixture(t, db)
		f.save(t, blrDesk, 0, 0, entente.ScopeShared, 30)
		internal := &entente.AgreementComment{AgreementID: f.mou.ID, TextVersion: 1, Article: "2", Scope: "PAK", Body: "Sixty days, not thirty: the Cabinet meets monthly."}
		must(t, f.texts.CreateAgreementComment(f.as(pakDesk), internal))
		must(t, f.texts.CreateAgreementComment(f.as(pakDesk), &entente.AgreementComment{AgreementID: f.mou.ID, Article: "2", Body: "Pakistan proposes 60 days."}))
		err := f.texts.CreateAgreementComment(f.as(blrDesk), &entente.AgreementComment{AgreementID: f.mou.ID, Scope: "PAK", Body: "x"})
		wantCode(t, err, entente.EINVALID)
		for _, tt := range []struct {
			user int64
			want int
		}{{pakDesk, 2}, {blrDesk, 1}} {
			list, err := f.texts.FindAgreementComments(f.as(tt.user), entente.AgreementCommentFilter{AgreementID: f.mou.ID, TextVersion: 1, Article: "2"})
			must(t, err)
			if len(list) != tt.want {
				t.Fatalf("user %d sees %d comments", tt.user, len(list))
			}
			for _, c := range list {
				if tt.user == blrDesk && c.Scope != entente.ScopeShared {
					t.Fatalf("Belarus sees %q", c.Body)
				}
			}
		}
		wantCode(t, f.texts.DeleteAgreementComment(f.as(blrDesk), internal.ID), entente.ENOTFOUND)
		must(t, f.texts.DeleteAgreementComment(f.as(pakDesk), internal.ID))
	})
}
