package trade

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/entente/entente/country"
)

func roundTrip(t testing.TB, tb *Table) *Table {
	t.Helper()
	var b bytes.Buffer
	if err := tb.Encode(&b); err != nil {
		t.Fatal(err)
	}
	got, err := Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func sameTable(a, b *Table) bool {
	return a.Period == b.Period && a.Level == b.Level && a.Bilateral == b.Bilateral &&
		slices.Equal(a.Countries, b.Countries) && slices.Equal(slices.Collect(a.Cells()), slices.Collect(b.Cells()))
}

// randomTable builds a sorted table of n random cells over nc parties.
func randomTable(rng *rand.Rand, n, nc int, bilateral bool) *Table {
	parties := country.All()[:nc]
	codes := make([]string, nc)
	for i, p := range parties {
		codes[i] = p.Alpha3
	}
	b := newCellBuilder(bilateral, n)
	keys := map[uint64]bool{}
	for len(keys) < n {
		imp := uint16(0)
		if bilateral {
			imp = uint16(rng.IntN(nc))
		}
		keys[cellKey(uint16(rng.IntN(nc)), imp, uint16(100+rng.IntN(9900)))] = true
	}
	sorted := make([]uint64, 0, n)
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted)
	for _, k := range sorted {
		b.add(k, cellSum{rng.Int64N(1 << uint(rng.IntN(40)+1)), rng.Int64N(1 << 30), rng.IntN(5) == 0})
	}
	return newTable(Period{2020, 2020 + rng.IntN(3)}, LevelHS4, bilateral, codes, b.finish())
}

func TestEncodeRoundTrip(t *testing.T) {
	years := loadSmall(t)
	rng := rand.New(rand.NewPCG(1, 2))
	sections := load(t, Options{}, writeFile(t, t.TempDir(), "s_2019_2021.csv", []byte("Country ID,Section ID,Trade Value\naspak,11,300\neublr,6,5\n"))).Datasets[0].Tables[0]
	tests := map[string]*Table{
		"small 2022":  years[2022],
		"small 2019":  years[2019],
		"sections":    sections,
		"empty":       newTable(Year(2020), LevelHS4, true, nil, newCellBuilder(true, 0).finish()),
		"random":      randomTable(rng, 20000, 200, true),
		"export only": randomTable(rng, 5000, 150, false),
	}
	for name, tb := range tests {
		if got := roundTrip(t, tb); !sameTable(tb, got) {
			t.Errorf("%s: decoded table differs", name)
		}
	}
}

func TestDecodeRefusesDamage(t *testing.T) {
	var b bytes.Buffer
	if err := loadSmall(t)[2022].Encode(&b); err != nil {
		t.Fatal(err)
	}
	blob := b.Bytes()
	for n := range len(blob) { // every truncation
		if _, err := Decode(bytes.NewReader(blob[:n])); err == nil {
			t.Fatalf("a blob cut to %d of %d bytes decoded", n, len(blob))
		}
	}
	if _, err := Decode(bytes.NewReader(append([]byte("XXXX\x01"), blob[5:]...))); !errors.Is(err, ErrCorrupt) {
		t.Errorf("wrong magic: %v", err)
	}
}
