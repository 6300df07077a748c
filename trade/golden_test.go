package trade

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestGoldenText(t *testing.T) {
	years := loadSmall(t)
	tb := years[2022]
	var b bytes.Buffer
	rows, _ := tb.RCA("PAK", RCAOptions{})
	WriteRCAText(&b, "PAK", tb.Period, rows)
	golden(t, "rca_pak_2022.txt", b.Bytes())

	b.Reset()
	p, _ := tb.Potential("BLR", "PAK", PotentialOptions{})
	WritePotentialText(&b, p)
	p, _ = years[2019].Potential("DEU", "PAK", PotentialOptions{})
	WritePotentialText(&b, p)
	golden(t, "potential.txt", b.Bytes())

	b.Reset()
	ab, _ := tb.Complementarity("PAK", "BLR", 0)
	ba, _ := tb.Complementarity("BLR", "PAK", 0)
	WriteComplementarityText(&b, ab, ba)
	golden(t, "complementarity.txt", b.Bytes())
}

func TestGoldenSummary(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad_2022.csv", []byte(baciHead+"2022,586,112,630210,1,1\n2022,586,112,630210,1,1\n2022,999,112,630210,1,1\n2022;586;112;630210;1;1\n"))
	empty := writeFile(t, dir, "empty.csv", nil)
	res := load(t, Options{MaxProblems: 2}, "testdata/baci_small_2022.csv", bad, empty, "testdata/baci_small_2022.csv")
	for i := range res.Files {
		res.Files[i].Path = filepath.Base(res.Files[i].Path)
	}
	var b bytes.Buffer
	WriteSummaryText(&b, res)
	golden(t, "summary.txt", b.Bytes())
}

func TestGoldenCSV(t *testing.T) {
	years := loadSmall(t)
	tb := years[2022]
	var b bytes.Buffer
	rows, _ := tb.RCA("DEU", RCAOptions{})
	WriteRCACSV(&b, rows)
	golden(t, "rca_deu_2022.csv", b.Bytes())

	b.Reset()
	p, _ := tb.Potential("PAK", "BLR", PotentialOptions{})
	WritePotentialCSV(&b, p)
	golden(t, "potential_pak_blr_2022.csv", b.Bytes())

	b.Reset()
	c, _ := tb.Complementarity("BLR", "PAK", 0)
	WriteComplementarityCSV(&b, c)
	golden(t, "complementarity_blr_pak_2022.csv", b.Bytes())

	b.Reset()
	f, _ := BilateralFlows([]*Table{years[2019], years[2021], tb}, "PAK", "BLR", FlowOptions{})
	WriteFlowsCSV(&b, f)
	golden(t, "flows_pak_blr.csv", b.Bytes())

	b.Reset()
	s, _ := SeriesBySection([]*Table{years[2019], years[2021], tb}, "BLR", "PAK")
	WriteSeriesCSV(&b, s)
	golden(t, "series_blr_pak.csv", b.Bytes())

	b.Reset()
	WriteCellsCSV(&b, tb)
	golden(t, "cells_2022.csv", b.Bytes())
}
