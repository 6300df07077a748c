package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/server"
	"github.com/entente/entente/sqlstore"
)

// BenchmarkGanttPage serves the Gantt page (chart, critical paths and by-when list) of a
// roadmap with 10,000 actions and about 11,400 dependencies, from a real SQLite store: each
// request reads the actions, computes the schedule with both parties' calendars and draws it.
func BenchmarkGanttPage(b *testing.B) {
	e, id := bigRoadmap(b, 10000)
	path := "/roadmaps/" + strconv.FormatInt(id, 10) + "/gantt"
	for b.Loop() {
		if r := schedulePage(b, e, path, "", "en"); r.status != http.StatusOK {
			b.Fatalf("status %d", r.status)
		}
	}
}

// BenchmarkScheduleAPI answers the schedule of the same roadmap as JSON.
func BenchmarkScheduleAPI(b *testing.B) {
	e, id := bigRoadmap(b, 10000)
	path := "/api/v1/roadmaps/" + strconv.FormatInt(id, 10) + "/schedule"
	for b.Loop() {
		if r := schedulePage(b, e, path, "", "en"); r.status != http.StatusOK {
			b.Fatalf("status %d", r.status)
		}
	}
}

// exportDoc is the part of an export the benchmark rewrites.
type exportDoc struct {
	Format        string `json:"format"`
	SchemaVersion int    `json:"schema_version"`
	Tables        []struct {
		Table   string              `json:"table"`
		Columns []string            `json:"columns"`
		Rows    [][]json.RawMessage `json:"rows"`
	} `json:"tables"`
}

// bigRoadmap makes the demo's roadmap hold n more actions, spread over its tracks and both
// parties, each waiting for the one before it in its track and every seventh also for one of
// another track, and serves it. The actions go in through an export and an import, which
// loads them in one transaction.
func bigRoadmap(b *testing.B, n int) (*env, int64) {
	b.Helper()
	small := newEnv(b, openSQLite(b))
	var buf bytes.Buffer
	if err := small.db.Export(scheduleSystem(), &buf); err != nil {
		b.Fatal(err)
	}
	var doc exportDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		b.Fatal(err)
	}
	tracks := columnValues(&doc, "tracks", "id")
	for i := range doc.Tables {
		t := &doc.Tables[i]
		switch t.Table {
		case "actions":
			t.Rows = append(t.Rows, manyActions(t.Columns, t.Rows[0], tracks, n)...)
		case "dependencies":
			t.Rows = append(t.Rows, manyDependencies(t.Columns, t.Rows[0], len(tracks), n)...)
		}
	}
	big, err := json.Marshal(doc)
	if err != nil {
		b.Fatal(err)
	}
	db := openSQLite(b)
	if err := db.Import(scheduleSystem(), bytes.NewReader(big)); err != nil {
		b.Fatal(err)
	}
	if _, err := db.SeedCalendars(context.Background()); err != nil {
		b.Fatal(err)
	}
	svc := services(db)
	srv, err := server.NewServer(slog.New(slog.NewTextHandler(io.Discard, nil)), entente.FixedClock(testNow), svc, sqlstore.NewSessionStore(db), db.Ping)
	if err != nil {
		b.Fatal(err)
	}
	return &env{db: db, svc: svc, handler: srv}, small.demo.Roadmap.ID
}

// columnValues returns one column of a table of the export.
func columnValues(doc *exportDoc, table, column string) []json.RawMessage {
	for _, t := range doc.Tables {
		if t.Table != table {
			continue
		}
		var out []json.RawMessage
		for _, r := range t.Rows {
			out = append(out, r[columnIndex(t.Columns, column)])
		}
		return out
	}
	return nil
}

func columnIndex(columns []string, name string) int {
	for i, c := range columns {
		if c == name {
			return i
		}
	}
	panic("no column " + name)
}

// manyActions copies a template row n times: ids from 100,001, one to ten working days each,
// a tenth of them due by the end of June 2025.
func manyActions(columns []string, template []json.RawMessage, tracks []json.RawMessage, n int) [][]json.RawMessage {
	set := func(row []json.RawMessage, column string, v any) {
		j, _ := json.Marshal(v)
		row[columnIndex(columns, column)] = j
	}
	var out [][]json.RawMessage
	for i := range n {
		row := append([]json.RawMessage(nil), template...)
		title := fmt.Sprintf("Step %d of the plan", i+1)
		set(row, "id", 100001+i)
		set(row, "title", title)
		set(row, "search", title)
		set(row, "track_id", tracks[i%len(tracks)])
		set(row, "lead_party", []string{"PAK", "BLR"}[i%2])
		set(row, "status", entente.ActionNotStarted)
		set(row, "duration_days", 1+i%10)
		set(row, "progress", 0)
		set(row, "done_on", nil)
		due := []any{"", nil, nil, "9999-12-31"}
		if i%10 == 0 {
			due = []any{"2025-06", "2025-06-01", "2025-06-30", "2025-06-30"}
		}
		for j, c := range []string{"due_value", "due_earliest", "due_latest", "due_order"} {
			set(row, c, due[j])
		}
		out = append(out, row)
	}
	return out
}

// manyDependencies makes each new action wait for the one before it in its track, and every
// seventh also for an action 150 places earlier: always an earlier action, so no cycle.
func manyDependencies(columns []string, template []json.RawMessage, tracks, n int) [][]json.RawMessage {
	var out [][]json.RawMessage
	add := func(pred, succ int) {
		row := append([]json.RawMessage(nil), template...)
		for c, v := range map[string]any{"id": 100001 + len(out), "predecessor_id": 100001 + pred, "successor_id": 100001 + succ,
			"kind": entente.FinishToStart, "lag_days": 0} {
			row[columnIndex(columns, c)], _ = json.Marshal(v)
		}
		out = append(out, row)
	}
	for i := tracks; i < n; i++ {
		add(i-tracks, i)
		if i%7 == 0 && i >= 150 {
			add(i-150, i)
		}
	}
	return out
}
