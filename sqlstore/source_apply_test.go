package sqlstore_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// statementSource is the 26 November 2024 statement with the draft the reader made of it,
// as a source ready to store.
func statementSource(t testing.TB) *entente.Source {
	t.Helper()
	text, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "pak-blr-2024-11-26.txt"))
	must(t, err)
	draft, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "pak-blr-2024-11-26.golden.json"))
	must(t, err)
	return &entente.Source{Title: "Pakistan and Belarus agree on a roadmap", PublishedOn: entente.Date{Year: 2024, Month: 11, Day: 26},
		Text: string(text), Extraction: json.RawMessage(draft)}
}

// laterSource is a statement of 10 December 2024 saying the round in Minsk was held.
func laterSource() *entente.Source {
	text := "MINSK, 10 December 2024 – The delegations of Pakistan and Belarus met in Minsk today to turn the roadmap into concrete steps."
	x := entente.Extraction{Parties: []string{"PAK", "BLR"}, Events: []entente.ExtractedEvent{{ID: "e1", Kind: "meeting",
		MeetingKind: "delegation_talks", Description: "The delegations met in Minsk today", TimePhrase: "today", Value: "2024-12-10",
		Location: "Minsk", HostParty: "BLR", Status: "held", Evidence: entente.Span{Start: 0, End: len(text)}}}}
	b, _ := json.Marshal(x)
	return &entente.Source{Title: "Talks in Minsk", PublishedOn: entente.Date{Year: 2024, Month: 12, Day: 10}, Text: text, Extraction: b}
}

// auditCount counts the audit entries.
func auditCount(t testing.TB, f *fixture) int {
	t.Helper()
	_, n, err := f.services.audit.FindAuditEntries(system(), entente.AuditFilter{})
	must(t, err)
	return n
}

func outcomesOf(res *entente.SourceApplied) map[string]int {
	out := map[string]int{}
	for _, it := range res.Items {
		out[it.EntityType+" "+it.Outcome]++
	}
	return out
}

func TestApplySource(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		ctx := system()
		src := statementSource(t)
		must(t, f.services.sources.CreateSource(ctx, src))
		res, err := f.services.sources.ApplySource(ctx, src.ID, entente.SourceApplication{RoadmapID: f.roadmap.ID, AcceptAll: true})
		must(t, err)
		want := map[string]int{"track matched": 1, "track created": 9, "meeting created": 6, "commitment created": 10, "interest created": 2}
		if got := outcomesOf(res); !equalCounts(got, want) {
			t.Fatalf("outcomes %v, want %v", got, want)
		}
		if res.Source.RoadmapID != f.roadmap.ID || res.Created != 27 || res.Matched != 1 {
			t.Fatalf("result %+v", res)
		}
		cs, _, err := f.services.commitments.FindCommitments(ctx, entente.CommitmentFilter{RoadmapID: f.roadmap.ID})
		must(t, err)
		if len(cs) != 10 || cs[0].SourceID != src.ID || !strings.HasPrefix(cs[0].Quote, "The sides agreed to prepare") {
			t.Fatalf("first commitment %+v of %d", cs[0], len(cs))
		}
		ms, _, err := f.services.meetings.FindMeetings(ctx, entente.MeetingFilter{RoadmapID: f.roadmap.ID})
		must(t, err)
		var said []string
		for _, m := range ms {
			said = append(said, m.Kind+" "+m.When.String()+" "+m.Status)
		}
		wantSaid := "leaders_talks 2024-11-26 held|delegation_talks ~2024-11-26 held|delegation_talks 2024-11-26TAF planned|" +
			"delegation_talks ~2024-12-10 planned|signing_ceremony 2025-02 planned|visit  planned"
		if strings.Join(said, "|") != wantSaid {
			t.Fatalf("meetings\n%s\nwant\n%s", strings.Join(said, "|"), wantSaid)
		}
		links, err := f.services.sources.FindSourceLinks(ctx, src.ID)
		must(t, err)
		if len(links) != 28 {
			t.Fatalf("%d links, want one per item (28)", len(links))
		}

		// Applying the same statement again changes nothing, and writes nothing.
		before := auditCount(t, f)
		again, err := f.services.sources.ApplySource(ctx, src.ID, entente.SourceApplication{AcceptAll: true})
		must(t, err)
		if again.Matched != 28 || again.Created+again.Updated != 0 || auditCount(t, f) != before {
			t.Fatalf("second application: %+v (%d audit entries, were %d)", outcomesOf(again), auditCount(t, f), before)
		}
	})
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestApplyLaterSource applies a later statement: the planned round in Minsk is the meeting
// it reports as held.
func TestApplyLaterSource(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		ctx := system()
		first := statementSource(t)
		must(t, f.services.sources.CreateSource(ctx, first))
		_, err := f.services.sources.ApplySource(ctx, first.ID, entente.SourceApplication{RoadmapID: f.roadmap.ID, AcceptAll: true})
		must(t, err)
		later := laterSource()
		must(t, f.services.sources.CreateSource(ctx, later))
		res, err := f.services.sources.ApplySource(ctx, later.ID, entente.SourceApplication{RoadmapID: f.roadmap.ID, AcceptAll: true})
		must(t, err)
		if len(res.Items) != 1 || res.Items[0].Outcome != entente.OutcomeUpdated {
			t.Fatalf("later source: %+v", res.Items)
		}
		m, err := f.services.meetings.FindMeetingByID(ctx, res.Items[0].EntityID)
		must(t, err)
		if m.Status != entente.MeetingHeld || m.When.String() != "2024-12-10" || m.Location != "Minsk" {
			t.Fatalf("the Minsk round is %s %s in %s, want held on 2024-12-10 in Minsk", m.Status, m.When, m.Location)
		}
		links, err := f.services.sources.FindSourceLinks(ctx, later.ID)
		must(t, err)
		if len(links) != 1 || links[0].EntityID != m.ID {
			t.Fatalf("links of the later source %+v", links)
		}
	})
}

