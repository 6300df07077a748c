package clause

import (
	"fmt"
	"strings"

	"github.com/entente/entente"
)

// RenderText renders a text as plain text: the title, the preamble, then each article as a
// heading line ("Article 5 bis – Scope", with the keyword of the text's language) and its body,
// separated by blank lines. Parse reads the result back into the same (normalised) text when
// Check accepts the text; every text Parse returns is such a text.
func RenderText(t entente.AgreementText) string {
	return render(t, "", "")
}

// RenderMarkdown renders a text as Markdown: the title as a level-1 heading, the preamble, and
// each article as a level-2 heading followed by its body. Bodies are written as they are, so
// Markdown already in them (lists, emphasis) keeps working. Parse reads the result back like
// RenderText's.
func RenderMarkdown(t entente.AgreementText) string {
	return render(t, "# ", "## ")
}

// render writes the text with the given marks before the title and the article headings.
func render(t entente.AgreementText, titleMark, articleMark string) string {
	t = Normalize(t)
	var b strings.Builder
	if t.Title != "" {
		b.WriteString(titleMark + t.Title + "\n\n")
	}
	if t.Preamble != "" {
		b.WriteString(t.Preamble + "\n\n")
	}
	keyword := Keyword(t.Language)
	for _, a := range t.Articles {
		b.WriteString(articleMark + headingLine(keyword, a) + "\n\n")
		if a.Body != "" {
			b.WriteString(a.Body + "\n\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// headingLine is an article's heading line without Markdown marks: "Article 5 bis – Scope".
func headingLine(keyword string, a entente.Article) string {
	line := keyword + " " + a.Number
	if a.Heading != "" {
		line += " \u2013 " + a.Heading
	}
	return line
}

// Check reports what keeps a text from being a well-formed agreement text that renders and
// parses back unchanged: a missing title (when there is a preamble) or articles, an article
// without a number or body, a number that is not an article number ("5", "5 bis", "5A", "IV")
// or repeats another, control characters, and title, preamble or body lines that would read as
// article headings. It returns nil or an EINVALID *entente.Error whose fields are "title",
// "preamble", "articles" and "articles[i].number|heading|body" (i counted from 0).
func Check(t entente.AgreementText) error {
	t = Normalize(t)
	probs := entente.Problems{}
	checkFront(probs, t)
	if len(t.Articles) == 0 {
		probs.Add("articles", "at least one article is required")
	}
	seen := map[string]string{}
	for i, a := range t.Articles {
		field := fmt.Sprintf("articles[%d]", i)
		numbered := checkNumber(probs, field+".number", a.Number, seen)
		if h, ok := readHeading(headingLine("Article", a)); numbered && a.Heading != "" && (!ok || h.text != a.Heading) {
			probs.Add(field+".heading", "cannot be written on the article's heading line")
		}
		checkControl(probs, field+".heading", a.Heading)
		if a.Body == "" {
			probs.Add(field+".body", "is required")
		}
		checkBlock(probs, field+".body", a.Body)
	}
	return probs.Err("agreement text")
}

// checkFront checks the title and the preamble.
func checkFront(probs entente.Problems, t entente.AgreementText) {
	if t.Title == "" && t.Preamble != "" {
		probs.Add("title", "is required when there is a preamble")
	}
	if _, ok := readHeading(t.Title); ok {
		probs.Add("title", "reads as an article heading")
	}
	if stripped, _ := stripMarkdownHeading(t.Title); stripped != t.Title {
		probs.Add("title", "starts with a Markdown heading mark (#)")
	}
	checkControl(probs, "title", t.Title)
	checkBlock(probs, "preamble", t.Preamble)
}

// checkNumber checks that an article number is one Parse reads back as itself and that no
// earlier article has it. It reports whether the number reads back.
func checkNumber(probs entente.Problems, field, number string, seen map[string]string) bool {
	if number == "" {
		probs.Add(field, "is required")
		return false
	}
	if h, ok := readHeading("Article " + number); !ok || h.number != number || h.text != "" {
		probs.Addf(field, "%q is not an article number such as 1, 5 bis, 5A or IV", number)
		return false
	}
	if other, dup := seen[numberKey(number)]; dup {
		probs.Addf(field, "repeats article %s", other)
	}
	seen[numberKey(number)] = number
	return true
}

// checkBlock reports control characters and a line that would read as an article heading.
func checkBlock(probs entente.Problems, field, block string) {
	checkControl(probs, field, block)
	for i, line := range splitLines(block) {
		if _, ok := readHeading(line); ok {
			probs.Addf(field, "line %d reads as an article heading: %q", i+1, line)
			return
		}
	}
}

// checkControl reports control characters other than line feed and tab.
func checkControl(probs entente.Problems, field, s string) {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7F && r <= 0x9F {
			probs.Addf(field, "holds the control character U+%04X", r)
			return
		}
	}
}
