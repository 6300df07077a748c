package timex

import (
	"strconv"
	"time"

	"github.com/entente/entente"
)

// gran is the granularity of a point in time, from the coarsest to the finest.
type gran uint8

const (
	gNone gran = iota
	gMillennium
	gCentury
	gDecade
	gYear
	gHalf
	gQuarter
	gSeason
	gMonth
	gWeek
	gWeekend
	gDay
	gPartOfDay
	gTime
)

// point is a calendar period of some granularity, kept as one day inside it: the year 1998 is
// any day of 1998 with gYear, the third quarter of 1989 any day of July–September 1989 with
// gQuarter. Arithmetic then works on days and months and the TIMEX3 value is derived at the end.
type point struct {
	g      gran
	d      entente.Date
	pod    string // MO, AF, EV, NI for gPartOfDay
	hour   int    // gTime
	minute int    // gTime
}

func (t point) valid() bool { return t.g != gNone }

// at returns the point of granularity g that holds day d.
func at(d entente.Date, g gran) point { return point{g: g, d: d} }

// seasonCode returns the season of a day and the year it is counted in: December belongs to
// the winter of its own year, January and February to the winter of the year before.
func seasonCode(d entente.Date) (int, string) {
	switch d.Month {
	case time.March, time.April, time.May:
		return d.Year, "SP"
	case time.June, time.July, time.August:
		return d.Year, "SU"
	case time.September, time.October, time.November:
		return d.Year, "FA"
	case time.December:
		return d.Year, "WI"
	}
	return d.Year - 1, "WI"
}

// seasonPoint returns the season code of year y (winter y starts in December of y).
func seasonPoint(y int, code string) point {
	m := map[string]time.Month{"SP": time.April, "SU": time.July, "FA": time.October, "WI": time.December}[code]
	return point{g: gSeason, d: entente.Date{Year: y, Month: m, Day: 15}}
}

// quarterOf returns the quarter (1–4) of a day.
func quarterOf(d entente.Date) int { return (int(d.Month)-1)/3 + 1 }

// String formats the point as a TIMEX3 value.
func (t point) String() string {
	var buf [24]byte
	return string(t.appendValue(buf[:0]))
}

// appendValue appends the TIMEX3 value of the point to b (without fmt: values are made for
// every expression of long texts).
func (t point) appendValue(b []byte) []byte {
	d := t.d
	switch t.g {
	case gMillennium:
		return strconv.AppendInt(b, int64(d.Year/1000), 10)
	case gCentury:
		return appendPadded(b, d.Year/100, 2)
	case gDecade:
		return appendPadded(b, d.Year/10, 3)
	case gYear:
		return appendPadded(b, d.Year, 4)
	case gHalf:
		return append(append(appendPadded(b, d.Year, 4), "-H"...), byte('0'+(int(d.Month)-1)/6+1))
	case gQuarter:
		return append(append(appendPadded(b, d.Year, 4), "-Q"...), byte('0'+quarterOf(d)))
	case gSeason:
		y, s := seasonCode(d)
		return append(append(appendPadded(b, y, 4), '-'), s...)
	case gMonth:
		return appendPadded(append(appendPadded(b, d.Year, 4), '-'), int(d.Month), 2)
	case gWeek, gWeekend:
		y, w := d.Time(time.UTC).ISOWeek()
		b = appendPadded(append(appendPadded(b, y, 4), "-W"...), w, 2)
		if t.g == gWeekend {
			b = append(b, "-WE"...)
		}
		return b
	case gDay:
		return appendDay(b, d)
	case gPartOfDay:
		return append(append(appendDay(b, d), 'T'), t.pod...)
	case gTime:
		b = appendPadded(append(appendDay(b, d), 'T'), t.hour, 2)
		return appendPadded(append(b, ':'), t.minute, 2)
	}
	return b
}

// appendDay appends YYYY-MM-DD.
func appendDay(b []byte, d entente.Date) []byte {
	b = appendPadded(append(appendPadded(b, d.Year, 4), '-'), int(d.Month), 2)
	return appendPadded(append(b, '-'), d.Day, 2)
}

