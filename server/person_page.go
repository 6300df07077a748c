package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/entente/entente"
)

// PersonRow is one person in a list, with the name of their body.
type PersonRow struct {
	P    *entente.Person
	Body string
}

func personRows(d *directory, people []*entente.Person) []PersonRow {
	out := make([]PersonRow, 0, len(people))
	for _, p := range people {
		out = append(out, PersonRow{P: p, Body: d.bodyName(p.BodyID)})
	}
	return out
}

// PeoplePage lists people with filters by party, body and text.
type PeoplePage struct {
	Page
	Filter     *Form
	PartyField Field
	BodyField  Field
	Rows       []PersonRow
	Total      int
	Pager
	CanAdd bool
}

func (s *Server) handlePersonList(w http.ResponseWriter, r *http.Request) {
	p := PeoplePage{Page: s.directoryPage(r, "directory.people"), Filter: newForm(s.locale(r), r.URL.Query())}
	p.CanAdd = entente.CanWrite(p.Caller)
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	f := personFilter(q)
	f.Page = entente.Page{Limit: 50, Sort: "name", Cursor: q.str("cursor")}
	if err := q.probs.Err("filter"); err != nil {
		p.Filter.fail(err)
		f = entente.PersonFilter{Page: entente.Page{Limit: 50, Sort: "name"}}
	}
	people, total, pager, err := findPage(r, p.Filter, &f.Page, entente.Page{Limit: 50, Sort: "name"},
		func() ([]*entente.Person, int, error) { return s.svc.People.FindPeople(r.Context(), f) }, personID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d, err := s.loadDirectory(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Rows, p.Total, p.Pager = personRows(d, people), total, pager
	p.PartyField = p.Filter.Options("party", "directory.party", d.partyChoices())
	p.BodyField = p.Filter.Options("body", "directory.body", d.bodyChoices(p.L, "", true, 0))
	s.render(w, r, "people", http.StatusOK, p)
}

// PersonPage shows one person: role, party, body and the meetings they took part in that the
// caller may read.
type PersonPage struct {
	Page
	P        *entente.Person
	Body     *entente.Body
	Party    *entente.Party
	Meetings []PersonMeeting
	CanEdit  bool
}

// PersonMeeting is a meeting a person took part in, with the part they played.
type PersonMeeting struct {
	M       *entente.Meeting
	Roadmap string
	Role    string
}

func (s *Server) handlePersonView(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	person, err := s.svc.People.FindPersonByID(ctx, id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := PersonPage{Page: s.directoryPage(r, "directory.person"), P: person}
	p.Title = person.Name
	p.CanEdit = entente.CanEditDirectory(p.Caller, person.Party)
	if person.BodyID != 0 {
		if p.Body, err = s.svc.Bodies.FindBodyByID(ctx, person.BodyID); entente.ErrorCode(err) == entente.ENOTFOUND {
			p.Body, err = nil, nil
		}
	}
	if err == nil {
		p.Party, err = s.svc.Parties.FindPartyByCode(ctx, person.Party)
	}
	if err == nil {
		p.Meetings, err = s.meetingsOf(ctx, person.ID)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "person", http.StatusOK, p)
}

// meetingsOf finds the meetings a person took part in among those the caller may read, by
// date. The meeting service has no filter by participant, so each meeting's participants are
// read; this stays bounded by the size of one page of meetings.
func (s *Server) meetingsOf(ctx context.Context, personID int64) ([]PersonMeeting, error) {
	meetings, _, err := s.svc.Meetings.FindMeetings(ctx, entente.MeetingFilter{Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return nil, err
	}
	titles, err := s.roadmapTitles(ctx)
	if err != nil {
		return nil, err
	}
	var out []PersonMeeting
	for _, m := range meetings {
		full, err := s.svc.Meetings.FindMeetingByID(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		for _, pt := range full.Participants {
			if pt.PersonID == personID {
				out = append(out, PersonMeeting{M: full, Roadmap: titles[full.RoadmapID], Role: pt.Role})
				break
			}
		}
	}
	return out, nil
}

// roadmapTitles names the roadmaps the caller may read.
func (s *Server) roadmapTitles(ctx context.Context) (map[int64]string, error) {
	roadmaps, _, err := s.svc.Roadmaps.FindRoadmaps(ctx, entente.RoadmapFilter{Page: entente.Page{Limit: entente.MaxPageLimit}})
	out := map[int64]string{}
	for _, rm := range roadmaps {
		out[rm.ID] = rm.Title
	}
	return out, err
}

// PersonFormPage is the form to add a person to the directory or change one.
type PersonFormPage struct {
	Page
	Form   *Form
	Person *entente.Person // nil for a new person
	Party  Field           // for a new person: a person's party does not change
	Bodies []Choice
}

func (s *Server) handlePersonNew(w http.ResponseWriter, r *http.Request) {
	c := entente.CallerFrom(r.Context())
	if !entente.CanWrite(c) {
		s.pageError(w, r, entente.Denied(c, "add people to the directory"))
		return
	}
	v := url.Values{"party": {r.URL.Query().Get("party")}, "body_id": {r.URL.Query().Get("body")}}
	if v.Get("party") == "" && c.Party != entente.JointSecretariat {
		v.Set("party", c.Party)
	}
	s.personForm(w, r, nil, newForm(s.locale(r), v), http.StatusOK)
}

func (s *Server) personForm(w http.ResponseWriter, r *http.Request, person *entente.Person, f *Form, status int) {
	p := PersonFormPage{Page: s.directoryPage(r, "directory.person_new"), Form: f, Person: person}
	d, err := s.loadDirectory(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Party = f.Options("party", "directory.party", d.partyChoices())
	p.Party.Required = true
	party := ""
	if person != nil {
		p.Title = p.L.T("directory.person_edit")
		party = person.Party
	}
	p.Bodies = d.bodyChoices(p.L, party, true, 0)
	s.render(w, r, "person-form", status, p)
}

// personFromForm reads the fields of the person form.
func personFromForm(v url.Values, probs entente.Problems) *entente.Person {
	return &entente.Person{Name: strings.TrimSpace(v.Get("name")), Role: strings.TrimSpace(v.Get("role")),
		Party: strings.ToUpper(strings.TrimSpace(v.Get("party"))), BodyID: formID(v, "body_id", probs)}
}

// personValues writes a person into form values.
func personValues(p *entente.Person) url.Values {
	return url.Values{"name": {p.Name}, "role": {p.Role}, "party": {p.Party}, "body_id": {itoa64(p.BodyID)}}
}

// personFieldLabels names the fields of the person form, for the conflict table.
var personFieldLabels = [][2]string{{"name", "directory.person_name"}, {"role", "directory.role"}, {"body_id", "directory.body"}}

func (s *Server) handlePersonCreate(w http.ResponseWriter, r *http.Request) {
	probs := entente.Problems{}
	person := personFromForm(r.PostForm, probs)
	err := parsed(probs, person, "person")
	if err == nil {
		err = s.svc.People.CreatePerson(r.Context(), person)
	}
	if err != nil {
		s.createFailed(w, r, err, func(f *Form) { s.personForm(w, r, nil, f, http.StatusUnprocessableEntity) })
		return
	}
	redirect(w, r, withNotice("/people/"+itoa(person.ID), "notice.created"))
}

// findPersonToEdit loads the person of an edit, refusing early one the caller may not change.
func (s *Server) findPersonToEdit(w http.ResponseWriter, r *http.Request) *entente.Person {
	id, err := pathID(r)
	var person *entente.Person
	if err == nil {
		person, err = s.svc.People.FindPersonByID(r.Context(), id)
	}
	if c := entente.CallerFrom(r.Context()); err == nil && !entente.CanEditDirectory(c, person.Party) {
		err = entente.Denied(c, "change the people of "+person.Party)
	}
	if err != nil {
		s.pageError(w, r, err)
		return nil
	}
	return person
}

func (s *Server) handlePersonEdit(w http.ResponseWriter, r *http.Request) {
	if person := s.findPersonToEdit(w, r); person != nil {
		f := newForm(s.locale(r), personValues(person))
		f.Version = person.Version
		s.personForm(w, r, person, f, http.StatusOK)
	}
}

func (s *Server) handlePersonUpdate(w http.ResponseWriter, r *http.Request) {
	current := s.findPersonToEdit(w, r)
	if current == nil {
		return
	}
	probs := entente.Problems{}
	typed := personFromForm(r.PostForm, probs)
	typed.Party = current.Party // a person keeps their party
	upd := entente.PersonUpdate{Version: formInt(r.PostForm, "version", probs), Name: &typed.Name, Role: &typed.Role, BodyID: &typed.BodyID}
	err := parsed(probs, typed, "person")
	if err == nil {
		_, err = s.svc.People.UpdatePerson(r.Context(), current.ID, upd)
	}
	if err != nil {
		s.updateFailed(w, r, err, personValues(current), personFieldLabels, current.Version, func(f *Form) {
			f.Values.Set("party", current.Party)
			s.personForm(w, r, current, f, formStatus(err))
		})
		return
	}
	redirect(w, r, withNotice("/people/"+itoa(current.ID), "notice.saved"))
}
