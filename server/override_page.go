package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
	"github.com/entente/entente/i18n"
)

// OverrideRow is one calendar override in the table of the calendar page.
type OverrideRow struct {
	O      *entente.CalendarOverride
	Kind   string
	Date   string
	ToDate string
	Hijri  string // "10 (Shawwal) 1446" for a moon sighting
}

func overrideRow(l *i18n.Locale, o *entente.CalendarOverride) OverrideRow {
	row := OverrideRow{O: o, Kind: l.T("calendar.kind." + o.Kind), Date: l.Date(o.Date), ToDate: l.Date(o.ToDate)}
	if o.Kind == entente.OverrideHijriMonthStart {
		row.Hijri = strconv.Itoa(o.HijriMonth) + " (" + calendar.HijriMonthName(o.HijriMonth) + ") " + strconv.Itoa(o.HijriYear)
	}
	return row
}

// OverrideForm is the form to add or change a calendar override.
type OverrideForm struct {
	*Form
	Party    string
	Override *entente.CalendarOverride // nil when adding
	// KindValues are the kinds of override the form offers.
	KindValues []string
	Months     []Choice
	Offices    []Choice
	// Others are problems of other overrides the change would contradict, which have no
	// field in this form.
	Others []string
}

// overrideForm builds the form of a party's override around the values in f.
func (s *Server) overrideForm(l *i18n.Locale, party string, f *Form) *OverrideForm {
	of := &OverrideForm{Form: f, Party: party, KindValues: entente.OverrideKinds}
	for m := 1; m <= 12; m++ {
		of.Months = append(of.Months, Choice{Value: strconv.Itoa(m), Label: strconv.Itoa(m) + " — " + calendar.HijriMonthName(m)})
	}
	for _, info := range calendar.Parties() {
		if info.Party != party {
			continue
		}
		for _, prof := range info.Profiles {
			of.Offices = append(of.Offices, Choice{Value: prof.Name, Label: prof.Description})
		}
	}
	return of
}

// fail shows a refused change: problems of the form's fields next to them, those of other
// overrides on top.
func (of *OverrideForm) fail(err error) {
	of.Form.fail(err)
	for key, problem := range entente.ErrorFields(err) {
		if strings.HasPrefix(key, "overrides.") {
			of.Others = append(of.Others, problem)
		}
	}
	if entente.ErrorCode(err) == entente.ECONFLICT && entente.ErrorFields(err)["version"] != "" {
		of.Message = of.L.T("form.conflict")
	}
}

// overrideFromForm reads the fields of the override form.
func overrideFromForm(v url.Values, probs entente.Problems) *entente.CalendarOverride {
	return &entente.CalendarOverride{
		Kind: v.Get("kind"), Date: formDate(v, "date", probs), ToDate: formDate(v, "to_date", probs),
		Name: strings.TrimSpace(v.Get("name")), HijriYear: formInt(v, "hijri_year", probs),
		HijriMonth: formInt(v, "hijri_month", probs), Office: v.Get("office"), Source: strings.TrimSpace(v.Get("source")),
	}
}

// overrideValues writes an override into form values.
func overrideValues(o *entente.CalendarOverride) url.Values {
	v := url.Values{"kind": {o.Kind}, "date": {o.Date.String()}, "to_date": {o.ToDate.String()}, "name": {o.Name},
		"office": {o.Office}, "source": {o.Source}}
	if o.HijriYear != 0 {
		v.Set("hijri_year", strconv.Itoa(o.HijriYear))
		v.Set("hijri_month", strconv.Itoa(o.HijriMonth))
	}
	return v
}

// calendarURL is the calendar page of a party's year.
func calendarURL(party string, year int) string {
	return "/parties/" + party + "/calendar?year=" + strconv.Itoa(year)
}

// postedYear is the year the calendar page showed when its form was sent.
func (s *Server) postedYear(r *http.Request, d entente.Date) int {
	if y, err := strconv.Atoi(r.PostFormValue("year")); err == nil && y >= firstCalendarYear && y <= lastCalendarYear {
		return y
	}
	if !d.IsZero() {
		return d.Year
	}
	return s.today().Year
}

func (s *Server) handleOverridePageCreate(w http.ResponseWriter, r *http.Request) {
	party, err := s.svc.Parties.FindPartyByCode(r.Context(), partyCode(r))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	o := overrideFromForm(r.PostForm, probs)
	o.Party = party.Code
	err = parsed(probs, o, "calendar override")
	if err == nil {
		err = s.svc.Calendars.CreateCalendarOverride(r.Context(), o)
	}
	year := s.postedYear(r, o.Date)
	if err != nil {
		if code := entente.ErrorCode(err); code != entente.EINVALID && code != entente.ECONFLICT {
			s.pageError(w, r, err)
			return
		}
		form := s.overrideForm(s.locale(r), party.Code, newForm(s.locale(r), r.PostForm))
		form.fail(err)
		s.showCalendar(w, r, party, year, form, formStatus(err))
		return
	}
	redirect(w, r, withNotice(calendarURL(party.Code, o.Date.Year), "notice.created"))
}

