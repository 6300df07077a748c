package sqlstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
	"github.com/entente/entente/sqlstore"
)

// override builds a calendar override of a party for the tests.
func override(party, kind, day, to, name string) *entente.CalendarOverride {
	o := &entente.CalendarOverride{Party: party, Kind: kind, Name: name, Source: "Council of Ministers resolution, test"}
	o.Date, _ = entente.ParseDate(day)
	if to != "" {
		o.ToDate, _ = entente.ParseDate(to)
	}
	return o
}

func countOverrides(t *testing.T, db *sqlstore.DB, party string) int {
	t.Helper()
	list, err := sqlstore.NewCalendarService(db).FindCalendarOverrides(system(), party)
	must(t, err)
	return len(list)
}

func TestCalendarOverrideLifecycle(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		cs := sqlstore.NewCalendarService(db)
		addUser(t, db, 2, "BLR")
		blr := as(2, "BLR", map[int64]entente.Role{f.roadmap.ID: entente.RoleEditor})
		o := override("BLR", entente.OverrideTransfer, "2025-07-04", "2025-07-12", "")
		must(t, cs.CreateCalendarOverride(blr, o))
		if o.ID == 0 || o.Version != 1 {
			t.Fatalf("created override: %+v", o)
		}
		got, err := cs.FindCalendarOverrideByID(context.Background(), o.ID)
		must(t, err)
		if got.Date != o.Date || got.ToDate != o.ToDate || got.Kind != o.Kind || got.Source != o.Source {
			t.Fatalf("stored %+v, read back %+v", o, got)
		}
		source := "Resolution No. 1, corrected"
		upd, err := cs.UpdateCalendarOverride(blr, o.ID, entente.CalendarOverrideUpdate{Version: 1, Source: &source})
		must(t, err)
		if upd.Version != 2 || upd.Source != source {
			t.Fatalf("updated: %+v", upd)
		}
		_, err = cs.UpdateCalendarOverride(blr, o.ID, entente.CalendarOverrideUpdate{Version: 1, Source: &source})
		wantCode(t, err, entente.ECONFLICT)
		must(t, cs.DeleteCalendarOverride(blr, o.ID))
		_, err = cs.FindCalendarOverrideByID(context.Background(), o.ID)
		wantCode(t, err, entente.ENOTFOUND)
		entries, _, err := sqlstore.NewAuditService(db).FindAuditEntries(system(),
			entente.AuditFilter{EntityType: "calendar_override", EntityID: itoa64(o.ID)})
		must(t, err)
		var actions []string
		for _, e := range entries {
			actions = append(actions, e.Action)
		}
		if strings.Join(actions, ",") != "delete,update,create" {
			t.Errorf("audit of the override: %v", actions)
		}
	})
}

func TestCalendarOverridePermissions(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		cs := sqlstore.NewCalendarService(db)
		addUser(t, db, 1, "PAK")
		addUser(t, db, 2, "BLR")
		editor := map[int64]entente.Role{f.roadmap.ID: entente.RoleEditor}
		admin := entente.WithCaller(context.Background(), &entente.Caller{UserID: 3, Name: "admin", Party: entente.JointSecretariat, Admin: true})
		readOnly := entente.WithCaller(context.Background(), &entente.Caller{UserID: 2, Name: "user", Party: "BLR", Roles: editor, TokenScope: entente.TokenScopeRead})
		for _, tc := range []struct {
			name string
			ctx  context.Context
			code string
		}{
			{"anonymous", context.Background(), entente.EUNAUTHORIZED},
			{"editor of the other party", as(1, "PAK", editor), entente.EFORBIDDEN},
			{"read-only token of an editor of the party", readOnly, entente.EFORBIDDEN},
			{"viewer of the party", as(2, "BLR", map[int64]entente.Role{f.roadmap.ID: entente.RoleViewer}), entente.EFORBIDDEN},
			{"editor of the party", as(2, "BLR", editor), ""},
			{"administrator of the installation", admin, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				o := override("BLR", entente.OverrideHoliday, "2025-06-02", "", "Extra day "+tc.name)
				err := cs.CreateCalendarOverride(tc.ctx, o)
				wantCode(t, err, tc.code)
				if err == nil {
					must(t, cs.DeleteCalendarOverride(tc.ctx, o.ID))
				}
			})
		}
	})
}