// appendPadded appends n with at least width digits, zero-padded (a sign first if negative).
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [20]byte
	digits := strconv.AppendInt(tmp[:0], int64(n), 10)
	for range width - len(digits) {
		b = append(b, '0')
	}
	return append(b, digits...)
}

// shift moves the point by n periods of its own granularity (n quarters for a quarter).
func (t point) shift(n int) point {
	return t.shiftBy(n, unitOfGran(t.g))
}

// shiftBy moves the point by n units, keeping its granularity: "a year earlier" than the third
// quarter of 1989 is the third quarter of 1988.
func (t point) shiftBy(n int, u unit) point {
	d := t.d
	switch u {
	case uSecond, uMinute, uHour:
		mins := map[unit]int{uSecond: 0, uMinute: 1, uHour: 60}[u] * n
		total := t.hour*60 + t.minute + mins
		days := floorDiv(total, 24*60)
		total -= days * 24 * 60
		t.hour, t.minute = total/60, total%60
		t.d = d.AddDays(days)
		return t
	case uDay:
		t.d = d.AddDays(n)
	case uWeek, uWeekend:
		t.d = d.AddDays(7 * n)
	case uFortnight:
		t.d = d.AddDays(14 * n)
	case uMonth:
		t.d = d.AddMonths(n)
	case uQuarter, uSeason:
		t.d = d.AddMonths(3 * n)
	case uHalf:
		t.d = d.AddMonths(6 * n)
	case uYear:
		t.d = d.AddMonths(12 * n)
	case uDecade:
		t.d = d.AddMonths(120 * n)
	case uCentury:
		t.d = d.AddMonths(1200 * n)
	case uMillennium:
		t.d = d.AddMonths(12000 * n)
	}
	return t
}

// coarsen returns the point at granularity g (which should be coarser than t's).
func (t point) coarsen(g gran) point {
	return point{g: g, d: t.d}
}

// unitOfGran returns the unit one step of a granularity is.
func unitOfGran(g gran) unit {
	switch g {
	case gMillennium:
		return uMillennium
	case gCentury:
		return uCentury
	case gDecade:
		return uDecade
	case gYear:
		return uYear
	case gHalf:
		return uHalf
	case gQuarter:
		return uQuarter
	case gSeason:
		return uSeason
	case gMonth:
		return uMonth
	case gWeek, gWeekend:
		return uWeek
	case gTime:
		return uMinute
	}
	return uDay
}

// granOfUnit returns the granularity a calendar unit names ("last month" is a month).
func granOfUnit(u unit) gran {
	switch u {
	case uSecond, uMinute, uHour:
		return gTime
	case uDay:
		return gDay
	case uWeekend:
		return gWeekend
	case uWeek, uFortnight:
		return gWeek
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uSeason:
		return gSeason
	case uHalf:
		return gHalf
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	case uMillennium:
		return gMillennium
	}
	return gNone
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// weekdayOnOrBefore returns the last day with weekday wd on or before d.
func weekdayOnOrBefore(d entente.Date, wd time.Weekday) entente.Date {
	back := (int(d.Weekday()) - int(wd) + 7) % 7
	return d.AddDays(-back)
}

// weekdayOnOrAfter returns the first day with weekday wd on or after d.
func weekdayOnOrAfter(d entente.Date, wd time.Weekday) entente.Date {
	fwd := (int(wd) - int(d.Weekday()) + 7) % 7
	return d.AddDays(fwd)
}

// validDay reports whether y-m-d is a real calendar day.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || y < 1 || y > 9999 {
		return false
	}
	return d <= entente.NewDate(y, time.Month(m)+1, 0).Day
}

// easter returns Easter Sunday of year y (Gregorian computus).
func easter(y int) entente.Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return entente.Date{Year: y, Month: time.Month(month), Day: day}
}

// nthWeekday returns the n-th weekday wd of a month (n = -1 for the last one).
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) entente.Date {
	if n < 0 {
		last := entente.NewDate(y, m+1, 0)
		return weekdayOnOrBefore(last, wd)
	}
	first := weekdayOnOrAfter(entente.Date{Year: y, Month: m, Day: 1}, wd)
	return first.AddDays(7 * (n - 1))
}
