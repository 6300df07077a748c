package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
)

var updateScheduleGolden = flag.Bool("update-schedule", false, "rewrite the critical path golden files under testdata/")

// checkGolden compares out with testdata/name, rewriting it under -update-schedule.
func checkScheduleGolden(t *testing.T, name, out string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateScheduleGolden {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/entente -run TestCriticalPath -update-schedule)", err)
	}
	if out != string(want) {
		t.Errorf("the output differs from %s (run with -update-schedule and review the diff):\n%s", path, out)
	}
}

// TestCriticalPathOfTheDemo prints the demo's critical path to the February 2025 signing as of
// the leaders' talks, and as of a later day when the work has not moved.
func TestCriticalPathOfTheDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustRun(t, "demo", "--load-only", "--db", db)
	tests := []struct {
		golden string
		args   []string
	}{
		{"schedule-critical-path-demo.txt", []string{"--today", "2024-11-26"}},
		{"schedule-critical-path-demo-late.txt", []string{"--today", "2025-01-20"}},
		{"schedule-critical-path-demo-minsk.txt", []string{"--today", "2024-11-26", "--target", "2024-12-10"}},
	}
	for _, tt := range tests {
		args := append([]string{"schedule", "critical-path", "--roadmap", "1", "--db", db}, tt.args...)
		checkScheduleGolden(t, tt.golden, mustRun(t, args...))
	}
	var s entente.Schedule
	out := mustRun(t, "schedule", "critical-path", "--roadmap", "1", "--today", "2024-11-26", "--json", "--db", db)
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.Target == nil || s.Target.Date.String() != "2025-02-28" || len(s.CriticalPaths) == 0 || len(s.Deadlines) != len(s.Actions) {
		t.Errorf("JSON schedule: target %+v, %d paths, %d deadlines for %d actions", s.Target, len(s.CriticalPaths), len(s.Deadlines), len(s.Actions))
	}
}

func TestCriticalPathRefusesBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	mustRun(t, "demo", "--load-only", "--db", db)
	tests := []struct {
		args []string
		want string // in the error or the usage
	}{
		{[]string{"--db", db}, "--roadmap is required"},
		{[]string{"--roadmap", "1", "--target", "meeting:x", "--db", db}, "positive whole number"},
		{[]string{"--roadmap", "1", "--target", "meeting:999", "--db", db}, "no meeting #999"},
		{[]string{"--roadmap", "1", "--today", "2025-02-30", "--db", db}, "--today"},
		{[]string{"--roadmap", "999", "--db", db}, "not found"},
		{[]string{"--roadmap", "1", "extra", "--db", db}, "unexpected arguments"},
	}
	for _, tt := range tests {
		_, stderr, err := runCLI(t, append([]string{"schedule", "critical-path"}, tt.args...)...)
		if err == nil {
			t.Errorf("%v succeeded", tt.args)
			continue
		}
		if !strings.Contains(err.Error()+stderr, tt.want) {
			t.Errorf("%v: %v %s; want it to say %q", tt.args, err, stderr, tt.want)
		}
	}
}