func TestApplySourceRefusals(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		ctx := system()
		src := statementSource(t)
		must(t, f.services.sources.CreateSource(ctx, src))
		other := &entente.Roadmap{Title: "Another roadmap", Parties: []string{"PAK", "BLR"}}
		must(t, f.services.roadmaps.CreateRoadmap(ctx, other))
		addUser(t, db, 5, "PAK")
		viewer := as(5, "PAK", map[int64]entente.Role{f.roadmap.ID: entente.RoleViewer})
		roadmapsBefore := countRows(t, db, "roadmaps")
		for _, tc := range []struct {
			name  string
			app   entente.SourceApplication
			code  string
			field string
		}{
			{"no roadmap named", entente.SourceApplication{AcceptAll: true}, entente.EINVALID, "roadmap_id"},
			{"both a roadmap and a new one", entente.SourceApplication{RoadmapID: f.roadmap.ID, NewRoadmap: &entente.NewRoadmap{}}, entente.EINVALID, "new_roadmap"},
			{"a new roadmap with an unknown party", entente.SourceApplication{NewRoadmap: &entente.NewRoadmap{Parties: []string{"PAK", "KAZ"}}, AcceptAll: true}, entente.EINVALID, "new_roadmap.parties"},
			{"a new roadmap with a bad item", entente.SourceApplication{NewRoadmap: &entente.NewRoadmap{},
				Meetings: []entente.MeetingItem{{Ref: "e1"}, {Ref: "e2", Kind: "banquet"}}}, entente.EINVALID, "meetings[1].kind"},
			{"an event the draft lacks", entente.SourceApplication{RoadmapID: f.roadmap.ID, Meetings: []entente.MeetingItem{{Ref: "e1"}, {Ref: "e77"}}}, entente.EINVALID, "meetings[1].ref"},
			{"a viewer", entente.SourceApplication{RoadmapID: f.roadmap.ID, AcceptAll: true}, entente.EFORBIDDEN, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c := ctx
				if tc.name == "a viewer" {
					c = viewer
				}
				_, err := f.services.sources.ApplySource(c, src.ID, tc.app)
				wantCode(t, err, tc.code)
				if _, ok := entente.ErrorFields(err)[tc.field]; tc.field != "" && !ok {
					t.Fatalf("problems %v, want one for %s", entente.ErrorFields(err), tc.field)
				}
			})
		}
		if n := countRows(t, db, "roadmaps"); n != roadmapsBefore {
			t.Fatalf("refused applications left %d roadmaps, were %d: a new roadmap was half made", n, roadmapsBefore)
		}
		for _, table := range []string{"meetings", "commitments", "interests", "source_links"} {
			if n := countRows(t, db, table); n != 0 {
				t.Fatalf("refused applications left %d rows in %s", n, table)
			}
		}
		_, err := f.services.sources.ApplySource(ctx, src.ID, entente.SourceApplication{RoadmapID: f.roadmap.ID, Meetings: []entente.MeetingItem{{Ref: "e1"}}})
		must(t, err)
		_, err = f.services.sources.ApplySource(ctx, src.ID, entente.SourceApplication{RoadmapID: other.ID, AcceptAll: true})
		wantCode(t, err, entente.ECONFLICT)
	})
}

