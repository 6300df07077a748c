package clause

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/entente/entente"
)

// The parts of a text a Difference names.
const (
	PartLanguage = "language" // a whole language version
	PartTitle    = "title"
	PartPreamble = "preamble"
	PartArticle  = "article"
)

// The changes a Difference reports.
const (
	ChangeAdded      = "added"
	ChangeRemoved    = "removed"
	ChangeChanged    = "changed"
	ChangeMoved      = "moved"      // same number and text, another place in the order
	ChangeRenumbered = "renumbered" // same text under another number
)

// Difference is one way a version's texts differ from a reference, such as the snapshot a
// signature covers: a language added or removed, the title or preamble changed, an article
// added, removed, changed, moved or renumbered. Article is the article's number in the
// reference (in the compared text for an added article).
type Difference struct {
	Language string `json:"language"`
	Part     string `json:"part"`
	Article  string `json:"article,omitempty"`
	Change   string `json:"change"`
	// Detail shows the first change in a few words ("body: …within [-30-]{+60+} days…"), the new
	// number of a renumbered article or the new neighbour of a moved one.
	Detail string `json:"detail,omitempty"`
}

// String describes the difference in one line: "en: article 4 changed: body: …".
func (d Difference) String() string {
	s := d.Language + ": " + d.Part
	if d.Article != "" {
		s += " " + d.Article
	}
	s += " " + d.Change
	if d.Detail != "" {
		s += ": " + d.Detail
	}
	return s
}

// Compare lists how the texts of current differ from those of reference, language by language
// in the order of the tags, after normalising both. Articles are compared by number, since a
// verifier must say which signed article no longer reads as signed; an article whose text
// reappears under another number is reported as renumbered. Compare returns nil exactly when
// the texts have the same canonical form (and so the same digest).
func Compare(reference, current []entente.AgreementText) []Difference {
	refs, curs := normalizedByLanguage(reference), normalizedByLanguage(current)
	var languages []string
	for _, m := range []map[string][]entente.AgreementText{refs, curs} {
		for lang := range m {
			if !slices.Contains(languages, lang) {
				languages = append(languages, lang)
			}
		}
	}
	slices.Sort(languages)
	var diffs []Difference
	for _, lang := range languages {
		r, c := refs[lang], curs[lang]
		for k := range max(len(r), len(c)) {
			switch {
			case k >= len(c):
				diffs = append(diffs, Difference{lang, PartLanguage, "", ChangeRemoved, extraText(k)})
			case k >= len(r):
				diffs = append(diffs, Difference{lang, PartLanguage, "", ChangeAdded, extraText(k)})
			default:
				diffs = append(diffs, compareText(lang, r[k], c[k])...)
			}
		}
	}
	return diffs
}

// extraText explains a difference in the number of texts of one language.
func extraText(k int) string {
	if k == 0 {
		return ""
	}
	return fmt.Sprintf("text %d in this language", k+1)
}

// normalizedByLanguage normalises texts and groups them by language. Two texts of one language
// (which a version should not have) are ordered as Canonical orders them, so that texts with
// the same canonical form compare equal.
func normalizedByLanguage(texts []entente.AgreementText) map[string][]entente.AgreementText {
	m := make(map[string][]entente.AgreementText, len(texts))
	for _, t := range texts {
		n := Normalize(t)
		m[n.Language] = append(m[n.Language], n)
	}
	for _, group := range m {
		if len(group) > 1 {
			slices.SortStableFunc(group, func(a, b entente.AgreementText) int {
				return bytes.Compare(appendText(nil, a), appendText(nil, b))
			})
		}
	}
	return m
}

// compareText compares two normalised texts of one language.
func compareText(lang string, ref, cur entente.AgreementText) []Difference {
	var diffs []Difference
	if ref.Title != cur.Title {
		diffs = append(diffs, Difference{lang, PartTitle, "", ChangeChanged, excerpt(ref.Title, cur.Title)})
	}
	if ref.Preamble != cur.Preamble {
		diffs = append(diffs, Difference{lang, PartPreamble, "", ChangeChanged, excerpt(ref.Preamble, cur.Preamble)})
	}
	return append(diffs, compareArticles(lang, ref.Articles, cur.Articles)...)
}

