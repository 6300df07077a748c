package entente

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Granularity is the unit a When is stated in.
type Granularity string

// Granularities, from the finest to the coarsest. Vague references (PAST_REF) have none.
const (
	GranularityTime      Granularity = "time"        // 2024-11-26T15:00
	GranularityPartOfDay Granularity = "part_of_day" // 2024-11-26TAF
	GranularityDay       Granularity = "day"         // 2024-12-10
	GranularityWeekend   Granularity = "weekend"     // 2024-W48-WE
	GranularityWeek      Granularity = "week"        // 2024-W48
	GranularityMonth     Granularity = "month"       // 2025-02
	GranularityQuarter   Granularity = "quarter"     // 2025-Q1
	GranularitySeason    Granularity = "season"      // 2025-SP
	GranularityHalf      Granularity = "half"        // 2025-H1
	GranularityYear      Granularity = "year"        // 2025
	GranularityDecade    Granularity = "decade"      // 202 (the 2020s)
	GranularityCentury   Granularity = "century"     // 20 (the 2000s)
)

// Modifiers of a When, from TIMEX3.
const (
	ModStart      = "START"
	ModMid        = "MID"
	ModEnd        = "END"
	ModBefore     = "BEFORE"
	ModOnOrBefore = "ON_OR_BEFORE"
	ModAfter      = "AFTER"
	ModOnOrAfter  = "ON_OR_AFTER"
	ModApprox     = "APPROX"
)

// Vague TIMEX3 values: sometime before, at or after the reference time.
const (
	PastRef    = "PAST_REF"
	PresentRef = "PRESENT_REF"
	FutureRef  = "FUTURE_REF"
)

// When is a date as people say it: "February next year" is kept as the TIMEX3 value 2025-02,
// never turned into 1 February 2025. Earliest and Latest are the first and last calendar days
// it covers, derived from Value, End and Mod; a zero bound means open (BEFORE 2030 has no
// earliest day, PAST_REF has neither). Scheduling uses Latest as the deadline; the interface
// shows what was said.
type When struct {
	Value       string      `json:"value"`
	End         string      `json:"end,omitempty"` // the end of a range ("from 25 to 27 November")
	Mod         string      `json:"mod,omitempty"`
	Approximate bool        `json:"approximate"`
	Granularity Granularity `json:"granularity,omitempty"`
	Earliest    Date        `json:"earliest,omitzero"`
	Latest      Date        `json:"latest,omitzero"`
}

// ParseWhen validates a TIMEX3 value with an optional range end and modifier and derives the
// granularity and the days it covers. APPROX as a modifier also sets Approximate.
func ParseWhen(value, end, mod string, approximate bool) (When, error) {
	mod = strings.ToUpper(strings.TrimSpace(mod))
	w := When{Value: value, End: end, Mod: mod, Approximate: approximate || mod == ModApprox}
	if value == "" {
		if end != "" || mod != "" {
			return When{}, fmt.Errorf("a range end or modifier needs a value")
		}
		return When{Approximate: approximate}, nil
	}
	g, first, last, err := parseTimexValue(value)
	if err != nil {
		return When{}, err
	}
	w.Granularity = g
	if end != "" {
		if first.IsZero() {
			return When{}, fmt.Errorf("a vague value like %s cannot start a range", value)
		}
		_, efirst, elast, err := parseTimexValue(end)
		if err != nil {
			return When{}, fmt.Errorf("end: %w", err)
		}
		if efirst.Before(first) {
			return When{}, fmt.Errorf("the range ends (%s) before it starts (%s)", end, value)
		}
		last = elast
	}
	w.Earliest, w.Latest, err = applyMod(mod, first, last)
	return w, err
}

// MustWhen is ParseWhen for values known to be valid (the demo data, tests); it panics otherwise.
func MustWhen(value, mod string, approximate bool) When {
	w, err := ParseWhen(value, "", mod, approximate)
	if err != nil {
		panic(err)
	}
	return w
}

// WhenOfDate returns the exact When of one calendar day.
func WhenOfDate(d Date) When {
	return When{Value: d.String(), Granularity: GranularityDay, Earliest: d, Latest: d}
}

// IsZero reports whether no date was said.
func (w When) IsZero() bool { return w.Value == "" }

