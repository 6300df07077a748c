package clause

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/entente/entente"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

func TestWordDiff(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"same", "The Parties agree.", "The Parties agree.", "The Parties agree."},
		{"one word", "The Parties shall cooperate.", "The Parties may cooperate.", "The Parties [-shall-]{+may+} cooperate."},
		{"words joined across a space", "The Parties shall not cooperate.", "The Parties may cooperate.",
			"The Parties [-shall not-]{+may+} cooperate."},
		{"number", "within 30 days", "within 60 days", "within [-30-]{+60+} days"},
		{"grouped number", "USD 10,000.", "USD 12,000.", "USD [-10,000-]{+12,000+}."},
		{"hyphenated word", "inter-parliamentary exchanges", "parliamentary exchanges",
			"[-inter-parliamentary-]{+parliamentary+} exchanges"},
		{"punctuation", "agriculture, mining and IT", "agriculture; mining; IT", "agriculture[-,-]{+;+} mining[- and-]{+;+} IT"},
		{"insertion", "The Parties cooperate.", "The Parties closely cooperate.", "The Parties {+closely +}cooperate."},
		{"paragraph", "One.", "One.\n\nTwo.", "One.{+\n\nTwo.+}"},
		{"Cyrillic", "Стороны создают рабочую группу.", "Стороны создают совместную рабочую группу.",
			"Стороны создают {+совместную +}рабочую группу."},
		{"Cyrillic inflection", "в области машиностроения", "в областях машиностроения", "в [-области-]{+областях+} машиностроения"},
		{"Urdu", "فریقین تعاون کریں گے۔", "فریقین مکمل تعاون کریں گے۔", "فریقین {+مکمل +}تعاون کریں گے۔"},
		{"Urdu with non-joiner", "می\u200cشود تعاون", "می\u200cشود همکاری", "می\u200cشود [-تعاون-]{+همکاری+}"},
		{"from nothing", "", "New text.", "{+New text.+}"},
		{"to nothing", "Old text.", "", "[-Old text.-]"},
	}
	for _, tt := range tests {
		ops := wordDiff(newInterner(), tt.old, tt.new)
		if got := opsText(ops); got != tt.want {
			t.Errorf("%s: diff = %q; want %q", tt.name, got, tt.want)
		}
		if sideOf(ops, false) != tt.old || sideOf(ops, true) != tt.new {
			t.Errorf("%s: the sides of %q do not give back the texts", tt.name, ops)
		}
	}
}

func TestSplitTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Pakistan's 1.5% share", []string{"Pakistan's", " ", "1.5", "%", " ", "share"}},
		{"a -b c- 2024/25", []string{"a", " ", "-", "b", " ", "c", "-", " ", "2024/25"}},
		{"Статья 5: «текст»", []string{"Статья", " ", "5", ":", " ", "«", "текст", "»"}},
		{"ہیں۔\n\nجی", []string{"ہیں", "۔", "\n\n", "جی"}},
		{"e\u0301t\u00e9", []string{"e\u0301t\u00e9"}},
		{"\xff", []string{"\xff"}},
	}
	for _, tt := range tests {
		if got := splitTokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitTokens(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// article is a compact description of an ArticleChange for the table below.
type article struct {
	status     ArticleStatus
	old, new   string
	moved      bool
	renumbered bool
}

func TestDiffArticles(t *testing.T) {
	one := "The Parties shall cooperate in agriculture, mining and minerals."
	two := "The Parties shall exchange delegations of specialists every year."
	three := "This Memorandum enters into force on the date of its signature."
	four := "Disputes shall be settled by consultations through diplomatic channels."
	base := []entente.Article{{Number: "1", Body: one}, {Number: "2", Body: two}, {Number: "3", Body: three}, {Number: "4", Body: four}}
	tests := []struct {
		name string
		new  []entente.Article
		want []article
	}{
		{"same", base, []article{{ArticleUnchanged, "1", "1", false, false}, {ArticleUnchanged, "2", "2", false, false},
			{ArticleUnchanged, "3", "3", false, false}, {ArticleUnchanged, "4", "4", false, false}}},
		{"insertion renumbers, does not move", []entente.Article{{Number: "1", Body: one},
			{Number: "2", Body: "Each Party shall designate a focal point."}, {Number: "3", Body: two},
			{Number: "4", Body: three}, {Number: "5", Body: four}},
			[]article{{ArticleUnchanged, "1", "1", false, false}, {ArticleAdded, "", "2", false, false},
				{ArticleUnchanged, "2", "3", false, true}, {ArticleUnchanged, "3", "4", false, true},
				{ArticleUnchanged, "4", "5", false, true}}},
		{"deletion stays in place", []entente.Article{{Number: "1", Body: one}, {Number: "2", Body: three}, {Number: "3", Body: four}},
			[]article{{ArticleUnchanged, "1", "1", false, false}, {ArticleDeleted, "2", "", false, false},
				{ArticleUnchanged, "3", "2", false, true}, {ArticleUnchanged, "4", "3", false, true}}},
		{"move and edit", []entente.Article{{Number: "1", Body: four + " Arbitration is excluded."},
			{Number: "2", Body: one}, {Number: "3", Body: two}, {Number: "4", Body: three}},
			[]article{{ArticleChanged, "4", "1", true, true}, {ArticleUnchanged, "1", "2", false, true},
				{ArticleUnchanged, "2", "3", false, true}, {ArticleUnchanged, "3", "4", false, true}}},
		{"swap keeps numbers", []entente.Article{{Number: "1", Body: one}, {Number: "2", Body: three},
			{Number: "3", Body: two}, {Number: "4", Body: four}},
			[]article{{ArticleUnchanged, "1", "1", false, false}, {ArticleUnchanged, "3", "2", true, true},
				{ArticleUnchanged, "2", "3", false, true}, {ArticleUnchanged, "4", "4", false, false}}},
		{"rewritten in place", []entente.Article{{Number: "1", Body: one}, {Number: "2", Body: two},
			{Number: "3", Body: "This Memorandum shall enter into force thirty days after the last notification."},
			{Number: "4", Body: four}},
			[]article{{ArticleUnchanged, "1", "1", false, false}, {ArticleUnchanged, "2", "2", false, false},
				{ArticleChanged, "3", "3", false, false}, {ArticleUnchanged, "4", "4", false, false}}},
		{"replaced by an unrelated article", []entente.Article{{Number: "1", Body: one}, {Number: "2", Body: two},
			{Number: "3", Body: "Nothing herein affects other treaties."}, {Number: "4", Body: four}},
			[]article{{ArticleUnchanged, "1", "1", false, false}, {ArticleUnchanged, "2", "2", false, false},
				{ArticleDeleted, "3", "", false, false}, {ArticleAdded, "", "3", false, false},
				{ArticleUnchanged, "4", "4", false, false}}},
		{"everything deleted", nil, []article{{ArticleDeleted, "1", "", false, false}, {ArticleDeleted, "2", "", false, false},
			{ArticleDeleted, "3", "", false, false}, {ArticleDeleted, "4", "", false, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := entente.AgreementText{Language: "en", Title: "MoU", Articles: base}
			new := entente.AgreementText{Language: "en", Title: "MoU", Articles: tt.new}
			r := Diff(old, new)
			var got []article
			for _, a := range r.Articles {
				got = append(got, article{a.Status, a.OldNumber, a.NewNumber, a.Moved, a.Renumbered})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("articles =\n%v\nwant\n%v", got, tt.want)
			}
			checkSides(t, r, old, new)
		})
	}
}

func TestDiffTitleAndPreamble(t *testing.T) {
	old := entente.AgreementText{Language: "en", Title: "Memorandum on Agriculture", Preamble: "The Parties agree:",
		Articles: []entente.Article{{Number: "1", Body: "Text."}}}
	new := old
	new.Title = "Memorandum on Agricultural Machinery"
	new.Preamble = "The Parties, recalling the roadmap, agree:"
	r := Diff(old, new)
	if got := opsText(r.Title); got != "Memorandum on [-Agriculture-]{+Agricultural Machinery+}" {
		t.Errorf("title = %q", got)
	}
	if got := opsText(r.Preamble); got != "The Parties{+, recalling the roadmap,+} agree:" {
		t.Errorf("preamble = %q", got)
	}
	s := r.Summary()
	if !s.TitleChanged || !s.PreambleChanged || s.Unchanged != 1 || !r.Changed() {
		t.Errorf("summary = %+v", s)
	}
	if Diff(old, old).Changed() {
		t.Error("a text differs from itself")
	}
}

func TestDiffVersions(t *testing.T) {
	en := entente.AgreementText{Language: "en", Title: "MoU", Articles: []entente.Article{{Number: "1", Body: "Text."}}}
	ru := entente.AgreementText{Language: "ru", Title: "Меморандум", Articles: []entente.Article{{Number: "1", Body: "Текст."}}}
	ur := entente.AgreementText{Language: "ur", Title: "یادداشت", Articles: []entente.Article{{Number: "1", Body: "متن۔"}}}
	rs := DiffVersions([]entente.AgreementText{ru, en}, []entente.AgreementText{ur, en})
	var got []string
	for _, r := range rs {
		got = append(got, fmt.Sprintf("%s %+v", r.Language, r.Summary()))
	}
	want := []string{
		"en {TitleChanged:false PreambleChanged:false Unchanged:1 Changed:0 Added:0 Deleted:0 Moved:0 Renumbered:0}",
		"ru {TitleChanged:true PreambleChanged:false Unchanged:0 Changed:0 Added:0 Deleted:1 Moved:0 Renumbered:0}",
		"ur {TitleChanged:true PreambleChanged:false Unchanged:0 Changed:0 Added:1 Deleted:0 Moved:0 Renumbered:0}",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("DiffVersions =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWriteRedline compares the text output with golden files; run with -update to rewrite them.
func TestWriteRedline(t *testing.T) {
	read := func(name, lang string) entente.AgreementText {
		data, err := os.ReadFile(filepath.Join("testdata", "redline", name))
		if err != nil {
			t.Fatal(err)
		}
		text, err := Parse(data, lang)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return text
	}
	sample := sampleText(3, 8, 300)
	tests := []struct {
		golden string
		rs     []Redline
	}{
		{"mou_en.golden", []Redline{Diff(read("mou_en_v1.txt", "en"), read("mou_en_v2.txt", "en"))}},
		{"mou_ru.golden", []Redline{Diff(read("mou_ru_v1.txt", "ru"), read("mou_ru_v2.txt", "ru"))}},
		{"mou_ur.golden", []Redline{Diff(read("mou_ur_v1.txt", "ur"), read("mou_ur_v2.txt", "ur"))}},
		{"generated.golden", []Redline{Diff(sample, reviseText(sample, 3))}},
		{"bilingual.golden", DiffVersions(
			[]entente.AgreementText{read("mou_en_v1.txt", "en"), read("mou_ru_v1.txt", "ru")},
			[]entente.AgreementText{read("mou_en_v2.txt", "en"), read("mou_ru_v2.txt", "ru")})},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := WriteRedline(&buf, tt.rs...); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, filepath.Join("testdata", "redline", tt.golden), buf.Bytes())
	}
}

// checkGolden compares got with a golden file, or rewrites the file under -update.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
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
		t.Errorf("%s differs from the output:\n%s", path, got)
	}
}

// checkSides checks that the redline gives back both texts and that its ops are well formed.
func checkSides(t *testing.T, r Redline, old, new entente.AgreementText) {
	t.Helper()
	if got, want := r.Old(), Normalize(old); !reflect.DeepEqual(got, want) {
		t.Fatalf("old side =\n%#v\nwant\n%#v", got, want)
	}
	if got, want := r.New(), Normalize(new); !reflect.DeepEqual(got, want) {
		t.Fatalf("new side =\n%#v\nwant\n%#v", got, want)
	}
	for _, a := range r.Articles {
		for _, ops := range [][]Op{a.Heading, a.Body} {
			for k, op := range ops {
				if op.Text == "" || k > 0 && op.Kind == ops[k-1].Kind || k > 0 && op.Kind == OpDelete && ops[k-1].Kind == OpInsert {
					t.Fatalf("article %s/%s: ops not merged or ordered: %q", a.OldNumber, a.NewNumber, ops)
				}
			}
		}
		if a.Status == ArticleUnchanged && (hasChange(a.Heading) || hasChange(a.Body)) {
			t.Fatalf("article %s/%s is unchanged but has changes", a.OldNumber, a.NewNumber)
		}
	}
}

// FuzzDiff makes random edits to a generated text (the bytes choose what to edit and where) and
// checks that the redline gives back both texts.
func FuzzDiff(f *testing.F) {
	f.Add(uint64(1), []byte{0, 1, 2, 3, 4, 5, 6, 7})
	f.Add(uint64(2), []byte("move a few articles around"))
	f.Fuzz(func(t *testing.T, seed uint64, edits []byte) {
		old := sampleText(seed, int(seed%7)+1, 200)
		new := applyEdits(old, edits)
		checkSides(t, Diff(old, new), old, new)
	})
}

// applyEdits edits a copy of t, three bytes per edit: what, which article, where in it.
func applyEdits(t entente.AgreementText, edits []byte) entente.AgreementText {
	out := t
	out.Articles = append([]entente.Article(nil), t.Articles...)
	for len(edits) >= 3 && len(out.Articles) > 0 {
		op, i, pos := edits[0]%8, int(edits[1])%len(out.Articles), int(edits[2])
		edits = edits[3:]
		a := &out.Articles[i]
		words := strings.Split(a.Body, " ")
		w := pos % len(words)
		switch op {
		case 0:
			words[w] = "revised"
		case 1:
			words = append(words[:w], words[w+1:]...)
		case 2:
			words = append(words[:w], append([]string{"jointly", "and"}, words[w:]...)...)
		case 3: // move the article
			moved := *a
			out.Articles = append(out.Articles[:i], out.Articles[i+1:]...)
			j := pos % (len(out.Articles) + 1)
			out.Articles = append(out.Articles[:j], append([]entente.Article{moved}, out.Articles[j:]...)...)
			continue
		case 4:
			out.Articles = append(out.Articles[:i], out.Articles[i+1:]...)
			continue
		case 5:
			out.Articles = append(out.Articles, entente.Article{Number: fmt.Sprint(pos + 100), Body: "Added text " + fmt.Sprint(pos)})
			continue
		case 6:
			a.Number = fmt.Sprint(pos)
			continue
		case 7:
			a.Heading = strings.Join(words[:w], " ")
			continue
		}
		a.Body = strings.Join(words, " ")
	}
	return out
}

func FuzzWordDiff(f *testing.F) {
	f.Add("The Parties shall cooperate.", "The Parties may closely cooperate!")
	f.Add("Стороны создают группу.", "Стороны создают совместную группу.")
	f.Fuzz(func(t *testing.T, old, new string) {
		ops := wordDiff(newInterner(), old, new)
		if sideOf(ops, false) != old || sideOf(ops, true) != new {
			t.Fatalf("sides of %q do not give back %q and %q", ops, old, new)
		}
	})
}

// BenchmarkDiff measures the redline of two 40-article texts of about 60 KB each, the size the
// issue names (at most 20 ms).
func BenchmarkDiff(b *testing.B) {
	old := sampleText(1, 40, 1500)
	new := reviseText(old, 1)
	b.SetBytes(int64(len(RenderText(old)) + len(RenderText(new))))
	for b.Loop() {
		Diff(old, new)
	}
}

// BenchmarkDiffRewritten measures a redline in which every article was rewritten, the worst
// realistic case for the word diff.
func BenchmarkDiffRewritten(b *testing.B) {
	old := sampleText(1, 40, 1500)
	new := sampleText(2, 40, 1500)
	for b.Loop() {
		Diff(old, new)
	}
}
