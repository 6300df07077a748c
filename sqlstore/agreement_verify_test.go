package sqlstore_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestVerifyNamesWhatWasTamperedWith changes a signed agreement in the database behind the
// services' back, one way at a time, and checks that verification fails and says what changed.
func TestVerifyNamesWhatWasTamperedWith(t *testing.T) {
	tests := []struct {
		name   string
		tamper string
		want   []string
	}{
		{"an article's body", `UPDATE agreement_articles SET body = 'A Joint Working Group shall meet within 90 days.'
			WHERE body LIKE 'A Joint Working Group%' AND text_id IN (SELECT t.id FROM agreement_texts t JOIN agreement_versions v ON v.id = t.version_id WHERE v.number = 2)`,
			[]string{"text_changed", "en: article 2 changed", "[-60-]{+90+}"}},
		{"a title", `UPDATE agreement_texts SET title = 'Меморандум' WHERE language = 'ru' AND version_id IN (SELECT id FROM agreement_versions WHERE number = 2)`,
			[]string{"text_changed", "ru: title changed"}},
		{"an article removed", `DELETE FROM agreement_articles WHERE number = '3' AND text_id IN
			(SELECT t.id FROM agreement_texts t JOIN agreement_versions v ON v.id = t.version_id WHERE v.number = 2 AND t.language = 'en')`,
			[]string{"en: article 3 removed"}},
		{"a signature", `UPDATE agreement_signatures SET signature = '` + strings.Repeat("00", 64) + `' WHERE party = 'BLR'`,
			[]string{"signature_invalid", "does not verify"}},
		{"the version's digest", `UPDATE agreement_versions SET digest = '` + strings.Repeat("ab", 32) + `' WHERE number = 2`,
			[]string{"stored_digest_mismatch"}},
		{"a signature removed", `DELETE FROM agreement_signatures WHERE party = 'PAK'`,
			[]string{"party_not_signed", "no signature of PAK"}},
		{"the agreed version", `UPDATE agreements SET agreed_version = 1`, []string{"agreed_version_mismatch"}},
	}
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		for _, tt := range tests {
			t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
				d := openLike(t, db)
				f := newAgreementFixture(t, d)
				f.signedMoU(t)
				before, err := f.signing.VerificationReport(system(), f.mou.ID)
				must(t, err)
				if !before.OK {
					t.Fatalf("the untouched agreement does not verify: %+v", before)
				}
				_, err = d.ExecForTest(context.Background(), tt.tamper)
				must(t, err)
				v, err := f.signing.VerifyAgreement(system(), f.mou.ID)
				must(t, err)
				got := fmt.Sprintf("%+v", *v)
				if v.OK {
					t.Fatalf("tampered agreement verifies: %s", got)
				}
				for _, w := range tt.want {
					if !strings.Contains(got, w) && !strings.Contains(differences(v), w) {
						t.Errorf("report lacks %q:\n%s", w, got)
					}
				}
			})
		}
	})
}

// openLike opens a fresh database of the same engine as db.
func openLike(t *testing.T, db *sqlstore.DB) *sqlstore.DB {
	if db.Dialect() == "postgres" {
		return openPostgres(t)
	}
	return openSQLite(t)
}

// differences writes the differences of a verification one per line.
func differences(v *entente.Verification) string {
	var b strings.Builder
	for _, s := range v.Signatures {
		for _, d := range s.Differences {
			fmt.Fprintf(&b, "%s: %s %s %s: %s\n", d.Language, d.Part, d.Article, d.Change, d.Detail)
		}
	}
	return b.String()
}

