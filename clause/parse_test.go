package clause

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/entente/entente"
)

func TestReadHeading(t *testing.T) {
	tests := []struct {
		line    string
		ok      bool
		number  string
		heading string
	}{
		{"Article 1", true, "1", ""},
		{"ARTICLE 2 – Scope", true, "2", "Scope"},
		{"Article 5 bis", true, "5 bis", ""},
		{"Article 5bis. Transitional provisions", true, "5 bis", "Transitional provisions"},
		{"Article 5-TER", true, "5 ter", ""},
		{"Article 5A: Customs", true, "5A", "Customs"},
		{"Article 5.1", true, "5.1", ""},
		{"## Article 3. Definitions", true, "3", "Definitions"},
		{"### ARTICLE 3 Definitions", true, "3", "Definitions"},
		{"### Article 3 is a sentence in a Markdown heading", false, "", ""},
		{"**Article 3.** Definitions", true, "3", "Definitions"},
		{"__Article 3__", true, "3", ""},
		{"Article 1 Definitions", true, "1", "Definitions"},
		{"Article IV", true, "IV", ""},
		{"Article IV — Financing", true, "IV", "Financing"},
		{"  Article 7 )  Reserved  ", true, "7", "Reserved"},
		{"Статья 1", true, "1", ""},
		{"СТАТЬЯ 12. Порядок разрешения споров", true, "12", "Порядок разрешения споров"},
		{"Статья 3 Определения", true, "3", "Определения"},
		{"Артыкул 2. Сфера прымянення", true, "2", "Сфера прымянення"},
		{"آرٹیکل 1", true, "1", ""},
		{"آرٹیکل ۲۔ دائرہ کار", true, "۲", "دائرہ کار"},
		{"آرٹیکل نمبر 3", true, "3", ""},
		{"دفعہ 4 - تعریفات", true, "4", "تعریفات"},
		{"شق ۵", true, "۵", ""},
		// Body text that mentions an article is not a heading.
		{"Article 3 of the Convention shall apply.", false, "", ""},
		{"Article 3 applies mutatis mutandis.", false, "", ""},
		{"Articles 3 and 4", false, "", ""},
		{"Article", false, "", ""},
		{"Article five", false, "", ""},
		{"Article IIII", false, "", ""},
		{"Article iv", false, "", ""},
		{"Article 5 bisect the field", false, "", ""},
		{"The Parties refer to Article 2.", false, "", ""},
		{"Статья 3 Конвенции применяется.", false, "", ""},
		{"#Article 3", false, "", ""},
		{"", false, "", ""},
	}
	for _, tt := range tests {
		h, ok := readHeading(tt.line)
		if ok != tt.ok || h.number != tt.number || h.text != tt.heading {
			t.Errorf("readHeading(%q) = %q, %q, %v; want %q, %q, %v", tt.line, h.number, h.text, ok, tt.number, tt.heading, tt.ok)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name, file, language string
		want                 entente.AgreementText
	}{
		{"plain English", "mou_en.txt", "en", entente.AgreementText{
			Language: "en",
			Title:    "MEMORANDUM OF UNDERSTANDING ON COOPERATION IN AGRICULTURAL MACHINERY",
			Preamble: "The Government of the Islamic Republic of Pakistan and the Government of the Republic of Belarus,\nhereinafter referred to as \"the Parties\",\n\nHAVE AGREED AS FOLLOWS:",
			Articles: []entente.Article{
				{Number: "1", Heading: "Definitions", Body: "For the purposes of this Memorandum, \"machinery\" means tractors, combine harvesters and their parts."},
				{Number: "2", Heading: "Scope", Body: "The Parties shall cooperate in the supply, assembly and maintenance of agricultural machinery.\n\nArticle 3 of the Convention of 1994 shall apply to disputes."},
				{Number: "2 bis", Heading: "Joint Working Group", Body: "The Parties shall set up a Joint Working Group within 30 days."},
				{Number: "3", Body: "This Memorandum shall enter into force on the date of signature."},
			},
		}},
		{"Markdown", "mou_en.md", "en", entente.AgreementText{
			Language: "en",
			Title:    "Memorandum of Understanding on Information Technology",
			Preamble: "The Parties,\n\n- desiring to deepen cooperation,\n- *recalling* the talks of 26 November 2024,\n\nhave agreed as follows:",
			Articles: []entente.Article{
				{Number: "1", Heading: "Definitions", Body: "Terms have the meaning given in **Annex I**."},
				{Number: "2", Heading: "Forms of cooperation", Body: "1. exchange of specialists;\n2. joint software projects."},
				{Number: "III", Heading: "Final provisions", Body: "Done at Minsk in two originals."},
			},
		}},
		{"Russian", "mou_ru.txt", "ru", entente.AgreementText{
			Language: "ru",
			Title:    "МЕМОРАНДУМ О ВЗАИМОПОНИМАНИИ",
			Preamble: "Правительство Исламской Республики Пакистан и Правительство Республики Беларусь, далее именуемые Сторонами,\nдоговорились о нижеследующем:",
			Articles: []entente.Article{
				{Number: "1", Heading: "Предмет Меморандума", Body: "Стороны развивают сотрудничество в области сельскохозяйственного машиностроения."},
				{Number: "2", Heading: "Рабочая группа", Body: "Стороны создают совместную рабочую группу."},
			},
		}},
		{"Urdu", "mou_ur.txt", "ur", entente.AgreementText{
			Language: "ur",
			Title:    "مفاہمتی یادداشت",
			Preamble: "اسلامی جمہوریہ پاکستان کی حکومت اور جمہوریہ بیلاروس کی حکومت نے درج ذیل پر اتفاق کیا ہے:",
			Articles: []entente.Article{
				{Number: "۱", Heading: "تعریفات", Body: "اس یادداشت میں زرعی مشینری سے مراد ٹریکٹر اور ہارویسٹر ہیں۔"},
				{Number: "۲", Heading: "دائرہ کار", Body: "فریقین زرعی مشینری کے شعبے میں تعاون کریں گے۔"},
			},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "drafts", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse(data, tt.language)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse =\n%#v\nwant\n%#v", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		draft []byte
		field string // a field of the error
		want  string // a part of that field's problem
	}{
		{"no articles", []byte("Agreement\n\nThe Parties agree to meet.\n"), "text", "no article headings"},
		{"empty article", []byte("Title\n\nArticle 1\n\nText.\n\nArticle 2\n\nArticle 3\n\nMore.\n"), "line 7", "article 2 has no text"},
		{"duplicate", []byte("Title\nArticle 1\nOne.\nArticle 2\nTwo.\nARTICLE 1. Again\nThree.\n"), "line 6", "article 1 appears twice (first on line 2)"},
		{"duplicate in Urdu digits", []byte("Title\nآرٹیکل 1\nOne.\nآرٹیکل ۱\nTwo.\n"), "line 4", "appears twice"},
		{"not UTF-8", []byte("Title\nArticle 1\nCaf\xe9 au lait.\n"), "line 3", "is not UTF-8"},
		{"control character", []byte("Title\nArticle 1\nOne\x00.\n"), "line 3", "U+0000"},
		{"too large", bytes.Repeat([]byte("a"), MaxDraftSize+1), "text", "at most 2097152 bytes"},
		{"UTF-16 cut short", []byte("\xff\xfeT\x00i"), "text", "odd number of bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.draft, "en")
			if entente.ErrorCode(err) != entente.EINVALID {
				t.Fatalf("Parse error = %v; want code %s", err, entente.EINVALID)
			}
			fields := entente.ErrorFields(err)
			if !strings.Contains(fields[tt.field], tt.want) {
				t.Errorf("field %q = %q; want it to contain %q (all: %v)", tt.field, fields[tt.field], tt.want, fields)
			}
			if msg := entente.ErrorMessage(err); !strings.Contains(msg, tt.want) {
				t.Errorf("message %q does not state the problem %q", msg, tt.want)
			}
		})
	}
}

func TestParseSeveralProblems(t *testing.T) {
	_, err := Parse([]byte("Title\nArticle 1\nArticle 1\nArticle 2\n"), "en")
	fields := entente.ErrorFields(err)
	want := map[string]string{
		"line 2": "article 1 has no text",
		"line 3": "article 1 has no text",
		"line 4": "article 2 has no text",
	}
	if !reflect.DeepEqual(fields, want) {
		t.Errorf("fields = %v; want %v", fields, want)
	}
	if msg := entente.ErrorMessage(err); !strings.HasPrefix(msg, "The draft cannot be imported (4 problems): line 2:") {
		t.Errorf("message = %q", msg)
	}
}

func TestParseTitleAndFront(t *testing.T) {
	tests := []struct {
		name, draft, title, preamble string
	}{
		{"no title", "Article 1\nText.", "", ""},
		{"blank lines before the title", "\n\n  Title  \nArticle 1\nText.", "Title", ""},
		{"nested Markdown marks", "## # Title\n\nWhereas.\n\nArticle 1\nText.", "Title", "Whereas."},
		{"byte order mark and CRLF", "\uFEFFTitle\r\nPreamble\r\n\r\n\r\nmore\r\nArticle 1\r\nText.", "Title", "Preamble\n\nmore"},
		{"form feed", "Title\n\fArticle 1\nText.\f", "Title", ""},
		{"UTF-16 little-endian", utf16Draft(binary.LittleEndian, "Title\r\nArticle 1\r\nText."), "Title", ""},
		{"UTF-16 big-endian", utf16Draft(binary.BigEndian, "Title\nСтатья 1\nText."), "Title", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.draft), "en")
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != tt.title || got.Preamble != tt.preamble {
				t.Errorf("title, preamble = %q, %q; want %q, %q", got.Title, got.Preamble, tt.title, tt.preamble)
			}
			if len(got.Articles) != 1 || got.Articles[0].Body != "Text." {
				t.Errorf("articles = %#v", got.Articles)
			}
		})
	}
}

