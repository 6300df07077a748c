package clause

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/entente/entente"
)

// maxProblems bounds the problems one error lists, so that a binary file pasted by mistake
// does not produce thousands of them.
const maxProblems = 20

// problem is one thing wrong with a draft, on a line (counted from 1; 0 for the whole draft).
type problem struct {
	line    int
	message string
}

// Parse reads a draft written as plain text or Markdown into a text of the given language (a
// BCP 47 tag, stored as given after normalisation). The package comment describes what counts
// as the title, the preamble and an article heading. Form feeds (page breaks from PDF
// converters) count as white space, a leading byte order mark is ignored, and a draft saved as
// UTF-16 with a byte order mark (Word's "Unicode Text") is read as such. The result is
// normalised (see Normalize).
//
// Parse returns an EINVALID *entente.Error when the draft is larger than MaxDraftSize, is not
// UTF-8, holds control characters, has no article heading, numbers two articles alike or has an
// article without text. Its Fields name each problem by line ("line 12"; "text" for the whole
// draft) and its Message states the first.
func Parse(data []byte, language string) (entente.AgreementText, error) {
	if len(data) > MaxDraftSize {
		return entente.AgreementText{}, draftError([]problem{{0, fmt.Sprintf(
			"the draft is %d bytes; at most %d bytes (%d MB) can be imported", len(data), MaxDraftSize, MaxDraftSize>>20)}})
	}
	data, ok := decodeUTF16(data)
	if !ok {
		return entente.AgreementText{}, draftError([]problem{{0, "the draft is UTF-16 text with an odd number of bytes; it was cut short"}})
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if probs := checkEncoding(data); len(probs) > 0 {
		return entente.AgreementText{}, draftError(probs)
	}
	lines := splitLines(strings.ReplaceAll(string(data), "\f", " "))
	t, probs := readDraft(lines)
	if len(probs) > 0 {
		return entente.AgreementText{}, draftError(probs)
	}
	t.Language = language
	return Normalize(t), nil
}

// decodeUTF16 converts a draft saved as UTF-16 with a byte order mark, as Word's "Unicode Text"
// is, to UTF-8; other drafts are returned as they are. ok is false for UTF-16 of odd length.
func decodeUTF16(data []byte) (out []byte, ok bool) {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order = binary.BigEndian
	default:
		return data, true
	}
	if len(data)%2 != 0 {
		return nil, false
	}
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	return []byte(string(utf16.Decode(units))), true
}

// checkEncoding reports the first byte that is not UTF-8, or else the lines holding control
// characters other than tab, line feed, carriage return and form feed.
func checkEncoding(data []byte) []problem {
	line := 1
	var probs []problem
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return []problem{{line, fmt.Sprintf("byte %d (0x%02X) is not UTF-8 text; save the draft as UTF-8", i, data[i])}}
		case r == '\n' || (r == '\r' && (i+1 == len(data) || data[i+1] != '\n')):
			line++
		case unicode.IsControl(r) && r != '\t' && r != '\r' && r != '\f':
			if len(probs) < maxProblems && (len(probs) == 0 || probs[len(probs)-1].line != line) {
				probs = append(probs, problem{line, fmt.Sprintf("holds the control character U+%04X", r)})
			}
		}
		i += size
	}
	return probs
}

// readDraft splits the lines into title, preamble and articles and checks the articles.
func readDraft(lines []string) (entente.AgreementText, []problem) {
	var starts []int
	var heads []heading
	for i, line := range lines {
		if h, ok := readHeading(line); ok {
			starts = append(starts, i)
			heads = append(heads, h)
		}
	}
	if len(starts) == 0 {
		return entente.AgreementText{}, []problem{{0, `no article headings found: start each article on a line of its own such as "Article 1", "Статья 1" or "آرٹیکل 1"`}}
	}
	t := entente.AgreementText{Articles: make([]entente.Article, len(starts))}
	t.Title, t.Preamble = readFront(lines[:starts[0]])
	var probs []problem
	for k, start := range starts {
		end := len(lines)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		a := readArticle(heads[k], lines[start+1:end])
		if a.Body == "" {
			probs = append(probs, problem{start + 1, fmt.Sprintf("article %s has no text", a.Number)})
		}
		t.Articles[k] = a
	}
	probs = append(probs, duplicateNumbers(t.Articles, starts)...)
	slices.SortStableFunc(probs, func(a, b problem) int { return a.line - b.line })
	return t, probs
}

// readFront reads the title (the first non-blank line) and the preamble (the lines after it)
// from the lines before the first article.
func readFront(lines []string) (title, preamble string) {
	for i, line := range lines {
		if strings.TrimSpace(line) != "" {
			title, _ = stripMarkdownHeading(strings.TrimSpace(line))
			return title, strings.Join(lines[i+1:], "\n")
		}
	}
	return "", ""
}

// readArticle builds an article from its heading and the lines up to the next heading. A short
// heading-like line directly under a heading without text, followed by a blank line and more
// text, is the article's heading. An article with a heading but no body takes the heading as
// its body: "Article 9 – This Memorandum enters into force on signature." is one sentence.
func readArticle(h heading, body []string) entente.Article {
	a := entente.Article{Number: h.number, Heading: h.text}
	if a.Heading == "" && len(body) >= 3 && strings.TrimSpace(body[1]) == "" {
		next := stripLeadingBold(strings.TrimSpace(body[0]))
		if looksLikeHeading(next) && normalizeBlock(strings.Join(body[2:], "\n")) != "" {
			a.Heading, body = normalizeLine(next), body[2:]
		}
	}
	a.Body = normalizeBlock(strings.Join(body, "\n"))
	if _, isHeading := readHeading(a.Heading); a.Body == "" && !isHeading {
		a.Body, a.Heading = a.Heading, ""
	}
	return a
}

// duplicateNumbers reports every article whose number an earlier article already has.
func duplicateNumbers(articles []entente.Article, starts []int) []problem {
	first := make(map[string]int, len(articles))
	var probs []problem
	for i, a := range articles {
		key := numberKey(a.Number)
		if j, seen := first[key]; seen {
			probs = append(probs, problem{starts[i] + 1, fmt.Sprintf(
				"article %s appears twice (first on line %d)", a.Number, starts[j]+1)})
			continue
		}
		first[key] = i
	}
	return probs
}

// draftError turns problems into an EINVALID error: one field per line, the first problem in
// the message.
func draftError(probs []problem) error {
	fields := make(map[string]string, len(probs))
	for _, p := range probs {
		key := "text"
		if p.line > 0 {
			key = fmt.Sprintf("line %d", p.line)
		}
		if _, ok := fields[key]; !ok {
			fields[key] = p.message
		}
	}
	first := probs[0].message
	if probs[0].line > 0 {
		first = fmt.Sprintf("line %d: %s", probs[0].line, first)
	}
	msg := "The draft cannot be imported: " + first + "."
	if len(probs) > 1 {
		msg = fmt.Sprintf("The draft cannot be imported (%d problems): %s.", len(probs), first)
	}
	return &entente.Error{Code: entente.EINVALID, Message: msg, Fields: fields}
}
