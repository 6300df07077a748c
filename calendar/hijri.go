package calendar

import (
	hijri "github.com/hablullah/go-hijri"

	"github.com/entente/entente"
)

// The Hijri years whose months the Umm al-Qura table covers: 1356 AH begins on
// 14 March 1937 and 1500 AH ends on 16 November 2077. Lunar holidays outside them are not
// computed (and the calendar says so).
const (
	minHijriYear = 1356
	maxHijriYear = 1500
)

// The Gregorian years whose Islamic dates are all within the Umm al-Qura table.
const (
	firstLunarYear = 1938
	lastLunarYear  = 2076
)

// UmmAlQuraMonthStart returns the first day of the Hijri month (year, month) in Saudi
// Arabia's Umm al-Qura calendar, and false when the month is outside the table (1356–1500 AH)
// or month is not 1 to 12.
func UmmAlQuraMonthStart(year, month int) (entente.Date, bool) {
	if month < 1 || month > 12 || year < minHijriYear || year > maxHijriYear {
		return entente.Date{}, false
	}
	t := hijri.UmmAlQuraDate{Day: 1, Month: int64(month), Year: int64(year)}.ToGregorian()
	return entente.DateOf(t.UTC()), true
}

// approxHijriYear returns a Hijri year near the start of Gregorian year y (within one year):
// Hijri years are shorter by a factor of about 354.367 / 365.2425.
func approxHijriYear(y int) int { return int(float64(y-622) * 1.030689) }

// HijriMonthName returns the name of Hijri month m (1 to 12) as Pakistan's notices spell it.
func HijriMonthName(m int) string {
	if m < 1 || m > 12 {
		return ""
	}
	return [...]string{
		"Muharram", "Safar", "Rabi-ul-Awwal", "Rabi-ul-Sani", "Jumada-ul-Awwal", "Jumada-ul-Sani",
		"Rajab", "Shaban", "Ramadan", "Shawwal", "Zil Qad", "Zil Hajj",
	}[m-1]
}
