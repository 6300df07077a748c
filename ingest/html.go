package ingest

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/entente/entente"
)

// MaxHTML is the largest HTML file TextFromHTML reads.
const MaxHTML = 4 * MaxText

// skippedElements hold no statement text: code, styles, navigation, forms and embedded media.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Nav: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Head: true, atom.Iframe: true, atom.Form: true, atom.Button: true,
	atom.Select: true, atom.Object: true, atom.Canvas: true,
}

// blockElements end a paragraph of text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Tr: true,
	atom.Table: true, atom.Section: true, atom.Article: true, atom.Blockquote: true,
	atom.Pre: true, atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Figcaption: true,
	atom.Figure: true, atom.Header: true, atom.Footer: true, atom.Main: true, atom.Aside: true,
	atom.Address: true, atom.Hr: true, atom.Td: true, atom.Th: true, atom.Caption: true,
}

// TextFromHTML returns the text of an uploaded HTML page as paragraphs separated by blank
// lines, the form Read expects: scripts, styles, navigation and forms are dropped, block
// elements (paragraphs, headings, list items, table rows) end paragraphs, <br> and the line
// breaks of <pre> end lines, and runs of white space within a line become one space. It returns an EINVALID error for a file larger
// than MaxHTML or one with no text.
func TextFromHTML(r io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxHTML+1))
	if err != nil {
		return "", err
	}
	if len(b) > MaxHTML {
		return "", invalidText(fmt.Sprintf("The HTML file is larger than %d bytes.", MaxHTML))
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return "", &entente.Error{Code: entente.EINVALID, Message: "The file is not readable HTML: " + err.Error()}
	}
	var w paragraphWriter
	w.walk(doc, false)
	text := w.String()
	if text == "" {
		return "", invalidText("The HTML file has no text outside scripts, styles and navigation.")
	}
	return text, nil
}

// paragraphWriter collects text, opening a new paragraph at block boundaries.
type paragraphWriter struct {
	paras []string
	cur   strings.Builder
}

func (w *paragraphWriter) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, pre)
		return
	case html.ElementNode:
		if skippedElements[n.DataAtom] {
			return
		}
		if n.DataAtom == atom.Br {
			w.cur.WriteString("\n")
			return
		}
		pre = pre || n.DataAtom == atom.Pre
	}
	block := n.Type == html.ElementNode && blockElements[n.DataAtom]
	if block {
		w.endParagraph()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, pre)
	}
	if block {
		w.endParagraph()
	}
}

// text adds a text node, collapsing white space outside <pre>.
func (w *paragraphWriter) text(s string, pre bool) {
	if pre {
		w.cur.WriteString(s)
		return
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if s != "" && unicode.IsSpace(first) && w.cur.Len() > 0 {
		w.cur.WriteByte(' ')
	}
	w.cur.WriteString(strings.Join(strings.Fields(s), " "))
	if s != "" && unicode.IsSpace(last) && len(strings.Fields(s)) > 0 {
		w.cur.WriteByte(' ')
	}
}

// endParagraph closes the current paragraph, tidying the spaces around its line breaks.
func (w *paragraphWriter) endParagraph() {
	lines := strings.Split(w.cur.String(), "\n")
	var keep []string
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			keep = append(keep, l)
		}
	}
	if len(keep) > 0 {
		w.paras = append(w.paras, strings.Join(keep, "\n"))
	}
	w.cur.Reset()
}

// String returns the paragraphs separated by blank lines.
func (w *paragraphWriter) String() string {
	w.endParagraph()
	return strings.Join(w.paras, "\n\n")
}
