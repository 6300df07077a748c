package ingest

import (
	"strings"

	"github.com/entente/entente"
)

// instruments records the specific instruments a sentence reports as signed ("a Readmission
// Agreement between the two governments", "a cooperation agreement between the two defence
// ministries was signed", "Further accords concluded during the visit cover environmental
// protection …") as joint commitments. Unspecified ones ("a set of agreements", "the
// documents", "an agreement") are not: they say that something was signed, not what.
func (d *doc) instruments(s *sent) {
	if !d.hasSigning(s) || d.background(s) {
		return
	}
	ps := s.parts
	for k := 0; k < len(ps); k++ {
		if !instrumentHeads[ps[k].lower] {
			continue
		}
		from := d.instrumentStart(s, k)
		to := d.instrumentEnd(s, k)
		if !d.specific(s, from, k, to) {
			k = to - 1
			continue
		}
		n := len(d.commits)
		d.addCommitment(s, from, to, from, d.joint(), "", nil)
		if len(d.commits) > n {
			d.clearSigningDate(&d.commits[n])
			d.postponedTo(s, &d.commits[n])
		}
		k = to - 1
	}
}

// postponedTo gives an instrument whose signing the sentence puts off the new date as its
// due date: "have put off the signing of the revised Annex C …, which was scheduled for 5
// March, until late April" is due in late April.
func (d *doc) postponedTo(s *sent, c *Commitment) {
	if !d.postponedLater(s, 0) {
		return
	}
	for i := range s.times {
		t := &s.times[i]
		if t.value != "" && !isVague(t.value) && d.newDate(s, t) {
			c.Due, c.DueMod, c.DuePhrase = Nullable(t.value), t.mod, t.phrase
			return
		}
	}
}

// clearSigningDate drops a signed instrument's due date when it is the day it was signed ("a
// contract on Wednesday for 180 tanks"): what is due is only the end of the period it runs for
// ("a programme for 2025-2027").
func (d *doc) clearSigningDate(c *Commitment) {
	if c.Due == "" {
		return
	}
	w, err := entente.ParseWhen(string(c.Due), "", "", false)
	if err == nil && !w.Latest.IsZero() && !w.Latest.After(d.ref) {
		c.Due, c.DueMod, c.DuePhrase = "", "", ""
	}
}

// background reports whether a sentence tells history ("since the two countries established
// diplomatic relations"), which is not annotated.
func (d *doc) background(s *sent) bool {
	for _, c := range d.cuesIn(s) {
		if c.cue.exclude {
			return true
		}
	}
	return false
}

// hasSigning reports whether the sentence reports instruments as signed or concluded.
func (d *doc) hasSigning(s *sent) bool {
	for k, w := range s.parts {
		if !signingWords[w.lower] {
			continue
		}
		if k > 0 && (s.parts[k-1].lower == "be" || s.parts[k-1].lower == "to" || s.parts[k-1].lower == "will") {
			continue // "would be signed": a promise, which the commitment cues read
		}
		return true
	}
	return false
}

// instrumentModifiers may stand before an instrument's head in its name.
func (d *doc) instrumentStart(s *sent, k int) int {
	ps := s.parts
	j := k
	for j > 0 && k-j < 4 {
		w := ps[j-1]
		if !d.gapJoinsTitle(w, ps[j]) || stopBeforeInstrument[w.lower] {
			break
		}
		j--
	}
	return j
}

// stopBeforeInstrument are words an instrument's name does not start before.
var stopBeforeInstrument = map[string]bool{"a": true, "an": true, "the": true, "and": true,
	"was": true, "were": true, "signed": true, "of": true, "on": true, "under": true, "set": true,
	"among": true, "them": true, "also": true, "two": true, "several": true, "various": true,
	"important": true, "these": true, "those": true, "with": true, "by": true, "in": true,
	"sides": true, "handed": true, "exchanged": true, "concluded": true, "number": true,
	"to": true}

// instrumentEnd extends an instrument's name to the right over "on/between/of/for …" up to a
// comma, a verb of signing or the start of another instrument ("and an Agreement on …").
func (d *doc) instrumentEnd(s *sent, k int) int {
	ps := s.parts
	_, hi := d.clause(s, k)
	for j := k + 1; j < hi; j++ {
		switch ps[j].lower {
		case "cover", "covers", "covering":
			return hi // "Further accords concluded during the visit cover environmental protection, …"
		}
	}
	j := k + 1
	covers := false
	for j < hi {
		gap := d.text[ps[j-1].end:ps[j].start]
		w := ps[j].lower
		if strings.ContainsAny(gap, ",;") && !strings.Contains(gap, "(") && !covers {
			break
		}
		covers = covers || w == "cover" || w == "covers" || w == "covering" || w == "include" || w == "including"
		if w == "was" || w == "were" || w == "handed" || w == "signed" || w == "exchanged" || w == "which" || w == "that" || w == "intended" || w == "during" {
			break
		}
		if w == "and" && j+1 < hi && (ps[j+1].lower == "a" || ps[j+1].lower == "an" || looksPast(ps[j+1].lower)) {
			break // "and an Agreement on …", "and launched a taskforce"
		}
		j++
	}
	return j
}

// specific reports whether parts[from:to] with its head at h names a particular instrument:
// a capitalised name ("Readmission Agreement", "Cairo Declaration"), a subject ("agreement
// between the two defence ministries", "on cooperation"), or what plural accords cover.
func (d *doc) specific(s *sent, from, h, to int) bool {
	ps := s.parts
	if from > 0 {
		switch prev := ps[from-1]; {
		case prev.lower == "of" || prev.lower == "set" || prev.lower == "number" || prev.lower == "than" || prev.isDigit():
			return false // "a set of agreements", "more than 34 Agreements": counts, not instruments
		}
	}
	for j := from; j <= h; j++ {
		if ps[j].isUpper() && j > from || (ps[j].isUpper() && j == from && from > 0 && !d.sentenceStart(s, from)) {
			return true
		}
	}
	for j := h + 1; j < to; j++ {
		switch ps[j].lower {
		case "between", "on", "cover", "covering", "concerning", "regarding":
			return true
		}
	}
	return false
}

// sentenceStart reports whether parts[k] opens its sentence.
func (d *doc) sentenceStart(s *sent, k int) bool { return k == 0 }
