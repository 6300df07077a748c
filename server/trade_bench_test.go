package server_test

import (
	"bufio"
	"context"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/server"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/trade"
)

// fullYearCells is about how many exporter × importer × heading cells a full BACI year has
// once its 11 million HS6 rows are summed to headings.
const fullYearCells = 7_000_000

// writeSyntheticYear writes a BACI year of the full year's shape at heading level (one HS6
// row per cell, so rows are cells): about 220 economies whose sizes follow a Zipf law, and
// headings whose popularity is log-normal, so big pairs trade most headings and small pairs a
// few. It returns how many rows it wrote.
func writeSyntheticYear(path string, cells int) (int, error) {
	rng := rand.New(rand.NewPCG(2024, 8))
	countries := syntheticCountries(220)
	var headings []int
	var weight []float64
	for h := 101; h <= 9799; h++ {
		if _, ok := trade.HeadingDescription(h); ok {
			headings, weight = append(headings, h), append(weight, math.Exp(rng.NormFloat64()*1.2))
		}
	}
	size := make([]float64, len(countries))
	for i, r := range rng.Perm(len(countries)) {
		size[i] = 1 / math.Pow(float64(r+1), 0.9)
	}
	k := cellScale(size, weight, cells)
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("t,i,j,k,v,q\n")
	rows := 0
	var line []byte
	for i, ci := range countries {
		for j, cj := range countries {
			for p, h := range headings {
				if i == j || rng.Float64() >= k*size[i]*size[j]*weight[p] {
					continue
				}
				value := 1 + int64(5e7*size[i]*size[j]*weight[p]*math.Exp(rng.NormFloat64()))
				line = appendRow(line[:0], ci, cj, h*100+10, value)
				w.Write(line)
				rows++
			}
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	return rows, f.Close()
}

// appendRow writes one BACI line of 2022: exporter, importer, HS6 product with its leading
// zero, value in thousands of USD, one tonne.
func appendRow(b []byte, exporter, importer, hs6 int, value int64) []byte {
	b = append(b, "2022,"...)
	b = strconv.AppendInt(b, int64(exporter), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(importer), 10)
	b = append(b, ',')
	if hs6 < 100000 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, int64(hs6), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, value, 10)
	return append(b, ".000,1\n"...)
}

// syntheticCountries picks n BACI codes of distinct parties, Pakistan and Belarus among them.
func syntheticCountries(n int) []int {
	codes := trade.DefaultCountryCodes()
	seen := map[string]bool{"PAK": true, "BLR": true}
	out := []int{112, 586}
	for _, c := range codes.Numerics() {
		if a, ok := codes.Alpha3(c); ok && !seen[a] && len(out) < n {
			seen[a] = true
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// cellScale finds k such that the expected cells Σ_pairs Σ_p min(1, k·s_i·s_j·w_p) meet the
// target.
func cellScale(size, weight []float64, target int) float64 {
	w := slices.Clone(weight)
	sort.Sort(sort.Reverse(sort.Float64Slice(w)))
	prefix := make([]float64, len(w)+1)
	for i, x := range w {
		prefix[i+1] = prefix[i] + x
	}
	expected := func(k float64) float64 {
		total := 0.0
		for i := range size {
			for j := range size {
				if i != j {
					l := k * size[i] * size[j]
					n := sort.Search(len(w), func(p int) bool { return l*w[p] < 1 })
					total += float64(n) + l*(prefix[len(w)]-prefix[n])
				}
			}
		}
		return total
	}
	lo, hi := 0.0, 1.0
	for expected(hi) < float64(target) {
		hi *= 2
	}
	for range 40 {
		if mid := (lo + hi) / 2; expected(mid) < float64(target) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// BenchmarkTradePage renders the demo roadmap's trade page and its overview over a full
// synthetic BACI year held in the store's cache, as a server does after its first request;
// first-request measures a server that has just started and decodes the year from the
// database. The year is written and loaded once (about 200 MB of CSV): run with
// -benchtime 20x.
func BenchmarkTradePage(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "BACI_HS17_Y2022_synthetic.csv")
	rows, err := writeSyntheticYear(path, fullYearCells)
	if err != nil {
		b.Fatal(err)
	}
	db, err := sqlstore.Open(context.Background(), filepath.Join(dir, "entente.db"), entente.FixedClock(testNow))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	e := newEnv(b, db)
	store := sqlstore.NewTradeService(db)
	ctx := entente.WithCaller(context.Background(), entente.SystemCaller)
	res, err := trade.Load(ctx, []string{path}, trade.Options{})
	if err != nil {
		b.Fatal(err)
	}
	os.Remove(path)
	if _, err := store.SaveDatasets(ctx, res); err != nil {
		b.Fatal(err)
	}
	serverWith := func(store *sqlstore.TradeService) *server.Server {
		svc := e.svc
		svc.Trade = store
		srv, err := server.NewServer(slog.New(slog.NewTextHandler(io.Discard, nil)), entente.FixedClock(testNow), svc,
			sqlstore.NewSessionStore(db), db.Ping)
		if err != nil {
			b.Fatal(err)
		}
		return srv
	}
	srv := serverWith(store)
	tradePage := "/roadmaps/" + tradeItoa(e.demo.Roadmap.ID) + "/trade"
	// A server that has just started reads and decodes the year on its first request.
	b.Run("first-request", func(b *testing.B) {
		for b.Loop() {
			rec := httptest.NewRecorder()
			serverWith(sqlstore.NewTradeService(db)).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tradePage, nil))
			if rec.Code != http.StatusOK {
				b.Fatalf("status %d", rec.Code)
			}
		}
		b.ReportMetric(float64(rows), "cells")
	})
	for _, page := range []struct{ name, path, want string }{
		{"trade", tradePage, "Export potential of Pakistan in Belarus"},
		{"overview", "/roadmaps/" + tradeItoa(e.demo.Roadmap.ID), "Most untapped potential"},
	} {
		b.Run(page.name, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, page.path, nil))
				if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), page.want) {
					b.Fatalf("status %d, or no %q in the page", rec.Code, page.want)
				}
			}
			b.ReportMetric(float64(rows), "cells")
		})
	}
}
