package trade

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// writeFile writes content to a file in dir and returns its path.
func writeFile(t testing.TB, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func load(t testing.TB, opt Options, paths ...string) *Result {
	t.Helper()
	res, err := Load(context.Background(), paths, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// loadSmall loads the tiny synthetic BACI years of testdata.
func loadSmall(t testing.TB) map[int]*Table {
	t.Helper()
	res := load(t, Options{}, "testdata/baci_small_2019.csv", "testdata/baci_small_2021.csv", "testdata/baci_small_2022.csv")
	out := map[int]*Table{}
	for _, d := range res.Datasets {
		for _, tb := range d.Tables {
			out[tb.Period.First] = tb
		}
	}
	if len(out) != 3 {
		t.Fatalf("loaded years %v, want 2019, 2021, 2022", out)
	}
	return out
}

func TestLoadBACIAggregatesToHS4(t *testing.T) {
	res := load(t, Options{}, "testdata/baci_small_2022.csv")
	f := res.Files[0]
	if f.Kind != KindBACI || f.Lines != 10 || f.Kept != 10 || f.Rejected != 0 {
		t.Fatalf("summary = %+v", f)
	}
	if f.Exporters != 3 || f.Importers != 3 || f.Products != 5 || f.Cells != 9 {
		t.Errorf("exporters %d importers %d products %d cells %d, want 3 3 5 9", f.Exporters, f.Importers, f.Products, f.Cells)
	}
	tb := res.Datasets[0].Tables[0]
	if !slices.Equal(tb.Countries, []string{"BLR", "DEU", "PAK"}) {
		t.Errorf("countries = %v", tb.Countries)
	}
	want := []Cell{
		{"BLR", "DEU", 3104, 200000, 1000500, false},
		{"BLR", "DEU", 8701, 30000, 0, true},
		{"BLR", "PAK", 3104, 20000, 100000, false},
		{"DEU", "BLR", 5205, 10000, 2000, false},
		{"DEU", "BLR", 8701, 60000, 12000, false},
		{"DEU", "PAK", 8701, 40000, 0, true},
		{"PAK", "BLR", 6302, 15000, 2000, false}, // 630210 + 630231
		{"PAK", "DEU", 5205, 50000, 20000, false},
		{"PAK", "DEU", 6302, 100000, 10000, false},
	}
	got := slices.Collect(tb.Cells())
	if !slices.Equal(got, want) {
		t.Errorf("cells:\n got %v\nwant %v", got, want)
	}
}

func TestLoadUnsortedGzipGivesTheSameTable(t *testing.T) {
	raw, err := os.ReadFile("testdata/baci_small_2022.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	body := lines[1:]
	slices.Reverse(body)
	shuffled := strings.Join(append([]string{lines[0]}, body...), "\n") // no final newline either
	path := writeFile(t, t.TempDir(), "shuffled.csv.gz", gzipped(t, []byte(shuffled)))
	got := load(t, Options{}, path)
	want := load(t, Options{}, "testdata/baci_small_2022.csv")
	if !strings.Contains(got.Files[0].Format, "gzip") {
		t.Errorf("format %q does not say gzip", got.Files[0].Format)
	}
	a, b := got.Datasets[0].Tables[0], want.Datasets[0].Tables[0]
	if !slices.Equal(slices.Collect(a.Cells()), slices.Collect(b.Cells())) {
		t.Errorf("unsorted gzip file gave other cells:\n%v\n%v", slices.Collect(a.Cells()), slices.Collect(b.Cells()))
	}
}

func TestLoadSameFileTwiceLoadsNothing(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile("testdata/baci_small_2022.csv")
	copyPath := writeFile(t, dir, "copy.csv", data)
	res := load(t, Options{}, "testdata/baci_small_2022.csv", copyPath)
	if len(res.Datasets) != 1 || !res.Files[1].AlreadyLoaded || res.Files[1].Dataset != res.Files[0].Dataset {
		t.Fatalf("same content twice in one call: %d datasets, second %+v", len(res.Datasets), res.Files[1])
	}
	stored := map[DatasetID]bool{res.Datasets[0].ID: true}
	parsed := false
	again := load(t, Options{Loaded: func(id DatasetID) bool { return stored[id] },
		Progress: func(done, total int64) { parsed = parsed || done < total }}, copyPath)
	if len(again.Datasets) != 0 || !again.Files[0].AlreadyLoaded || parsed {
		t.Errorf("a stored dataset was loaded again: %+v", again.Files[0])
	}
	changed := writeFile(t, dir, "changed.csv", append(data, "2022,4,8,010121,1,1\n"...))
	if id := load(t, Options{}, changed).Files[0].Dataset; id == res.Datasets[0].ID {
		t.Error("a changed file kept the dataset identity")
	}
	codes := writeFile(t, dir, "country_codes_V1.csv", []byte("country_code,country_iso3\n586,PAK\n112,BLR\n276,DEU\n"))
	if id := load(t, Options{}, codes, copyPath).Files[1].Dataset; id == res.Datasets[0].ID {
		t.Error("another country table kept the dataset identity")
	}
}

func TestLoadProgressReachesTotal(t *testing.T) {
	var last, total int64
	load(t, Options{Progress: func(d, tot int64) { last, total = d, tot }}, "testdata/baci_small_2022.csv", "testdata/baci_small_2021.csv")
	info1, _ := os.Stat("testdata/baci_small_2022.csv")
	info2, _ := os.Stat("testdata/baci_small_2021.csv")
	if want := info1.Size() + info2.Size(); last != want || total != want {
		t.Errorf("progress ended at %d of %d, want %d of %d", last, total, want, want)
	}
}

func TestLoadMissingFileIsNotFound(t *testing.T) {
	_, err := Load(context.Background(), []string{filepath.Join(t.TempDir(), "nope.csv")}, Options{})
	if entente.ErrorCode(err) != entente.ENOTFOUND {
		t.Errorf("error %v, want ENOTFOUND", err)
	}
}

func TestLoadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, []string{"testdata/baci_small_2022.csv"}, Options{}); err == nil {
		t.Error("a cancelled load succeeded")
	}
}

func TestLoadWithProductAndCountryDictionaries(t *testing.T) {
	dir := t.TempDir()
	products := writeFile(t, dir, "product_codes_HS17_V1.csv", []byte("code,description\n630210,\"Bed linen, knitted\"\n520512,Cotton yarn\n"))
	countries := writeFile(t, dir, "country_codes_V1.csv", []byte("\ufeffcountry_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha\n586,Pakistan,Pakistan,PK,PAK\n112,Belarus,Belarus,BY,BLR\n276,Germany,Germany,DE,DEU\n490,\"Other Asia, nes\",\"Other Asia, not elsewhere specified\",N/A,N/A\n"))
	// data first: the dictionaries must still apply to it
	res := load(t, Options{}, "testdata/baci_small_2022.csv", products, countries)
	if res.Files[0].Kind != KindProductCodes || res.Files[1].Kind != KindCountryCodes || res.Files[2].Kind != KindBACI {
		t.Fatalf("order %s %s %s, want the dictionaries first", res.Files[0].Kind, res.Files[1].Kind, res.Files[2].Kind)
	}
	f := res.Files[2]
	if f.Kept != 4 || f.RejectedBy[ReasonProduct] != 6 {
		t.Errorf("kept %d, product rejections %d; want 4 and 6 (only 630210 and 520512 are listed)", f.Kept, f.RejectedBy[ReasonProduct])
	}
	if c := res.Files[1]; c.Kept != 4 {
		t.Errorf("country table kept %d codes", c.Kept)
	}
}

func TestExportTableIdentityIgnoresBACIDictionaries(t *testing.T) {
	dir := t.TempDir()
	table := writeFile(t, dir, "exports_2017.csv", []byte("exporter,hs4,value\nPAK,6302,1\n"))
	codes := writeFile(t, dir, "country_codes_V1.csv", []byte("country_code,country_iso3\n586,PAK\n"))
	alone := load(t, Options{}, table).Files[0].Dataset
	withCodes := load(t, Options{}, codes, table).Files[1].Dataset
	if alone != withCodes {
		t.Error("a BACI dictionary changed the identity of an export table, which it does not read")
	}
	other := writeFile(t, dir, "exports_2018.csv", []byte("exporter,hs4,value\nPAK,6302,1\n"))
	if load(t, Options{}, other).Files[0].Dataset == alone {
		t.Error("the same content for another year kept the identity")
	}
}

func TestReadProductCodesProblems(t *testing.T) {
	path := writeFile(t, t.TempDir(), "product_codes_HS17_V1.csv", []byte("code,description\n630210,Bed linen\n630210,Again\nabc,x\n770000,Reserved\n10121,\"Horses, pure-bred\"\n630231\n"))
	f := load(t, Options{}, path).Files[0]
	if f.Kind != KindProductCodes || f.Kept != 2 {
		t.Errorf("kind %s kept %d, want 2 codes (630210 and 010121)", f.Kind, f.Kept)
	}
	checkRejections(t, f, "product_codes_HS17_V1.csv", 2, []wantProblem{{3, ReasonDuplicate}, {4, ReasonProduct}, {5, ReasonProduct}, {7, ReasonColumns}})
}

func TestSecondDictionaryIsAConflict(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "country_codes_A.csv", []byte("country_code,country_iso3\n586,PAK\n"))
	b := writeFile(t, dir, "country_codes_B.csv", []byte("country_code,country_iso3\n112,BLR\n"))
	res := load(t, Options{}, a, b)
	if p := res.Files[1].Problems; len(p) != 1 || p[0].Reason != ReasonConflict {
		t.Errorf("second country table: %v", p)
	}
}
