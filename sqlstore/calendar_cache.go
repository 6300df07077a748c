package sqlstore

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
)

// calendarCache keeps the computed calendar of each party and office profile, with the stamp
// of the overrides it was built from. A calendar computes each year once and keeps it, so
// reusing it makes a year of days cost microseconds instead of a rebuild per request.
type calendarCache struct {
	mu      sync.Mutex
	entries map[string]cachedCalendar // "PAK/" + profile
}

type cachedCalendar struct {
	stamp string
	cal   *calendar.Calendar
}

func newCalendarCache() *calendarCache {
	return &calendarCache{entries: map[string]cachedCalendar{}}
}

func (c *calendarCache) get(key, stamp string) (*calendar.Calendar, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[key]
	return e.cal, ok && e.stamp == stamp
}

func (c *calendarCache) put(key, stamp string, cal *calendar.Calendar) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[key] = cachedCalendar{stamp: stamp, cal: cal}
}

// forget drops the calendars of a party after this process changed its overrides.
func (c *calendarCache) forget(party string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for key := range c.entries {
		if strings.HasPrefix(key, party+"/") {
			delete(c.entries, key)
		}
	}
}

// PartyCalendar returns the working calendar of a stored party for an office profile ("" for
// the party's default), with the party's stored overrides: the party's definition when the
// calendar package has one, else a generic Monday–Friday calendar in the party's time zone.
// The calendar is rebuilt only when the party's overrides or zone changed since the last
// call, in this process or another one sharing the database: each call costs one small query.
// Errors: ENOTFOUND for an unknown party; EINVALID for an unknown profile, or stored overrides
// the calendar refuses (entered before a rule changed), naming them.
func (s *CalendarService) PartyCalendar(ctx context.Context, party, profile string) (*calendar.Calendar, error) {
	party = strings.ToUpper(party)
	key := party + "/" + profile
	type found struct {
		cal   *calendar.Calendar
		stamp string
		list  []entente.CalendarOverride
		zone  string
	}
	f, err := view(ctx, s.db, func(tx *Tx) (found, error) {
		p, err := tx.findParty(party)
		if err != nil {
			return found{}, err
		}
		stamp, err := tx.overridesStamp(p)
		if err != nil {
			return found{}, err
		}
		if cal, ok := s.cache.get(key, stamp); ok {
			return found{cal: cal}, nil
		}
		stored, err := tx.partyOverrides(party)
		list := make([]entente.CalendarOverride, len(stored))
		for i, o := range stored {
			list[i] = *o
		}
		return found{stamp: stamp, list: list, zone: p.TimeZone}, err
	})
	if err != nil || f.cal != nil {
		return f.cal, err
	}
	cal, err := calendar.Open(party, profile, f.zone, f.list)
	if err != nil {
		return nil, err
	}
	s.cache.put(key, f.stamp, cal)
	return cal, nil
}

// overridesStamp sums up the state of a party's overrides and zone. Every change moves it:
// an update raises a version; a deletion lowers the count, which only an insertion can
// restore, and an insertion takes an id above every id ever given.
func (tx *Tx) overridesStamp(p *entente.Party) (string, error) {
	var n, maxID, versions int64
	err := tx.queryRow(`SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(version), 0)
		FROM calendar_overrides WHERE party = ?`, p.Code).Scan(&n, &maxID, &versions)
	return fmt.Sprintf("%d/%d/%d/%s", n, maxID, versions, p.TimeZone), err
}

// SeedReport says what SeedCalendars did for one party.
type SeedReport struct {
	Party   string
	Added   int      // shipped notices stored now
	Refused []string // shipped notices that contradict the party's stored overrides, and why
}

// SeedCalendars stores the official notices shipped with entente (calendar.OfficialOverrides)
// for every stored party that has a calendar definition, once per notice: a shipped notice
// already seeded is never added again, so one that a user deleted stays deleted, while the
// notices a newer entente ships are added at its first start. A notice that contradicts the
// overrides users entered is left out and reported, and tried again at the next start. Each
// party is seeded in one transaction, as the system; run it at start.
func (db *DB) SeedCalendars(ctx context.Context) ([]SeedReport, error) {
	ctx = entente.WithCaller(ctx, entente.SystemCaller)
	parties, _, err := NewPartyService(db).FindParties(ctx, entente.PartyFilter{})
	if err != nil {
		return nil, err
	}
	var out []SeedReport
	for _, p := range parties {
		if !calendar.HasDefinition(p.Code) {
			continue
		}
		rep, err := change(ctx, db, func(tx *Tx) (SeedReport, error) { return tx.seedCalendar(p.Code) })
		if err != nil {
			return out, fmt.Errorf("seeding the official calendar notices of %s: %w", p.Code, err)
		}
		out = append(out, rep)
	}
	return out, nil
}

// seedCalendar stores the party's shipped notices that were never seeded and are missing,
// and records every shipped notice it has now seen.
func (tx *Tx) seedCalendar(party string) (SeedReport, error) {
	rep := SeedReport{Party: party}
	seeded, err := tx.seededNotices(party)
	if err != nil {
		return rep, err
	}
	stored, err := tx.partyOverrides(party)
	if err != nil {
		return rep, err
	}
	list := make([]entente.CalendarOverride, len(stored))
	for i, o := range stored {
		list[i] = *o
	}
	missing := map[string]bool{}
	for _, o := range calendar.MissingOfficial(party, list) {
		missing[noticeKey(o)] = true
	}
	var seen, todo []entente.CalendarOverride
	for _, o := range calendar.OfficialOverrides(party) {
		if key := noticeKey(o); !seeded[key] {
			seen = append(seen, o)
			if missing[key] {
				todo = append(todo, o)
			}
		}
	}
	// Usually the whole batch fits; else each notice is tried on its own.
	together := calendar.ValidateOverrides(party, append(slices.Clip(list), todo...)) == nil
	refused := map[string]bool{}
	for _, o := range todo {
		if !together {
			if err := calendar.ValidateOverrides(party, append(slices.Clip(list), o)); err != nil {
				refused[noticeKey(o)] = true
				rep.Refused = append(rep.Refused, noticeKey(o)+": "+entente.ErrorMessage(err))
				continue
			}
		}
		if err := tx.insertOverride(&o); err != nil {
			return rep, err
		}
		list = append(list, o)
		rep.Added++
	}
	for _, o := range seen {
		if refused[noticeKey(o)] {
			continue
		}
		if _, err := tx.exec("INSERT INTO calendar_seeds (party, notice, seeded_at) VALUES (?, ?, ?)", party, noticeKey(o), formatTime(tx.now)); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

func (tx *Tx) seededNotices(party string) (map[string]bool, error) {
	rows, err := tx.query("SELECT notice FROM calendar_seeds WHERE party = ?", party)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}

// noticeKey names a shipped notice by what it is about, as calendar.MissingOfficial compares
// them: "transfer 2025-01-06", "hijri_month_start 1446-10", with " office=…" for a notice of
// one office profile.
func noticeKey(o entente.CalendarOverride) string {
	k := o.Kind + " " + o.Date.String()
	if o.Kind == entente.OverrideHijriMonthStart {
		k = fmt.Sprintf("%s %d-%02d", o.Kind, o.HijriYear, o.HijriMonth)
	}
	if o.Office != "" {
		k += " office=" + o.Office
	}
	return k
}
