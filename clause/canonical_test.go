package clause

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/entente/entente"
)

// bilingual is a small English and Russian text, its Russian deliberately untidy: decomposed
// letters (и + combining breve), a no-break space, tabs and CR LF line breaks.
var bilingual = []entente.AgreementText{
	{
		Language: "RU",
		Title:    "Меморандум\u00a0о  взаимопонимании",
		Preamble: "Стороны\r\n\r\n\r\n  договорились:\t",
		Articles: []entente.Article{{Number: "1", Heading: "Предмет", Body: "Сотрудничество в области машин\u0438\u0306."}},
	},
	{
		Language: "en",
		Title:    "Memorandum of Understanding",
		Preamble: "The Parties\nhave agreed:",
		Articles: []entente.Article{
			{Number: "1", Heading: "Scope", Body: "Cooperation in machinery."},
			{Number: "5  bis", Body: "  Training.  "},
		},
	},
}

// bilingualCanonical is the canonical form of bilingual, byte for byte.
const bilingualCanonical = "entente-agreement-text 1\n" +
	"texts 2\n" +
	"language 2:en\n" +
	"title 27:Memorandum of Understanding\n" +
	"preamble 24:The Parties\nhave agreed:\n" +
	"articles 2\n" +
	"number 1:1\n" +
	"heading 5:Scope\n" +
	"body 25:Cooperation in machinery.\n" +
	"number 5:5 bis\n" +
	"heading 0:\n" +
	"body 9:Training.\n" +
	"language 2:ru\n" +
	"title 54:Меморандум о взаимопонимании\n" +
	"preamble 41:Стороны\n\nдоговорились:\n" +
	"articles 1\n" +
	"number 1:1\n" +
	"heading 14:Предмет\n" +
	"body 60:Сотрудничество в области машинй.\n"

func TestCanonical(t *testing.T) {
	got := string(Canonical(bilingual))
	if got != bilingualCanonical {
		t.Errorf("Canonical =\n%q\nwant\n%q", got, bilingualCanonical)
	}
	reversed := []entente.AgreementText{bilingual[1], bilingual[0]}
	if string(Canonical(reversed)) != got {
		t.Error("Canonical depends on the order of the languages")
	}
	sum := sha256.Sum256([]byte(bilingualCanonical))
	if d := Digest(bilingual); d != sum {
		t.Errorf("Digest = %x; want the SHA-256 of the canonical form %x", d, sum)
	}
	if DigestHex(bilingual) != hex.EncodeToString(sum[:]) {
		t.Errorf("DigestHex = %s", DigestHex(bilingual))
	}
}

// TestDigestIsStable pins the digest of a known text: a change here means signatures made by
// earlier releases no longer verify, which must never happen silently.
func TestDigestIsStable(t *testing.T) {
	const want = "9a2dfa034e5edb1df85a5ed217ed00080c39d767c6e761a17c5b3f4a687dadaf"
	if got := DigestHex(bilingual); got != want {
		t.Errorf("DigestHex = %s; want %s", got, want)
	}
}