// compareArticles pairs articles by number and reports changed, moved, renumbered, removed and
// added ones, in the reference's order and then the added ones in the current order.
func compareArticles(lang string, ref, cur []entente.Article) []Difference {
	curByNumber := make(map[string]int, len(cur))
	for j, a := range cur {
		if _, dup := curByNumber[numberKey(a.Number)]; !dup {
			curByNumber[numberKey(a.Number)] = j
		}
	}
	usedCur := make([]bool, len(cur))
	var diffs []Difference
	var common []pair
	for i, a := range ref {
		j, ok := curByNumber[numberKey(a.Number)]
		if !ok || usedCur[j] {
			diffs = append(diffs, removedOrRenumbered(lang, a, cur, usedCur))
			continue
		}
		usedCur[j] = true
		common = append(common, pair{i, j})
		if a.Number != cur[j].Number { // the same number written otherwise: "5bis", "۵"
			diffs = append(diffs, Difference{lang, PartArticle, a.Number, ChangeRenumbered, "now article " + cur[j].Number})
		}
		if detail := articleDetail(a, cur[j]); detail != "" {
			diffs = append(diffs, Difference{lang, PartArticle, a.Number, ChangeChanged, detail})
		}
	}
	diffs = append(diffs, movedArticles(lang, ref, cur, common)...)
	for j, a := range cur {
		if !usedCur[j] {
			diffs = append(diffs, Difference{lang, PartArticle, a.Number, ChangeAdded, ""})
		}
	}
	return diffs
}

// removedOrRenumbered reports a reference article whose number is gone: renumbered when an
// unpaired current article has the same heading and body, else removed.
func removedOrRenumbered(lang string, a entente.Article, cur []entente.Article, usedCur []bool) Difference {
	for j, c := range cur {
		if !usedCur[j] && c.Heading == a.Heading && c.Body == a.Body {
			usedCur[j] = true
			return Difference{lang, PartArticle, a.Number, ChangeRenumbered, "now article " + c.Number}
		}
	}
	return Difference{lang, PartArticle, a.Number, ChangeRemoved, ""}
}

// movedArticles reports the articles, kept under their number, whose order changed: those off a
// longest run in which the current positions increase.
func movedArticles(lang string, ref, cur []entente.Article, common []pair) []Difference {
	byCur := make([]pair, len(common))
	for k, p := range common {
		byCur[k] = pair{old: p.new, new: p.old} // order the run by reference position
	}
	moved := movedPairs(byCur)
	var diffs []Difference
	for k, p := range common {
		if !moved[k] {
			continue
		}
		detail := "now first"
		if p.new > 0 {
			detail = "now after article " + cur[p.new-1].Number
		}
		diffs = append(diffs, Difference{lang, PartArticle, ref[p.old].Number, ChangeMoved, detail})
	}
	return diffs
}

// articleDetail describes how an article's heading and body changed, or "" when they did not.
func articleDetail(ref, cur entente.Article) string {
	var parts []string
	if ref.Heading != cur.Heading {
		parts = append(parts, "heading: "+excerpt(ref.Heading, cur.Heading))
	}
	if ref.Body != cur.Body {
		parts = append(parts, "body: "+excerpt(ref.Body, cur.Body))
	}
	return strings.Join(parts, "; ")
}

// Excerpt lengths, in characters.
const (
	excerptContext = 30
	excerptChange  = 80
)

// excerpt shows the first change between two strings with a little context, in the redline's
// marks, on one line (line breaks shown as ¶), and how many more changes follow.
func excerpt(old, new string) string {
	ops := wordDiff(newInterner(), old, new)
	first := slices.IndexFunc(ops, func(op Op) bool { return op.Kind != OpEqual })
	if first < 0 {
		return ""
	}
	var b strings.Builder
	if first > 0 {
		b.WriteString(tail(ops[first-1].Text, excerptContext))
	}
	i := first
	for ; i < len(ops) && ops[i].Kind != OpEqual; i++ {
		change := []Op{{ops[i].Kind, head(ops[i].Text, excerptChange)}}
		b.WriteString(opsText(change))
	}
	if i < len(ops) {
		b.WriteString(head(ops[i].Text, excerptContext))
	}
	s := strings.ReplaceAll(strings.TrimRightFunc(b.String(), unicode.IsSpace), "\n", "¶")
	if more := countChanges(ops[i:]); more > 0 {
		s += fmt.Sprintf(" (and %d more)", more)
	}
	return s
}

// countChanges counts the changes (maximal stretches of deletes and inserts) in ops.
func countChanges(ops []Op) int {
	n := 0
	for k, op := range ops {
		if op.Kind != OpEqual && (k == 0 || ops[k-1].Kind == OpEqual) {
			n++
		}
	}
	return n
}

// head returns about the first n characters of s, cut after a whole word when it can be, with
// "…" when cut.
func head(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexFunc(cut, unicode.IsSpace); i > 0 && !unicode.IsSpace(r[n]) {
		cut = cut[:i]
	}
	return strings.TrimRightFunc(cut, unicode.IsSpace) + "…"
}

// tail returns about the last n characters of s, cut before a whole word when it can be, with
// "…" when cut.
func tail(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[len(r)-n:])
	if i := strings.IndexFunc(cut, unicode.IsSpace); i >= 0 && i < len(cut)-1 {
		cut = cut[i+1:]
	}
	return "…" + cut
}
