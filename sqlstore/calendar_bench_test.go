package sqlstore_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// BenchmarkPartyCalendarYear measures what a calendar request costs the store after first
// use: for both demo parties, the check that the cached calendar is current (one query) and a
// year of days. The issue asks for a year of two parties' days in under 1 ms.
func BenchmarkPartyCalendarYear(b *testing.B) {
	cs, ctx := seededCalendars(b)
	from, to := entente.NewDate(2025, 1, 1), entente.NewDate(2025, 12, 31)
	for b.Loop() {
		for _, p := range []string{"PAK", "BLR"} {
			c, err := cs.PartyCalendar(ctx, p, "")
			if err != nil {
				b.Fatal(err)
			}
			if len(c.Days(from, to)) != 365 {
				b.Fatal("not a year")
			}
		}
	}
}

// BenchmarkPartyCalendarUncached is the same request when every call builds the calendars
// again from the stored overrides (a new service each time): what the cache saves.
func BenchmarkPartyCalendarUncached(b *testing.B) {
	ctx := context.Background()
	db := openSQLite(b)
	newFixture(b, db)
	if _, err := db.SeedCalendars(ctx); err != nil {
		b.Fatal(err)
	}
	from, to := entente.NewDate(2025, 1, 1), entente.NewDate(2025, 12, 31)
	for b.Loop() {
		cs := sqlstore.NewCalendarService(db)
		for _, p := range []string{"PAK", "BLR"} {
			c, err := cs.PartyCalendar(ctx, p, "")
			if err != nil {
				b.Fatal(err)
			}
			if len(c.Days(from, to)) != 365 {
				b.Fatal("not a year")
			}
		}
	}
}

// seededCalendars opens a SQLite store with both parties and their shipped notices, and warms
// its calendars.
func seededCalendars(b *testing.B) (*sqlstore.CalendarService, context.Context) {
	b.Helper()
	db := openSQLite(b)
	newFixture(b, db)
	ctx := context.Background()
	if _, err := db.SeedCalendars(ctx); err != nil {
		b.Fatal(err)
	}
	cs := sqlstore.NewCalendarService(db)
	for _, p := range []string{"PAK", "BLR"} {
		c, err := cs.PartyCalendar(ctx, p, "")
		if err != nil {
			b.Fatal(err)
		}
		c.Days(entente.NewDate(2025, 1, 1), entente.NewDate(2025, 12, 31))
	}
	return cs, ctx
}