func TestExportOfASignedAgreementIsIdentical(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newAgreementFixture(t, db)
		f.signedMoU(t)
		must(t, f.texts.CreateAgreementComment(f.as(pakDesk), &entente.AgreementComment{AgreementID: f.mou.ID, Article: "2", Scope: "PAK", Body: "Внутреннее — اندرونی"}))
		a, _ := f.services.agreements.FindAgreementByID(system(), f.mou.ID)
		must(t, f.procedures.CreateProcedure(f.as(pakDesk), &entente.Procedure{AgreementID: f.mou.ID, Kind: "ratification", PlannedOn: a.SignedOn.AddDays(40)}))
		later := &entente.Agreement{RoadmapID: f.roadmap.ID, Kind: "protocol", Title: "Protocol amending the MoU"}
		must(t, f.services.agreements.CreateAgreement(system(), later))
		_, err := f.procedures.SetEntryRule(system(), f.mou.ID, entente.EntryRuleUpdate{Version: a.Version, Rule: entente.EntryRule{Rule: entente.EntryOnSignature}})
		must(t, err)
		a, _ = f.services.agreements.FindAgreementByID(system(), f.mou.ID)
		_, err = f.procedures.SupersedeAgreement(system(), f.mou.ID, entente.Supersession{Version: a.Version, By: later.ID})
		must(t, err)
		var first bytes.Buffer
		must(t, db.Export(system(), &first))
		if !strings.Contains(first.String(), `"table": "agreement_signatures"`) {
			t.Fatal("the export has no signatures")
		}
		db2 := openLike(t, db)
		must(t, db2.Import(system(), bytes.NewReader(first.Bytes())))
		var second bytes.Buffer
		must(t, db2.Export(system(), &second))
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("export after import differs:\n%s", firstDiff(first.String(), second.String()))
		}
		v, err := sqlstore.NewSigningService(db2).VerifyAgreement(system(), f.mou.ID)
		must(t, err)
		if !v.OK {
			t.Fatalf("the imported agreement does not verify: %+v", v)
		}
	})
}

// BenchmarkVerifyStoredAgreement verifies an agreement of two 40-article texts signed four
// times, end to end: loading the versions, signatures and keys from the database and checking
// every signature and the stored text.
func BenchmarkVerifyStoredAgreement(b *testing.B) {
	db := openSQLite(b)
	f := newAgreementFixture(b, db)
	var en, ru strings.Builder
	en.WriteString("Agreement on Cooperation in Agricultural Machinery\n\nThe Parties have agreed as follows:\n\n")
	ru.WriteString("Соглашение о сотрудничестве в области сельскохозяйственной техники\n\nСтороны договорились о нижеследующем:\n\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&en, "Article %d. Clause %d\n%s\n\n", i, i, strings.Repeat("The Parties shall cooperate in the supply, assembly and servicing of tractors. ", 9))
		fmt.Fprintf(&ru, "Статья %d. Положение %d\n%s\n\n", i, i, strings.Repeat("Стороны сотрудничают в поставках, сборке и обслуживании тракторов. ", 8))
	}
	_, err := f.texts.CreateAgreementVersion(f.as(blrDesk), &entente.NewAgreementVersion{AgreementID: f.mou.ID, Round: 0,
		Drafts: []entente.Draft{{Language: "en", Text: en.String()}, {Language: "ru", Text: ru.String()}}})
	must(b, err)
	f.agreeAndApprove(b, 1)
	more := []*entente.Person{{Name: "Second signatory", Party: "PAK"}, {Name: "Второй подписант", Party: "BLR"}}
	for _, p := range more {
		must(b, f.services.people.CreatePerson(system(), p))
		k, err := f.signing.CreateSignatoryKey(system(), &entente.NewSignatoryKey{PersonID: p.ID, UserID: map[string]int64{"PAK": pakSignUser, "BLR": blrSignUser}[p.Party], Passphrase: passphrase})
		must(b, err)
		_, err = f.signing.SignAgreement(system(), entente.SignRequest{AgreementID: f.mou.ID, TextVersion: 1, Party: p.Party, KeyID: k.ID, Passphrase: passphrase})
		must(b, err)
	}
	f.sign(b, 1)
	ctx := system()
	b.ResetTimer()
	for b.Loop() {
		v, err := f.signing.VerifyAgreement(ctx, f.mou.ID)
		if err != nil || !v.OK || len(v.Signatures) != 4 {
			b.Fatalf("%v %+v", err, v)
		}
	}
}
