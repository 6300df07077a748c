package sqlstore

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
)

// CalendarService implements entente.CalendarService, and gives the computed calendar of a
// party with its stored overrides (see PartyCalendar).
type CalendarService struct {
	db    *DB
	cache *calendarCache
}

// NewCalendarService returns the calendar service of db.
func NewCalendarService(db *DB) *CalendarService {
	return &CalendarService{db: db, cache: newCalendarCache()}
}

// overrideKind is the entity type of overrides in messages and the audit trail.
const overrideKind = "calendar_override"

const overrideColumns = `id, party, kind, falls_on, moved_to_on, name, hijri_year, hijri_month, office, source,
	version, created_at, updated_at`

func scanOverride(s rowScanner) (*entente.CalendarOverride, error) {
	var o entente.CalendarOverride
	err := s.Scan(&o.ID, &o.Party, &o.Kind, dateCol{&o.Date}, dateCol{&o.ToDate}, &o.Name, &o.HijriYear, &o.HijriMonth,
		&o.Office, &o.Source, &o.Version, timeCol{&o.CreatedAt}, timeCol{&o.UpdatedAt})
	return &o, err
}

func overrideValues(o *entente.CalendarOverride) []colval {
	return []colval{{"kind", o.Kind}, {"falls_on", o.Date.String()}, {"moved_to_on", dateArg(o.ToDate)},
		{"name", o.Name}, {"hijri_year", o.HijriYear}, {"hijri_month", o.HijriMonth}, {"office", o.Office},
		{"source", o.Source}, {"updated_at", formatTime(o.UpdatedAt)}}
}

// findOverride loads one override; calendars are public, so anyone may read it.
func (tx *Tx) findOverride(id int64) (*entente.CalendarOverride, error) {
	o, err := scanOverride(tx.queryRow("SELECT "+overrideColumns+" FROM calendar_overrides WHERE id = ?", id))
	return o, notFoundIfNoRows(err, "calendar override", id)
}

// partyOverrides lists the overrides of a party by date, then id.
func (tx *Tx) partyOverrides(party string) ([]*entente.CalendarOverride, error) {
	rows, err := tx.query("SELECT "+overrideColumns+" FROM calendar_overrides WHERE party = ? ORDER BY falls_on, id", party)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*entente.CalendarOverride
	for rows.Next() {
		o, err := scanOverride(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// FindCalendarOverrides lists a party's overrides by date; ENOTFOUND for an unknown party.
func (s *CalendarService) FindCalendarOverrides(ctx context.Context, party string) ([]*entente.CalendarOverride, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.CalendarOverride, error) {
		if _, err := tx.findParty(party); err != nil {
			return nil, err
		}
		return tx.partyOverrides(party)
	})
}

// FindCalendarOverrideByID returns one override.
func (s *CalendarService) FindCalendarOverrideByID(ctx context.Context, id int64) (*entente.CalendarOverride, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.CalendarOverride, error) { return tx.findOverride(id) })
}

// CreateCalendarOverride adds an override to its party's calendar after checking it with the
// party's other overrides.
func (s *CalendarService) CreateCalendarOverride(ctx context.Context, o *entente.CalendarOverride) error {
	o.Party = strings.ToUpper(o.Party)
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createOverride(o) })
	if err == nil {
		s.cache.forget(o.Party)
	}
	return err
}

func (tx *Tx) createOverride(o *entente.CalendarOverride) error {
	if err := o.Validate(); err != nil {
		return err
	}
	if _, err := tx.findParty(o.Party); err != nil {
		return err
	}
	if !entente.CanEditCalendar(tx.caller, o.Party) {
		return entente.Denied(tx.caller, "change the calendar of "+o.Party)
	}
	if err := tx.checkOverrides(o.Party, o, 0, "add"); err != nil {
		return err
	}
	return tx.insertOverride(o)
}

// insertOverride writes a checked override and records it.
func (tx *Tx) insertOverride(o *entente.CalendarOverride) error {
	o.ID, o.CreatedAt, o.UpdatedAt, o.Version = 0, tx.now, tx.now, 1
	cols := append(overrideValues(o), colval{"party", o.Party}, colval{"created_at", formatTime(o.CreatedAt)})
	var err error
	if o.ID, err = tx.insert("calendar_overrides", cols); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: overrideKind, entityID: o.ID, after: o})
}

