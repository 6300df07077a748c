package trade

import (
	"bufio"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"testing"
)

// A synthetic BACI year of the real shape, for benchmarks: about 220 reporters, about 5,000
// HS6 products, about 11 million rows, sorted by exporter, importer and product as BACI is.
// Trade is sparse and skewed the way real trade is: big economies trade many products with
// many partners (sizes follow a Zipf law), and popular headings are traded by most pairs
// while rare ones are not (popularity is log-normal by heading, so rows cluster in headings).

// synthShape sets the size of a synthetic year.
type synthShape struct {
	countries int
	rows      int
	seed      uint64
}

// fullYear is the shape of issue 8's benchmark: a full BACI year.
var fullYear = synthShape{countries: 220, rows: 11_000_000, seed: 2024}

// synthCountries picks BACI codes the way a BACI release has them: ISO numeric codes, with
// BACI's own codes for the USA, France, India, Switzerland, Norway and Italy, no historical
// entities, PAK and BLR included.
func synthCountries(n int) []int {
	replaced := map[int]bool{840: true, 250: true, 356: true, 756: true, 578: true, 380: true}
	historical := map[int]bool{58: true, 200: true, 278: true, 280: true, 530: true, 711: true, 736: true, 810: true, 891: true, 697: true, 849: true}
	codes := []int{112, 586}
	for _, c := range DefaultCountryCodes().Numerics() {
		if len(codes) < n && !replaced[c] && !historical[c] && c != 112 && c != 586 {
			codes = append(codes, c)
		}
	}
	slices.Sort(codes)
	return codes
}

// synthProducts makes about 4 subheadings for every heading of the nomenclature.
func synthProducts(rng *rand.Rand) (codes []int, weight []float64) {
	for _, h := range hsHeadings {
		if h.code/100 == 99 {
			continue
		}
		heading := math.Exp(rng.NormFloat64() * 1.2)
		for _, sub := range []int{10, 20, 30, 90} {
			codes = append(codes, h.code*100+sub)
			weight = append(weight, heading*math.Exp(rng.NormFloat64()*0.5))
		}
	}
	mean := 0.0
	for _, w := range weight {
		mean += w
	}
	mean /= float64(len(weight))
	for i := range weight {
		weight[i] /= mean
	}
	return codes, weight
}

// zipfSizes gives n economies sizes 1/rank^0.9 in a random order.
func zipfSizes(rng *rand.Rand, n int) []float64 {
	s := make([]float64, n)
	for i, r := range rng.Perm(n) {
		s[i] = 1 / math.Pow(float64(r+1), 0.9)
	}
	return s
}

// pairScale finds k such that the expected rows Σ_pairs Σ_p min(1, k·a·b·w_p) meet the target.
func pairScale(a, b, w []float64, target int) float64 {
	sorted := slices.Clone(w)
	sort.Sort(sort.Reverse(sort.Float64Slice(sorted)))
	prefix := make([]float64, len(sorted)+1)
	for i, x := range sorted {
		prefix[i+1] = prefix[i] + x
	}
	expected := func(k float64) float64 {
		total := 0.0
		for i := range a {
			for j := range b {
				if i == j {
					continue
				}
				l := k * a[i] * b[j]
				// products with l·w ≥ 1 are certain; the rest count l·w
				n := sort.Search(len(sorted), func(p int) bool { return l*sorted[p] < 1 })
				total += float64(n) + l*(prefix[len(sorted)]-prefix[n])
			}
		}
		return total
	}
	lo, hi := 0.0, 1.0
	for expected(hi) < float64(target) {
		hi *= 2
	}
	for range 50 {
		if mid := (lo + hi) / 2; expected(mid) < float64(target) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// writeSynthetic writes a synthetic BACI year to path and returns the rows written.
func writeSynthetic(path string, shape synthShape) (int, error) {
	rng := rand.New(rand.NewPCG(shape.seed, 7))
	countries := synthCountries(shape.countries)
	products, weight := synthProducts(rng)
	exporterSize := zipfSizes(rng, len(countries))
	importerSize := make([]float64, len(countries))
	for i, s := range exporterSize { // big exporters are big importers, roughly
		importerSize[i] = s * math.Exp(rng.NormFloat64()*0.3)
	}
	k := pairScale(exporterSize, importerSize, weight, shape.rows)
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
			if i == j {
				continue
			}
			l := k * exporterSize[i] * importerSize[j]
			for p, code := range products {
				if rng.Float64() >= l*weight[p] {
					continue
				}
				line = appendSyntheticRow(line[:0], rng, ci, cj, code, 5e4*exporterSize[i]*importerSize[j]*weight[p])
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

// appendSyntheticRow writes one line: value in thousands of USD with three decimals, quantity
// in tonnes, missing (NA) for one row in twenty as in BACI.
func appendSyntheticRow(b []byte, rng *rand.Rand, i, j, product int, scale float64) []byte {
	milli := int64(math.Max(1, scale*math.Exp(rng.NormFloat64()*1.5)*1000))
	b = append(b, "2022,"...)
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(j), 10)
	b = append(b, ',')
	if product < 100000 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, int64(product), 10)
	b = append(b, ',')
	b = appendMilli(b, milli)
	b = append(b, ',')
	if rng.IntN(20) == 0 {
		b = append(b, "NA"...)
	} else {
		b = appendMilli(b, int64(float64(milli)*math.Exp(rng.NormFloat64())))
	}
	return append(b, '\n')
}

func appendMilli(b []byte, milli int64) []byte {
	b = strconv.AppendInt(b, milli/1000, 10)
	frac := milli % 1000
	b = append(b, '.', byte('0'+frac/100), byte('0'+frac/10%10), byte('0'+frac%10))
	return b
}

// The generator itself is checked on a small shape: it must hit its row target and write a
// file the loader keeps whole.
func TestSyntheticYearShape(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.csv")
	rows, err := writeSynthetic(path, synthShape{countries: 40, rows: 60_000, seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rows < 57_000 || rows > 63_000 {
		t.Errorf("%d rows, want about 60,000", rows)
	}
	res := load(t, Options{}, path)
	f := res.Files[0]
	if f.Kept != rows || f.Rejected != 0 || f.Exporters != 40 || f.Importers != 40 {
		t.Errorf("summary %+v", f)
	}
	tb := res.Datasets[0].Tables[0]
	checkSorted(t, tb)
	if !tb.Has("PAK") || !tb.Has("BLR") {
		t.Error("PAK and BLR must be in every synthetic year")
	}
}
