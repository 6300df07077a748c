package clause

import (
	"reflect"
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestCompare(t *testing.T) {
	signed := []entente.AgreementText{
		{Language: "en", Title: "Memorandum", Preamble: "The Parties agree:", Articles: []entente.Article{
			{Number: "1", Heading: "Scope", Body: "Cooperation in agriculture."},
			{Number: "2", Body: "A working group shall meet within 30 days."},
			{Number: "3", Body: "Disputes are settled by consultations."},
			{Number: "4", Body: "This Memorandum enters into force on signature."},
		}},
		{Language: "ru", Title: "Меморандум", Articles: []entente.Article{{Number: "1", Body: "Сотрудничество."}}},
	}
	tests := []struct {
		name   string
		change func(texts []entente.AgreementText) []entente.AgreementText
		want   []string
	}{
		{"nothing", func(x []entente.AgreementText) []entente.AgreementText { return x }, nil},
		{"white space and order of languages only", func(x []entente.AgreementText) []entente.AgreementText {
			x[0].Preamble = "  The   Parties agree:\r\n"
			return []entente.AgreementText{x[1], x[0]}
		}, nil},
		{"a word in a body", func(x []entente.AgreementText) []entente.AgreementText {
			x[0].Articles[1].Body = "A working group shall meet within 60 days."
			return x
		}, []string{"en: article 2 changed: body: …group shall meet within [-30-]{+60+} days."}},
		{"heading and body", func(x []entente.AgreementText) []entente.AgreementText {
			x[0].Articles[0] = entente.Article{Number: "1", Heading: "Subject", Body: "Cooperation in mining."}
			return x
		}, []string{"en: article 1 changed: heading: [-Scope-]{+Subject+}; body: Cooperation in [-agriculture-]{+mining+}."}},
		{"title and preamble", func(x []entente.AgreementText) []entente.AgreementText {
			x[0].Title, x[0].Preamble = "Memorandum of Understanding", "The Parties, recalling the roadmap, agree:"
			return x
		}, []string{"en: title changed: Memorandum{+ of Understanding+}",
			"en: preamble changed: The Parties{+, recalling the roadmap,+} agree:"}},
		{"article order", func(x []entente.AgreementText) []entente.AgreementText {
			a := x[0].Articles
			a[1], a[2] = a[2], a[1]
			return x
		}, []string{"en: article 2 moved: now after article 3"}},
		{"renumbered", func(x []entente.AgreementText) []entente.AgreementText {
			x[0].Articles[3].Number = "5"
			return x
		}, []string{"en: article 4 renumbered: now article 5"}},
		{"removed and added", func(x []entente.AgreementText) []entente.AgreementText {
			x[0].Articles = append(x[0].Articles[:2], entente.Article{Number: "4", Body: x[0].Articles[3].Body},
				entente.Article{Number: "5", Body: "Annex."})
			return x
		}, []string{"en: article 3 removed", "en: article 5 added"}},
		{"language removed and added", func(x []entente.AgreementText) []entente.AgreementText {
			x[1].Language = "be"
			return x
		}, []string{"be: language added", "ru: language removed"}},
		{"line break inside a body", func(x []entente.AgreementText) []entente.AgreementText {
			x[0].Articles[2].Body = "Disputes are settled\nby consultations."
			return x
		}, []string{"en: article 3 changed: body: Disputes are settled[- -]{+¶+}by consultations."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			current := tt.change(cloneTexts(signed))
			var got []string
			for _, d := range Compare(signed, current) {
				got = append(got, d.String())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Compare =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if (len(got) == 0) != (Digest(signed) == Digest(current)) {
				t.Errorf("Compare and Digest disagree on whether the texts differ")
			}
		})
	}
}

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("word ", 20)
	tests := []struct{ old, new, want string }{
		{long + "old" + " end", long + "new" + " end", "…word word word word word [-old-]{+new+} end"},
		{"a b c d", "a x c y", "a [-b-]{+x+} c (and 1 more)"},
		{"same", "same", ""},
		{"x " + long, "y " + long + "z", "[-x-]{+y+} word word word word word word… (and 1 more)"},
	}
	for _, tt := range tests {
		if got := excerpt(tt.old, tt.new); got != tt.want {
			t.Errorf("excerpt(%q, %q) = %q; want %q", tt.old, tt.new, got, tt.want)
		}
	}
}

// cloneTexts copies texts deeply enough for a test to change articles.
func cloneTexts(texts []entente.AgreementText) []entente.AgreementText {
	out := make([]entente.AgreementText, len(texts))
	for i, t := range texts {
		out[i] = t
		out[i].Articles = append([]entente.Article(nil), t.Articles...)
	}
	return out
}

// FuzzCompare checks that Compare finds a difference exactly when the digests differ, after
// random edits to one language of a two-language version and changes to the set of texts.
func FuzzCompare(f *testing.F) {
	f.Add(uint64(1), []byte{0, 1, 2, 3, 4, 5})
	f.Add(uint64(2), []byte{6, 0, 1})
	f.Add(uint64(3), []byte{})
	f.Fuzz(func(t *testing.T, seed uint64, edits []byte) {
		en := sampleText(seed, int(seed%5)+1, 150)
		ru := sampleText(seed+1, 2, 100)
		ru.Language = "ru"
		reference := []entente.AgreementText{en, ru}
		current := []entente.AgreementText{applyEdits(en, edits), ru}
		if len(edits) > 0 {
			switch edits[0] % 6 {
			case 0:
				current = append(current, en) // a second English text
			case 1:
				current = current[:1] // the Russian text dropped
			case 2:
				current[1].Language = " RU " // the same tag written otherwise
			case 3:
				current[0], current[1] = current[1], current[0]
			case 4:
				if a := current[0].Articles; len(a) > 0 && a[0].Number == "1" {
					a[0].Number = "۱" // the same number in Urdu digits
				}
			}
		}
		diffs := Compare(reference, current)
		if (len(diffs) == 0) != (Digest(reference) == Digest(current)) {
			t.Fatalf("Compare found %d differences %v, digests equal: %v", len(diffs), diffs, Digest(reference) == Digest(current))
		}
	})
}