// utf16Draft encodes s as UTF-16 with a byte order mark, as Word saves "Unicode Text".
func utf16Draft(order binary.AppendByteOrder, s string) string {
	b := order.AppendUint16(nil, 0xFEFF)
	for _, u := range utf16.Encode([]rune(s)) {
		b = order.AppendUint16(b, u)
	}
	return string(b)
}

func TestParseHeadingOnNextLine(t *testing.T) {
	tests := []struct {
		name, draft, heading, body string
	}{
		{"short line then blank", "Article 1\nDefinitions\n\nText.", "Definitions", "Text."},
		{"bold heading", "Article 1\n**Definitions**\n\nText.", "Definitions", "Text."},
		{"sentence is body", "Article 1\nThe Parties agree.\n\nText.", "", "The Parties agree.\n\nText."},
		{"no blank line after", "Article 1\nDefinitions\nText.", "", "Definitions\nText."},
		{"nothing after", "Article 1\nReserved\n", "", "Reserved"},
		{"blank line before", "Article 1\n\nDefinitions\n\nText.", "", "Definitions\n\nText."},
		{"heading without body becomes body", "Article 1 – The Parties shall meet yearly.", "", "The Parties shall meet yearly."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.draft), "en")
			if err != nil {
				t.Fatal(err)
			}
			if a := got.Articles[0]; a.Heading != tt.heading || a.Body != tt.body {
				t.Errorf("heading, body = %q, %q; want %q, %q", a.Heading, a.Body, tt.heading, tt.body)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	// The seed corpus is in testdata/fuzz/FuzzParse; these add the sample drafts.
	files, _ := filepath.Glob(filepath.Join("testdata", "drafts", "*"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := Parse(data, "en")
		if err != nil {
			if entente.ErrorCode(err) != entente.EINVALID || entente.ErrorMessage(err) == "" {
				t.Fatalf("Parse error %v is not a clear EINVALID", err)
			}
			return
		}
		if err := Check(text); err != nil {
			t.Fatalf("Check of a parsed text: %v\n%#v", err, text)
		}
		if n := Normalize(text); !reflect.DeepEqual(n, text) {
			t.Fatalf("parsed text is not normalised:\n%#v\n%#v", text, n)
		}
		for _, render := range []func(entente.AgreementText) string{RenderText, RenderMarkdown} {
			again, err := Parse([]byte(render(text)), "en")
			if err != nil {
				t.Fatalf("Parse of rendered text: %v\n%s", err, render(text))
			}
			if !reflect.DeepEqual(again, text) {
				t.Fatalf("round trip changed the text:\n%#v\n%#v\n%s", text, again, render(text))
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data := []byte(RenderText(sampleText(1, 40, 1500)))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, "en"); err != nil {
			b.Fatal(err)
		}
	}
}
