// Package timex finds time expressions in English text and normalises them to TIMEX3 values
// against a reference date (the publication date of the text), following the TimeML/TIMEX3
// annotation guidelines: dates, times, durations and sets; relative expressions whose direction
// depends on the verb tense; anchored expressions ("two weeks later"); ranges; modifiers; and
// the vague PAST_REF, PRESENT_REF and FUTURE_REF.
//
// It is deterministic and rule based: the text is cut into sentences and tokens once, and a
// hand-written grammar over the tokens, with lexicons of month, weekday, unit and number
// words, recognises each expression at its longest. Find is TimeML-faithful (a desk officer's
// "in two weeks" is the duration P2W, as TimeML annotates it); ResolveEventDate and EventWhen
// turn such expressions into the dates a roadmap records.
package timex

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"github.com/entente/entente"
)

// Types of time expressions (TIMEX3 type attribute).
const (
	TypeDate     = "DATE"
	TypeTime     = "TIME"
	TypeDuration = "DURATION"
	TypeSet      = "SET"
)

// Expr is one time expression found in a text, with its TIMEX3 normalisation.
type Expr struct {
	// Start and End are byte offsets into the input: text[Start:End] == Text. The extent
	// follows TimeML: determiners and modifiers ("the", "early", "about", "the end of") are
	// inside when TimeML puts them there; prepositions ("in", "by", "before") and trailing
	// punctuation are outside.
	Start, End int
	Text       string
	Type       string // DATE, TIME, DURATION or SET
	// Value is the TIMEX3 value: 2024-12-10, 2025-02, 2024-W48, 2024-Q1, 2024-SU, 199,
	// 2024-11-26TAF, 2024-11-26T15:00, P2W, PT3H, PXY, PAST_REF, XXXX-WXX-2 …
	Value string
	Mod   string // START, MID, END, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE, APPROX, or ""
	Quant string // for a SET: EVERY, EACH, or ""
	Freq  string // for a SET: 2X ("twice a year"), or ""
	// EndValue is the value of the end of a range, else "". A range in one piece ("25-27
	// November") is one expression; days joined by a word ("25 to 27 November", "28 and 29
	// November") are two, as TimeML marks them, and the first carries the second's value here
	// ("25" → 2024-11-25 with EndValue 2024-11-27, then "27 November" → 2024-11-27).
	EndValue string
	// Approximate is true for "about two weeks", "around mid-December", "a year or so".
	Approximate bool
	// Signal is the preposition just before the expression, lower case ("by", "before",
	// "after", "in", "on", "since", "until", "within", "no later than", …), or "". It is not
	// part of the extent in TimeML, but it decides what a roadmap means: "by 2030" is a
	// deadline, "in two weeks" a date.
	Signal string
}

// Find returns the time expressions of text in order, normalised against ref, the document
// creation or publication date. Offsets are byte offsets; expressions never overlap. Find is
// safe on any input (empty, binary, very long) and runs in time linear in the text's length.
func Find(text string, ref entente.Date) []Expr {
	if ref.IsZero() {
		ref = entente.Date{Year: 2000, Month: 1, Day: 1}
	}
	p := newParser(text, ref)
	p.run()
	return p.out
}

// WriteJSONLines writes one JSON object per expression and line, in the CLI format
//
//	{"start": 0, "end": 5, "text": "today", "type": "DATE", "value": "2024-11-26"}
//
// with "mod" after "value" only when present. It returns the first write error.
func WriteJSONLines(w io.Writer, exprs []Expr) error {
	var b []byte
	for _, e := range exprs {
		b = appendJSONLine(b[:0], e)
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// appendJSONLine appends the JSON line of one expression.
func appendJSONLine(b []byte, e Expr) []byte {
	b = append(b, `{"start": `...)
	b = strconv.AppendInt(b, int64(e.Start), 10)
	b = append(b, `, "end": `...)
	b = strconv.AppendInt(b, int64(e.End), 10)
	b = append(b, `, "text": `...)
	b = appendJSONString(b, e.Text)
	b = append(b, `, "type": `...)
	b = appendJSONString(b, e.Type)
	b = append(b, `, "value": `...)
	b = appendJSONString(b, e.Value)
	if e.Mod != "" {
		b = append(b, `, "mod": `...)
		b = appendJSONString(b, e.Mod)
	}
	return append(b, "}\n"...)
}

// appendJSONString appends s as a JSON string without HTML escaping; invalid UTF-8 becomes
// U+FFFD, as encoding/json does, so every line is valid JSON whatever the input was.
func appendJSONString(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}