func TestCanonicalIgnoresPresentation(t *testing.T) {
	base := []entente.AgreementText{{Language: "en", Title: "Agreement", Preamble: "The Parties,\n\nhave agreed:",
		Articles: []entente.Article{{Number: "1", Heading: "Café", Body: "First line.\nSecond line."}}}}
	same := []entente.AgreementText{{Language: " EN ", Title: "  Agreement\t", Preamble: "\n\nThe  Parties,\r\n \r\n\r\nhave agreed:\n\n",
		Articles: []entente.Article{{Number: " 1 ", Heading: "Cafe\u0301", Body: "First\u2003line.  \r\nSecond line."}}}}
	if Digest(base) != Digest(same) {
		t.Errorf("texts that differ only in white space and Unicode form have different digests:\n%q\n%q",
			Canonical(base), Canonical(same))
	}
	changes := map[string]func(t *entente.AgreementText){
		"a word":            func(t *entente.AgreementText) { t.Articles[0].Body = "First line.\nSecond lines." },
		"a line break":      func(t *entente.AgreementText) { t.Articles[0].Body = "First line. Second line." },
		"a paragraph break": func(t *entente.AgreementText) { t.Articles[0].Body = "First line.\n\nSecond line." },
		"the number":        func(t *entente.AgreementText) { t.Articles[0].Number = "2" },
		"the heading":       func(t *entente.AgreementText) { t.Articles[0].Heading = "" },
		"heading into body": func(t *entente.AgreementText) {
			t.Articles[0].Heading, t.Articles[0].Body = "", "Café First line.\nSecond line."
		},
		"the title":           func(t *entente.AgreementText) { t.Title = "Agreement." },
		"the preamble":        func(t *entente.AgreementText) { t.Preamble = "The Parties, have agreed:" },
		"the language":        func(t *entente.AgreementText) { t.Language = "en-GB" },
		"zero-width joiner":   func(t *entente.AgreementText) { t.Title = "Agree\u200dment" },
		"title into preamble": func(t *entente.AgreementText) { t.Title, t.Preamble = "", "Agreement\nThe Parties,\n\nhave agreed:" },
	}
	for name, change := range changes {
		changed := []entente.AgreementText{base[0]}
		changed[0].Articles = append([]entente.Article(nil), base[0].Articles...)
		change(&changed[0])
		if Digest(changed) == Digest(base) {
			t.Errorf("changing %s leaves the digest as it was", name)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, line, block string
	}{
		{"empty", "", "", ""},
		{"already normal", "a b\nc", "a b c", "a b\nc"},
		{"spaces and tabs", " \ta \t b ", "a b", "a b"},
		{"no-break and ideographic spaces", "a\u00a0\u3000b", "a b", "a b"},
		{"line breaks", "a\r\nb\rc\n", "a b c", "a\nb\nc"},
		{"blank lines", "\n\n a \n \n\n b \n\n", "a b", "a\n\nb"},
		{"NFC", "Мой\u0306 cafe\u0301", "Мой̆ café", "Мой̆ café"},
		{"zero-width non-joiner kept", "می\u200cخواهم", "می\u200cخواهم", "می\u200cخواهم"},
	}
	for _, tt := range tests {
		if got := normalizeLine(tt.in); got != tt.line {
			t.Errorf("%s: normalizeLine(%q) = %q; want %q", tt.name, tt.in, got, tt.line)
		}
		if got := normalizeBlock(tt.in); got != tt.block {
			t.Errorf("%s: normalizeBlock(%q) = %q; want %q", tt.name, tt.in, got, tt.block)
		}
	}
}

func TestParseCanonical(t *testing.T) {
	texts, err := ParseCanonical([]byte(bilingualCanonical))
	if err != nil {
		t.Fatal(err)
	}
	want := []entente.AgreementText{Normalize(bilingual[1]), Normalize(bilingual[0])}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("ParseCanonical =\n%#v\nwant\n%#v", texts, want)
	}
	bad := []struct{ name, in, want string }{
		{"empty", "", "does not start with"},
		{"other format", "entente-agreement-text 2\ntexts 0\n", "does not start with"},
		{"missing count", "entente-agreement-text 1\n", `expected "texts"`},
		{"leading zero", "entente-agreement-text 1\ntexts 01\n", "decimal number"},
		{"negative", "entente-agreement-text 1\ntexts -1\n", "decimal number"},
		{"huge count", "entente-agreement-text 1\ntexts 99999\n", "larger than the rest"},
		{"short value", "entente-agreement-text 1\ntexts 1\nlanguage 9:en\n", "runs past the end"},
		{"long value", "entente-agreement-text 1\ntexts 1\nlanguage 1:en\n", "line break after the language"},
		{"trailing bytes", bilingualCanonical + "x", "after the last text"},
		{"missing article", strings.Replace(bilingualCanonical, "articles 1\n", "articles 2\n", 1), `expected "number"`},
	}
	for _, tt := range bad {
		_, err := ParseCanonical([]byte(tt.in))
		if entente.ErrorCode(err) != entente.EINVALID || !strings.Contains(entente.ErrorMessage(err), tt.want) {
			t.Errorf("%s: error %v; want EINVALID with %q", tt.name, err, tt.want)
		}
	}
}

func FuzzParseCanonical(f *testing.F) {
	f.Add([]byte(bilingualCanonical))
	f.Add(Canonical(nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		texts, err := ParseCanonical(data)
		if err != nil {
			if entente.ErrorCode(err) != entente.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		// What parses re-encodes to the same bytes unless it was not normalised or sorted; then
		// re-encoding is stable.
		again := Canonical(texts)
		reparsed, err := ParseCanonical(again)
		if err != nil {
			t.Fatalf("re-encoded form does not parse: %v", err)
		}
		if string(Canonical(reparsed)) != string(again) {
			t.Fatalf("canonical form is not stable:\n%q\n%q", again, Canonical(reparsed))
		}
	})
}

func BenchmarkDigest(b *testing.B) {
	texts := []entente.AgreementText{sampleText(1, 40, 1500), sampleText(2, 40, 1500)}
	texts[1].Language = "ru"
	b.SetBytes(int64(len(Canonical(texts))))
	for b.Loop() {
		Digest(texts)
	}
}

// TestNFCAgreesWithXText checks the fast path of nfc against golang.org/x/text on random strings
// mixing runes that are safe alone with combining marks, Hangul jamo, singleton decompositions
// and invalid bytes.
func TestNFCAgreesWithXText(t *testing.T) {
	pool := []string{"a", "e", "Z", " ", "\n", "é", "е", "и", "Ё", "ا", "ی", "ے", "ۀ", "۱", "–", "«", "’",
		"\u0301", "\u0306", "\u0308", "\u0654", "\u0655", "\u064B", "\u0670", "\u0483", "\u1100", "\u1161", "\u11A8",
		"\u2000", "\u212B", "\u0340", "\u0374", "\u037E", "\u200C", "\xff", "\U0001F600", "\u0958", "\u0915\u093C"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pool[rng.IntN(len(pool))])
		}
		s := b.String()
		if got, want := nfc(s), norm.NFC.String(s); got != want {
			t.Fatalf("nfc(%q) = %q; want %q", s, got, want)
		}
	}
	for r := rune(0); r < nfcTableSize; r++ {
		if s := string(r) + "\u0301"; nfc(s) != norm.NFC.String(s) {
			t.Fatalf("nfc(%q) differs from x/text", s)
		}
	}
}

// TestIsSpace checks the spelled-out white space against the unicode package for every rune.
func TestIsSpace(t *testing.T) {
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			t.Errorf("isSpace(%U) = %v; unicode.IsSpace says %v", r, isSpace(r), unicode.IsSpace(r))
		}
	}
}
