package reading_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/internal/testdb"
	"github.com/entente/entente/reading"
	"github.com/entente/entente/sqlstore"
)

// env is a reading service over a real database holding Pakistan, Belarus and a roadmap.
type env struct {
	svc     *reading.Service
	sources *sqlstore.SourceService
	roadmap *entente.Roadmap
	ctx     context.Context
}

// eachDB runs a test on SQLite, and on PostgreSQL when ENTENTE_TEST_POSTGRES names a server.
func eachDB(t *testing.T, test func(t *testing.T, e *env)) {
	t.Run("sqlite", func(t *testing.T) { test(t, newEnv(t, openSQLite(t))) })
	t.Run("postgres", func(t *testing.T) { test(t, newEnv(t, openPostgres(t))) })
}

func openSQLite(t testing.TB) *sqlstore.DB { return testdb.SQLite(t, entente.FixedClock(testNow)) }

func openPostgres(t testing.TB) *sqlstore.DB { return testdb.Postgres(t, entente.FixedClock(testNow)) }

var testNow = time.Date(2024, 11, 26, 6, 0, 0, 0, time.UTC)

func newEnv(t testing.TB, db *sqlstore.DB) *env {
	t.Helper()
	ctx := entente.WithCaller(context.Background(), entente.SystemCaller)
	sources := sqlstore.NewSourceService(db)
	e := &env{svc: reading.NewService(sources, sources), sources: sources, ctx: ctx}
	for _, p := range []*entente.Party{{Code: "PAK", Name: "Pakistan", TimeZone: "Asia/Karachi"}, {Code: "BLR", Name: "Belarus", TimeZone: "Europe/Minsk"}} {
		if err := sqlstore.NewPartyService(db).CreateParty(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	e.roadmap = &entente.Roadmap{Title: "Cooperation roadmap", Parties: []string{"PAK", "BLR"}}
	if err := sqlstore.NewRoadmapService(db).CreateRoadmap(ctx, e.roadmap); err != nil {
		t.Fatal(err)
	}
	return e
}

func statement(t testing.TB) string {
	b, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "pak-blr-2024-11-26.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var published = entente.Date{Year: 2024, Month: 11, Day: 26}

func TestReadSourceStoresTheDraft(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		src := &entente.Source{Text: statement(t), PublishedOn: published, Publisher: "Press Information Department"}
		if err := e.svc.ReadSource(e.ctx, src, entente.FormatText); err != nil {
			t.Fatal(err)
		}
		stored, err := e.sources.FindSourceByID(e.ctx, src.ID)
		if err != nil {
			t.Fatal(err)
		}
		x, err := entente.ParseExtraction(stored.Extraction, stored.Text)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(stored.Title, "ISLAMABAD, 26 November 2024 – Prime Minister") || stored.Language != "en" {
			t.Fatalf("stored source %q in %q", stored.Title, stored.Language)
		}
		var events []string
		for _, ev := range x.Events {
			events = append(events, ev.ID+" "+ev.Kind+" "+ev.HostParty+" "+ev.Invitation)
		}
		want := "e1 meeting PAK |e2 meeting PAK |e3 meeting PAK |e4 meeting BLR |e5 signing  |e6 visit BLR accepted"
		if got := strings.Join(events, "|"); got != want {
			t.Fatalf("events %s\nwant   %s", got, want)
		}
		if x.Commitments[3].ID != "c4" || x.Interests[1].ID != "i2" || x.People[0].ID != "p1" {
			t.Fatalf("ids %+v", x)
		}
		res, err := e.svc.ApplySource(e.ctx, src.ID, entente.SourceApplication{RoadmapID: e.roadmap.ID, AcceptAll: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Created != len(res.Items) || res.Created < 20 {
			t.Fatalf("applied %+v", res)
		}
	})
}

func TestReadSourceRefusesBadInput(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		for _, tc := range []struct {
			name, text, format string
			date               entente.Date
			field, want        string
		}{
			{"empty text", "  \n ", "", published, "text", "empty"},
			{"binary junk", "\x00\x01\x02\x03PK\x03\x04\xff\xfe\x00\x00\x13", "", published, "text", "not text"},
			{"more than 5 MiB", strings.Repeat("The sides met today. ", entente.MaxSourceText/20), "", published, "text", "limit is"},
			{"another language", "Стороны договорились провести следующее заседание в Минске в феврале следующего года.", "", published, "text", "No English sentences found"},
			{"no date", statementText, "", entente.Date{}, "published_on", "required"},
			{"a page without text", "<html><script>var a = 1;</script></html>", entente.FormatHTML, published, "text", "no text"},
			{"an unknown format", "The sides met.", "pdf", published, "format", "text or html"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				src := &entente.Source{Text: tc.text, PublishedOn: tc.date}
				err := e.svc.ReadSource(e.ctx, src, tc.format)
				if entente.ErrorCode(err) != entente.EINVALID {
					t.Fatalf("error %v, want EINVALID", err)
				}
				if p := entente.ErrorFields(err)[tc.field]; !strings.Contains(p+entente.ErrorMessage(err), tc.want) {
					t.Fatalf("problems %v (%s), want %s to say %q", entente.ErrorFields(err), entente.ErrorMessage(err), tc.field, tc.want)
				}
			})
		}
		_, n, err := e.sources.FindSources(e.ctx, entente.SourceFilter{})
		if err != nil || n != 0 {
			t.Fatalf("refused statements left %d sources (%v)", n, err)
		}
	})
}

