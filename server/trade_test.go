package server_test

import (
	"context"
	"encoding/csv"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/server"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/trade"
)

// The trade fixtures: a tiny BACI world of six economies over two years, and an export table.
var (
	baciFiles   = []string{"testdata/trade/BACI_HS17_Y2021_V202401_tiny.csv", "testdata/trade/BACI_HS17_Y2022_V202401_tiny.csv"}
	exportsFile = []string{"testdata/trade/exports_hs4_2019_tiny.csv"}
)

// newTradeEnv is the demo server with a trade store holding the given files.
func newTradeEnv(t testing.TB, db *sqlstore.DB, files []string) *env {
	t.Helper()
	e := newEnv(t, db)
	store := sqlstore.NewTradeService(db)
	if len(files) > 0 {
		ctx := entente.WithCaller(context.Background(), entente.SystemCaller)
		res, err := trade.Load(ctx, files, trade.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n, err := store.SaveDatasets(ctx, res); err != nil || n != len(files) {
			t.Fatalf("stored %d of %d datasets: %v", n, len(files), err)
		}
	}
	e.svc.Trade = store
	srv, err := server.NewServer(slog.New(slog.NewTextHandler(io.Discard, nil)), entente.FixedClock(testNow), e.svc,
		sqlstore.NewSessionStore(db), db.Ping)
	if err != nil {
		t.Fatal(err)
	}
	e.handler = srv
	return e
}

// tradeGet fetches a page as a visitor in a language and returns its body.
func (e *env) tradeGet(t testing.TB, path, lang string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.AddCookie(&http.Cookie{Name: "lang", Value: lang})
	rec := httptest.NewRecorder()
	e.handler.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func tradePath(e *env) string { return "/roadmaps/" + tradeItoa(e.demo.Roadmap.ID) + "/trade" }

func TestTradePageWithBilateralData(t *testing.T) {
	eachTradeDB(t, func(t *testing.T, db *sqlstore.DB) {
		e := newTradeEnv(t, db, baciFiles)
		status, body := e.tradeGet(t, tradePath(e), "en")
		if status != http.StatusOK {
			t.Fatalf("status %d:\n%s", status, body)
		}
		for _, want := range []string{
			`aria-current="page">Trade</a>`, "Trade between Pakistan and Belarus", "Figures for 2022",
			"What Pakistan sold Belarus", "<svg", "The 20 products Pakistan sells Belarus most",
			"Growth in 2022", "20.0%", "Textiles: revealed comparative advantage, 2022",
			"Complementarity index:", "Export potential of Pakistan in Belarus, 2022", "untapped(p) = expected(p) − actual(p)",
			"Ease of trade (intensity index):", "Imports of Pakistani goods, textiles in particular",
			`href="/roadmaps/1/trade/potential.csv?from=PAK&amp;to=BLR&amp;year=2022"`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("the page lacks %q", want)
			}
		}
		if strings.Contains(body, "need a BACI file") {
			t.Error("the page says bilateral flows are missing although they are loaded")
		}
		// Belarus buys T-shirts from China and sells Pakistan none: the top textile potential
		// for Pakistan in Belarus is in the interest's evidence.
		evidence := tradeBetween(body, `id="interest-`+textileInterest(t, e)+`"`, "</section>")
		if !strings.Contains(evidence, "6109") {
			t.Errorf("the textile interest's evidence lacks T-shirts (6109):\n%s", evidence)
		}
	})
}

// tradeBetween returns the text from the first start to the next end.
func tradeBetween(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], end)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}

func TestTradePageWithExportTablesOnly(t *testing.T) {
	eachTradeDB(t, func(t *testing.T, db *sqlstore.DB) {
		e := newTradeEnv(t, db, exportsFile)
		status, body := e.tradeGet(t, tradePath(e), "en")
		if status != http.StatusOK {
			t.Fatalf("status %d:\n%s", status, body)
		}
		for _, want := range []string{"Bilateral flows need a BACI file.", "What Pakistan sold the world",
			"Textiles: revealed comparative advantage, 2019", "6302", "Where Pakistan is strongest in these products"} {
			if !strings.Contains(body, want) {
				t.Errorf("the page lacks %q", want)
			}
		}
		for _, absent := range []string{"Export potential of", "Complementarity index:"} {
			if strings.Contains(body, absent) {
				t.Errorf("the page shows %q without bilateral data", absent)
			}
		}
	})
}

