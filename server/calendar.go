package server

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
)

// CalendarService is the domain's calendar service together with the working calendars it
// builds from each party's definition and stored overrides.
type CalendarService interface {
	entente.CalendarService
	// PartyCalendar returns the working calendar of a stored party for an office profile
	// ("" for the party's default). Errors: ENOTFOUND for an unknown party; EINVALID for an
	// unknown profile or stored overrides the calendar refuses.
	PartyCalendar(ctx context.Context, party, profile string) (*calendar.Calendar, error)
}

// maxCalendarDays is the longest stretch of days the calendar API answers at once.
const maxCalendarDays = 366

// CalendarDays is the JSON of a stretch of a party's calendar.
type CalendarDays struct {
	Party   string         `json:"party"`
	Name    string         `json:"name"`
	Zone    string         `json:"zone"`
	Profile string         `json:"profile"`
	Generic bool           `json:"generic"`
	From    entente.Date   `json:"from"`
	To      entente.Date   `json:"to"`
	Notes   []string       `json:"notes"`
	Days    []calendar.Day `json:"days"`
}

// partyCode reads the {code} of the route as a party code.
func partyCode(r *http.Request) string { return strings.ToUpper(r.PathValue("code")) }

// handleCalendarDays serves a party's days from from to to (a year from 1 January of this
// year by default), every day or only those that are not ordinary working days.
func (s *Server) handleCalendarDays(w http.ResponseWriter, r *http.Request) error {
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	from, to := q.date("from"), q.date("to")
	only := q.oneOf("only", []string{"non_working"})
	profile := q.str("profile")
	if from.IsZero() {
		from = entente.NewDate(s.today().Year, time.January, 1)
	}
	if to.IsZero() {
		to = entente.NewDate(from.Year, time.December, 31)
	}
	checkWindow(q.probs, from, to, maxCalendarDays)
	if err := q.probs.Err("query"); err != nil {
		return err
	}
	cal, err := s.svc.Calendars.PartyCalendar(r.Context(), partyCode(r), profile)
	if err != nil {
		return err
	}
	out := CalendarDays{Party: cal.Party(), Name: cal.Name(), Zone: cal.Location().String(), Profile: cal.Profile(),
		Generic: cal.IsGeneric(), From: from, To: to, Notes: []string{}, Days: []calendar.Day{}}
	for y := from.Year; y <= to.Year; y++ {
		out.Notes = append(out.Notes, cal.YearNotes(y)...)
	}
	if only == "non_working" {
		out.Days = append(out.Days, cal.NonWorkingDays(from, to)...)
	} else {
		out.Days = cal.Days(from, to)
	}
	return writeJSON(w, http.StatusOK, out)
}

// checkWindow records the problems of a stretch of days: reversed, or longer than max days.
func checkWindow(p entente.Problems, from, to entente.Date, max int) {
	switch {
	case from.IsZero() || to.IsZero():
	case to.Before(from):
		p.Addf("to", "the window ends (%s) before it starts (%s)", to, from)
	case to.DaysSince(from) >= max:
		p.Addf("to", "the window is %d days long; ask for at most %d days at a time", to.DaysSince(from)+1, max)
	}
}

// handleOverrideList lists a party's calendar overrides by date.
func (s *Server) handleOverrideList(w http.ResponseWriter, r *http.Request) error {
	list, err := s.svc.Calendars.FindCalendarOverrides(r.Context(), partyCode(r))
	if err != nil {
		return err
	}
	if list == nil {
		list = []*entente.CalendarOverride{}
	}
	return writeJSON(w, http.StatusOK, List[*entente.CalendarOverride]{Items: list, Total: len(list)})
}

// handleOverrideCreate adds an override to the party of the path.
func (s *Server) handleOverrideCreate(w http.ResponseWriter, r *http.Request) error {
	var o entente.CalendarOverride
	if err := decodeJSON(r, &o); err != nil {
		return err
	}
	code := partyCode(r)
	if o.Party != "" && !strings.EqualFold(o.Party, code) {
		return &entente.Error{Code: entente.EINVALID, Message: "The override names another party than the calendar it is sent to.",
			Fields: map[string]string{"party": "must be " + code + " or left out"}}
	}
	o.Party = code
	if err := s.svc.Calendars.CreateCalendarOverride(r.Context(), &o); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/parties/"+code+"/calendar/overrides/"+itoa(o.ID))
	return writeJSON(w, http.StatusCreated, o)
}

// overrideOfPath checks that the override {id} belongs to the party {code}; an override of
// another party is not found under this one.
func (s *Server) overrideOfPath(r *http.Request) (int64, error) {
	id, err := pathID(r)
	if err != nil {
		return 0, err
	}
	o, err := s.svc.Calendars.FindCalendarOverrideByID(r.Context(), id)
	if err != nil {
		return 0, err
	}
	if o.Party != partyCode(r) {
		return 0, entente.NotFound("calendar override", id)
	}
	return id, nil
}

// handleOverrideUpdate changes an override of the party of the path.
func (s *Server) handleOverrideUpdate(w http.ResponseWriter, r *http.Request) error {
	id, err := s.overrideOfPath(r)
	if err != nil {
		return err
	}
	var u entente.CalendarOverrideUpdate
	if err := decodeJSON(r, &u); err != nil {
		return err
	}
	if u.Version <= 0 {
		return &entente.Error{Code: entente.EINVALID, Message: "Say which version you are changing.",
			Fields: map[string]string{"version": "is required: the version you read"}}
	}
	o, err := s.svc.Calendars.UpdateCalendarOverride(r.Context(), id, u)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, o)
}

// handleOverrideDelete deletes an override of the party of the path.
func (s *Server) handleOverrideDelete(w http.ResponseWriter, r *http.Request) error {
	id, err := s.overrideOfPath(r)
	if err != nil {
		return err
	}
	if err := s.svc.Calendars.DeleteCalendarOverride(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
