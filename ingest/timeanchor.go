package ingest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/timex"
)

// prepositions that the corpus keeps in a time phrase ("on 4 July", "during 1st week of
// December", "till 30th of this month"), longest first.
var timePrepositions = []string{"no later than", "not later than", "no earlier than",
	"not earlier than", "in the month of", "during", "before", "after", "until", "within", "since",
	"from", "till", "by", "on", "in", "at"}

// withSignal extends the span of an expression back over its preposition.
func (d *doc) withSignal(start, end int, signal string) Span {
	if signal == "" {
		signal = precedingSignal(d.text, start)
	}
	if signal == "" {
		return Span{start, end}
	}
	before := strings.TrimRight(d.text[:start], " \t")
	if n := len(signal); len(before) >= n && strings.EqualFold(before[len(before)-n:], signal) {
		p := len(before) - n
		if p == 0 || !isWordByte(d.text[p-1]) {
			return Span{p, end}
		}
	}
	return Span{start, end}
}

// precedingSignal returns the preposition right before offset, lower case, or "".
func precedingSignal(text string, offset int) string {
	before := strings.ToLower(strings.TrimRight(text[max(0, offset-24):offset], " \t"))
	for _, p := range timePrepositions {
		if strings.HasSuffix(before, p) {
			k := len(before) - len(p)
			if k == 0 || !isWordByte(before[k-1]) {
				return p
			}
		}
	}
	return ""
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

var reDuration = regexp.MustCompile(`^P(\d+)([DWMY])$`)

// durationAsDate turns "in two weeks" (P2W after "in" or "within") into the date that far
// from the reference, approximate, as the corpus does; other durations are not dates.
func (d *doc) durationAsDate(t *timeRef, ref entente.Date) bool {
	sig := t.signal
	if sig == "" {
		sig = precedingSignal(d.text, t.expr.Start)
	}
	if sig != "in" && sig != "within" {
		return false
	}
	m := reDuration.FindStringSubmatch(t.value)
	if m == nil {
		return false
	}
	n, _ := strconv.Atoi(m[1])
	switch m[2] {
	case "D":
		t.value = ref.AddDays(n).String()
	case "W":
		t.value = ref.AddDays(7 * n).String()
	case "M":
		t.value = ref.AddMonths(n).String()[:7]
	case "Y":
		t.value = strconv.Itoa(ref.Year + n)
	}
	t.typ, t.signal, t.approximate, t.mod = timex.TypeDate, sig, true, ""
	t.Span = d.withSignal(t.expr.Start, t.expr.End, sig)
	return true
}

var (
	reEarlier     = regexp.MustCompile(`^(?i:(earlier|later|afterwards|subsequently)(\s+(in|on)\s+the\s+day|\s+that\s+day)?)\b`)
	reEventAnchor = regexp.MustCompile(`(?i)\b(after|following|before|ahead\s+of|prior\s+to|during|at\s+the\s+(?:end|close)\s+of|on\s+the\s+sidelines\s+of|on\s+the\s+margins\s+of|in\s+the\s+course\s+of)\s+(the|their|his|her|its|this)\s+(talks|meeting|meetings|session|ceremony|visit|stay|call|conversation|summit)\b`)
)

var (
	earlierWords = wordSet("earlier", "later", "afterwards", "subsequently")
	anchorWords  = wordSet("after", "following", "before", "ahead", "prior", "during", "end", "close", "sidelines", "margins", "course")
	vagueWords   = wordSet("soon", "upcoming", "forthcoming", "coming", "near", "early", "earliest", "recent", "recently")
)

// eventAnchors finds "Earlier", "Later" at the start of a sentence and "after the meeting",
// "during his stay", "at the end of the session", "on the sidelines of the summit" in it: the
// corpus dates what they introduce by the event they refer to, approximately.
func (d *doc) eventAnchors(s *sent, have []timeRef) []timeRef {
	text := d.text[s.Start:s.End]
	var m []int
	if len(s.parts) > 0 && earlierWords[s.parts[0].lower] {
		m = reEarlier.FindStringIndex(text)
	}
	if m == nil && s.hasWord(anchorWords) {
		m = reEventAnchor.FindStringIndex(text)
	}
	if m == nil || coveredBy(have, s.Start+m[0]) {
		return nil
	}
	sp := Span{s.Start + m[0], s.Start + m[1]}
	return []timeRef{{Span: sp, expr: sp, phrase: text[m[0]:m[1]], onEvent: true, approximate: true}}
}

var reVague = regexp.MustCompile(`(?i)\b(soon|upcoming|forthcoming|in\s+the\s+coming\s+(days|weeks|months|years|period)|in\s+the\s+near\s+future|at\s+an\s+early\s+date|at\s+the\s+earliest|as\s+soon\s+as\s+possible|recent|recently)\b`)

// vagueRefs finds the vague phrases the corpus dates FUTURE_REF or PAST_REF when timex has
// not already covered them.
func (d *doc) vagueRefs(s *sent, have []timeRef) []timeRef {
	if !s.hasWord(vagueWords) {
		return nil
	}
	var out []timeRef
	text := d.text[s.Start:s.End]
	for _, m := range reVague.FindAllStringIndex(text, -1) {
		start := s.Start + m[0]
		if coveredBy(have, start) {
			continue
		}
		v := entente.FutureRef
		if strings.HasPrefix(strings.ToLower(text[m[0]:m[1]]), "recent") {
			v = entente.PastRef
		}
		sp := Span{start, s.Start + m[1]}
		out = append(out, timeRef{Span: sp, expr: sp, phrase: text[m[0]:m[1]], typ: timex.TypeDate, value: v})
	}
	return out
}

func coveredBy(ts []timeRef, offset int) bool {
	for _, t := range ts {
		if offset >= t.Start && offset < t.End {
			return true
		}
	}
	return false
}

func sortTimes(ts []timeRef) {
	slices.SortFunc(ts, func(a, b timeRef) int { return a.Start - b.Start })
}

// resolveAt re-reads one sentence's time expressions against another reference date.
func (d *doc) resolveAt(s *sent, ref entente.Date) []timeRef {
	exprs := timex.Find(d.text[s.Start:s.End], ref)
	for i := range exprs {
		exprs[i].Start += s.Start
		exprs[i].End += s.Start
	}
	return d.sentenceTimes(s, exprs, ref)
}

// reanchorSpeech resolves the relative dates of reported speech from the day the words were
// spoken: in "Sharif said at a press conference on Tuesday that they would meet again in two
// weeks", "in two weeks" counts from Tuesday, which the time then records as its anchor. The
// speech goes on in the following sentences that report saying ("Vieira said the ministers
// would meet again in two weeks"); it returns the day of the speech still being reported.
func (d *doc) reanchorSpeech(s *sent, ongoing entente.Date) entente.Date {
	spoken, ok := d.speechDate(s)
	switch {
	case ok:
	case !ongoing.IsZero() && d.reportsSpeech(s):
		spoken = ongoing
	default:
		return entente.Date{}
	}
	if spoken == d.ref {
		return spoken
	}
	again := d.resolveAt(s, spoken)
	for i, t := range s.times {
		if t.value == "" || t.onEvent {
			continue
		}
		for _, u := range again {
			if u.expr == t.expr && u.value != t.value && u.value != spoken.String() {
				u.anchor = spoken.String()
				s.times[i] = u
			}
		}
	}
	return spoken
}

// reportsSpeech reports whether a sentence reports saying.
func (d *doc) reportsSpeech(s *sent) bool {
	return hasSpeechVerb(lowerWords(s.parts))
}

// speechDate returns the day of a speech act in the sentence: a past day-valued date next to
// a verb of saying ("said on Tuesday", "told reporters on Tuesday", "On Tuesday, he said").
func (d *doc) speechDate(s *sent) (entente.Date, bool) {
	for _, t := range s.times {
		if t.gran != string(entente.GranularityDay) || t.after(d.ref) {
			continue
		}
		before := strings.ToLower(d.text[max(s.Start, t.Start-60):t.Start])
		after := strings.ToLower(d.text[t.End:min(s.End, t.End+40)])
		if hasSpeechVerb(lastWords(before, 7)) || hasSpeechVerb(firstWords(after, 4)) {
			if day, err := entente.ParseDate(t.value); err == nil {
				return day, true
			}
		}
	}
	return entente.Date{}, false
}

func hasSpeechVerb(ws []string) bool {
	for _, w := range ws {
		for _, v := range speechVerbs {
			if w == v {
				return true
			}
		}
	}
	return false
}

func lastWords(s string, n int) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
	return f[max(0, len(f)-n):]
}

func firstWords(s string, n int) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) })
	return f[:min(n, len(f))]
}

// isRelativeValue reports whether a time's value depends on the reference date: read against
// the publication date instead, it would differ.
func isRelativeValue(d *doc, s *sent, t timeRef) bool {
	for _, u := range d.resolveAt(s, d.published) {
		if u.expr == t.expr {
			return u.value != t.value
		}
	}
	return false
}
