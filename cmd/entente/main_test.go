package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer a running command writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// entente runs a command in-process and returns its output and error.
func runCLI(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut syncBuffer
	err := run(context.Background(), append([]string{"entente"}, args...), func(string) string { return "" },
		strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestHelpAndUsage(t *testing.T) {
	out, _, err := runCLI(t, "help")
	if err != nil || !strings.Contains(out, "demo") || !strings.Contains(out, "serve") {
		t.Fatalf("help: %v\n%s", err, out)
	}
	for _, args := range [][]string{{}, {"frobnicate"}, {"serve", "--no-such-flag"}, {"import"}, {"demo", "--today", "2025-02-30"}} {
		_, stderr, err := runCLI(t, args...)
		if err == nil {
			t.Errorf("entente %v succeeded", args)
		}
		if err == errUsage && stderr == "" {
			t.Errorf("entente %v printed no usage", args)
		}
	}
	for _, c := range commands() {
		_, stderr, err := runCLI(t, c.name, "--help")
		if err != nil && c.name != "user" && c.name != "audit" {
			t.Errorf("%s --help: %v", c.name, err)
		}
		if !strings.Contains(stderr, "Usage: entente "+c.name) {
			t.Errorf("%s --help prints %q", c.name, stderr)
		}
	}
}

func TestDemoServesTheRoadmap(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan error, 1)
	db := filepath.Join(t.TempDir(), "demo.db")
	go func() {
		done <- run(ctx, []string{"entente", "demo", "--addr", "127.0.0.1:0", "--db", db}, func(string) string { return "" },
			strings.NewReader(""), &out, &errOut)
	}()
	url := waitFor(t, &out, regexp.MustCompile(`http://127\.0\.0\.1:\d+/`))
	resp, err := http.Get(url + "api/v1/roadmaps")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Pakistan–Belarus cooperation roadmap") {
		t.Fatalf("GET /api/v1/roadmaps: %d %s", resp.StatusCode, body)
	}
	if !strings.Contains(out.String(), "desk.belarus@entente.example") {
		t.Fatalf("the demo did not print its accounts:\n%s", out.String())
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("demo ended with %v", err)
	}
}

// waitFor waits until the output holds a match of re and returns it.
func waitFor(t *testing.T, out *syncBuffer, re *regexp.Regexp) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindString(out.String()); m != "" {
			return m
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no %s in the output:\n%s", re, out.String())
	return ""
}

func TestExportImportExportIsByteIdentical(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	first, second := filepath.Join(dir, "first.json"), filepath.Join(dir, "second.json")
	mustRun(t, "demo", "--load-only", "--db", a)
	mustRun(t, "export", "--db", a, "--out", first)
	mustRun(t, "import", "--db", b, first)
	mustRun(t, "export", "--db", b, "--out", second)
	x, _ := os.ReadFile(first)
	y, _ := os.ReadFile(second)
	if len(x) < 1000 || !bytes.Equal(x, y) {
		t.Fatalf("exports differ (%d and %d bytes)", len(x), len(y))
	}
	if _, _, err := runCLI(t, "import", "--db", b, first); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("a second import: %v", err)
	}
	if _, _, err := runCLI(t, "demo", "--load-only", "--db", a); err == nil {
		t.Fatal("the demo loaded twice into one database")
	}
}

func TestAuditVerifyNamesTheTamperedEntry(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustRun(t, "demo", "--load-only", "--db", db)
	out := mustRun(t, "audit", "verify", "--db", db)
	if !strings.Contains(out, "The audit trail holds") {
		t.Fatalf("verify: %s", out)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE audit_entries SET user_name = 'someone else' WHERE id = 40"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, _, err = runCLI(t, "audit", "verify", "--db", db)
	if err == nil || !strings.Contains(err.Error(), "entry 40") {
		t.Fatalf("verify after tampering: %v", err)
	}
}

func TestUserAddAndToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e.db")
	out := mustRun(t, "user", "add", "--db", db, "--email", "Desk@MOFA.gov.pk", "--party", "JOINT")
	if !strings.Contains(out, "administers this installation") {
		t.Fatalf("the first user is not an administrator: %s", out)
	}
	if _, _, err := runCLI(t, "user", "add", "--db", db, "--email", "desk@mofa.gov.pk", "--party", "JOINT"); err == nil {
		t.Fatal("the same address was added twice")
	}
	if _, _, err := runCLI(t, "user", "add", "--db", db, "--email", "not an address", "--party", "PAK"); err == nil {
		t.Fatal("a bad address was accepted")
	}
	tok := mustRun(t, "user", "token", "--db", db, "--email", "desk@mofa.gov.pk", "--scope", "write")
	if !strings.HasPrefix(tok, "ent_") {
		t.Fatalf("token %q", tok)
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, stderr, err := runCLI(t, args...)
	if err != nil {
		t.Fatalf("entente %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return out
}