func TestTradePageWithoutData(t *testing.T) {
	eachTradeDB(t, func(t *testing.T, db *sqlstore.DB) {
		e := newTradeEnv(t, db, nil)
		for _, lang := range []string{"en", "ru", "ur"} {
			status, body := e.tradeGet(t, tradePath(e), lang)
			if status != http.StatusOK || !strings.Contains(body, "entente trade load") {
				t.Errorf("%s: status %d without data:\n%s", lang, status, body)
			}
		}
	})
}

// barXs returns the x of each period label of the first chart, in document order.
func barXs(body string) []string {
	var xs []string
	for _, m := range regexp.MustCompile(`<text class="period" x="(\d+)"`).FindAllStringSubmatch(tradeBetween(body, "<svg", "</svg>"), -1) {
		xs = append(xs, m[1])
	}
	return xs
}

func TestTradePageInEveryLanguage(t *testing.T) {
	eachTradeDB(t, func(t *testing.T, db *sqlstore.DB) {
		e := newTradeEnv(t, db, baciFiles)
		tests := []struct {
			lang, want string
			rtl        bool
		}{
			{"en", "Where trade could grow", false},
			{"ru", "Где торговля может вырасти", false},
			{"ur", "تجارت کہاں بڑھ سکتی ہے", true},
		}
		for _, tt := range tests {
			status, body := e.tradeGet(t, tradePath(e), tt.lang)
			if status != http.StatusOK || !strings.Contains(body, tt.want) {
				t.Errorf("%s: status %d, lacks %q", tt.lang, status, tt.want)
				continue
			}
			xs := barXs(body)
			if len(xs) != 2 {
				t.Fatalf("%s: %d bars in the first chart, want one per year", tt.lang, len(xs))
			}
			if rightToLeft := tradeAtoi(xs[0]) > tradeAtoi(xs[1]); rightToLeft != tt.rtl {
				t.Errorf("%s: the first year is drawn at x=%s and the second at x=%s", tt.lang, xs[0], xs[1])
			}
		}
	})
}

func TestTradeDownloads(t *testing.T) {
	eachTradeDB(t, func(t *testing.T, db *sqlstore.DB) {
		e := newTradeEnv(t, db, append(baciFiles, exportsFile...))
		base := tradePath(e)
		interest := textileInterest(t, e)
		tests := []struct {
			query, file, header string
		}{
			{"/series.csv?from=PAK&to=BLR", "trade-by-section-PAK-BLR.csv", "section"},
			{"/series.csv?from=BLR&to=PAK&world=1", "trade-exports-by-section-BLR.csv", "section"},
			{"/flows.csv?from=BLR&to=PAK", "trade-flows-BLR-PAK.csv", "product"},
			{"/rca.csv?track=textiles", "trade-rca-textiles-PAK-BLR-2022.csv", "product,description,section,PAK_export_usd"},
			{"/rca.csv?track=textiles&year=2019", "trade-rca-textiles-PAK-BLR-2019.csv", "product"},
			{"/complementarity.csv?from=BLR&to=PAK", "trade-complementarity-BLR-PAK-2022.csv", "product"},
			{"/potential.csv", "trade-potential-PAK-BLR-2022.csv", "product"},
			{"/potential.csv?interest=" + interest, "trade-potential-interest-" + interest + "-PAK-BLR-2022.csv", "product"},
		}
		if _, body := e.tradeGet(t, base+"?year=2019", "en"); !strings.Contains(body, "No bilateral data covers 2019") {
			t.Error("the page for a year of export tables does not say which years have bilateral data")
		}
		if _, body := e.tradeGet(t, base+"?year=2019", "en"); !strings.Contains(body, "No bilateral data covers 2019") {
			t.Error("the page for a year of export tables does not say which years have bilateral data")
		}
		for _, tt := range tests {
			r := e.do(t, http.MethodGet, base+tt.query, "", nil).want(t, http.StatusOK)
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
				t.Errorf("%s: Content-Type %s", tt.query, ct)
			}
			if cd := r.header.Get("Content-Disposition"); !strings.Contains(cd, `filename="`+tt.file+`"`) {
				t.Errorf("%s: Content-Disposition %s, want %s", tt.query, cd, tt.file)
			}
			records, err := csv.NewReader(strings.NewReader(string(r.body))).ReadAll()
			if err != nil || len(records) < 2 || !strings.HasPrefix(strings.Join(records[0], ","), tt.header) {
				t.Errorf("%s: %d records (%v), header %v", tt.query, len(records), err, records)
			}
		}
	})
}

