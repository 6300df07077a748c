// Package i18n holds entente's message catalogues in English, Russian and Urdu, picks the
// language of a request, and formats dates, numbers and Whens the way each language writes
// them. Urdu is written right to left.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Languages are the interface languages, in the order of the language switch.
var Languages = []Language{
	{Code: "en", Name: "English", Dir: "ltr", Tag: language.English},
	{Code: "ru", Name: "Русский", Dir: "ltr", Tag: language.Russian},
	{Code: "ur", Name: "اردو", Dir: "rtl", Tag: language.Urdu},
}

// Language is one interface language.
type Language struct {
	Code string // en, ru, ur
	Name string // its own name for itself
	Dir  string // ltr or rtl
	Tag  language.Tag
}

//go:embed locales/*.json
var locales embed.FS

// Catalog holds every message in every language, parsed once.
type Catalog struct {
	bundle  *goi18n.Bundle
	matcher language.Matcher
	ids     map[string]map[string]bool // language → message ids
}

// New loads the embedded catalogues. Files are named <area>.<language>.json and hold flat
// objects of message id → text, or → {"one": …, "few": …, "many": …, "other": …} for plurals.
func New() (*Catalog, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	c := &Catalog{bundle: b, ids: map[string]map[string]bool{}}
	entries, err := fs.ReadDir(locales, "locales")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		data, err := locales.ReadFile(path.Join("locales", e.Name()))
		if err != nil {
			return nil, err
		}
		mf, err := b.ParseMessageFileBytes(data, e.Name())
		if err != nil {
			return nil, fmt.Errorf("catalogue %s: %w", e.Name(), err)
		}
		lang := mf.Tag.String()
		if c.ids[lang] == nil {
			c.ids[lang] = map[string]bool{}
		}
		for _, m := range mf.Messages {
			if c.ids[lang][m.ID] {
				return nil, fmt.Errorf("catalogue %s: message %q is defined twice for %s", e.Name(), m.ID, lang)
			}
			c.ids[lang][m.ID] = true
		}
	}
	tags := make([]language.Tag, len(Languages))
	for i, l := range Languages {
		tags[i] = l.Tag
	}
	c.matcher = language.NewMatcher(tags)
	return c, nil
}

// IDs returns the message ids of a language, sorted.
func (c *Catalog) IDs(lang string) []string {
	var out []string
	for id := range c.ids[lang] {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Match picks the interface language from the user's choice (a cookie), then the browser's
// Accept-Language, then English.
func (c *Catalog) Match(choice, acceptLanguage string) Language {
	for _, l := range Languages {
		if l.Code == choice {
			return l
		}
	}
	tags, _, _ := language.ParseAcceptLanguage(acceptLanguage)
	_, i, conf := c.matcher.Match(tags...)
	if conf == language.No {
		return Languages[0]
	}
	return Languages[i]
}

// Locale returns the formatter of a language.
func (c *Catalog) Locale(l Language) *Locale {
	return &Locale{Language: l, catalog: c, loc: goi18n.NewLocalizer(c.bundle, l.Code), printer: message.NewPrinter(l.Tag)}
}

// Locale renders messages, numbers and dates in one language.
type Locale struct {
	Language
	catalog *Catalog
	loc     *goi18n.Localizer
	printer *message.Printer
}

// T returns the message id in the locale's language, with template data given as key and
// value pairs ("Count", 3). A message missing from the language falls back to English, and a
// message missing everywhere shows its id (the catalogue test keeps that from happening).
func (l *Locale) T(id string, pairs ...any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		data[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	cfg := &goi18n.LocalizeConfig{MessageID: id, TemplateData: data}
	if n, ok := data["Count"]; ok {
		cfg.PluralCount = n
	}
	s, err := l.loc.Localize(cfg)
	if err != nil {
		return id
	}
	return s
}

// Has reports whether the catalogue has a message id (in English, the reference language).
func (l *Locale) Has(id string) bool { return l.catalog.ids["en"][id] }

// Number formats an integer with the language's digit grouping.
func (l *Locale) Number(n int) string { return l.printer.Sprintf("%d", n) }

// Percent formats a whole percentage.
func (l *Locale) Percent(n int) string {
	if l.Code == "ru" {
		return l.Number(n) + "\u00a0%"
	}
	return l.Number(n) + "%"
}

// Lower lower-cases text for the language.
func (l *Locale) Lower(s string) string { return strings.ToLower(s) }
