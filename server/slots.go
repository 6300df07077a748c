package server

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
)

// Limits of a slot search: the longest meeting, and the default and largest number of slots
// answered.
const (
	maxMeetingDuration = 24 * time.Hour
	defaultSlotLimit   = 50
	maxSlotLimit       = 500
)

// slotQuery is a search for meeting slots, as the API and the find-a-time page read it.
type slotQuery struct {
	parties   []string
	duration  time.Duration
	step      time.Duration
	from, to  entente.Date
	zone      *time.Location // where the meeting is planned, or nil
	hours     map[string]string
	limit     int
	tentative bool
}

// readSlotQuery reads parties, duration, from, to, zone, hours, step, limit and
// allow_tentative, recording each problem under its parameter's name.
func readSlotQuery(q *query) slotQuery {
	sq := slotQuery{hours: map[string]string{}, limit: defaultSlotLimit, tentative: q.flag("allow_tentative")}
	for _, p := range strings.Split(q.str("parties"), ",") {
		p = strings.ToUpper(strings.TrimSpace(p))
		switch {
		case p == "":
		case !entente.ValidPartyCode(p):
			q.probs.Addf("parties", "%q is not a party code such as PAK", p)
		case slices.Contains(sq.parties, p):
			q.probs.Addf("parties", "%s is named twice", p)
		default:
			sq.parties = append(sq.parties, p)
		}
	}
	if len(sq.parties) == 0 {
		q.probs.Add("parties", "name the parties, separated by commas, such as PAK,BLR")
	}
	sq.duration = readDuration(q, "duration", 0)
	sq.step = readDuration(q, "step", calendar.DefaultStep)
	sq.from, sq.to = q.date("from"), q.date("to")
	if sq.from.IsZero() {
		q.probs.Add("from", "is required: the first day of the window")
	}
	if sq.to.IsZero() {
		q.probs.Add("to", "is required: the last day of the window")
	}
	checkWindow(q.probs, sq.from, sq.to, calendar.MaxSlotWindow)
	sq.zone = readZone(q, "zone")
	for _, h := range q.values["hours"] {
		party, spec, ok := strings.Cut(h, "=")
		party = strings.ToUpper(strings.TrimSpace(party))
		if !ok || !slices.Contains(sq.parties, party) {
			q.probs.Add("hours", "write PARTY=HOURS for a party of the search, such as PAK=mon-fri 10:00-16:00")
			continue
		}
		sq.hours[party] = spec
	}
	if s := q.str("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxSlotLimit {
			q.probs.Addf("limit", "must be between 1 and %d", maxSlotLimit)
		}
		sq.limit = n
	}
	return sq
}

// readDuration reads a duration written as minutes ("120") or as Go writes durations ("2h",
// "1h30m"); it must be positive and at most a day.
func readDuration(q *query, name string, def time.Duration) time.Duration {
	s := q.str(name)
	if s == "" {
		if def == 0 {
			q.probs.Add(name, "is required, in minutes (120) or as 2h or 1h30m")
		}
		return def
	}
	d, err := time.ParseDuration(s)
	if n, aerr := strconv.Atoi(s); aerr == nil {
		d, err = time.Duration(n)*time.Minute, nil
	}
	switch {
	case err != nil:
		q.probs.Addf(name, "%q is not a duration: write minutes (120) or 2h or 1h30m", s)
	case d <= 0:
		q.probs.Addf(name, "must be positive, not %s", s)
	case d > maxMeetingDuration:
		q.probs.Addf(name, "must be at most %v", maxMeetingDuration)
	case d%time.Minute != 0:
		q.probs.Addf(name, "must be whole minutes, not %s", s)
	}
	return d
}

// readZone reads an IANA time zone; the machine's "Local" is not one.
func readZone(q *query, name string) *time.Location {
	s := q.str(name)
	if s == "" {
		return nil
	}
	loc, err := time.LoadLocation(s)
	if err != nil || s == "Local" {
		q.probs.Addf(name, "%q is not an IANA time zone such as Europe/Minsk", s)
		return nil
	}
	return loc
}

// findSlots opens each party's calendar and finds the slots: the first limit of them, and
// how many there are in all. An unknown party is ENOTFOUND naming it.
func (s *Server) findSlots(ctx context.Context, sq slotQuery) ([]calendar.Slot, int, error) {
	req := calendar.SlotRequest{Duration: sq.duration, Step: sq.step, From: sq.from, To: sq.to, AllowTentative: sq.tentative}
	for _, p := range sq.parties {
		cal, err := s.svc.Calendars.PartyCalendar(ctx, p, "")
		if entente.ErrorCode(err) == entente.ENOTFOUND {
			return nil, 0, &entente.Error{Code: entente.ENOTFOUND, Message: fmt.Sprintf("Party %s not found.", p),
				Fields: map[string]string{"parties": p + " is not a party of this installation"}}
		} else if err != nil {
			return nil, 0, err
		}
		sp := calendar.SlotParty{Calendar: cal}
		if spec, ok := sq.hours[p]; ok {
			h, err := calendar.ParseWorkingHours(spec)
			if err != nil {
				return nil, 0, &entente.Error{Code: entente.EINVALID, Message: entente.ErrorMessage(err),
					Fields: map[string]string{"hours": p + ": " + entente.ErrorMessage(err)}}
			}
			sp.Hours = &h
		}
		req.Parties = append(req.Parties, sp)
	}
	slots, err := calendar.FindSlots(req)
	if err != nil {
		return nil, 0, err
	}
	total := len(slots)
	if sq.limit > 0 && total > sq.limit {
		slots = slots[:sq.limit]
	}
	return slots, total, nil
}

// SlotList is the JSON of a slot search.
type SlotList struct {
	Parties         []string     `json:"parties"`
	DurationMinutes int          `json:"duration_minutes"`
	From            entente.Date `json:"from"`
	To              entente.Date `json:"to"`
	Zone            string       `json:"zone,omitempty"`
	Total           int          `json:"total"`
	Items           []SlotItem   `json:"items"`
}

// SlotItem is one slot: in UTC, in every party's local time, and in the asked zone.
type SlotItem struct {
	calendar.Slot
	InZone *calendar.LocalSlot `json:"in_zone,omitempty"`
}

// handleSlots serves GET /api/v1/slots: the slots that are working time for every party.
func (s *Server) handleSlots(w http.ResponseWriter, r *http.Request) error {
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	sq := readSlotQuery(q)
	if err := q.probs.Err("query"); err != nil {
		return err
	}
	slots, total, err := s.findSlots(r.Context(), sq)
	if err != nil {
		return err
	}
	out := SlotList{Parties: sq.parties, DurationMinutes: int(sq.duration / time.Minute), From: sq.from, To: sq.to,
		Total: total, Items: make([]SlotItem, len(slots))}
	for i, sl := range slots {
		out.Items[i].Slot = sl
		if sq.zone != nil {
			out.Zone = sq.zone.String()
			start, end := sl.Start.In(sq.zone), sl.End.In(sq.zone)
			out.Items[i].InZone = &calendar.LocalSlot{Zone: out.Zone, Date: entente.DateOf(start), Start: start, End: end}
		}
	}
	return writeJSON(w, http.StatusOK, out)
}