func TestCalendarOverrideRefusals(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		newFixture(t, db)
		cs := sqlstore.NewCalendarService(db)
		ctx := system()
		transfer := override("BLR", entente.OverrideTransfer, "2025-07-04", "2025-07-12", "")
		must(t, cs.CreateCalendarOverride(ctx, transfer))
		for _, tc := range []struct {
			name, field, inProblem string
			o                      *entente.CalendarOverride
			code                   string
		}{
			{"unknown party", "", "", override("XYZ", entente.OverrideHoliday, "2025-06-02", "", "Extra day"), entente.ENOTFOUND},
			{"no source", "source", "required", func() *entente.CalendarOverride {
				o := override("BLR", entente.OverrideHoliday, "2025-06-02", "", "Extra day")
				o.Source = ""
				return o
			}(), entente.EINVALID},
			{"unknown kind", "kind", "", override("BLR", "bank_holiday", "2025-06-02", "", "Extra day"), entente.EINVALID},
			{"a day off on the worked Saturday", "date", "id " + itoa64(transfer.ID), override("BLR", entente.OverrideHoliday, "2025-07-12", "", "Extra day"), entente.EINVALID},
			{"a second transfer to the same Saturday", "to_date", "working day twice", override("BLR", entente.OverrideTransfer, "2025-07-07", "2025-07-12", ""), entente.EINVALID},
			{"a transfer to a weekday", "to_date", "not a weekend day", override("BLR", entente.OverrideTransfer, "2025-07-07", "2025-07-09", ""), entente.EINVALID},
		} {
			t.Run(tc.name, func(t *testing.T) {
				err := cs.CreateCalendarOverride(ctx, tc.o)
				wantCode(t, err, tc.code)
				if tc.field != "" {
					problem, ok := entente.ErrorFields(err)[tc.field]
					if !ok || !strings.Contains(problem, tc.inProblem) {
						t.Fatalf("problems %v: want %q in the problem of %s", entente.ErrorFields(err), tc.inProblem, tc.field)
					}
					if strings.Contains(entente.ErrorMessage(err), "overrides[") {
						t.Errorf("the message names positions in a list the user never saw: %s", entente.ErrorMessage(err))
					}
				}
				if n := countOverrides(t, db, "BLR"); n != 1 {
					t.Fatalf("%d overrides after a refused change, want 1", n)
				}
			})
		}
		// An update is checked the same way and leaves the row as it was.
		holiday := override("BLR", entente.OverrideHoliday, "2025-06-02", "", "Extra day")
		must(t, cs.CreateCalendarOverride(ctx, holiday))
		clash := entente.NewDate(2025, 7, 12)
		_, err := cs.UpdateCalendarOverride(ctx, holiday.ID, entente.CalendarOverrideUpdate{Version: 1, Date: &clash})
		wantCode(t, err, entente.EINVALID)
		if _, ok := entente.ErrorFields(err)["date"]; !ok {
			t.Fatalf("update problems: %v", entente.ErrorFields(err))
		}
		again, err := cs.FindCalendarOverrideByID(ctx, holiday.ID)
		must(t, err)
		if again.Version != 1 || again.Date != holiday.Date {
			t.Fatalf("a refused update changed the row: %+v", again)
		}
	})
}

// TestDeletingAnOverrideOthersNeedIsRefused deletes a moon sighting that a cancelled Eid day
// depends on: without the sighting the cancelled day is no holiday, so the deletion would
// leave the cancellation pointing at nothing.
func TestDeletingAnOverrideOthersNeedIsRefused(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		newFixture(t, db)
		cs := sqlstore.NewCalendarService(db)
		ctx := system()
		sighting := override("PAK", entente.OverrideHijriMonthStart, "2025-04-01", "", "")
		sighting.HijriYear, sighting.HijriMonth = 1446, 10
		must(t, cs.CreateCalendarOverride(ctx, sighting))
		cancelled := override("PAK", entente.OverrideNoHoliday, "2025-04-03", "", "")
		must(t, cs.CreateCalendarOverride(ctx, cancelled))
		err := cs.DeleteCalendarOverride(ctx, sighting.ID)
		wantCode(t, err, entente.EINVALID)
		key := "overrides." + itoa64(cancelled.ID) + ".date"
		if _, ok := entente.ErrorFields(err)[key]; !ok {
			t.Fatalf("problems %v, want one under %s", entente.ErrorFields(err), key)
		}
		if n := countOverrides(t, db, "PAK"); n != 2 {
			t.Fatalf("%d overrides after a refused deletion, want 2", n)
		}
		must(t, cs.DeleteCalendarOverride(ctx, cancelled.ID))
		must(t, cs.DeleteCalendarOverride(ctx, sighting.ID))
	})
}

func TestSeedCalendarsOnce(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		newFixture(t, db)
		must(t, sqlstore.NewPartyService(db).CreateParty(system(), &entente.Party{Code: "UZB", Name: "Uzbekistan", TimeZone: "Asia/Tashkent"}))
		reports, err := db.SeedCalendars(context.Background())
		must(t, err)
		if len(reports) != 2 {
			t.Fatalf("seeded %+v, want PAK and BLR only", reports)
		}
		for _, r := range reports {
			if want := len(calendar.OfficialOverrides(r.Party)); r.Added != want || len(r.Refused) > 0 {
				t.Errorf("%s: added %d (refused %v), want %d", r.Party, r.Added, r.Refused, want)
			}
		}
		cs := sqlstore.NewCalendarService(db)
		list, err := cs.FindCalendarOverrides(system(), "BLR")
		must(t, err)
		first := list[0]
		must(t, cs.DeleteCalendarOverride(system(), first.ID))
		reports, err = db.SeedCalendars(context.Background())
		must(t, err)
		for _, r := range reports {
			if r.Added != 0 {
				t.Errorf("second start added %d notices to %s", r.Added, r.Party)
			}
		}
		if n := countOverrides(t, db, "BLR"); n != len(list)-1 {
			t.Errorf("a deleted shipped notice came back: %d overrides, want %d", n, len(list)-1)
		}
		if n := countOverrides(t, db, "UZB"); n != 0 {
			t.Errorf("a party without a definition got %d notices", n)
		}
	})
}