// countRows counts the rows of a table.
func countRows(t testing.TB, db *sqlstore.DB, table string) int {
	t.Helper()
	rows, err := db.QueryForTest(system(), "SELECT COUNT(*) FROM "+table)
	must(t, err)
	defer rows.Close()
	n := 0
	for rows.Next() {
		must(t, rows.Scan(&n))
	}
	return n
}

func TestApplySourceToANewRoadmap(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		addUser(t, db, 9, "PAK")
		ctx := as(9, "PAK", map[int64]entente.Role{f.roadmap.ID: entente.RoleEditor}) // an editor drafts sources
		src := statementSource(t)
		must(t, f.services.sources.CreateSource(ctx, src))
		res, err := f.services.sources.ApplySource(ctx, src.ID, entente.SourceApplication{NewRoadmap: &entente.NewRoadmap{},
			Meetings: []entente.MeetingItem{{Ref: "e1"}, {Ref: "e4", Title: "Follow-up round in Minsk"}}, Tracks: []entente.TrackItem{{Ref: "agriculture"}}})
		must(t, err)
		if res.Roadmap.Title != "Pakistan–Belarus cooperation roadmap" || strings.Join(res.Roadmap.Parties, ",") != "PAK,BLR" {
			t.Fatalf("new roadmap %+v", res.Roadmap)
		}
		if res.Created != 3 || res.Items[2].Title != "Follow-up round in Minsk" {
			t.Fatalf("items %+v", res.Items)
		}
		m, err := f.services.meetings.FindMeetingByID(ctx, res.Items[2].EntityID)
		must(t, err)
		if m.HostParty != "" || m.Location != "Minsk" {
			t.Fatalf("the meeting of a draft without hosts is hosted by %q in %q", m.HostParty, m.Location)
		}
	})
}

// BenchmarkApplySource applies the draft of a typical statement (six events, ten commitments,
// two offers and requests, ten sectors) to a roadmap of 10,000 actions and 500 meetings: as
// new items ("new", each round a source whose events fall on other days), and again, when
// every item is matched and nothing is written ("again").
func BenchmarkApplySource(b *testing.B) {
	eachBenchDB(b, func(b *testing.B, db *sqlstore.DB) {
		f := bigRoadmap(b, db, 10000)
		ctx := system()
		for i := range 500 {
			m := &entente.Meeting{RoadmapID: f.roadmap.ID, Kind: entente.MeetingKinds[i%len(entente.MeetingKinds)], Title: "Meeting " + itoa64(int64(i)),
				When: entente.WhenOfDate(entente.Date{Year: 2023, Month: 1, Day: 1}.AddDays(3 * i))}
			must(b, f.services.meetings.CreateMeeting(ctx, m))
		}
		b.Run("new", func(b *testing.B) {
			round := 0
			for b.Loop() {
				b.StopTimer()
				round++
				src := shiftedSource(b, round)
				must(b, f.services.sources.CreateSource(ctx, src))
				b.StartTimer()
				if _, err := f.services.sources.ApplySource(ctx, src.ID, entente.SourceApplication{RoadmapID: f.roadmap.ID, AcceptAll: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("again", func(b *testing.B) {
			src := statementSource(b)
			must(b, f.services.sources.CreateSource(ctx, src))
			app := entente.SourceApplication{RoadmapID: f.roadmap.ID, AcceptAll: true}
			_, err := f.services.sources.ApplySource(ctx, src.ID, app)
			must(b, err)
			for b.Loop() {
				if res, err := f.services.sources.ApplySource(ctx, src.ID, app); err != nil || res.Created+res.Updated > 0 {
					b.Fatalf("%+v: %v", res, err)
				}
			}
		})
	})
}

// shiftedSource is the statement with its events a hundred days later each round, and its
// commitments and offers in words of their own, so that applying it creates new rows.
func shiftedSource(b *testing.B, round int) *entente.Source {
	src := statementSource(b)
	x, err := entente.ParseExtraction(src.Extraction, src.Text)
	must(b, err)
	for i := range x.Events {
		if w := x.Events[i].When(); !w.Earliest.IsZero() && w.Granularity == entente.GranularityDay {
			x.Events[i].Value = w.Earliest.AddDays(100 * round).String()
		}
	}
	for i := range x.Commitments {
		x.Commitments[i].Statement = "Undertake " + codeWord(round*100+i) + " and " + codeWord(round*100+i+50)
	}
	for i := range x.Interests {
		x.Interests[i].Statement = "Trade in " + codeWord(round*100+i+90) + " and " + codeWord(round*100+i+95)
	}
	src.Extraction, err = json.Marshal(x)
	must(b, err)
	return src
}

// codeWord spells n in letters, a word no other n shares.
func codeWord(n int) string {
	w := []byte("qz")
	for ; n > 0; n /= 26 {
		w = append(w, byte('a'+n%26))
	}
	return string(w)
}
