package timex

import (
	"testing"
	"time"

	"github.com/entente/entente"
)

func TestPointString(t *testing.T) {
	day := func(y, m, d int) entente.Date { return entente.NewDate(y, time.Month(m), d) }
	tests := []struct {
		pt   point
		want string
	}{
		{point{g: gMillennium, d: day(2024, 11, 26)}, "2"},
		{point{g: gCentury, d: day(1998, 1, 1)}, "19"},
		{point{g: gCentury, d: day(805, 1, 1)}, "08"},
		{point{g: gDecade, d: day(1995, 1, 1)}, "199"},
		{point{g: gYear, d: day(2024, 11, 26)}, "2024"},
		{point{g: gYear, d: day(33, 1, 1)}, "0033"},
		{point{g: gHalf, d: day(2025, 7, 1)}, "2025-H2"},
		{point{g: gQuarter, d: day(1989, 8, 15)}, "1989-Q3"},
		{point{g: gSeason, d: day(2024, 12, 15)}, "2024-WI"},
		{point{g: gSeason, d: day(2025, 2, 1)}, "2024-WI"},
		{point{g: gSeason, d: day(2024, 7, 15)}, "2024-SU"},
		{point{g: gMonth, d: day(2025, 2, 1)}, "2025-02"},
		{point{g: gWeek, d: day(2024, 11, 26)}, "2024-W48"},
		{point{g: gWeek, d: day(2024, 12, 30)}, "2025-W01"},
		{point{g: gWeekend, d: day(2021, 1, 2)}, "2020-W53-WE"},
		{point{g: gDay, d: day(2024, 12, 10)}, "2024-12-10"},
		{point{g: gPartOfDay, d: day(2024, 11, 26), pod: "AF"}, "2024-11-26TAF"},
		{point{g: gTime, d: day(1998, 8, 7), hour: 10, minute: 35}, "1998-08-07T10:35"},
		{point{g: gTime, d: day(1989, 10, 27), hour: 24}, "1989-10-27T24:00"},
		{point{}, ""},
	}
	for _, tt := range tests {
		if got := tt.pt.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.pt, got, tt.want)
		}
	}
}

func TestShift(t *testing.T) {
	q3 := point{g: gQuarter, d: entente.Date{Year: 1989, Month: 8, Day: 15}}
	if got := q3.shiftBy(-1, uYear).String(); got != "1988-Q3" {
		t.Errorf("Q3 1989 a year earlier = %s, want 1988-Q3", got)
	}
	if got := q3.shift(2).String(); got != "1990-Q1" {
		t.Errorf("Q3 1989 two quarters on = %s, want 1990-Q1", got)
	}
	tm := point{g: gTime, d: entente.Date{Year: 2024, Month: 11, Day: 26}, hour: 23, minute: 30}
	if got := tm.shiftBy(2, uHour).String(); got != "2024-11-27T01:30" {
		t.Errorf("23:30 two hours on = %s, want 2024-11-27T01:30", got)
	}
	if got := easter(2025).String(); got != "2025-04-20" {
		t.Errorf("Easter 2025 = %s, want 2025-04-20", got)
	}
}