// textileInterest returns the id of the demo's request for Pakistani textiles.
func textileInterest(t testing.TB, e *env) string {
	t.Helper()
	ctx := entente.WithCaller(context.Background(), entente.SystemCaller)
	list, _, err := e.svc.Interests.FindInterests(ctx, entente.InterestFilter{RoadmapID: e.demo.Roadmap.ID, Kind: entente.InterestRequest})
	if err != nil || len(list) == 0 {
		t.Fatalf("no request among the demo's interests: %v", err)
	}
	return tradeItoa(list[0].ID)
}

func TestTradeRefusesBadQueries(t *testing.T) {
	eachTradeDB(t, func(t *testing.T, db *sqlstore.DB) {
		e := newTradeEnv(t, db, exportsFile)
		base := tradePath(e)
		tests := []struct {
			path   string
			status int
		}{
			{base + "?from=USA", http.StatusBadRequest},
			{base + "?from=PAK&to=PAK", http.StatusBadRequest},
			{base + "?year=1990", http.StatusBadRequest},
			{base + "?year=twenty", http.StatusBadRequest},
			{base + "/nothing.csv", http.StatusNotFound},
			{base + "/flows", http.StatusNotFound},
			{base + "/flows.csv", http.StatusNotFound}, // no bilateral data is loaded
			{base + "/rca.csv?track=weaving", http.StatusBadRequest},
			{base + "/rca.csv?interest=999999", http.StatusNotFound},
			{"/roadmaps/999999/trade", http.StatusNotFound},
		}
		for _, tt := range tests {
			if status, body := e.tradeGet(t, tt.path, "en"); status != tt.status {
				t.Errorf("GET %s: %d, want %d\n%s", tt.path, status, tt.status, body)
			}
		}
	})
}

func TestRoadmapOverviewShowsTradeEvidence(t *testing.T) {
	eachTradeDB(t, func(t *testing.T, db *sqlstore.DB) {
		e := newTradeEnv(t, db, baciFiles)
		status, body := e.tradeGet(t, "/roadmaps/"+tradeItoa(e.demo.Roadmap.ID), "en")
		if status != http.StatusOK {
			t.Fatalf("status %d", status)
		}
		section := tradeBetween(body, `id="trade-summary-h"`, "</section>")
		interest := textileInterest(t, e)
		for _, want := range []string{"Trade evidence", "Bilateral trade in 2022", "PAK → BLR", "BLR → PAK",
			"Most untapped potential", "3104", "/trade#interest-" + interest, "6109"} {
			if !strings.Contains(section, want) {
				t.Errorf("the overview's trade section lacks %q:\n%s", want, section)
			}
		}
	})
}

// eachTradeDB runs a trade page test on a fresh SQLite database, and on PostgreSQL when
// ENTENTE_TEST_POSTGRES names a server.
func eachTradeDB(t *testing.T, test func(t *testing.T, db *sqlstore.DB)) {
	t.Run("sqlite", func(t *testing.T) { test(t, openSQLite(t)) })
	t.Run("postgres", func(t *testing.T) { test(t, openPostgres(t)) })
}

func tradeItoa(n int64) string { return strconv.FormatInt(n, 10) }

func tradeAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestTradePageShowsRealStrengths loads the 2017 world export matrix the demo is shown with:
// the page must show Pakistan's bed linen and Belarus's potash among the tracks' strengths.
func TestTradePageShowsRealStrengths(t *testing.T) {
	file := filepath.Join(testenv.SharedData(t, "trade"), "world_exports_hs4_2017_ots.csv")
	e := newTradeEnv(t, openSQLite(t), []string{file})
	status, body := e.tradeGet(t, tradePath(e), "en")
	if status != http.StatusOK || !strings.Contains(body, "Bilateral flows need a BACI file.") {
		t.Fatalf("status %d, or the page does not say what is missing", status)
	}
	for _, tt := range []struct{ track, product, rca string }{
		{"textiles", "6302", "120.3"},
		{"mining_minerals", "3104", "107.1"},
	} {
		table := tradeBetween(body, `id="track-`+tt.track+`"`, "</section>")
		row := tradeBetween(table, `<th scope="row" class="code">`+tt.product+`</th>`, "</tr>")
		if !strings.Contains(row, ">"+tt.rca+"<") {
			t.Errorf("%s: the row of %s lacks the RCA %s:\n%s", tt.track, tt.product, tt.rca, table)
		}
	}
}
