// Package clause is the text machinery of agreements: it reads a draft written as plain text or
// Markdown into numbered articles, renders a text back, serialises a version's texts canonically
// for signing, and computes the redline between two versions, article by article and word by
// word.
//
// # Reading a draft
//
// Parse reads a title (the first non-blank line, without Markdown heading marks), a preamble
// (everything before the first article heading) and articles. An article heading is a line that
// starts with an article keyword and a number: "Article", "Статья" (Russian), "Артыкул"
// (Belarusian), "آرٹیکل", "دفعہ" or "شق" (Urdu); in any letter case, optionally as a Markdown
// heading ("## Article 3. Definitions") or in bold ("**Article 3**"). The number is Arabic digits
// (ASCII, Arabic-Indic or Urdu), with optional dotted parts ("5.1"), a Latin insertion suffix
// ("5 bis", "5 ter"…) or one letter ("5A"); or an upper-case Roman numeral ("IV"). After the
// number comes nothing, a separator (. : ) - – — ۔) and the article heading, or, without a
// separator, a short heading-like phrase ("Article 1 Definitions"); a line such as "Article 3 of
// the Convention applies." is body text. A heading alone on its line may be followed directly
// (no blank line) by a short line without final punctuation and then a blank line: that line is
// the article's heading. When an article has no body, the text after its number is its body.
//
// # Canonical form and digest
//
// Canonical serialises the texts of one version so that anyone can recompute the SHA-256 digest
// that signatures cover. First every text is normalised:
//
//   - Every field is put in Unicode Normalization Form C.
//   - Line breaks (CR LF, CR, LF) become LF.
//   - The language tag is trimmed and its ASCII letters lower-cased.
//   - One-line fields (language, title, article number, article heading): every run of white
//     space, line breaks included, becomes one space (U+0020); the field is trimmed.
//   - Block fields (preamble, article body): within each line every run of white space becomes
//     one space and the line is trimmed; runs of blank lines become one blank line; leading and
//     trailing blank lines are removed.
//
// White space is every character for which Unicode's White_Space property holds (Go's
// unicode.IsSpace): U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
// U+2029, U+202F, U+205F, U+3000. Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) are not
// white space and are kept: Urdu needs the zero-width non-joiner.
//
// (NFC is that of the Unicode version golang.org/x/text implements; Unicode's stability policy
// keeps NFC of assigned characters unchanged across versions.)
//
// The normalised texts are sorted by language tag in byte order; texts with equal tags (which a
// version should not have) by the bytes of their serialisation below. The serialisation is
// UTF-8 text made of lines; a field is written as its name, one space, the decimal byte length
// of its value, a colon, the value and LF:
//
//	entente-agreement-text 1\n
//	texts <count>\n
//	for each text:
//	    language <len>:<tag>\n
//	    title <len>:<title>\n
//	    preamble <len>:<preamble>\n
//	    articles <count>\n
//	    for each article, in order:
//	        number <len>:<number>\n
//	        heading <len>:<heading>\n
//	        body <len>:<body>\n
//
// Counts and lengths are decimal without leading zeros ("0" for none). Empty fields are written
// with length 0. Digest is the SHA-256 of these bytes, DigestHex its lower-case hexadecimal
// form. ParseCanonical reads the form back, so a stored snapshot can be compared with a text.
//
// # Redline
//
// Diff compares two texts of one language and returns their Redline. Articles are matched by
// content (the similarity of their word multisets), not by number, so that a renumbered or moved
// article is reported as such with its own word diff. Words are diffed with Myers' algorithm on
// tokens (words, runs of white space, single punctuation marks), which suits Latin, Cyrillic and
// Arabic script alike. WriteRedline writes a redline as text with [-deleted-] and {+inserted+}
// marks; the Ops of a Redline carry the same for an HTML view with <del> and <ins>.
//
// Compare names how a version's texts differ from a reference (such as a signed snapshot) by
// language, part and article number, for verification reports.
package clause

import "strings"

// MaxDraftSize is the largest draft Parse reads, in bytes.
const MaxDraftSize = 2 << 20

// Keyword returns the word that introduces an article in the language of the BCP 47 tag:
// "Статья" for Russian, "Артыкул" for Belarusian, "آرٹیکل" for Urdu, "Article" otherwise.
func Keyword(language string) string {
	primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(language)), "-")
	switch primary {
	case "ru":
		return "Статья"
	case "be":
		return "Артыкул"
	case "ur":
		return "آرٹیکل"
	}
	return "Article"
}
