package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/country"
	"github.com/entente/entente/timex"
)

// dateline is the place (and date) a report opens with: "ISLAMABAD (10th Feb, 2025) -",
// "HÀ NỘI, July 5 -", "MINSK:", or a first line holding only a date.
type dateline struct {
	start  int    // offset of the dateline's first letter
	end    int    // offset just past the dateline, 0 when there is none
	city   string // as a name: "Islamabad", "Hà Nội"
	alpha3 string // the city's country, when known
}

// findDateline reads an upper-case place at the start of the text, or of one of its first
// lines (after a headline or a photo caption), up to the dash or colon that ends the
// dateline. "here" in the text then means this city.
func (d *doc) findDateline() {
	start := 0
	for line := 0; line < maxDatelineLine && start < len(d.text); line++ {
		if d.datelineAt(start) {
			return
		}
		nl := strings.IndexByte(d.text[start:], '\n')
		if nl < 0 {
			return
		}
		start += nl + 1
	}
}

// maxDatelineLine is how many lines of a text may come before its dateline.
const maxDatelineLine = 4

// datelineAt reads a dateline starting at offset start and reports whether there is one.
func (d *doc) datelineAt(start int) bool {
	text := d.text
	i := start + len(text[start:]) - len(strings.TrimLeft(text[start:], " \t\r\n"))
	j := i
	for words := 0; words < 4; words++ {
		k := j
		for k < len(text) && text[k] != ' ' && text[k] != ',' && text[k] != '(' && text[k] != ':' && text[k] != '\n' {
			k++
		}
		if k == j || !allCaps(text[j:k]) {
			break
		}
		j = k
		if j+1 < len(text) && text[j] == ' ' && j+2 < len(text) && text[j+1] != '-' && text[j+1] != '(' {
			j++
		}
	}
	place := strings.TrimRight(text[i:j], " ")
	if place == "" {
		place = knownCityAt(text[i:]) // "Seoul, 9 April 2025 –": a known city in ordinary case
	}
	if utf8.RuneCountInString(place) < 3 {
		return false
	}
	end := datelineEnd(text[i+len(place):])
	if end < 0 {
		return false
	}
	name := placeName(place)
	d.dateline = dateline{start: i, end: i + len(place) + end, city: name}
	if c, _, ok := country.Lookup(name); ok {
		d.dateline.alpha3 = c.Alpha3
	}
	return true
}

// knownCityAt returns the capital or city that text starts with when it is followed by a
// comma ("Seoul, 9 April 2025"), or "".
func knownCityAt(text string) string {
	comma := strings.IndexByte(text, ',')
	if comma <= 0 || comma > 30 || strings.ContainsAny(text[:comma], "\n.") {
		return ""
	}
	name := text[:comma]
	if _, kind, ok := country.Lookup(name); ok && (kind == country.KindCapital || kind == country.KindCity) && firstUpper(name) {
		return name
	}
	return ""
}

// reDatelineRest is what may follow the place of a dateline up to its dash or colon: a date
// in brackets or after a comma ("(10th Feb, 2025)", ", July 5").
var reDatelineRest = regexp.MustCompile(`^ ?(\([^()\n]{0,30}\))? ?(, ?([A-Z][a-z]{2,8}\.? \d{1,2}(st|nd|rd|th)?|\d{1,2}(st|nd|rd|th)? [A-Z][a-z]{2,8}\.?)(,? \d{4})?)? ?(-|–|—|:)`)

// datelineEnd returns how far into rest the dateline runs (past its dash or colon), or -1.
func datelineEnd(rest string) int {
	m := reDatelineRest.FindStringIndex(rest)
	if m == nil {
		return -1
	}
	return m[1]
}

// placeName turns "HÀ NỘI" into "Hà Nội".
func placeName(s string) string {
	parts := strings.Fields(strings.ToLower(s))
	for i, p := range parts {
		parts[i] = capitalise(p)
	}
	return strings.Join(parts, " ")
}

// datelineLine reports whether the first line holds only a date, or a place and a date
// ("Wednesday, December 4, 2024", "Berlin, 16 May 2025"), and takes the place as the city.
func (d *doc) datelineLine(line string, e timex.Expr, offset int) bool {
	rest := strings.Trim(line[:e.Start-offset]+" "+line[e.End-offset:], " ,-–—:\t\r")
	if rest == "" {
		return true
	}
	if len(line) > 60 {
		return false
	}
	c, kind, ok := country.Lookup(rest)
	if !ok || (kind != country.KindCapital && kind != country.KindCity) {
		return false
	}
	if d.dateline.city == "" {
		d.dateline.city, d.dateline.alpha3 = rest, c.Alpha3
	}
	return true
}

// firstLines returns the spans of the first two non-empty lines of the text.
func (d *doc) firstLines() []Span {
	var out []Span
	start := 0
	for start < len(d.text) && len(out) < 2 {
		end := strings.IndexByte(d.text[start:], '\n')
		if end < 0 {
			end = len(d.text) - start
		}
		if strings.TrimSpace(d.text[start:start+end]) != "" {
			out = append(out, Span{start, start + end})
		}
		start += end + 1
	}
	return out
}

// datelineLines returns the span covering the first two non-empty lines.
func (d *doc) datelineLines() (int, int) {
	ls := d.firstLines()
	if len(ls) == 0 {
		return 0, 0
	}
	return ls[0].Start, ls[len(ls)-1].End
}

// datelineDate returns the day a dateline gives: a day-valued expression inside the dateline,
// or one filling the text's first line on its own ("Wednesday, December 4, 2024"). Only a
// day within a week before publication is taken: a dateline names the day of the events.
//
// The date line may be the first line or, under a heading ("Joint communiqué"), the second.
func (d *doc) datelineDate(exprs []timex.Expr) (entente.Date, bool) {
	lineStart, lineEnd := d.datelineLines()
	for _, e := range exprs {
		if e.Start > max(d.dateline.end, lineEnd) {
			break
		}
		inDateline := e.Start >= d.dateline.start && e.End <= d.dateline.end
		line := Span{lineStart, lineEnd}
		for _, l := range d.firstLines() {
			if e.Start >= l.Start && e.End <= l.End {
				line = l
			}
		}
		wholeLine := e.Start >= line.Start && e.End <= line.End && d.datelineLine(d.text[line.Start:line.End], e, line.Start)
		if !inDateline && !wholeLine {
			continue
		}
		day, err := entente.ParseDate(e.Value)
		if err != nil {
			continue
		}
		if gap := d.published.DaysSince(day); gap >= 0 && gap <= 7 {
			if wholeLine && d.dateline.end == 0 {
				d.dateline.end = line.End
			}
			return day, true
		}
	}
	return entente.Date{}, false
}
