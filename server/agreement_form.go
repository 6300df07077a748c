package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// AgreementFormPage is the form to create or edit an agreement.
type AgreementFormPage struct {
	Page
	Form      *Form
	Agreement *entente.Agreement // nil for a new agreement
	Kinds     []string
	Statuses  []string
	Tracks    CheckGroup
	Meetings  []Choice
}

func (s *Server) handleAgreementNew(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if c := entente.CallerFrom(r.Context()); !entente.CanEditRoadmap(c, rm.ID) {
		s.pageError(w, r, entente.Denied(c, "add agreements to this roadmap"))
		return
	}
	v := url.Values{"kind": {"mou"}, "status": {entente.AgreementProposed}}
	if t := r.URL.Query().Get("track"); t != "" {
		v.Set("track_ids", t)
	}
	s.agreementForm(w, r, rm, nil, newForm(s.locale(r), v), http.StatusOK)
}

func (s *Server) agreementForm(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap, a *entente.Agreement, f *Form, status int) {
	p := AgreementFormPage{Page: s.page(r, "agreements.new"), Form: f, Agreement: a, Kinds: entente.AgreementKinds,
		Statuses: agreementStartStatuses()}
	p.Roadmap, p.Section = rm, "agreements"
	if a != nil {
		// An agreement goes on from where it is: its status, or one the domain allows next.
		p.Title, p.Statuses = p.L.T("agreements.edit_title"), append([]string{a.Status}, agreementNextStatuses(a.Status)...)
	}
	p.Tracks = newCheckGroup(f, "track_ids", "agreements.tracks", roadmapTrackChoices(rm))
	meetings, _, err := s.svc.Meetings.FindMeetings(r.Context(), entente.MeetingFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, m := range meetings {
		label := m.Title
		if !m.When.IsZero() {
			label += " (" + p.L.When(m.When) + ")"
		}
		p.Meetings = append(p.Meetings, Choice{Value: itoa(m.ID), Label: label})
	}
	s.render(w, r, "agreement-form", status, p)
}

// agreementFromForm reads the fields of the agreement form onto a.
func agreementFromForm(v url.Values, a *entente.Agreement) entente.Problems {
	probs := entente.Problems{}
	a.Kind = v.Get("kind")
	a.Title = strings.TrimSpace(v.Get("title"))
	a.Description = v.Get("description")
	a.Status = v.Get("status")
	a.LeadParty = v.Get("lead_party")
	a.TrackIDs = formIDList(v, "track_ids", probs)
	a.Target = formWhen(v, "target", probs)
	a.SignedOn = formDate(v, "signed_on", probs)
	a.InForceOn = formDate(v, "in_force_on", probs)
	a.MeetingID = formID(v, "meeting_id", probs)
	return withValidation(probs, a.Validate)
}

// agreementValues writes an agreement into form values.
func agreementValues(a *entente.Agreement) url.Values {
	v := url.Values{}
	v.Set("kind", a.Kind)
	v.Set("title", a.Title)
	v.Set("description", a.Description)
	v.Set("status", a.Status)
	v.Set("lead_party", a.LeadParty)
	for _, id := range a.TrackIDs {
		v.Add("track_ids", itoa(id))
	}
	whenValues(v, "target", a.Target)
	v.Set("signed_on", a.SignedOn.String())
	v.Set("in_force_on", a.InForceOn.String())
	v.Set("meeting_id", itoa64(a.MeetingID))
	return v
}

// agreementProblems are the domain's problems with an agreement that its page words itself.
var agreementProblems = []problemWording{
	{"in_force_on", "cannot be before", "agreements.problem.in_force_before_signed"},
	{"lead_party", "", "agreements.problem.lead_party"},
	{"meeting_id", "", "agreements.problem.meeting"},
	{"track_ids", "", "agreements.problem.tracks"},
}

// agreementFailed shows the form again after a refused change, keeping what the user typed.
func (s *Server) agreementFailed(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap, current *entente.Agreement, version int, err error) {
	s.formFailed(w, r, err, func(f *Form) {
		translateProblems(f, agreementProblems)
		if _, ok := f.Problems["status"]; ok && current != nil {
			f.Problems["status"] = agreementStatusProblem(f.L, current.Status, r.PostFormValue("status"), err)
		}
		f.Version = version
		if entente.ErrorCode(err) == entente.ECONFLICT {
			f.Version = current.Version
			f.Conflict = diffValues(f.L, agreementShown(f.L, rm, agreementValues(current)), agreementShown(f.L, rm, r.PostForm), agreementFieldLabels)
		}
		s.agreementForm(w, r, rm, current, f, refusedStatus(err))
	})
}

func (s *Server) handleAgreementCreate(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a := &entente.Agreement{RoadmapID: rm.ID}
	if err = agreementFromForm(r.PostForm, a).Err("agreement"); err == nil {
		err = s.svc.Agreements.CreateAgreement(r.Context(), a)
	}
	if err != nil {
		s.agreementFailed(w, r, rm, nil, 0, err)
		return
	}
	redirect(w, r, withNotice("/agreements/"+itoa(a.ID), "notice.created"))
}

// agreementOf loads the agreement of a page from its {id}, with its roadmap.
func (s *Server) agreementOf(r *http.Request) (*entente.Agreement, *entente.Roadmap, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	a, err := s.svc.Agreements.FindAgreementByID(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(r.Context(), a.RoadmapID)
	return a, rm, err
}

func (s *Server) handleAgreementEdit(w http.ResponseWriter, r *http.Request) {
	a, rm, err := s.agreementOf(r)
	if err == nil && !entente.CanEditRoadmap(entente.CallerFrom(r.Context()), rm.ID) {
		err = entente.Denied(entente.CallerFrom(r.Context()), "change this agreement")
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f := newForm(s.locale(r), agreementValues(a))
	f.Version = a.Version
	s.agreementForm(w, r, rm, a, f, http.StatusOK)
}

func (s *Server) handleAgreementUpdate(w http.ResponseWriter, r *http.Request) {
	current, rm, err := s.agreementOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a := entente.Agreement{RoadmapID: rm.ID}
	probs := agreementFromForm(r.PostForm, &a)
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	upd := entente.AgreementUpdate{Version: version, Kind: &a.Kind, Title: &a.Title, Description: &a.Description,
		Status: &a.Status, LeadParty: &a.LeadParty, TrackIDs: &a.TrackIDs, Target: &a.Target, SignedOn: &a.SignedOn,
		InForceOn: &a.InForceOn, MeetingID: &a.MeetingID}
	if err = probs.Err("agreement"); err == nil {
		_, err = s.svc.Agreements.UpdateAgreement(r.Context(), current.ID, upd)
	}
	if err != nil {
		s.agreementFailed(w, r, rm, current, version, err)
		return
	}
	redirect(w, r, withNotice("/agreements/"+itoa(current.ID), "notice.saved"))
}

// agreementFieldLabels names the fields of the agreement form, for the conflict table.
var agreementFieldLabels = [][2]string{{"kind", "agreements.kind"}, {"title", "agreements.title_field"},
	{"description", "agreements.description"}, {"status", "agreements.status"}, {"lead_party", "agreements.lead_party"},
	{"track_ids", "agreements.tracks"}, {"target.value", "agreements.target"}, {"signed_on", "agreements.signed_on"},
	{"in_force_on", "agreements.in_force_on"}, {"meeting_id", "agreements.meeting"}}

// agreementShown turns the coded values of an agreement form into words for the conflict
// table: kinds and statuses in the user's language, tracks by their titles.
func agreementShown(l *i18n.Locale, rm *entente.Roadmap, v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = vs
	}
	if k := v.Get("kind"); isOneOf(k, entente.AgreementKinds) {
		out.Set("kind", l.T("agreement.kind."+k))
	}
	if st := v.Get("status"); isOneOf(st, entente.AgreementStatuses) {
		out.Set("status", l.T("agreement.status."+st))
	}
	titles := roadmapTrackTitles(rm)
	var names []string
	for _, id := range v["track_ids"] {
		n, _ := strconv.ParseInt(id, 10, 64)
		names = append(names, titles[n])
	}
	out.Set("track_ids", strings.Join(names, ", "))
	return out
}

// CheckGroup is a set of checkboxes sharing one name, such as the tracks of an agreement or
// the sectors of a commitment; the checked ones are those in the form's values.
type CheckGroup struct {
	Name, Label, Problem string
	Choices              []Choice // Selected means checked
}

// newCheckGroup makes a group of checkboxes from a form: a re-rendered form keeps the boxes
// the user ticked.
func newCheckGroup(f *Form, name, labelID string, choices []Choice) CheckGroup {
	g := CheckGroup{Name: name, Label: f.L.T(labelID), Problem: f.Problems[name]}
	for _, c := range choices {
		c.Selected = isOneOf(c.Value, f.Values[name])
		g.Choices = append(g.Choices, c)
	}
	return g
}

// sectorChoices offers every sector with its name in the user's language.
func sectorChoices(l *i18n.Locale) []Choice {
	out := make([]Choice, len(entente.Sectors))
	for i, sec := range entente.Sectors {
		out[i] = Choice{Value: sec, Label: l.T("sector." + sec)}
	}
	return out
}

// formIDList reads the ids of a group of checkboxes.
func formIDList(v url.Values, name string, probs entente.Problems) []int64 {
	out := []int64{}
	for _, s := range v[name] {
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil || n <= 0 {
			probs.Add(name, "is not a valid choice")
			continue
		}
		out = append(out, n)
	}
	return out
}

// withValidation adds the domain's own field problems to those found while reading a form,
// so that a form with a date that does not parse also names a missing title.
func withValidation(probs entente.Problems, validate func() error) entente.Problems {
	if len(probs) > 0 {
		for k, v := range entente.ErrorFields(validate()) {
			probs.Add(k, v)
		}
	}
	return probs
}

// problemWording maps a field problem of the domain, recognised by how it begins, to a message
// of the catalogue.
type problemWording struct {
	field, prefix, id string
}

// translateProblems rewords the problems of a failed form that the shared catalogue does not
// know but the page's own catalogue does; the first wording that fits a field wins.
func translateProblems(f *Form, wordings []problemWording) {
	done := map[string]bool{}
	for _, w := range wordings {
		if p, ok := f.domainProblems[w.field]; ok && !done[w.field] && strings.HasPrefix(p, w.prefix) {
			f.Problems[w.field], done[w.field] = f.L.T(w.id), true
		}
	}
}
