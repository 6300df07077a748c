package clause

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestRenderRoundTrip(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "drafts", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample drafts: %v", err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		lang := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(name), "mou_"), filepath.Ext(name))
		text, err := Parse(data, lang)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for kind, render := range map[string]func(entente.AgreementText) string{"text": RenderText, "markdown": RenderMarkdown} {
			again, err := Parse([]byte(render(text)), lang)
			if err != nil {
				t.Fatalf("%s as %s: %v", name, kind, err)
			}
			if !reflect.DeepEqual(again, text) {
				t.Errorf("%s as %s does not read back:\n%#v\n%#v", name, kind, text, again)
			}
		}
	}
}

func TestRender(t *testing.T) {
	text := entente.AgreementText{
		Language: "ru",
		Title:    "Меморандум",
		Preamble: "Стороны договорились:",
		Articles: []entente.Article{
			{Number: "1", Heading: "Предмет", Body: "Сотрудничество."},
			{Number: "1 bis", Body: "Обучение.\n\nОбмен специалистами."},
		},
	}
	wantText := "Меморандум\n\nСтороны договорились:\n\nСтатья 1 – Предмет\n\nСотрудничество.\n\n" +
		"Статья 1 bis\n\nОбучение.\n\nОбмен специалистами.\n"
	if got := RenderText(text); got != wantText {
		t.Errorf("RenderText =\n%q\nwant\n%q", got, wantText)
	}
	wantMarkdown := "# Меморандум\n\nСтороны договорились:\n\n## Статья 1 – Предмет\n\nСотрудничество.\n\n" +
		"## Статья 1 bis\n\nОбучение.\n\nОбмен специалистами.\n"
	if got := RenderMarkdown(text); got != wantMarkdown {
		t.Errorf("RenderMarkdown =\n%q\nwant\n%q", got, wantMarkdown)
	}
}

func TestKeyword(t *testing.T) {
	tests := map[string]string{"en": "Article", "en-GB": "Article", "RU": "Статья", "be-BY": "Артыкул",
		"ur": "آرٹیکل", "ur-PK": "آرٹیکل", "fr": "Article", "": "Article"}
	for lang, want := range tests {
		if got := Keyword(lang); got != want {
			t.Errorf("Keyword(%q) = %q; want %q", lang, got, want)
		}
	}
}

func TestCheck(t *testing.T) {
	good := entente.AgreementText{Language: "en", Title: "Agreement", Preamble: "The Parties agree:",
		Articles: []entente.Article{{Number: "1", Heading: "Scope", Body: "Text."}, {Number: "1 bis", Body: "More."}}}
	if err := Check(good); err != nil {
		t.Fatalf("Check(good) = %v", err)
	}
	tests := []struct {
		name   string
		change func(t *entente.AgreementText)
		field  string
	}{
		{"no title", func(t *entente.AgreementText) { t.Title = "" }, "title"},
		{"title reads as a heading", func(t *entente.AgreementText) { t.Title = "Article 1" }, "title"},
		{"Markdown mark in title", func(t *entente.AgreementText) { t.Title = "# Agreement" }, "title"},
		{"control character", func(t *entente.AgreementText) { t.Title = "Agree\x07ment" }, "title"},
		{"preamble line reads as a heading", func(t *entente.AgreementText) { t.Preamble = "Whereas\nARTICLE 9" }, "preamble"},
		{"no articles", func(t *entente.AgreementText) { t.Articles = nil }, "articles"},
		{"no number", func(t *entente.AgreementText) { t.Articles[0].Number = "" }, "articles[0].number"},
		{"not a number", func(t *entente.AgreementText) { t.Articles[0].Number = "one" }, "articles[0].number"},
		{"number with text", func(t *entente.AgreementText) { t.Articles[0].Number = "1 Scope" }, "articles[0].number"},
		{"duplicate number", func(t *entente.AgreementText) { t.Articles[1].Number = "1" }, "articles[1].number"},
		{"no body", func(t *entente.AgreementText) { t.Articles[1].Body = " " }, "articles[1].body"},
		{"body line reads as a heading", func(t *entente.AgreementText) { t.Articles[1].Body = "More.\n## Article 4" }, "articles[1].body"},
	}
	for _, tt := range tests {
		text := good
		text.Articles = append([]entente.Article(nil), good.Articles...)
		tt.change(&text)
		err := Check(text)
		if entente.ErrorCode(err) != entente.EINVALID || entente.ErrorFields(err)[tt.field] == "" {
			t.Errorf("%s: Check = %v; want a problem with %s", tt.name, err, tt.field)
		}
	}
}