// IsVague reports whether w is PAST_REF, PRESENT_REF or FUTURE_REF.
func (w When) IsVague() bool {
	return w.Value == PastRef || w.Value == PresentRef || w.Value == FutureRef
}

// Deadline returns the last day w covers (zero when w is open-ended or vague).
func (w When) Deadline() Date { return w.Latest }

// Contains reports whether d lies within w's bounds (open bounds contain everything).
func (w When) Contains(d Date) bool {
	if w.IsZero() || w.IsVague() {
		return false
	}
	return (w.Earliest.IsZero() || !d.Before(w.Earliest)) && (w.Latest.IsZero() || !d.After(w.Latest))
}

// String returns the TIMEX3 form: value, "/end" for a range, and " mod" when present.
func (w When) String() string {
	s := w.Value
	if w.End != "" {
		s += "/" + w.End
	}
	if w.Mod != "" && w.Mod != ModApprox {
		s += " " + w.Mod
	}
	if w.Approximate {
		s = "~" + s
	}
	return s
}

// UnmarshalJSON reads value, end, mod and approximate and derives the rest, so a client can
// never store bounds that disagree with the value. A bare JSON string is read as the value.
func (w *When) UnmarshalJSON(b []byte) error {
	var in struct {
		Value       string `json:"value"`
		End         string `json:"end"`
		Mod         string `json:"mod"`
		Approximate bool   `json:"approximate"`
	}
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &in.Value); err != nil {
			return err
		}
	} else if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	v, err := ParseWhen(in.Value, in.End, in.Mod, in.Approximate)
	if err != nil {
		return err
	}
	*w = v
	return nil
}

var (
	reYear     = regexp.MustCompile(`^(\d{4})$`)
	reDecade   = regexp.MustCompile(`^(\d{3})$`)
	reCentury  = regexp.MustCompile(`^(\d{2})$`)
	reMonth    = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reDay      = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	reWeek     = regexp.MustCompile(`^(\d{4})-W(\d{2})(-WE)?$`)
	reQuarter  = regexp.MustCompile(`^(\d{4})-Q([1-4])$`)
	reHalf     = regexp.MustCompile(`^(\d{4})-H([12])$`)
	reSeason   = regexp.MustCompile(`^(\d{4})-(SP|SU|FA|WI)$`)
	rePartDay  = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)$`)
	reTimeOfDy = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$`)
)

// parseTimexValue returns the granularity and the first and last day of a TIMEX3 date value.
func parseTimexValue(v string) (g Granularity, first, last Date, err error) {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	switch {
	case v == PastRef || v == PresentRef || v == FutureRef:
		return "", Date{}, Date{}, nil
	case reYear.MatchString(v):
		y := atoi(v)
		return GranularityYear, Date{y, 1, 1}, Date{y, 12, 31}, nil
	case reDecade.MatchString(v):
		y := atoi(v) * 10
		return GranularityDecade, Date{y, 1, 1}, Date{y + 9, 12, 31}, nil
	case reCentury.MatchString(v):
		y := atoi(v) * 100
		return GranularityCentury, Date{y, 1, 1}, Date{y + 99, 12, 31}, nil
	case reMonth.MatchString(v):
		m := reMonth.FindStringSubmatch(v)
		mon := atoi(m[2])
		if mon < 1 || mon > 12 {
			return "", Date{}, Date{}, fmt.Errorf("%q has no month %02d", v, mon)
		}
		first = Date{atoi(m[1]), time.Month(mon), 1}
		return GranularityMonth, first, first.EndOfMonth(), nil
	case reDay.MatchString(v):
		d, err := ParseDate(v)
		if err != nil {
			return "", Date{}, Date{}, fmt.Errorf("%q is not a calendar day", v)
		}
		return GranularityDay, d, d, nil
	case reWeek.MatchString(v):
		return parseWeek(v, reWeek.FindStringSubmatch(v))
	case reQuarter.MatchString(v):
		m := reQuarter.FindStringSubmatch(v)
		first = Date{atoi(m[1]), time.Month(3*atoi(m[2]) - 2), 1}
		return GranularityQuarter, first, first.AddMonths(2).EndOfMonth(), nil
	case reHalf.MatchString(v):
		m := reHalf.FindStringSubmatch(v)
		first = Date{atoi(m[1]), time.Month(6*atoi(m[2]) - 5), 1}
		return GranularityHalf, first, first.AddMonths(5).EndOfMonth(), nil
	case reSeason.MatchString(v):
		m := reSeason.FindStringSubmatch(v)
		first, last = seasonBounds(atoi(m[1]), m[2])
		return GranularitySeason, first, last, nil
	case rePartDay.MatchString(v):
		d, err := ParseDate(rePartDay.FindStringSubmatch(v)[1])
		if err != nil {
			return "", Date{}, Date{}, fmt.Errorf("%q is not a calendar day", v)
		}
		return GranularityPartOfDay, d, d, nil
	case reTimeOfDy.MatchString(v):
		return parseTimeOfDay(v, reTimeOfDy.FindStringSubmatch(v))
	}
	return "", Date{}, Date{}, fmt.Errorf("%q is not a TIMEX3 date value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn, YYYY-SP, YYYY-MM-DDTAF, PAST_REF, ...)", v)
}

