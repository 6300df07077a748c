package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/trade"
)

var updateTradeGolden = flag.Bool("update-trade", false, "rewrite the trade golden files under testdata")

// rcaLine matches a line of entente trade rca: product, description, exports, RCA.
var rcaLine = regexp.MustCompile(`(?m)^(\d{4})\s.*\s([\d.]+)$`)

// rcaRows returns the products and RCA values an rca listing printed, in order.
func rcaRows(t *testing.T, out string) ([]string, []float64) {
	t.Helper()
	var products []string
	var values []float64
	for _, m := range rcaLine.FindAllStringSubmatch(out, -1) {
		v, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			t.Fatalf("RCA %q: %v", m[2], err)
		}
		products, values = append(products, m[1]), append(values, v)
	}
	return products, values
}

// TestTradeRCAOnRealData checks issue 8's figures on the 2017 world export matrix: Pakistan's
// bed linen near the top with an RCA around 120, Belarus's potash fertilisers among its top.
func TestTradeRCAOnRealData(t *testing.T) {
	file := filepath.Join(testenv.SharedData(t, "trade"), "world_exports_hs4_2017_ots.csv")
	db := filepath.Join(t.TempDir(), "trade.db")
	out := mustRun(t, "trade", "load", file, "--db", db)
	if !strings.Contains(out, "176971 kept, 0 rejected") || !strings.Contains(out, "1 new dataset") {
		t.Fatalf("load:\n%s", out)
	}
	products, values := rcaRows(t, mustRun(t, "trade", "rca", "--country", "PAK", "--year", "2017", "--db", db))
	if len(products) != 20 {
		t.Fatalf("%d rows, want the default top 20", len(products))
	}
	if products[0] != "6302" || values[0] < 110 || values[0] > 130 {
		t.Errorf("PAK's first product %s with RCA %.1f, want 6302 around 120", products[0], values[0])
	}
	products, _ = rcaRows(t, mustRun(t, "trade", "rca", "--country", "blr", "--year", "2017", "--top", "5", "--db", db))
	if len(products) != 5 || !strings.Contains(strings.Join(products, " "), "3104") {
		t.Errorf("BLR's top 5 %v lack potash fertilisers (3104)", products)
	}
	out = mustRun(t, "trade", "load", "--db", db, file)
	if !strings.Contains(out, "already loaded") || !strings.Contains(out, "0 new datasets, 1 already loaded") {
		t.Errorf("a second load:\n%s", out)
	}
	if out := mustRun(t, "trade", "datasets", "--db", db); strings.Count(out, "world_exports_hs4_2017_ots.csv") != 1 {
		t.Errorf("datasets after two loads:\n%s", out)
	}
	_, _, err := runCLI(t, "trade", "potential", "--from", "PAK", "--to", "BLR", "--year", "2017", "--db", db)
	if err == nil || !strings.Contains(err.Error(), "need a BACI file") {
		t.Errorf("potential on export tables: %v", err)
	}
}

// badTradeFiles writes files with every kind of problem, and one good BACI file.
func badTradeFiles(t *testing.T, dir string) []string {
	t.Helper()
	head := "t,i,j,k,v,q\n"
	good := "2022,586,112,630210,10.5,1\n"
	// A compressed year cut short: the rows before the cut are kept.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(head))
	for _, j := range trade.DefaultCountryCodes().Numerics()[:200] {
		for _, k := range []string{"630210", "520512", "610910"} {
			fmt.Fprintf(zw, "2022,586,%d,%s,%d.500,1\n", j, k, j)
		}
	}
	zw.Close()
	files := []struct{ name, content string }{
		{"BACI_Y2022_good.csv", head + good + "2022,112,586,310420,900.5,3000\n"},
		{"BACI_Y2022_semicolons.csv", "t;i;j;k;v;q\n2022;586;112;630210;1;1\n"},
		{"BACI_Y2022_lines.csv", head + "2022,586,112,630210,1\n" + "2022,586,112,620342,abc,1\n" + "2022,586,112,610910,-5,1\n" +
			"2022,999,112,630210,1,1\n" + "2022,586,112,770000,1,1\n" + good + good},
		{"BACI_Y2022_empty.csv", ""},
		{"BACI_Y2022_cut.csv.gz", gz.String()[:gz.Len()-40]},
		{"exports_2017_columns.csv", "reporter_iso,product_code\npak,6302\n"},
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte(f.content), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestTradeLoadReportsBadInput loads good and bad files together: every problem is named with
// its file and line, good rows are kept, and the command fails for the files that gave nothing.
func TestTradeLoadReportsBadInput(t *testing.T) {
	dir := t.TempDir()
	paths := badTradeFiles(t, dir)
	db := filepath.Join(dir, "trade.db")
	out, _, err := runCLI(t, append([]string{"trade", "load", "--db", db}, paths...)...)
	if err == nil {
		t.Fatal("a load with unreadable files succeeded")
	}
	for _, name := range []string{"semicolons", "empty", "columns"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("the error does not name the %s file: %v", name, err)
		}
	}
	checkGolden(t, "trade_load_bad.golden", strings.ReplaceAll(out, dir+string(filepath.Separator), ""))
	datasets := mustRun(t, "trade", "datasets", "--db", db)
	for _, name := range []string{"BACI_Y2022_good.csv", "BACI_Y2022_lines.csv", "BACI_Y2022_cut.csv.gz"} {
		if !strings.Contains(datasets, name) {
			t.Errorf("the good rows of %s were not stored:\n%s", name, datasets)
		}
	}
	again, _, _ := runCLI(t, append([]string{"trade", "load", "--db", db}, paths...)...)
	if !strings.Contains(again, "0 new datasets, 3 already loaded") {
		t.Errorf("loading the same files again:\n%s", again)
	}
}

// checkGolden compares got with testdata/name, or rewrites it under -update-trade.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	// Elapsed times vary from run to run.
	got = regexp.MustCompile(`stored in [0-9.]+[µm]?s`).ReplaceAllString(got, "stored in (time)")
	path := filepath.Join("testdata", name)
	if *updateTradeGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update-trade to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("output differs from %s (rerun with -update-trade and review the diff):\n%s", path, got)
	}
}

func TestTradeCommandUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "trade.db")
	tests := []struct {
		args []string
		want string // in the error or the usage
	}{
		{[]string{"trade"}, "Usage: entente trade"},
		{[]string{"trade", "frobnicate"}, "Usage: entente trade"},
		{[]string{"trade", "load", "--db", db}, "nothing given"},
		{[]string{"trade", "load", "--period", "2021-2019", "--db", db, "x.csv"}, "span of years"},
		{[]string{"trade", "load", "--db", db, "no-such-file.csv"}, "no-such-file.csv"},
		{[]string{"trade", "rca", "--db", db}, "--country is required"},
		{[]string{"trade", "rca", "--country", "XYZ", "--db", db}, "not a country code"},
		{[]string{"trade", "rca", "--country", "PAK", "--track", "weaving", "--db", db}, "--track"},
		{[]string{"trade", "rca", "--country", "PAK", "--db", db}, "no trade data is loaded"},
		{[]string{"trade", "potential", "--from", "PAK", "--db", db}, "--to is required"},
		{[]string{"trade", "remove", "--db", db, "abc"}, "hexadecimal"},
	}
	for _, tt := range tests {
		_, stderr, err := runCLI(t, tt.args...)
		if err == nil {
			t.Errorf("entente %v succeeded", tt.args)
			continue
		}
		if !strings.Contains(err.Error()+stderr, tt.want) {
			t.Errorf("entente %v: %v\n%s\nwant %q", tt.args, err, stderr, tt.want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in          string
		first, last int
		ok          bool
	}{
		{"2017", 2017, 2017, true},
		{"2019-2021", 2019, 2021, true},
		{"2019–2021", 2019, 2021, true},
		{" 2019 - 2021 ", 2019, 2021, true},
		{"2021-2019", 0, 0, false},
		{"1800", 0, 0, false},
		{"twenty", 0, 0, false},
		{"2019-", 0, 0, false},
	}
	for _, tt := range tests {
		p, err := parsePeriod(tt.in)
		if (err == nil) != tt.ok || p.First != tt.first || p.Last != tt.last {
			t.Errorf("parsePeriod(%q) = %v, %v", tt.in, p, err)
		}
	}
}

// TestDemoLoadsTradeFiles loads the demo with a trade file after it, as
// "entente demo --trade FILE" does.
func TestDemoLoadsTradeFiles(t *testing.T) {
	dir := t.TempDir()
	paths := badTradeFiles(t, dir)
	db := filepath.Join(dir, "demo.db")
	out := mustRun(t, "demo", "--load-only", "--db", db, "--trade", paths[0])
	if !strings.Contains(out, "Pakistan–Belarus") || !strings.Contains(out, "1 new dataset") {
		t.Fatalf("demo --trade:\n%s", out)
	}
	if _, _, err := runCLI(t, "demo", "--load-only", "--db", filepath.Join(dir, "other.db"), "stray"); err == nil {
		t.Error("the demo accepted a stray argument without --trade")
	}
}

// FuzzParsePeriod checks that any accepted period is a valid span of years that reads back
// the same.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2017", "2019-2021", "2019–2021", "", "-", "2021-2019", "9999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parsePeriod(s)
		if err != nil {
			return
		}
		if p.First < 1900 || p.Last > 2100 || p.First > p.Last {
			t.Fatalf("parsePeriod(%q) = %v", s, p)
		}
		if again, err := parsePeriod(p.String()); err != nil || again != p {
			t.Fatalf("%q → %v → %v, %v", s, p, again, err)
		}
	})
}