const statementText = "The sides met in Minsk today."

func TestReadSourceWithoutDatesOrFromAPage(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		src := &entente.Source{Text: "Pakistan and Belarus discussed trade and agriculture.", PublishedOn: published}
		if err := e.svc.ReadSource(e.ctx, src, entente.FormatText); err != nil {
			t.Fatal(err)
		}
		x, err := entente.ParseExtraction(src.Extraction, src.Text)
		if err != nil || len(x.Notes) == 0 || !strings.Contains(strings.Join(x.Notes, " "), "No dates") {
			t.Fatalf("a text without dates gives notes %q (%v)", x.Notes, err)
		}
		page := &entente.Source{Text: "<html><body><nav>Home</nav><p>The delegations of <b>Pakistan</b> and Belarus met in Minsk today.</p></body></html>",
			PublishedOn: published, Title: "Talks"}
		if err := e.svc.ReadSource(e.ctx, page, entente.FormatHTML); err != nil {
			t.Fatal(err)
		}
		if page.Text != "The delegations of Pakistan and Belarus met in Minsk today." {
			t.Fatalf("the page is stored as %q", page.Text)
		}
	})
}

func TestExtractionOfTheStatement(t *testing.T) {
	text := statement(t)
	d, err := ingest.Read(text, published)
	if err != nil {
		t.Fatal(err)
	}
	x := reading.Extraction(d, text)
	p := x.Proposal()
	var meetings []string
	for _, m := range p.Meetings {
		meetings = append(meetings, m.Kind+" "+m.When.String()+" "+m.HostParty+" "+m.Title)
	}
	want := []string{
		"leaders_talks 2024-11-26 PAK Leaders' talks in Islamabad",
		"delegation_talks ~2024-11-26 PAK Delegation-level talks in Islamabad",
		"delegation_talks 2024-11-26TAF PAK Delegation-level talks in Islamabad",
		"delegation_talks ~2024-12-10 BLR Delegation-level talks in Minsk",
		"signing_ceremony 2025-02  Signing of agreements",
		"visit  BLR Visit to Belarus",
	}
	if strings.Join(meetings, "\n") != strings.Join(want, "\n") {
		t.Fatalf("proposed meetings:\n%s\nwant:\n%s", strings.Join(meetings, "\n"), strings.Join(want, "\n"))
	}
}

func TestPartyNamed(t *testing.T) {
	svc := reading.NewService(nil, nil)
	p, err := svc.PartyNamed("KAZ")
	if err != nil || p.Name != "Kazakhstan" || p.TimeZone == "" || p.Validate() != nil {
		t.Fatalf("KAZ is %+v (%v)", p, err)
	}
	if _, err := svc.PartyNamed("XYZ"); entente.ErrorCode(err) != entente.ENOTFOUND {
		t.Fatalf("XYZ: %v", err)
	}
}
