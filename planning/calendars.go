package planning

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
	"github.com/entente/entente/schedule"
)

// leadCalendars opens the working calendar of every lead party of the open and done actions,
// with the party's stored official notices, keyed by party code as schedule.Task.Calendar
// names it. A party with a calendar definition (Pakistan, Belarus) gets its holidays; another
// gets Monday to Friday in its time zone.
func (s *ScheduleService) leadCalendars(ctx context.Context, actions []*entente.Action) (map[string]schedule.WorkingDays, error) {
	codes := leadParties(actions)
	cals := make(map[string]schedule.WorkingDays, len(codes))
	if len(codes) == 0 {
		return cals, nil
	}
	parties, _, err := s.svc.Parties.FindParties(ctx, entente.PartyFilter{Codes: codes, Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return nil, err
	}
	zones := map[string]string{}
	for _, p := range parties {
		zones[p.Code] = p.TimeZone
	}
	for _, code := range codes {
		stored, err := s.svc.Calendars.FindCalendarOverrides(ctx, code)
		if entente.ErrorCode(err) == entente.ENOTFOUND {
			return nil, calendarProblem(code, actions, err)
		}
		if err != nil {
			return nil, err
		}
		overrides := make([]entente.CalendarOverride, len(stored))
		for i, o := range stored {
			overrides[i] = *o
		}
		cal, err := s.calendars.open(code, zones[code], overrides)
		if err != nil {
			return nil, calendarProblem(code, actions, err)
		}
		cals[code] = cal
	}
	return cals, nil
}

// leadParties returns the distinct lead parties of the actions that take part, sorted.
func leadParties(actions []*entente.Action) []string {
	var codes []string
	for _, a := range actions {
		if a.LeadParty != "" && a.Status != entente.ActionCancelled && !slices.Contains(codes, a.LeadParty) {
			codes = append(codes, a.LeadParty)
		}
	}
	slices.Sort(codes)
	return codes
}

// calendarProblem explains why a lead party's calendar cannot be opened, naming the first
// actions it leads.
func calendarProblem(code string, actions []*entente.Action, err error) error {
	var named []string
	n := 0
	for _, a := range actions {
		if a.LeadParty == code && a.Status != entente.ActionCancelled {
			if n++; n <= 3 {
				named = append(named, fmt.Sprintf("%q (#%d)", a.Title, a.ID))
			}
		}
	}
	if n > 3 {
		named = append(named, fmt.Sprintf("and %d more", n-3))
	}
	problem := fmt.Sprintf("the working calendar of %s, which leads %s, cannot be opened: %s", code, strings.Join(named, ", "), entente.ErrorMessage(err))
	if entente.ErrorCode(err) == entente.ENOTFOUND {
		problem = fmt.Sprintf("%s, which leads %s, has no working calendar: add the party with its time zone", code, strings.Join(named, ", "))
	}
	return &entente.Error{Code: entente.EINVALID, Message: "The schedule cannot be computed: " + problem + ".",
		Fields: map[string]string{"lead_party": problem}}
}

// calendarCache keeps the calendars it has opened, each under its party, zone and the
// fingerprint of its overrides: a calendar computes each year once, on first use, and a
// change of the overrides makes a new key, so a cached calendar is never stale.
type calendarCache struct {
	mu   sync.Mutex
	cals map[string]*calendar.Calendar
}

// maxCachedCalendars bounds the cache; past it the cache starts again empty.
const maxCachedCalendars = 64

func newCalendarCache() *calendarCache {
	return &calendarCache{cals: map[string]*calendar.Calendar{}}
}

// open returns the calendar of a party in its zone with the overrides, opening it once.
func (c *calendarCache) open(party, zone string, overrides []entente.CalendarOverride) (*calendar.Calendar, error) {
	fp, err := json.Marshal(overrides)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(fp)
	key := fmt.Sprintf("%s|%s|%x", party, zone, sum)
	c.mu.Lock()
	cal := c.cals[key]
	c.mu.Unlock()
	if cal != nil {
		return cal, nil
	}
	cal, err = calendar.Open(party, "", zone, overrides)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.cals) >= maxCachedCalendars {
		clear(c.cals)
	}
	c.cals[key] = cal
	return cal, nil
}
