package calendar

import (
	"testing"
	"time"

	"github.com/entente/entente"
)

// BenchmarkYearTwoParties reads a whole year of days for Pakistan and Belarus after first use
// (the target: under 1 ms).
func BenchmarkYearTwoParties(b *testing.B) {
	pak := mustFor(b, "PAK", "", OfficialOverrides("PAK"))
	blr := mustFor(b, "BLR", "", OfficialOverrides("BLR"))
	from, to := entente.NewDate(2025, 1, 1), entente.NewDate(2025, 12, 31)
	pak.Days(from, to)
	blr.Days(from, to)
	b.ReportAllocs()
	for b.Loop() {
		if len(pak.Days(from, to)) != 365 || len(blr.Days(from, to)) != 365 {
			b.Fatal("a year is not 365 days")
		}
	}
}

// BenchmarkYearTwoPartiesEach scans a whole year of days for both parties without copying
// them, as the listing and the day counts do.
func BenchmarkYearTwoPartiesEach(b *testing.B) {
	pak := mustFor(b, "PAK", "", OfficialOverrides("PAK"))
	blr := mustFor(b, "BLR", "", OfficialOverrides("BLR"))
	from, to := entente.NewDate(2025, 1, 1), entente.NewDate(2025, 12, 31)
	pak.Days(from, to)
	blr.Days(from, to)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, c := range []*Calendar{pak, blr} {
			for d := range c.Each(from, to) {
				if d.IsWorking() {
					n++
				}
			}
		}
		if n < 480 {
			b.Fatalf("%d working days in two years' worth of days", n)
		}
	}
}

// BenchmarkYearTwoPartiesFirstUse builds the calendars and computes the year from nothing.
func BenchmarkYearTwoPartiesFirstUse(b *testing.B) {
	pakNotices, blrNotices := OfficialOverrides("PAK"), OfficialOverrides("BLR")
	from, to := entente.NewDate(2027, 1, 1), entente.NewDate(2027, 12, 31)
	b.ReportAllocs()
	for b.Loop() {
		pak := mustFor(b, "PAK", "", pakNotices)
		blr := mustFor(b, "BLR", "", blrNotices)
		pak.Days(from, to)
		blr.Days(from, to)
	}
}

// BenchmarkFindSlots90Days searches a 90-day window for two-hour slots of Pakistan and
// Belarus (the target: under 10 ms).
func BenchmarkFindSlots90Days(b *testing.B) {
	pak := mustFor(b, "PAK", "", OfficialOverrides("PAK"))
	blr := mustFor(b, "BLR", "", OfficialOverrides("BLR"))
	req := SlotRequest{
		Parties:  []SlotParty{{Calendar: pak}, {Calendar: blr}},
		Duration: 2 * time.Hour,
		From:     entente.NewDate(2024, 12, 1), To: entente.NewDate(2025, 2, 28),
	}
	if _, err := FindSlots(req); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if slots, _ := FindSlots(req); len(slots) == 0 {
			b.Fatal("no slots")
		}
	}
}

// BenchmarkAddWorkingDays steps 250 working days (about a year) through Belarus's calendar.
func BenchmarkAddWorkingDays(b *testing.B) {
	blr := mustFor(b, "BLR", "", OfficialOverrides("BLR"))
	from := entente.NewDate(2024, 11, 26)
	blr.AddWorkingDays(from, 250)
	b.ReportAllocs()
	for b.Loop() {
		blr.AddWorkingDays(from, 250)
	}
}