// OverridePage is the form to change one override.
type OverridePage struct {
	Page
	Party *entente.Party
	Form  *OverrideForm
}

// overrideForPage loads the override {id} of the party {code}, for a caller who may change it.
func (s *Server) overrideForPage(r *http.Request) (*entente.Party, *entente.CalendarOverride, error) {
	party, err := s.svc.Parties.FindPartyByCode(r.Context(), partyCode(r))
	if err != nil {
		return nil, nil, err
	}
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	o, err := s.svc.Calendars.FindCalendarOverrideByID(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	if o.Party != party.Code {
		return nil, nil, entente.NotFound("calendar override", id)
	}
	if c := entente.CallerFrom(r.Context()); !entente.CanEditCalendar(c, party.Code) {
		return nil, nil, entente.Denied(c, "change the calendar of "+party.Name)
	}
	return party, o, nil
}

func (s *Server) handleOverrideEdit(w http.ResponseWriter, r *http.Request) {
	party, o, err := s.overrideForPage(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f := newForm(s.locale(r), overrideValues(o))
	f.Version = o.Version
	s.showOverrideForm(w, r, party, o, f, nil, http.StatusOK)
}

func (s *Server) showOverrideForm(w http.ResponseWriter, r *http.Request, party *entente.Party, o *entente.CalendarOverride, f *Form, err error, status int) {
	p := OverridePage{Page: s.directoryPage(r, "calendar.edit_override"), Party: party}
	p.Form = s.overrideForm(p.L, party.Code, f)
	p.Form.Override = o
	if err != nil {
		p.Form.fail(err)
	}
	s.render(w, r, "calendar-override", status, p)
}

func (s *Server) handleOverridePageUpdate(w http.ResponseWriter, r *http.Request) {
	party, current, err := s.overrideForPage(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	typed := overrideFromForm(r.PostForm, probs)
	typed.Party = party.Code
	upd := entente.CalendarOverrideUpdate{Version: formInt(r.PostForm, "version", probs), Kind: &typed.Kind, Date: &typed.Date,
		ToDate: &typed.ToDate, Name: &typed.Name, HijriYear: &typed.HijriYear, HijriMonth: &typed.HijriMonth,
		Office: &typed.Office, Source: &typed.Source}
	err = parsed(probs, typed, "calendar override")
	if err == nil {
		_, err = s.svc.Calendars.UpdateCalendarOverride(r.Context(), current.ID, upd)
	}
	if err != nil {
		if code := entente.ErrorCode(err); code != entente.EINVALID && code != entente.ECONFLICT {
			s.pageError(w, r, err)
			return
		}
		f := newForm(s.locale(r), r.PostForm)
		f.Version = upd.Version
		if entente.ErrorCode(err) == entente.ECONFLICT {
			f.Version = current.Version
			f.Conflict = diffValues(f.L, overrideValues(current), r.PostForm, overrideFieldLabels)
		}
		s.showOverrideForm(w, r, party, current, f, err, formStatus(err))
		return
	}
	redirect(w, r, withNotice(calendarURL(party.Code, typed.Date.Year), "notice.saved"))
}

// overrideFieldLabels names the fields of the override form, for the conflict table.
var overrideFieldLabels = [][2]string{{"kind", "calendar.field.kind"}, {"date", "calendar.field.date"},
	{"to_date", "calendar.field.to_date"}, {"name", "calendar.field.name"}, {"hijri_year", "calendar.field.hijri_year"},
	{"hijri_month", "calendar.field.hijri_month"}, {"office", "calendar.field.office"}, {"source", "calendar.field.source"}}

func (s *Server) handleOverridePageDelete(w http.ResponseWriter, r *http.Request) {
	party, o, err := s.overrideForPage(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if err := s.svc.Calendars.DeleteCalendarOverride(r.Context(), o.ID); err != nil {
		if entente.ErrorCode(err) != entente.EINVALID {
			s.pageError(w, r, err)
			return
		}
		form := s.overrideForm(s.locale(r), party.Code, newForm(s.locale(r), nil))
		form.fail(err)
		form.Message = s.locale(r).T("calendar.delete_refused")
		s.showCalendar(w, r, party, s.postedYear(r, o.Date), form, http.StatusUnprocessableEntity)
		return
	}
	redirect(w, r, withNotice(calendarURL(party.Code, s.postedYear(r, o.Date)), "notice.deleted"))
}