// UpdateCalendarOverride changes an override after checking it with the party's others.
func (s *CalendarService) UpdateCalendarOverride(ctx context.Context, id int64, upd entente.CalendarOverrideUpdate) (*entente.CalendarOverride, error) {
	o, err := change(ctx, s.db, func(tx *Tx) (*entente.CalendarOverride, error) {
		o, err := tx.overrideForWrite(id, "change")
		if err != nil {
			return nil, err
		}
		if err := checkVersion("calendar override", o.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *o
		upd.Apply(o)
		if err := o.Validate(); err != nil {
			return nil, err
		}
		if err := tx.checkOverrides(o.Party, o, id, "change"); err != nil {
			return nil, err
		}
		o.UpdatedAt = tx.now
		if err := tx.updateVersioned("calendar_overrides", "calendar override", id, upd.Version, overrideValues(o)); err != nil {
			return nil, err
		}
		o.Version++
		return o, tx.audit(auditRecord{action: "update", entityType: overrideKind, entityID: id, before: &before, after: o})
	})
	if err == nil {
		s.cache.forget(o.Party)
	}
	return o, err
}

// DeleteCalendarOverride deletes an override, unless the others depend on it (a moon
// sighting that a moved holiday refers to): then EINVALID names the override left invalid.
func (s *CalendarService) DeleteCalendarOverride(ctx context.Context, id int64) error {
	party, err := change(ctx, s.db, func(tx *Tx) (string, error) {
		o, err := tx.overrideForWrite(id, "delete")
		if err != nil {
			return "", err
		}
		if err := tx.checkOverrides(o.Party, nil, id, "delete"); err != nil {
			return "", err
		}
		if err := tx.deleteRow("calendar_overrides", id); err != nil {
			return "", err
		}
		return o.Party, tx.audit(auditRecord{action: "delete", entityType: overrideKind, entityID: id, before: o})
	})
	if err == nil {
		s.cache.forget(party)
	}
	return err
}

// overrideForWrite loads an override the caller may change.
func (tx *Tx) overrideForWrite(id int64, verb string) (*entente.CalendarOverride, error) {
	o, err := tx.findOverride(id)
	if err != nil {
		return nil, err
	}
	if !entente.CanEditCalendar(tx.caller, o.Party) {
		return nil, entente.Denied(tx.caller, verb+" the calendar of "+o.Party)
	}
	return o, nil
}

// checkOverrides checks the party's overrides as they would be after the change: the stored
// ones without override replaced (0 for none), followed by changed (nil for a deletion).
func (tx *Tx) checkOverrides(party string, changed *entente.CalendarOverride, replaced int64, verb string) error {
	stored, err := tx.partyOverrides(party)
	if err != nil {
		return err
	}
	list := make([]entente.CalendarOverride, 0, len(stored)+1)
	for _, o := range stored {
		if o.ID != replaced {
			list = append(list, *o)
		}
	}
	at := -1
	if changed != nil {
		at = len(list)
		list = append(list, *changed)
	}
	if err := calendar.ValidateOverrides(party, list); err != nil {
		return overrideProblems(err, list, at, verb)
	}
	return nil
}

var (
	problemKey   = regexp.MustCompile(`^overrides\[(\d+)\]\.(.+)$`)
	overrideName = regexp.MustCompile(`override \d+ \(`)
)

// overrideProblems rewords the calendar's verdict on a whole set of overrides for the one
// change the user made: problems of the changed override (at index at) keep their plain field
// names ("date", "to_date"), those of another stored override are keyed
// "overrides.<id>.<field>"; positions in the checked list, which mean nothing to the user,
// are dropped from the wording.
func overrideProblems(err error, list []entente.CalendarOverride, at int, verb string) error {
	fields := entente.ErrorFields(err)
	if entente.ErrorCode(err) != entente.EINVALID || len(fields) == 0 {
		return err
	}
	out := map[string]string{}
	for key, problem := range fields {
		problem = overrideName.ReplaceAllString(problem, "override (")
		m := problemKey.FindStringSubmatch(key)
		if m == nil {
			out[key] = problem
			continue
		}
		i, _ := strconv.Atoi(m[1])
		switch {
		case i == at:
			out[m[2]] = problem
		case i < len(list):
			out["overrides."+strconv.FormatInt(list[i].ID, 10)+"."+m[2]] = problem
		default:
			out[key] = problem
		}
	}
	e := &entente.Error{Code: entente.EINVALID, Fields: out}
	e.Message = fmt.Sprintf("Cannot %s this calendar override: %s.", verb, e.FieldList())
	return e
}

// OverridesOf returns a stored party's overrides as values, the form the calendar package
// takes (calendar.For, calendar.Open); ENOTFOUND for an unknown party.
func (s *CalendarService) OverridesOf(ctx context.Context, party string) ([]entente.CalendarOverride, error) {
	stored, err := s.FindCalendarOverrides(ctx, party)
	if err != nil {
		return nil, err
	}
	out := make([]entente.CalendarOverride, len(stored))
	for i, o := range stored {
		out[i] = *o
	}
	return out, nil
}
