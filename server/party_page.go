package server

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/entente/entente"
)

// PartiesPage lists the parties of the installation with their languages and local time.
type PartiesPage struct {
	Page
	Rows   []PartyRow
	CanAdd bool
}

// PartyRow is one party in the list.
type PartyRow struct {
	P         *entente.Party
	Languages []string
	LocalTime string
}

func (s *Server) handlePartyList(w http.ResponseWriter, r *http.Request) {
	p := PartiesPage{Page: s.directoryPage(r, "directory.parties"), CanAdd: entente.CanAdminister(entente.CallerFrom(r.Context()))}
	parties, _, err := s.svc.Parties.FindParties(r.Context(), entente.PartyFilter{})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	now := s.clock.Now()
	for _, party := range parties {
		p.Rows = append(p.Rows, PartyRow{P: party, Languages: languageNames(p.L, party.Languages),
			LocalTime: p.L.Clock(now, party.Location())})
	}
	s.render(w, r, "parties", http.StatusOK, p)
}

// PartyPage shows one party: its languages and time zone with the time there now, its bodies,
// the joint bodies it belongs to, its people and the roadmaps it is party to.
type PartyPage struct {
	Page
	P             *entente.Party
	LanguageNames []string
	LocalTime     string
	LocalDate     string
	Offset        string // UTC+05:00
	Bodies        []*entente.Body
	JointBodies   []*entente.Body
	People        []PersonRow
	Roadmaps      []*entente.Roadmap
	CanEdit       bool // the party itself
	CanAddTo      bool // its bodies and people
}

func (s *Server) handlePartyPageView(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	party, err := s.svc.Parties.FindPartyByCode(ctx, r.PathValue("code"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := PartyPage{Page: s.directoryPage(r, "directory.party"), P: party}
	p.Title = party.Name
	p.CanEdit = entente.CanAdminister(p.Caller)
	p.CanAddTo = entente.CanEditDirectory(p.Caller, party.Code)
	p.LanguageNames = languageNames(p.L, party.Languages)
	now := s.clock.Now().In(party.Location())
	p.LocalTime = p.L.Clock(now, party.Location())
	p.LocalDate = p.L.Date(entente.DateOf(now))
	p.Offset = utcOffset(now)
	d, err := s.loadDirectory(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, b := range d.bodies {
		switch {
		case b.Party == party.Code:
			p.Bodies = append(p.Bodies, b)
		case b.IsJoint() && slices.Contains(b.Parties, party.Code):
			p.JointBodies = append(p.JointBodies, b)
		}
	}
	people, _, err := s.svc.People.FindPeople(ctx, entente.PersonFilter{Party: party.Code, Page: entente.Page{Limit: entente.MaxPageLimit, Sort: "name"}})
	if err == nil {
		p.People = personRows(d, people)
		p.Roadmaps, _, err = s.svc.Roadmaps.FindRoadmaps(ctx, entente.RoadmapFilter{Party: party.Code, Page: entente.Page{Limit: 100, Sort: "title"}})
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "party", http.StatusOK, p)
}

// utcOffset writes a zone's offset from UTC at an instant: "UTC+05:00", "UTC+03:00".
func utcOffset(t time.Time) string {
	return "UTC" + t.Format("-07:00")
}

// PartyFormPage is the form to add a party to the installation or change one.
type PartyFormPage struct {
	Page
	Form  *Form
	Party *entente.Party // nil for a new party
}

// requireAdministrator refuses the party forms to anyone but the installation's administrators,
// before they fill in a form they could not save.
func (s *Server) requireAdministrator(w http.ResponseWriter, r *http.Request) bool {
	c := entente.CallerFrom(r.Context())
	if !entente.CanAdminister(c) {
		s.pageError(w, r, entente.Denied(c, "change the parties of this installation"))
		return false
	}
	return true
}

func (s *Server) handlePartyNew(w http.ResponseWriter, r *http.Request) {
	if s.requireAdministrator(w, r) {
		s.partyForm(w, r, nil, newForm(s.locale(r), nil), http.StatusOK)
	}
}

func (s *Server) partyForm(w http.ResponseWriter, r *http.Request, party *entente.Party, f *Form, status int) {
	p := PartyFormPage{Page: s.directoryPage(r, "directory.party_new"), Form: f, Party: party}
	if party != nil {
		p.Title = p.L.T("directory.party_edit")
	}
	s.render(w, r, "party-form", status, p)
}

// partyFromForm reads the fields of the party form.
func partyFromForm(v url.Values) *entente.Party {
	return &entente.Party{Code: strings.ToUpper(strings.TrimSpace(v.Get("code"))), Name: strings.TrimSpace(v.Get("name")),
		Languages: splitList(v.Get("languages")), TimeZone: strings.TrimSpace(v.Get("time_zone"))}
}

// partyValues writes a party into form values.
func partyValues(p *entente.Party) url.Values {
	return url.Values{"code": {p.Code}, "name": {p.Name}, "languages": {strings.Join(p.Languages, ", ")}, "time_zone": {p.TimeZone}}
}

// partyFieldLabels names the fields of the party form, for the conflict table.
var partyFieldLabels = [][2]string{{"name", "directory.name"}, {"languages", "directory.languages"}, {"time_zone", "directory.time_zone"}}

func (s *Server) handlePartyPageCreate(w http.ResponseWriter, r *http.Request) {
	party := partyFromForm(r.PostForm)
	if err := s.svc.Parties.CreateParty(r.Context(), party); err != nil {
		s.createFailed(w, r, err, func(f *Form) { s.partyForm(w, r, nil, f, http.StatusUnprocessableEntity) })
		return
	}
	redirect(w, r, withNotice("/parties/"+party.Code, "notice.created"))
}

func (s *Server) handlePartyEdit(w http.ResponseWriter, r *http.Request) {
	party, err := s.svc.Parties.FindPartyByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if !s.requireAdministrator(w, r) {
		return
	}
	f := newForm(s.locale(r), partyValues(party))
	f.Version = party.Version
	s.partyForm(w, r, party, f, http.StatusOK)
}

func (s *Server) handlePartyPageUpdate(w http.ResponseWriter, r *http.Request) {
	current, err := s.svc.Parties.FindPartyByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	typed := partyFromForm(r.PostForm)
	upd := entente.PartyUpdate{Version: formInt(r.PostForm, "version", entente.Problems{}), Name: &typed.Name,
		Languages: &typed.Languages, TimeZone: &typed.TimeZone}
	if _, err := s.svc.Parties.UpdateParty(r.Context(), current.Code, upd); err != nil {
		s.updateFailed(w, r, err, partyValues(current), partyFieldLabels, current.Version, func(f *Form) {
			f.Values.Set("code", current.Code)
			s.partyForm(w, r, current, f, formStatus(err))
		})
		return
	}
	redirect(w, r, withNotice("/parties/"+current.Code, "notice.saved"))
}