// TestSeededCalendarsMatchTheShippedOnes checks that the calendars built from the database
// after seeding are the calendars of the shipped notices, day by day, for 2024 and 2025 —
// the years the package's golden files hold against the official lists.
func TestSeededCalendarsMatchTheShippedOnes(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		newFixture(t, db)
		_, err := db.SeedCalendars(context.Background())
		must(t, err)
		cs := sqlstore.NewCalendarService(db)
		for _, party := range []string{"PAK", "BLR"} {
			stored, err := cs.PartyCalendar(context.Background(), party, "")
			must(t, err)
			shipped, err := calendar.For(party, "", calendar.OfficialOverrides(party))
			must(t, err)
			from, to := entente.NewDate(2024, 1, 1), entente.NewDate(2025, 12, 31)
			a, b := calendar.List(stored.Days(from, to)), calendar.List(shipped.Days(from, to))
			if len(a) != len(b) {
				t.Fatalf("%s: %d listed days from the database, %d shipped", party, len(a), len(b))
			}
			for i := range a {
				if a[i] != b[i] {
					t.Errorf("%s: %+v from the database, %+v shipped", party, a[i], b[i])
				}
			}
		}
	})
}

func TestPartyCalendarIsCachedUntilTheOverridesChange(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		newFixture(t, db)
		cs := sqlstore.NewCalendarService(db)
		other := sqlstore.NewCalendarService(db) // another process on the same database
		ctx := context.Background()
		first, err := cs.PartyCalendar(ctx, "BLR", "")
		must(t, err)
		again, err := cs.PartyCalendar(ctx, "blr", "")
		must(t, err)
		if first != again {
			t.Fatal("the calendar was rebuilt although nothing changed")
		}
		day := entente.NewDate(2025, 6, 2)
		o := override("BLR", entente.OverrideHoliday, "2025-06-02", "", "Extra day")
		must(t, other.CreateCalendarOverride(system(), o))
		changed, err := cs.PartyCalendar(ctx, "BLR", "")
		must(t, err)
		if changed == first || changed.IsWorkingDay(day) {
			t.Fatal("a holiday added by another process is not in the calendar")
		}
		name := "Renamed day"
		_, err = other.UpdateCalendarOverride(system(), o.ID, entente.CalendarOverrideUpdate{Version: 1, Name: &name})
		must(t, err)
		renamed, err := cs.PartyCalendar(ctx, "BLR", "")
		must(t, err)
		if renamed.Day(day).Name != name {
			t.Fatalf("after a rename the day is %q", renamed.Day(day).Name)
		}
		_, err = cs.PartyCalendar(ctx, "XYZ", "")
		wantCode(t, err, entente.ENOTFOUND)
		_, err = cs.PartyCalendar(ctx, "BLR", "no_such_office")
		wantCode(t, err, entente.EINVALID)
	})
}

// TestPartyCalendarOfAPartyWithoutDefinition gives a stored party the calendar package does
// not define a Monday–Friday calendar in its own zone, with the overrides entered for it.
func TestPartyCalendarOfAPartyWithoutDefinition(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		must(t, sqlstore.NewPartyService(db).CreateParty(system(), &entente.Party{Code: "UZB", Name: "Uzbekistan", TimeZone: "Asia/Tashkent"}))
		cs := sqlstore.NewCalendarService(db)
		must(t, cs.CreateCalendarOverride(system(), override("UZB", entente.OverrideHoliday, "2025-03-21", "", "Navruz")))
		c, err := cs.PartyCalendar(context.Background(), "UZB", "")
		must(t, err)
		if !c.IsGeneric() || c.Location().String() != "Asia/Tashkent" {
			t.Fatalf("UZB: generic %v, zone %s", c.IsGeneric(), c.Location())
		}
		if d := c.Day(entente.NewDate(2025, 3, 21)); d.Status != calendar.Holiday || d.Name != "Navruz" {
			t.Fatalf("21 March 2025 in Uzbekistan: %+v", d)
		}
		if !c.IsWorkingDay(entente.NewDate(2025, 3, 20)) || c.IsWorkingDay(entente.NewDate(2025, 3, 22)) {
			t.Fatal("not a Monday–Friday week")
		}
	})
}
