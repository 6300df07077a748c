// Package ingest reads one statement — a press release, joint statement or news report in
// English — and returns a draft roadmap: the parties, the people who spoke, the sectors, every
// meeting, visit, signing, session, call, forum and deadline with its date resolved against the
// publication date, every commitment with who owes it and by when, and the offers and requests
// between the parties. Every item points at the sentence it came from, so that a desk officer
// can accept, correct or reject it before it enters the roadmap.
//
// Reading is rule based and deterministic: the text is cut into sentences; countries are found
// with package country, time expressions with package timex (and normalised further by the
// rules of the statements corpus, where they differ from TimeML), titles of office, event and
// commitment cues and a sector lexicon with the tables in this package. Evaluate scores Read
// against hand-annotated statements.
package ingest

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
)

// MaxText is the longest statement Read accepts, the size of the largest stored source.
const MaxText = entente.MaxSourceText

// Read turns one statement into a draft roadmap. published is the publication date, against
// which relative dates ("in two weeks", "next February") are resolved unless the text is tied
// to another dated occasion (a dateline, reported speech), which the events then record as
// their anchor.
//
// Read never panics and runs in time linear in the text's length. It returns an EINVALID
// *entente.Error when the text is empty, binary, longer than MaxText, or has no English
// sentence, and when published is the zero date. A text in which nothing is found gives an
// empty draft with a note saying so.
func Read(text string, published entente.Date) (*Draft, error) {
	if published.IsZero() {
		return nil, &entente.Error{Code: entente.EINVALID, Message: "The publication date is required: it resolves relative dates.",
			Fields: map[string]string{"date": "is required"}}
	}
	if err := checkText(text); err != nil {
		return nil, err
	}
	d := newDoc(text, published)
	if d.english == 0 {
		return nil, invalidText("No English sentences found: ingest reads statements in English.")
	}
	d.read()
	return d.draft(), nil
}

// checkText refuses what is not a statement: nothing, too much, or binary data.
func checkText(text string) error {
	if len(text) > MaxText {
		return invalidText(fmt.Sprintf("The statement is %d bytes long; the limit is %d bytes (5 MiB).", len(text), MaxText))
	}
	letters, bad := 0, 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			bad++
		case unicode.IsLetter(r):
			letters++
		case unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t':
			bad++
		}
		i += size
	}
	if letters == 0 && bad == 0 {
		return invalidText("The statement is empty: there are no words to read.")
	}
	if bad*20 > len(text) {
		return invalidText(fmt.Sprintf("The statement is not text: %d of its %d bytes are binary data or invalid UTF-8.", bad, len(text)))
	}
	if letters == 0 {
		return invalidText("The statement has no words to read.")
	}
	return nil
}

func invalidText(msg string) error {
	return &entente.Error{Code: entente.EINVALID, Message: msg, Fields: map[string]string{"text": msg}}
}

// read runs the steps in order; each step uses what the steps before it found.
func (d *doc) read() {
	d.findDateline()
	d.findCountries()
	d.findTimes()
	d.findPeople()
	d.findParties()
	d.findEvents()
	d.findCommitments()
	d.findInterests()
	d.findSectors()
}
