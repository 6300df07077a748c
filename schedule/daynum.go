package schedule

import (
	"time"

	"github.com/entente/entente"
)

// Days are numbered from 1970-01-01 (day 0) in the proleptic Gregorian calendar, so that
// date arithmetic inside a computation is integer arithmetic. The conversions are Howard
// Hinnant's days_from_civil and civil_from_days, exact for every year.

// The first and last days a schedule may use: entente.Date prints four-digit years.
var (
	minDay = dayNumber(entente.Date{Year: 1, Month: time.January, Day: 1})
	maxDay = dayNumber(entente.Date{Year: 9999, Month: time.December, Day: 31})
)

// dayNumber returns the day number of d.
func dayNumber(d entente.Date) int32 {
	y, m, day := int64(d.Year), int64(d.Month), int64(d.Day)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12 // March is 0, so the leap day ends the year
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}

// dateOf returns the date of day number n.
func dateOf(n int32) entente.Date {
	z := int64(n) + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return entente.Date{Year: int(y), Month: time.Month(m), Day: int(day)}
}

// weekdayOf returns the day of the week of day number n (1970-01-01 was a Thursday).
func weekdayOf(n int32) time.Weekday {
	return time.Weekday(((int64(n)+4)%7 + 7) % 7)
}

// validDate reports whether d is a real day between the years 1 and 9999.
func validDate(d entente.Date) bool {
	return d.Year >= 1 && d.Year <= 9999 && d.Month >= 1 && d.Month <= 12 &&
		d.Day >= 1 && dateOf(dayNumber(d)) == d
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}
