package calendar

import (
	"time"

	"github.com/entente/entente"
)

// Easter returns Western (Gregorian) Easter Sunday of year, by the anonymous Gregorian
// algorithm (Meeus). Valid for the Gregorian years from 1583.
func Easter(year int) entente.Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	n := h + l - 7*m + 114
	return entente.NewDate(year, time.Month(n/31), n%31+1)
}

// OrthodoxEaster returns Orthodox Easter Sunday of year as a Gregorian date: Easter is
// computed in the Julian calendar (Meeus) and shifted by the Julian–Gregorian difference of
// the year (13 days for 1900–2099, 14 days for 2100–2199). Valid from 1583.
func OrthodoxEaster(year int) entente.Date {
	a, b, c := year%4, year%7, year%19
	d := (19*c + 15) % 30
	e := (2*a + 4*b - d + 34) % 7
	n := d + e + 114
	shift := year/100 - year/400 - 2
	return entente.NewDate(year, time.Month(n/31), n%31+1+shift)
}
