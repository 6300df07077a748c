package main

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// roadmapShape is what the demo test compares: parties, track sectors and meetings by kind
// and date as said.
type roadmapShape struct {
	parties  []string
	sectors  []string
	meetings []string // "kind value"
}

func loadShape(t *testing.T, dsn string) roadmapShape {
	t.Helper()
	db, err := openDB(context.Background(), dsn, entente.SystemClock{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := entente.WithCaller(context.Background(), entente.SystemCaller)
	svc := services(db)
	rm, err := svc.Roadmaps.FindRoadmapByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	shape := roadmapShape{parties: rm.Parties}
	for _, tr := range rm.Tracks {
		shape.sectors = append(shape.sectors, tr.Sector)
	}
	ms, _, err := svc.Meetings.FindMeetings(ctx, entente.MeetingFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		shape.meetings = append(shape.meetings, m.Kind+" "+m.When.Value)
	}
	return shape
}

// TestDemoFromStatement builds the demo from the statement about the talks of 26 November
// 2024 and finds the demo's parties, tracks, and the meetings of those talks with their dates.
func TestDemoFromStatement(t *testing.T) {
	dir := t.TempDir()
	own, fromStatement := filepath.Join(dir, "demo.db"), filepath.Join(dir, "statement.db")
	mustRun(t, "demo", "--load-only", "--db", own)
	out := mustRun(t, "demo", "--load-only", "--db", fromStatement, "--from-statement",
		filepath.Join("..", "..", "ingest", "testdata", "pak-blr-2024-11-26.txt"), "--date", "2024-11-26")
	if !strings.Contains(out, `Loaded "Pakistan–Belarus cooperation roadmap"`) || !strings.Contains(out, "desk.pak@entente.example") {
		t.Fatalf("the demo from the statement printed:\n%s", out)
	}
	want, got := loadShape(t, own), loadShape(t, fromStatement)
	if !slices.Equal(got.parties, want.parties) {
		t.Errorf("parties %v, want the demo's %v", got.parties, want.parties)
	}
	for _, s := range want.sectors {
		if !slices.Contains(got.sectors, s) {
			t.Errorf("the roadmap from the statement has no %s track (it has %v)", s, got.sectors)
		}
	}
	// The demo's own meetings after the talks' round in Minsk (the commission's session, the
	// visit in April) come from later statements; the talks of 26 November name these.
	for _, m := range []string{"leaders_talks 2024-11-26", "delegation_talks 2024-11-26", "delegation_talks 2024-11-26TAF",
		"delegation_talks 2024-12-10", "signing_ceremony 2025-02", "visit "} {
		if !slices.Contains(want.meetings, m) {
			t.Fatalf("the demo has no meeting %q: %v", m, want.meetings)
		}
		if !slices.Contains(got.meetings, m) {
			t.Errorf("the roadmap from the statement has no meeting %q: %v", m, got.meetings)
		}
	}
}

func TestDemoFromStatementRefusesBadFlags(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--from-statement", "x.txt"}, "needs --date"},
		{[]string{"--date", "2024-11-26"}, "--from-statement"},
		{[]string{"--from-statement", filepath.Join(dir, "none.txt"), "--date", "2024-11-26"}, "no such file"},
		{[]string{"--from-statement", "testdata/statement.txt", "--date", "2024-02-30"}, "not a date"},
	} {
		_, _, err := runCLI(t, append([]string{"demo", "--load-only", "--db", filepath.Join(dir, "x.db")}, tc.args...)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("demo %v: %v, want an error saying %q", tc.args, err, tc.want)
		}
	}
}
