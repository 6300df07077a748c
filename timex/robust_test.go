package timex

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFind checks Find's contract on any input: no panic, offsets inside the text, in order
// and not overlapping, Text equal to the slice, a type and a value on every expression, and
// a JSON line that WriteJSONLines can write.
func FuzzFind(f *testing.F) {
	for _, seed := range []string{
		"", "today", "The sides will meet again in two weeks.", "from 25 to 27 November",
		"Q3 2024", "10:35 a.m. EST Thursday", "\xff\xfe\x00binary", "the 1990s and the '80s",
		"1,998.5 2024-13-45 99/99/9999", "twenty-five years and a half ago", "May May may",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		exprs := Find(text, ref26Nov)
		checkValid(t, text, exprs)
		var b strings.Builder
		if err := WriteJSONLines(&b, exprs); err != nil {
			t.Fatal(err)
		}
		if !utf8.ValidString(b.String()) {
			t.Fatalf("WriteJSONLines wrote invalid UTF-8 for %q", text)
		}
	})
}

// TestBadInput feeds Find what a user might paste by mistake: nothing, binary junk, a text
// with no dates, another language, 5 MB of news.
func TestBadInput(t *testing.T) {
	news, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat(string(news)+"\n\n", 5<<20/(len(news)+2)+1)
	junk := make([]byte, 1<<16)
	for i := range junk {
		junk[i] = byte(i*7919 + i/256)
	}
	tests := []struct {
		name    string
		text    string
		atLeast int
	}{
		{"empty", "", 0},
		{"spaces", " \n\t\r\n\n ", 0},
		{"binary", string(junk), 0},
		{"no dates", "The delegation discussed agriculture, mining and machinery.", 0},
		{"Russian", "Стороны договорились встретиться через две недели в Минске.", 0},
		{"no punctuation", strings.Repeat("word 2024 ", 20000), 20000},
		{"one long word", strings.Repeat("Tuesday", 150000), 0},
		{"one long number", strings.Repeat("2024", 250000) + "s", 0},
		{"only full stops", strings.Repeat(". ", 500000), 0},
		{"5 MB of news", big, 40 * (5 << 20) / len(news)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, ref26Nov)
			checkValid(t, tt.text, got)
			if len(got) < tt.atLeast {
				t.Errorf("found %d expressions, want at least %d", len(got), tt.atLeast)
			}
		})
	}
}

// BenchmarkFind measures throughput on news text written for the purpose (testdata/news.txt,
// 2.8 KB of mixed diplomatic, financial and general news), alone and repeated to 5 MB.
func BenchmarkFind(b *testing.B) {
	news, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []struct {
		name string
		text string
	}{
		{"news", string(news)},
		{"5MB", strings.Repeat(string(news)+"\n\n", 5<<20/(len(news)+2)+1)},
	} {
		b.Run(size.name, func(b *testing.B) {
			b.SetBytes(int64(len(size.text)))
			b.ReportAllocs()
			for b.Loop() {
				Find(size.text, ref26Nov)
			}
		})
	}
}
