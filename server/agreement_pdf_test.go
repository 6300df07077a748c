package server_test

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/chromium"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/server"
	"github.com/entente/entente/sqlstore"
)

// pdfEnv is a demo server that prints PDFs with the Chromium of the tests (ENTENTE_TEST_BROWSER,
// else the chromium on PATH), or skips the test when there is none.
func pdfEnv(t *testing.T) *env {
	path := os.Getenv("ENTENTE_TEST_BROWSER")
	if path == "" {
		var err error
		if path, err = chromium.Find(); err != nil {
			testenv.Missing(t, "ENTENTE_TEST_BROWSER is not set and no chromium is on PATH")
		}
	}
	e := newEnv(t, openSQLite(t))
	e.svc.Printer = chromium.NewPrinter(path)
	srv, err := server.NewServer(slog.New(slog.NewTextHandler(io.Discard, nil)), entente.FixedClock(testNow), e.svc,
		sqlstore.NewSessionStore(e.db), e.db.Ping)
	if err != nil {
		t.Fatal(err)
	}
	e.handler = srv
	return e
}

func TestVersionExportsAsPDF(t *testing.T) {
	e := pdfEnv(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		testenv.Missing(t, "pdftotext (poppler-utils) is not installed")
	}
	path := fmt.Sprintf("/api/v1/agreements/%d/versions/1/export?format=pdf&layout=sequential", demoMoU(t, e).ID)
	r := e.do(t, "GET", path, e.tokens["BLR"], nil).want(t, 200)
	if r.header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(r.body, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %s %q", r.header.Get("Content-Type"), r.body[:min(len(r.body), 20)])
	}
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(r.body)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Article 4 – Joint Working Group", "Статья 4 – Совместная рабочая группа", "For Pakistan", "За Беларусь"} {
		if !strings.Contains(text, want) {
			t.Errorf("the signing copy lacks %q:\n%s", want, text)
		}
	}
	// Pakistan cannot print Belarus's internal draft.
	e.do(t, "GET", path, e.tokens["PAK"], nil).want(t, 404)
}

func TestPDFWithoutABrowserIsRefusedClearly(t *testing.T) {
	e := newEnv(t, openSQLite(t))
	path := fmt.Sprintf("/api/v1/agreements/%d/versions/1/export?format=pdf", demoMoU(t, e).ID)
	e.do(t, "GET", path, e.tokens["BLR"], nil).wantProblem(t, 400, "Chromium is not installed")
	e.do(t, "GET", strings.Replace(path, "pdf", "docx", 1), e.tokens["BLR"], nil).wantProblem(t, 400, "format")
}