func parseWeek(v string, m []string) (Granularity, Date, Date, error) {
	y, _ := strconv.Atoi(m[1])
	w, _ := strconv.Atoi(m[2])
	if w < 1 || w > isoWeeksInYear(y) {
		return "", Date{}, Date{}, fmt.Errorf("%q: year %d has no ISO week %d", v, y, w)
	}
	monday := isoWeekMonday(y, w)
	if m[3] != "" {
		return GranularityWeekend, monday.AddDays(5), monday.AddDays(6), nil
	}
	return GranularityWeek, monday, monday.AddDays(6), nil
}

func parseTimeOfDay(v string, m []string) (Granularity, Date, Date, error) {
	d, err := ParseDate(m[1])
	h, _ := strconv.Atoi(m[2])
	mi, _ := strconv.Atoi(m[3])
	s, _ := strconv.Atoi(m[4])
	if err != nil || h > 24 || mi > 59 || s > 59 || (h == 24 && mi+s > 0) {
		return "", Date{}, Date{}, fmt.Errorf("%q is not a time of day", v)
	}
	return GranularityTime, d, d, nil
}

// isoWeekMonday returns the Monday of ISO week w of year y.
func isoWeekMonday(y, w int) Date {
	jan4 := Date{y, 1, 4}
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDays(-offset + 7*(w-1))
}

// isoWeeksInYear returns 52 or 53.
func isoWeeksInYear(y int) int {
	_, w := Date{y, 12, 28}.Time(time.UTC).ISOWeek()
	return w
}

// seasonBounds uses meteorological seasons of the northern hemisphere; winter Y runs from
// December of Y to the end of February of Y+1.
func seasonBounds(y int, s string) (Date, Date) {
	start := map[string]time.Month{"SP": time.March, "SU": time.June, "FA": time.September, "WI": time.December}[s]
	first := Date{y, start, 1}
	return first, first.AddMonths(2).EndOfMonth()
}

// applyMod narrows or opens the days [first, last] by a TIMEX3 modifier. START, MID and END
// take the first, middle and last third of the period.
func applyMod(mod string, first, last Date) (Date, Date, error) {
	if first.IsZero() {
		if mod != "" && mod != ModApprox {
			return Date{}, Date{}, fmt.Errorf("modifier %s needs a date value", mod)
		}
		return Date{}, Date{}, nil
	}
	span := last.DaysSince(first) + 1
	third := max(1, (span+2)/3)
	switch mod {
	case "", ModApprox:
		return first, last, nil
	case ModStart:
		return first, first.AddDays(third - 1), nil
	case ModMid:
		if span < 3 {
			return first, last, nil
		}
		return first.AddDays(third), last.AddDays(-third), nil
	case ModEnd:
		return last.AddDays(-(third - 1)), last, nil
	case ModBefore:
		return Date{}, first.AddDays(-1), nil
	case ModOnOrBefore:
		return Date{}, last, nil
	case ModAfter:
		return last.AddDays(1), Date{}, nil
	case ModOnOrAfter:
		return first, Date{}, nil
	}
	return Date{}, Date{}, fmt.Errorf("%q is not a modifier (START, MID, END, BEFORE, ON_OR_BEFORE, AFTER, ON_OR_AFTER, APPROX)", mod)
}
