package calendar

import "github.com/entente/entente"

// IsWorkingDay reports whether the office works on d: an ordinary working day or a weekend
// day worked by transfer. A tentative holiday counts as a day off on its predicted date.
func (c *Calendar) IsWorkingDay(d entente.Date) bool { return c.Day(d).IsWorking() }

// NonWorkingDays returns every day from from to to that is not an ordinary working day:
// weekends, holidays and transferred days off, and the weekend days made working by a
// transfer. It is the listing of "entente calendar days".
func (c *Calendar) NonWorkingDays(from, to entente.Date) []Day {
	var out []Day
	for d := range c.Each(from, to) {
		if !d.IsOrdinary() {
			out = append(out, d)
		}
	}
	return out
}

// AddWorkingDays returns the day n working days after from (before it when n is negative):
// from itself is not counted, so AddWorkingDays(Tuesday, 1) is Wednesday when both work, and
// AddWorkingDays(from, 0) is from. The result is always a working day when n is not zero.
// It takes time proportional to |n|.
func (c *Calendar) AddWorkingDays(from entente.Date, n int) entente.Date {
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	d := from
	for n > 0 {
		d = c.next(d, step)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// next returns the day after d (step 1) or before it (step -1), staying inside the cached
// year where it can.
func (c *Calendar) next(d entente.Date, step int) entente.Date {
	switch {
	case step > 0 && d.Day < 28:
		return entente.Date{Year: d.Year, Month: d.Month, Day: d.Day + 1}
	case step < 0 && d.Day > 1:
		return entente.Date{Year: d.Year, Month: d.Month, Day: d.Day - 1}
	}
	return d.AddDays(step)
}

// WorkingDaysBetween counts the working days met when stepping from from to to, from itself
// excluded: the working days after from up to and including to, or, when to is before from,
// minus the working days from to up to the day before from. It is the inverse of
// AddWorkingDays: WorkingDaysBetween(from, AddWorkingDays(from, n)) is n.
func (c *Calendar) WorkingDaysBetween(from, to entente.Date) int {
	lo, hi, sign := from.AddDays(1), to, 1
	if to.Before(from) {
		lo, hi, sign = to, from.AddDays(-1), -1
	}
	n := 0
	for d := range c.Each(lo, hi) {
		if d.IsWorking() {
			n++
		}
	}
	return sign * n
}
