package server

import (
	"html/template"
	"strings"
)

// minutesHTML renders minutes written as plain text with a little formatting: blank lines
// separate paragraphs, lines starting with "- " are bullet lists, and **text** is bold. Every
// character the user typed is escaped; the only markup is the one made here, so HTML in the
// minutes shows as text.
func minutesHTML(text string) template.HTML {
	var b strings.Builder
	var para []string
	inList := false
	flush := func() {
		if len(para) > 0 {
			b.WriteString(`<p dir="auto">`)
			for i, line := range para {
				if i > 0 {
					b.WriteString("<br>")
				}
				b.WriteString(inlineHTML(line))
			}
			b.WriteString("</p>\n")
			para = nil
		}
		if inList {
			b.WriteString("</ul>\n")
			inList = false
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimRight(line, " \t")
		item, isItem := bulletItem(line)
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case isItem:
			if !inList {
				flush()
				b.WriteString("<ul>\n")
				inList = true
			}
			b.WriteString(`<li dir="auto">` + inlineHTML(item) + "</li>\n")
		default:
			if inList {
				flush()
			}
			para = append(para, strings.TrimSpace(line))
		}
	}
	flush()
	return template.HTML(b.String())
}

// bulletItem reports whether a line is an item of a bullet list ("- text") and returns its text.
func bulletItem(line string) (string, bool) {
	trimmed := strings.TrimLeft(line, " \t")
	if rest, ok := strings.CutPrefix(trimmed, "- "); ok && strings.TrimSpace(rest) != "" {
		return strings.TrimSpace(rest), true
	}
	return "", false
}

// inlineHTML escapes a line and makes each **pair** of double asterisks bold; an unpaired
// "**" stays as typed.
func inlineHTML(line string) string {
	parts := strings.Split(line, "**")
	var b strings.Builder
	for i, part := range parts {
		esc := template.HTMLEscapeString(part)
		switch {
		case i%2 == 0:
			b.WriteString(esc)
		case i == len(parts)-1: // an opening "**" with no closing one
			b.WriteString("**" + esc)
		case part == "":
			b.WriteString("****")
		default:
			b.WriteString("<strong>" + esc + "</strong>")
		}
	}
	return b.String()
}
