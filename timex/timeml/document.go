// Package timeml reads TimeML documents (.tml) and scores a time-expression tagger against
// their gold TIMEX3 annotations the way TempEval-3 Task A does: strict and relaxed span
// precision, recall and F1, and value and type F1 over relaxed matches.
//
// The scored text of a document is the content of its <TEXT> element with the tags removed
// and the XML entities decoded; gold spans are byte offsets into that text. The reference date
// of a document is the value of the TIMEX3 inside <DCT>.
package timeml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/entente/entente"
)

// Document is one TimeML document prepared for scoring.
type Document struct {
	Name string       // the file's path as given
	DCT  entente.Date // document creation time: the reference date
	Text string       // content of <TEXT>, tags removed, entities decoded
	Gold []Timex      // the TIMEX3 annotations inside <TEXT>, in order
}

// Timex is one gold TIMEX3 annotation.
type Timex struct {
	Start, End int // byte offsets into Document.Text
	Text       string
	ID         string // tid
	Type       string
	Value      string
	Mod        string
	Quant      string
	Freq       string
}

// ReadFile reads and parses one .tml file.
func ReadFile(path string) (Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Document{}, err
	}
	return Parse(path, data)
}

// Parse reads a TimeML document from data; name is used in error messages.
func Parse(name string, data []byte) (Document, error) {
	doc := Document{Name: name}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	var text bytes.Buffer
	var open *Timex // the TIMEX3 being read inside TEXT
	inText, inDCT, sawText := false, false, false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return Document{}, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText, sawText = true, true
			case "DCT":
				inDCT = true
			case "TIMEX3":
				if inDCT {
					if err := doc.setDCT(t, dec); err != nil {
						return Document{}, err
					}
				} else if inText {
					open = newTimex(t, text.Len())
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
			case "TIMEX3":
				if open != nil {
					open.End = text.Len()
					open.Text = text.String()[open.Start:open.End]
					doc.Gold = append(doc.Gold, *open)
					open = nil
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	return doc.finish(name, text.String(), sawText)
}

// finish checks what a scored document needs.
func (doc Document) finish(name, text string, sawText bool) (Document, error) {
	if !sawText {
		return Document{}, fmt.Errorf("%s: no <TEXT> element", name)
	}
	if doc.DCT.IsZero() {
		return Document{}, fmt.Errorf("%s: no <DCT><TIMEX3 value=\"YYYY-MM-DD\"> giving the document creation time", name)
	}
	doc.Text = text
	return doc, nil
}

// setDCT reads the reference date from the DCT's TIMEX3 value ("1998-08-07" or a longer
// date-time, of which the date is used).
func (doc *Document) setDCT(t xml.StartElement, dec *xml.Decoder) error {
	v := attr(t, "value")
	if len(v) >= 10 {
		if d, err := entente.ParseDate(v[:10]); err == nil {
			doc.DCT = d
			return nil
		}
	}
	line, _ := dec.InputPos()
	return fmt.Errorf("%s:%d: DCT value %q is not a date of the form YYYY-MM-DD", doc.Name, line, v)
}

func newTimex(t xml.StartElement, start int) *Timex {
	return &Timex{
		Start: start, ID: attr(t, "tid"), Type: attr(t, "type"), Value: attr(t, "value"),
		Mod: attr(t, "mod"), Quant: attr(t, "quant"), Freq: attr(t, "freq"),
	}
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
