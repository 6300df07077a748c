package trade

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

// The benchmarks of issue 8 run on a synthetic full BACI year (synth_test.go), written once
// per test process to a temporary folder that TestMain removes. They run only under -bench;
// the full year is about 300 MB, so run them with -benchtime 1x -count 3 on a shared machine.

var synthDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if synthDir != "" {
		os.RemoveAll(synthDir)
	}
	os.Exit(code)
}

// synthGzip is the synthetic year compressed as users often keep BACI files.
var synthGzip = sync.OnceValues(func() (string, error) {
	path, err := synthFile()
	if err != nil {
		return "", err
	}
	in, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.Create(path + ".gz")
	if err != nil {
		return "", err
	}
	zw, _ := gzip.NewWriterLevel(out, gzip.BestSpeed)
	if _, err := io.Copy(zw, in); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return path + ".gz", out.Close()
})

var synthFile = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "entente-trade-bench-")
	if err != nil {
		return "", err
	}
	synthDir = dir
	path := filepath.Join(dir, "BACI_HS17_Y2022_synthetic.csv")
	_, err = writeSynthetic(path, fullYear)
	return path, err
})

func syntheticYear(b *testing.B) string {
	b.Helper()
	path, err := synthFile()
	if err != nil {
		b.Fatal(err)
	}
	return path
}

// peakMemory samples the memory the Go runtime holds from the system while f runs.
func peakMemory(f func()) uint64 {
	var peak uint64
	var ms runtime.MemStats
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.Sys-ms.HeapReleased)
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	<-sampled
	runtime.ReadMemStats(&ms)
	return max(peak, ms.Sys-ms.HeapReleased)
}

// BenchmarkLoadBACIYear loads a full synthetic BACI year (about 11 million rows) with
// aggregation to HS4, plain and gzip-compressed: issue 8 asks for under 15 s and under 1.5 GB.
func BenchmarkLoadBACIYear(b *testing.B) {
	b.Run("csv", func(b *testing.B) { benchmarkLoad(b, syntheticYear(b)) })
	b.Run("gzip", func(b *testing.B) {
		path, err := synthGzip()
		if err != nil {
			b.Fatal(err)
		}
		benchmarkLoad(b, path)
	})
}

func benchmarkLoad(b *testing.B, path string) {
	info, _ := os.Stat(path)
	b.SetBytes(info.Size())
	runtime.GC()
	var res *Result
	var peak uint64
	for b.Loop() {
		res = nil // the previous year may go before the next is read
		peak = max(peak, peakMemory(func() {
			var err error
			res, err = Load(context.Background(), []string{path}, Options{})
			if err != nil {
				b.Fatal(err)
			}
		}))
	}
	f := res.Files[0]
	if f.Rejected != 0 || f.Kept < 10_000_000 {
		b.Fatalf("kept %d, rejected %d: %v", f.Kept, f.Rejected, f.Problems)
	}
	b.ReportMetric(float64(f.Kept), "rows")
	b.ReportMetric(float64(f.Cells), "cells")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// loadedYear is the synthetic year loaded once for the indicator benchmarks.
var loadedYear = sync.OnceValues(func() (*Table, error) {
	path, err := synthFile()
	if err != nil {
		return nil, err
	}
	res, err := Load(context.Background(), []string{path}, Options{})
	if err != nil {
		return nil, err
	}
	return res.Datasets[0].Tables[0], nil
})

func benchTable(b *testing.B) *Table {
	b.Helper()
	tb, err := loadedYear()
	if err != nil {
		b.Fatal(err)
	}
	return tb
}

// fresh returns the table without its cached totals, so a benchmark pays for them as the
// first question after loading does.
func fresh(t *Table) *Table {
	return &Table{Period: t.Period, Level: t.Level, Bilateral: t.Bilateral, Countries: t.Countries, cols: t.cols}
}

// BenchmarkRCAAllCountries computes the RCA of every country in every product of the year,
// totals included: issue 8 asks for under 1 s.
func BenchmarkRCAAllCountries(b *testing.B) {
	tb := benchTable(b)
	for b.Loop() {
		m := fresh(tb).RCAMatrix()
		if len(m.Values) == 0 {
			b.Fatal("no RCA")
		}
	}
}

// BenchmarkPotential ranks PAK's potential in BLR on a freshly loaded year (totals included)
// and with the totals already computed: issue 8 asks for under 100 ms.
func BenchmarkPotential(b *testing.B) {
	tb := benchTable(b)
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			if _, err := fresh(tb).Potential("PAK", "BLR", PotentialOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		tb.totals()
		for b.Loop() {
			if _, err := tb.Potential("PAK", "BLR", PotentialOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkEncode and BenchmarkDecode measure the blob of one year, one database row.
func BenchmarkEncode(b *testing.B) {
	tb := benchTable(b)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := tb.Encode(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/(1<<20), "blob-MB")
	b.ReportMetric(float64(buf.Len())/float64(tb.Len()), "bytes/cell")
}

func BenchmarkDecode(b *testing.B) {
	tb := benchTable(b)
	var buf bytes.Buffer
	if err := tb.Encode(&buf); err != nil {
		b.Fatal(err)
	}
	blob := buf.Bytes()
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(blob)); err != nil {
			b.Fatal(err)
		}
	}
}
