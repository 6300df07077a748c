package schedule

import (
	"testing"
	"time"

	"github.com/entente/entente"
)

// testCalendar is a working calendar for tests: a weekend, holidays, and weekend days worked
// by transfer. It counts its calls so tests can see that days are memoised.
type testCalendar struct {
	weekend  [7]bool
	holidays map[entente.Date]bool
	worked   map[entente.Date]bool
	calls    int
}

// mondayToFriday returns a Saturday–Sunday weekend calendar with the given holidays.
func mondayToFriday(holidays ...string) *testCalendar {
	c := &testCalendar{holidays: map[entente.Date]bool{}, worked: map[entente.Date]bool{}}
	c.weekend[time.Saturday], c.weekend[time.Sunday] = true, true
	for _, h := range holidays {
		c.holidays[day(h)] = true
	}
	return c
}

func (c *testCalendar) IsWorkingDay(d entente.Date) bool {
	c.calls++
	if c.worked[d] {
		return true
	}
	return !c.weekend[d.Weekday()] && !c.holidays[d]
}

// day parses a test date and panics on a typo.
func day(s string) entente.Date {
	d, err := entente.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestDayNumberRoundTrip(t *testing.T) {
	tests := []struct {
		date string
		n    int32
	}{
		{"1970-01-01", 0},
		{"1969-12-31", -1},
		{"2000-02-29", 11016},
		{"2024-11-26", 20053},
		{"0001-01-01", -719162},
		{"9999-12-31", 2932896},
	}
	for _, tt := range tests {
		d := day(tt.date)
		if got := dayNumber(d); got != tt.n {
			t.Errorf("dayNumber(%s) = %d, want %d", tt.date, got, tt.n)
		}
		if got := dateOf(tt.n); got != d {
			t.Errorf("dateOf(%d) = %v, want %s", tt.n, got, tt.date)
		}
	}
	// Every day of four centuries, against the standard library.
	start := day("1899-12-25")
	for i := range 146097 + 10 {
		d := start.AddDays(i)
		if got := dateOf(dayNumber(d)); got != d {
			t.Fatalf("round trip of %v gives %v", d, got)
		}
		if got, want := weekdayOf(dayNumber(d)), d.Weekday(); got != want {
			t.Fatalf("weekdayOf(%v) = %v, want %v", d, got, want)
		}
	}
}

func TestValidDate(t *testing.T) {
	tests := []struct {
		d    entente.Date
		want bool
	}{
		{entente.Date{Year: 2025, Month: 2, Day: 28}, true},
		{entente.Date{Year: 2025, Month: 2, Day: 29}, false},
		{entente.Date{Year: 2024, Month: 2, Day: 29}, true},
		{entente.Date{Year: 2024, Month: 13, Day: 1}, false},
		{entente.Date{Year: 0, Month: 12, Day: 31}, false},
		{entente.Date{Year: 10000, Month: 1, Day: 1}, false},
		{entente.Date{Year: 2024, Month: 1, Day: 1 << 40}, false},
	}
	for _, tt := range tests {
		if got := validDate(tt.d); got != tt.want {
			t.Errorf("validDate(%+v) = %v, want %v", tt.d, got, tt.want)
		}
	}
}

func TestWorkIndexNth(t *testing.T) {
	// Tuesday 26 November 2024; Friday 29 November is a holiday.
	cal := mondayToFriday("2024-11-29")
	tests := []struct {
		from string
		k    int
		want string
	}{
		{"2024-11-26", 0, "2024-11-26"},
		{"2024-11-26", 3, "2024-12-02"},  // Wed, Thu, (Fri off), Mon
		{"2024-11-30", 0, "2024-12-02"},  // Saturday: the next working day
		{"2024-11-30", -1, "2024-11-28"}, // the last working day before Saturday
		{"2024-11-26", -1, "2024-11-25"},
		{"2024-11-26", -6, "2024-11-18"},
		{"2024-11-26", 260, "2025-11-26"}, // a year ahead: 261 weekdays less the holiday
	}
	w := newWorkIndex("test", cal)
	for _, tt := range tests {
		if got := dateOf(w.nth(dayNumber(day(tt.from)), tt.k)); got != day(tt.want) {
			t.Errorf("nth(%s, %d) = %v, want %s", tt.from, tt.k, got, tt.want)
		}
	}
	if w.err != nil {
		t.Fatal(w.err)
	}
	calls := cal.calls
	for _, tt := range tests {
		w.nth(dayNumber(day(tt.from)), tt.k)
	}
	if cal.calls != calls {
		t.Errorf("asking again called the calendar %d more times; days must be memoised", cal.calls-calls)
	}
}

func TestWorkIndexCount(t *testing.T) {
	w := newWorkIndex("", mondayToFriday("2024-12-25"))
	tests := []struct {
		from, to string
		want     int
	}{
		{"2024-11-26", "2024-11-26", 0},
		{"2024-11-26", "2024-11-30", 4},
		{"2024-11-30", "2024-11-26", -4},
		{"2024-12-23", "2024-12-28", 4}, // Christmas off
		{"2024-01-01", "2025-01-01", 261},
	}
	for _, tt := range tests {
		if got := w.count(dayNumber(day(tt.from)), dayNumber(day(tt.to))); got != tt.want {
			t.Errorf("count(%s, %s) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}

type noWorkingDays struct{}

func (noWorkingDays) IsWorkingDay(entente.Date) bool { return false }

func TestWorkIndexFailures(t *testing.T) {
	tests := []struct {
		name string
		cal  WorkingDays
		from string
		k    int
	}{
		{"no working days forwards", noWorkingDays{}, "2024-11-26", 1},
		{"no working days backwards", noWorkingDays{}, "2024-11-26", -1},
		{"past the year 9999", Weekdays{}, "9999-12-01", 100},
		{"before the year 1", Weekdays{}, "0001-01-05", -100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorkIndex("XYZ", tt.cal)
			w.nth(dayNumber(day(tt.from)), tt.k)
			if w.err == nil || w.err.Code != entente.EINVALID {
				t.Fatalf("err = %v, want an EINVALID error", w.err)
			}
		})
	}
}
