package server

import (
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// scheduleWords formats what the schedule's pages repeat for thousands of actions (dates,
// slack, marks, the chart's tips), each distinct value once per request: a roadmap of 10,000
// actions has a few hundred distinct days and slacks.
type scheduleWords struct {
	l     *i18n.Locale
	dates map[entente.Date]string
	slack map[int]string
	flags map[string][]Flag
	tip   phrase
}

func newScheduleWords(l *i18n.Locale) *scheduleWords {
	return &scheduleWords{l: l, dates: map[entente.Date]string{}, slack: map[int]string{}, flags: map[string][]Flag{},
		tip: newPhrase(l, "schedule.bar_tip", "Title", "Start", "Finish", "Late")}
}

// date formats a day.
func (w *scheduleWords) date(d entente.Date) string {
	s, ok := w.dates[d]
	if !ok {
		s = w.l.Date(d)
		w.dates[d] = s
	}
	return s
}

// slackText says how much an action can slip, or how far behind it is.
func (w *scheduleWords) slackText(n int) string {
	s, ok := w.slack[n]
	if !ok {
		s = slackText(w.l, n)
		w.slack[n] = s
	}
	return s
}

// marks returns an action's flags (see scheduleFlags).
func (w *scheduleWords) marks(a *entente.ActionSchedule) []Flag {
	var key strings.Builder
	for _, on := range []bool{a.Late, a.AtRisk, a.Blocked, a.Critical} {
		if on {
			key.WriteByte('1')
		} else {
			key.WriteByte('0')
		}
	}
	for _, r := range a.Reasons {
		key.WriteString("," + r)
	}
	fs, ok := w.flags[key.String()]
	if !ok {
		fs = scheduleFlags(w.l, a)
		w.flags[key.String()] = fs
	}
	return fs
}

// phrase is a message with slots, translated once and filled many times.
type phrase struct {
	parts []string // the text around the slots
	slots []int    // the value that goes after parts[i]
}

// slotMark marks slot i in the translated text: a private-use character no message holds.
func slotMark(i int) rune { return rune(0xE000 + i) }

// newPhrase translates id with a mark in place of each named value.
func newPhrase(l *i18n.Locale, id string, names ...string) phrase {
	pairs := make([]any, 0, 2*len(names))
	for i, n := range names {
		pairs = append(pairs, n, string(slotMark(i)))
	}
	var p phrase
	start := 0
	text := l.T(id, pairs...)
	for i, r := range text {
		if r >= slotMark(0) && r < slotMark(len(names)) {
			p.parts = append(p.parts, text[start:i])
			p.slots = append(p.slots, int(r-slotMark(0)))
			start = i + len(string(r))
		}
	}
	p.parts = append(p.parts, text[start:])
	return p
}

// fill writes the phrase with the values, in the order of the names it was made with.
func (p phrase) fill(values ...string) string {
	var b strings.Builder
	for i, part := range p.parts {
		b.WriteString(part)
		if i < len(p.slots) && p.slots[i] < len(values) {
			b.WriteString(values[p.slots[i]])
		}
	}
	return b.String()
}
