package signingcopy_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/entente/entente"
	"github.com/entente/entente/chromium"
	"github.com/entente/entente/clause"
	"github.com/entente/entente/i18n"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/signingcopy"
)

// mou is a signed MoU in English, Russian and Urdu.
func mou(t testing.TB) signingcopy.Document {
	t.Helper()
	var texts []entente.AgreementText
	for _, d := range []struct{ lang, text string }{
		{"en", "Memorandum of Understanding on Agricultural Machinery\n\nThe Parties have agreed as follows:\n\nArticle 1. Scope\nThe Parties shall cooperate in the supply of tractors.\n\nArticle 2. Working group\nA Joint Working Group shall meet within 60 days.\n"},
		{"ru", "Меморандум о взаимопонимании о сельскохозяйственной технике\n\nСтороны договорились о нижеследующем:\n\nСтатья 1. Сфера\nСтороны сотрудничают в поставках тракторов.\n\nСтатья 2. Рабочая группа\nСовместная рабочая группа собирается в течение 60 дней.\n"},
		{"ur", "زرعی مشینری پر مفاہمت کی یادداشت\n\nفریقین نے درج ذیل پر اتفاق کیا ہے:\n\nآرٹیکل 1۔ دائرہ کار\nفریقین ٹریکٹروں کی فراہمی میں تعاون کریں گے۔\n\nآرٹیکل 2۔ ورکنگ گروپ\nمشترکہ ورکنگ گروپ ساٹھ دن کے اندر اجلاس کرے گا۔\n"},
	} {
		text, err := clause.Parse([]byte(d.text), d.lang)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, text)
	}
	v := &entente.AgreementVersion{AgreementID: 3, Number: 5, Texts: texts, Digest: clause.DigestHex(texts)}
	sig := &entente.AgreementSignature{TextVersion: 5, Party: "PAK", Signatory: "Ishaq Dar", Place: "Islamabad",
		SignedOn: entente.Date{Year: 2025, Month: 2, Day: 18}, PublicKey: strings.Repeat("ab", 32)}
	return signingcopy.Document{Agreement: &entente.Agreement{ID: 3, Title: "MoU"}, Version: v, Parties: []string{"PAK", "BLR"},
		Signatures: []*entente.AgreementSignature{sig}}
}

func catalog(t testing.TB) *i18n.Catalog {
	cat, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestHTMLCarriesEveryLanguageAndTheSignatureBlock(t *testing.T) {
	for _, layout := range signingcopy.Layouts {
		doc := mou(t)
		doc.Layout = layout
		b, err := signingcopy.HTML(catalog(t), doc)
		if err != nil {
			t.Fatal(err)
		}
		html := string(b)
		for _, want := range []string{
			`lang="ur" dir="rtl"`, `lang="ru" dir="ltr"`, "Article 2 – Working group", "Статья 2 – Рабочая группа",
			"آرٹیکل 2 – ورکنگ گروپ", "For Pakistan", "За Беларусь", "پاکستان کی جانب سے", "Ishaq Dar",
			"Signed at Islamabad on 18 February 2025", "Version 5 · SHA-256 " + doc.Version.Digest, "Key SHA256:",
			"Подпись", // Belarus has not signed: a blank line with the label under it
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: the copy lacks %q", layout, want)
			}
		}
		if layout == signingcopy.SideBySide && !strings.Contains(html, `<table class="texts">`) ||
			layout == signingcopy.Sequential && strings.Count(html, `<section class="text"`) != 3 {
			t.Errorf("%s: wrong layout", layout)
		}
	}
}

// browser returns the Chromium program of the tests, or skips.
func browser(t testing.TB) string {
	if p := os.Getenv("ENTENTE_TEST_BROWSER"); p != "" {
		return p
	}
	p, err := chromium.Find()
	if err != nil {
		testenv.Missing(t, "ENTENTE_TEST_BROWSER is not set and no chromium is on PATH: "+err.Error())
	}
	return p
}

// TestPrintedCopyReadsBackAndRenders prints the copy with Chromium, reads its text back with
// pdftotext, checks that the Urdu and Russian fonts are embedded, and renders the first page
// with pdftoppm.
func TestPrintedCopyReadsBackAndRenders(t *testing.T) {
	path := browser(t)
	for _, tool := range []string{"pdftotext", "pdftoppm", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			testenv.Missing(t, tool+" (poppler-utils) is not installed")
		}
	}
	b, err := signingcopy.HTML(catalog(t), mou(t))
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := chromium.NewPrinter(path).PrintPDF(context.Background(), b)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "copy.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	// pdftotext breaks lines where the columns wrap, and breaks Nastaliq words where glyphs
	// join across a cluster; compare with white space collapsed, and Urdu with none at all.
	text := strings.Join(strings.Fields(strings.NewReplacer("\u202b", "", "\u202c", "").Replace(
		norm.NFKC.String(run(t, "pdftotext", "-enc", "UTF-8", file, "-")))), " ")
	for _, want := range []string{"Memorandum of Understanding on Agricultural Machinery", "Совместная рабочая группа",
		"За Беларусь", "Signed at Islamabad on 18 February", "Ishaq Dar"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
	if urdu := strings.ReplaceAll(text, " ", ""); !strings.Contains(urdu, "ٹریکٹروں") || !strings.Contains(urdu, "پاکستان") {
		t.Errorf("the PDF's text lacks the Urdu words:\n%s", text)
	}
	fonts := run(t, "pdffonts", file)
	for _, want := range []string{"NotoNastaliqUrdu", "NotoSerif"} {
		if !strings.Contains(fonts, want) {
			t.Errorf("the PDF does not embed %s:\n%s", want, fonts)
		}
	}
	run(t, "pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", file, filepath.Join(dir, "page"))
	inked(t, filepath.Join(dir, "page-1.png"))
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(out)
}

// inked checks that a rendered page is A4 and carries text: a good share of its pixels dark.
func inked(t *testing.T, file string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	bounds := img.Bounds()
	if ratio := float64(bounds.Dy()) / float64(bounds.Dx()); ratio < 1.38 || ratio > 1.45 {
		t.Errorf("page is %v, not A4", bounds.Size())
	}
	if dark := darkShare(img); dark < 0.005 {
		t.Errorf("the rendered page is blank (%.4f dark)", dark)
	}
}

func darkShare(img image.Image) float64 {
	b := img.Bounds()
	dark := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r+g+bl < 3*0x8000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(b.Dx()*b.Dy())
}
