// Package signingcopy writes the signing copy of an agreement as an HTML document for print:
// the texts of one version in all their languages, side by side (one column per language,
// articles aligned row by row) or one after another (each language from a new page), followed
// by the signature block, and a footer naming the version and the SHA-256 digest that the
// signatures cover. Labels are in the language of each text; Urdu runs right to left in the
// Nastaliq script. Package chromium prints the document to PDF.
package signingcopy

import (
	"bytes"
	"crypto/ed25519"
	_ "embed"
	"encoding/hex"
	"html/template"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
	"github.com/entente/entente/country"
	"github.com/entente/entente/i18n"
	"github.com/entente/entente/signature"
)

// Layouts of the texts.
const (
	SideBySide = "side-by-side" // one column per language
	Sequential = "sequential"   // one language after another
)

// Layouts lists the layouts, the default first.
var Layouts = []string{SideBySide, Sequential}

// Document is what a signing copy shows.
type Document struct {
	Agreement  *entente.Agreement
	Version    *entente.AgreementVersion
	Parties    []string                      // the parties that sign, in order
	Signatures []*entente.AgreementSignature // the signatures over Version, if any
	Layout     string                        // SideBySide when empty
}

//go:embed copy.html
var copyHTML string

var page = template.Must(template.New("copy").Parse(copyHTML))

// view is the template's data.
type view struct {
	Title      string
	Lang       string
	SideBySide bool
	Texts      []textView
	Rows       [][]cell // side by side: one row per article, one cell per text
	Footer     string
}

// textView is one language's text with its labels.
type textView struct {
	Lang, Dir string
	Title     string
	Preamble  string
	Articles  []cell
	Blocks    []partyBlock
	Heading   string // "Signatures" in the text's language
}

// cell is one article in one language; an empty cell has no heading.
type cell struct {
	Lang, Dir, Heading, Body string
}

// partyBlock is one party's place in the signature block, in one language.
type partyBlock struct {
	For        string
	Signatures []signatureLine
	Unsigned   string // the label under a blank signature line
}

// signatureLine is one signature as printed.
type signatureLine struct {
	Name, PlaceDate, Key string
}

// HTML writes the signing copy of the document, with its labels from the catalogue.
func HTML(cat *i18n.Catalog, doc Document) ([]byte, error) {
	v := view{Title: doc.Agreement.Title, SideBySide: doc.Layout != Sequential}
	for _, t := range doc.Version.Texts {
		v.Texts = append(v.Texts, textOf(cat, clause.Normalize(t), doc))
	}
	if len(v.Texts) > 0 {
		v.Lang, v.Title = v.Texts[0].Lang, v.Texts[0].Title
		l := locale(cat, v.Lang)
		v.Footer = l.T("agreementtexts.copy.footer", "Number", doc.Version.Number, "Digest", doc.Version.Digest)
	}
	if v.SideBySide {
		v.Rows = rows(v.Texts)
	}
	var b bytes.Buffer
	err := page.Execute(&b, v)
	return b.Bytes(), err
}

// textOf prepares one language's text and its signature block.
func textOf(cat *i18n.Catalog, t entente.AgreementText, doc Document) textView {
	l := locale(cat, t.Language)
	tv := textView{Lang: t.Language, Dir: direction(t.Language), Title: t.Title, Preamble: t.Preamble,
		Heading: l.T("agreementtexts.copy.signatures")}
	keyword := clause.Keyword(t.Language)
	for _, a := range t.Articles {
		h := keyword + " " + a.Number
		if a.Heading != "" {
			h += " \u2013 " + a.Heading
		}
		tv.Articles = append(tv.Articles, cell{Lang: tv.Lang, Dir: tv.Dir, Heading: h, Body: a.Body})
	}
	for _, party := range doc.Parties {
		pb := partyBlock{For: l.T("agreementtexts.copy.for", "Country", countryName(party, t.Language))}
		for _, s := range doc.Signatures {
			if s.Party != party || s.TextVersion != doc.Version.Number {
				continue
			}
			line := signatureLine{Name: s.Signatory, Key: l.T("agreementtexts.copy.key", "Fingerprint", fingerprint(s))}
			line.PlaceDate = l.T("agreementtexts.copy.signed_on", "Date", l.Date(s.SignedOn))
			if s.Place != "" {
				line.PlaceDate = l.T("agreementtexts.copy.signed_at", "Place", s.Place, "Date", l.Date(s.SignedOn))
			}
			pb.Signatures = append(pb.Signatures, line)
		}
		if len(pb.Signatures) == 0 {
			pb.Unsigned = l.T("agreementtexts.copy.signature_line")
		}
		tv.Blocks = append(tv.Blocks, pb)
	}
	return tv
}

// rows aligns the texts' articles by position, for the side-by-side layout.
func rows(texts []textView) [][]cell {
	n := 0
	for _, t := range texts {
		n = max(n, len(t.Articles))
	}
	out := make([][]cell, n)
	for i := range out {
		out[i] = make([]cell, len(texts))
		for j, t := range texts {
			out[i][j] = cell{Lang: t.Lang, Dir: t.Dir}
			if i < len(t.Articles) {
				out[i][j] = t.Articles[i]
			}
		}
	}
	return out
}

// locale is the catalogue's locale for a text's language, English when it has none.
func locale(cat *i18n.Catalog, lang string) *i18n.Locale {
	primary, _, _ := strings.Cut(lang, "-")
	if primary == "be" {
		primary = "ru" // Belarusian documents are bilingual with Russian, which the catalogue has
	}
	for _, l := range i18n.Languages {
		if l.Code == primary {
			return cat.Locale(l)
		}
	}
	return cat.Locale(i18n.Languages[0])
}

// direction is the writing direction of a language.
func direction(lang string) string {
	primary, _, _ := strings.Cut(lang, "-")
	switch primary {
	case "ur", "ar", "fa", "he", "ps", "sd", "ug", "yi", "dv", "ckb":
		return "rtl"
	}
	return "ltr"
}

// countryName is a party's country named in a language ("Пакистан"), or its code.
func countryName(party, lang string) string {
	c, ok := country.ByAlpha3(party)
	if !ok {
		return party
	}
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.English
	}
	region, err := language.ParseRegion(c.Alpha2)
	if err != nil {
		return c.Name
	}
	if name := display.Regions(tag).Name(region); name != "" {
		return name
	}
	return c.Name
}

// fingerprint is the SHA-256 fingerprint of the signature's public key, as `ssh-keygen -l`
// prints it, for a signatory to recognise their key.
func fingerprint(s *entente.AgreementSignature) string {
	pub, err := hex.DecodeString(s.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return s.PublicKey
	}
	return signature.Fingerprint(pub)
}

// Text writes every text of a version as plain text or Markdown, one language after another
// (Markdown separates them with a rule), for the exports that are not printed.
func Text(v *entente.AgreementVersion, markdown bool) string {
	parts := make([]string, len(v.Texts))
	for i, t := range v.Texts {
		if markdown {
			parts[i] = clause.RenderMarkdown(t)
		} else {
			parts[i] = clause.RenderText(t)
		}
	}
	sep := "\n\n"
	if markdown {
		sep = "\n\n---\n\n"
	}
	return strings.Join(parts, sep) + "\n"
}
