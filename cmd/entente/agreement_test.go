package main

import (
	"database/sql"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

var updateAgreementGolden = flag.Bool("update-agreement", false, "rewrite the agreement golden files under testdata/")

// agreementGolden compares out with testdata/name, rewriting it under -update-agreement.
func agreementGolden(t *testing.T, name, out string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateAgreementGolden {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/entente -run %s -update-agreement)", err, t.Name())
	}
	if string(want) != out {
		t.Errorf("the output differs from %s (run with -update-agreement and review the diff):\n%s", path, out)
	}
}

// demoMoU is the id of the demo's memorandum on agricultural machinery, the first agreement
// the demo makes.
const demoMoU = "1"

// tamper changes the stored database behind entente's back, as someone with access to it could.
func tamper(t *testing.T, path, statement string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Exec(statement)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		t.Fatalf("the tampering changed nothing: %s", statement)
	}
}

// TestSignedDemoVerifiesAndTamperingIsNamed loads the demo as of 1 March 2025, when the
// memorandum is signed and in force; verification passes, and fails after an article of the
// signed text is changed in the database, saying which and how.
func TestSignedDemoVerifiesAndTamperingIsNamed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	out := mustRun(t, "demo", "--today", "2025-03-01", "--load-only", "--db", db)
	if !strings.Contains(out, "signatory.pakistan@entente.example") || !strings.Contains(out, "passphrase") {
		t.Fatalf("the demo does not print the signatories and their passphrases:\n%s", out)
	}
	out = mustRun(t, "agreement", "verify", "--db", db, demoMoU)
	agreementGolden(t, "agreement-verify-demo.txt", out)

	tamper(t, db, `UPDATE agreement_articles SET body = REPLACE(body, 'within 45 days', 'within 90 days')
		WHERE body LIKE '%within 45 days%' AND text_id IN (SELECT t.id FROM agreement_texts t
		JOIN agreement_versions v ON v.id = t.version_id WHERE v.number = 5 AND t.language = 'en')`)
	out, _, err := runCLI(t, "agreement", "verify", demoMoU, "--db", db)
	if err == nil || !strings.Contains(err.Error(), "does not verify") {
		t.Fatalf("verification of a tampered text: %v\n%s", err, out)
	}
	agreementGolden(t, "agreement-verify-tampered.txt", out)
}

// TestDemoMoUIsBeingDraftedOnTheDayOfTheTalks loads the demo as of 26 November 2024: Belarus
// has an internal draft and nothing is signed.
func TestDemoMoUIsBeingDraftedOnTheDayOfTheTalks(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustRun(t, "demo", "--load-only", "--db", db)
	out, _, err := runCLI(t, "agreement", "verify", "--db", db, demoMoU)
	if err == nil || !strings.Contains(out, "no_signatures") {
		t.Fatalf("an unsigned memorandum verifies: %v\n%s", err, out)
	}
	text := mustRun(t, "agreement", "export", "--db", db, "--format", "markdown", demoMoU)
	if !strings.Contains(text, "## Article 4 – Joint Working Group") || !strings.Contains(text, "within 30 days") ||
		!strings.Contains(text, "## Статья 1 – Цель") {
		t.Fatalf("the first draft:\n%s", text)
	}
}

// TestImportDraftAndExport saves a draft from a Markdown file as a new version, and exports it.
func TestImportDraftAndExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	mustRun(t, "demo", "--load-only", "--db", db)
	draft := filepath.Join(dir, "draft.md")
	if err := os.WriteFile(draft, []byte("# Memorandum on agricultural machinery\n\n## Article 1. Scope\n\nThe Parties shall cooperate.\n\n## Article 2. Working group\n\nA group shall meet within 60 days.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "agreement", "import-draft", "--db", db, "--scope", "BLR", demoMoU, "en="+draft)
	if !strings.Contains(out, "Saved version 2 of agreement 1 (BLR, round 0, BLR)") {
		t.Fatalf("import: %s", out)
	}
	text := mustRun(t, "agreement", "export", demoMoU, "--db", db, "--version", "2")
	if !strings.Contains(text, "Article 2 – Working group\n\nA group shall meet within 60 days.") {
		t.Fatalf("export of the imported version:\n%s", text)
	}
	// A draft with no article heading is refused with the line at fault, and nothing is saved.
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("Memorandum\n\nThe Parties agree.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runCLI(t, "agreement", "import-draft", "--db", db, "--language", "en", "--scope", "BLR", demoMoU, bad)
	if err == nil || !strings.Contains(err.Error(), "drafts[0]") {
		t.Fatalf("a draft without articles: %v", err)
	}
	for _, args := range [][]string{{"agreement"}, {"agreement", "verify", "--db", db}, {"agreement", "export", "--db", db, "--format", "docx", demoMoU},
		{"agreement", "import-draft", "--db", db, demoMoU, draft}} {
		if _, _, err := runCLI(t, args...); err == nil {
			t.Errorf("entente %v succeeded", args)
		}
	}
}

// TestExportSigningCopyPDF prints the signed demo memorandum with Chromium.
func TestExportSigningCopyPDF(t *testing.T) {
	if _, err := exec.LookPath("chromium"); err != nil {
		testenv.Missing(t, "no chromium on PATH: the PDF signing copy cannot be printed")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		testenv.Missing(t, "pdftotext (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	mustRun(t, "demo", "--today", "2025-03-01", "--load-only", "--db", db)
	pdf := filepath.Join(dir, "mou.pdf")
	mustRun(t, "agreement", "export", "--db", db, "--format", "pdf", "--layout", "sequential", "--out", pdf, demoMoU)
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Article 5 – Intellectual property", "Статья 5 – Интеллектуальная собственность",
		"Signed at Islamabad on 18 February 2025", "Ishaq Dar", "Maxim Ryzhenkov"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the signing copy lacks %q:\n%s", want, flat)
		}
	}
}
