package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// AgreementsPage is the board of a roadmap's agreements: a column per status in lifecycle
// order, filtered by kind and track.
type AgreementsPage struct {
	Page
	Filter     *Form
	KindField  Field
	TrackField Field
	Columns    []AgreementColumn
	Collapsed  []string // final statuses that hold no agreement, named under the board
	Total      int
	Shown      int
	CanAdd     bool
}

// AgreementColumn is one status of the board with its agreements.
type AgreementColumn struct {
	Status string
	Cards  []AgreementCard
}

// AgreementCard is one agreement on the board; htmx may fetch it alone.
type AgreementCard struct {
	L      *i18n.Locale
	A      *entente.Agreement
	Tracks []string
}

func (s *Server) handleAgreementList(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := AgreementsPage{Page: s.page(r, "agreements.title")}
	p.Roadmap, p.Section = rm, "agreements"
	p.CanAdd = entente.CanEditRoadmap(p.Caller, rm.ID)
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	f := agreementFilter(q)
	p.Filter = newForm(p.L, r.URL.Query())
	if err := q.probs.Err("filter"); err != nil {
		p.Filter.fail(err)
		f = entente.AgreementFilter{}
	}
	// The board shows every status; a status filter would empty all columns but one.
	f.RoadmapID, f.Status = rm.ID, ""
	f.Page = entente.Page{Limit: entente.MaxPageLimit, Sort: "target"}
	items, total, err := s.svc.Agreements.FindAgreements(r.Context(), f)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Total, p.Shown = total, len(items)
	p.Columns, p.Collapsed = agreementBoard(p.L, items, roadmapTrackTitles(rm))
	p.KindField = p.Filter.Select("kind", "agreements.kind", entente.AgreementKinds, "agreement.kind.", true)
	p.TrackField = p.Filter.Options("track", "agreements.track", roadmapTrackChoices(rm))
	s.render(w, r, "agreements", http.StatusOK, p)
}

// agreementBoard sorts agreements into a column per status in lifecycle order. A final status
// (one the domain lets nothing leave) without agreements gets no column of its own.
func agreementBoard(l *i18n.Locale, items []*entente.Agreement, tracks map[int64]string) ([]AgreementColumn, []string) {
	byStatus := map[string][]AgreementCard{}
	for _, a := range items {
		byStatus[a.Status] = append(byStatus[a.Status], agreementCard(l, a, tracks))
	}
	var cols []AgreementColumn
	var collapsed []string
	for _, st := range entente.AgreementStatuses {
		if len(byStatus[st]) == 0 && len(agreementNextStatuses(st)) == 0 {
			collapsed = append(collapsed, st)
			continue
		}
		cols = append(cols, AgreementColumn{Status: st, Cards: byStatus[st]})
	}
	return cols, collapsed
}

func agreementCard(l *i18n.Locale, a *entente.Agreement, tracks map[int64]string) AgreementCard {
	c := AgreementCard{L: l, A: a}
	for _, id := range a.TrackIDs {
		if t, ok := tracks[id]; ok {
			c.Tracks = append(c.Tracks, t)
		}
	}
	return c
}

// agreementNextStatuses lists the statuses an agreement may move to from a status, asking the
// domain's own transition rule (a dry run of an update) rather than repeating it here.
func agreementNextStatuses(from string) []string {
	var out []string
	for _, to := range entente.AgreementStatuses {
		if to == from {
			continue
		}
		a := entente.Agreement{Status: from}
		if (entente.AgreementUpdate{Status: &to}).Apply(&a) == nil {
			out = append(out, to)
		}
	}
	return out
}

// roadmapTrackTitles names the tracks of a roadmap by id.
func roadmapTrackTitles(rm *entente.Roadmap) map[int64]string {
	out := map[int64]string{}
	for _, t := range rm.Tracks {
		out[t.ID] = t.Title
	}
	return out
}

// roadmapTrackChoices offers the tracks of a roadmap in a select or a group of checkboxes.
func roadmapTrackChoices(rm *entente.Roadmap) []Choice {
	var out []Choice
	for _, t := range rm.Tracks {
		out = append(out, Choice{Value: itoa(t.ID), Label: t.Title})
	}
	return out
}

// AgreementPage shows one agreement: its facts, its status with the changes it allows, its
// notes and its history.
type AgreementPage struct {
	Page
	A       *entente.Agreement
	Tracks  []string
	Meeting *entente.Meeting // the signing ceremony, when one is set and the caller may see it
	Status  AgreementStatus
	CanEdit bool
	Panels  Panels
}

// AgreementStatus is an agreement's status with a button for each status the domain allows
// next; htmx swaps it alone after a change.
type AgreementStatus struct {
	L       *i18n.Locale
	A       *entente.Agreement
	Next    []string
	CanEdit bool
	Problem string // why the last change was refused
}

func (s *Server) agreementStatus(r *http.Request, a *entente.Agreement, problem string) AgreementStatus {
	return AgreementStatus{L: s.locale(r), A: a, Next: agreementNextStatuses(a.Status),
		CanEdit: entente.CanEditRoadmap(entente.CallerFrom(r.Context()), a.RoadmapID), Problem: problem}
}

func (s *Server) handleAgreementView(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a, err := s.svc.Agreements.FindAgreementByID(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.showAgreement(w, r, a, "", http.StatusOK)
}

// showAgreement renders the agreement page, with the refusal of a status change when problem
// is set.
func (s *Server) showAgreement(w http.ResponseWriter, r *http.Request, a *entente.Agreement, problem string, status int) {
	ctx := r.Context()
	rm, err := s.svc.Roadmaps.FindRoadmapByID(ctx, a.RoadmapID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := AgreementPage{Page: s.page(r, "agreements.page_title"), A: a, Status: s.agreementStatus(r, a, problem)}
	p.Roadmap, p.Section, p.Title = rm, "agreements", a.Title
	p.CanEdit = entente.CanEditRoadmap(p.Caller, rm.ID)
	p.Tracks = agreementCard(p.L, a, roadmapTrackTitles(rm)).Tracks
	if a.MeetingID != 0 {
		m, err := s.svc.Meetings.FindMeetingByID(ctx, a.MeetingID)
		if err != nil && entente.ErrorCode(err) != entente.ENOTFOUND {
			s.pageError(w, r, err)
			return
		}
		p.Meeting = m
	}
	if p.Panels, err = s.panels(r, rm, "agreement", a.ID, p.CanEdit || entente.CanWriteNote(p.Caller, rm.ID)); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "agreement", status, p)
}

// handleAgreementStatus moves an agreement to another status. htmx gets the status block
// back; a plain form post goes back to the agreement, or shows it with the refusal.
func (s *Server) handleAgreementStatus(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	to := r.PostFormValue("status")
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	a, refused := s.svc.Agreements.UpdateAgreement(ctx, id, entente.AgreementUpdate{Version: version, Status: &to})
	if code := entente.ErrorCode(refused); refused != nil && code != entente.EINVALID && code != entente.ECONFLICT {
		s.pageError(w, r, refused)
		return
	}
	if refused == nil && !isHTMX(r) {
		redirect(w, r, withNotice("/agreements/"+itoa(id), "notice.saved"))
		return
	}
	problem := ""
	if refused != nil {
		if a, err = s.svc.Agreements.FindAgreementByID(ctx, id); err != nil {
			s.pageError(w, r, err)
			return
		}
		problem = agreementStatusProblem(s.locale(r), a.Status, to, refused)
	}
	if isHTMX(r) {
		s.renderFragment(w, r, "agreement", "agreement-status", s.agreementStatus(r, a, problem))
		return
	}
	s.showAgreement(w, r, a, problem, refusedStatus(refused))
}

// refusedStatus is the status of a page shown again after a refused change: 409 when someone
// else changed the item first, 422 when the change itself is not allowed.
func refusedStatus(err error) int {
	if entente.ErrorCode(err) == entente.ECONFLICT {
		return http.StatusConflict
	}
	return http.StatusUnprocessableEntity
}

// agreementStatusProblem words the refusal of a status change in the user's language: the
// domain's reason for an illegal change (from where to where, and what is allowed instead),
// or that someone else changed the agreement first.
func agreementStatusProblem(l *i18n.Locale, from, to string, err error) string {
	if entente.ErrorCode(err) == entente.ECONFLICT {
		return l.T("agreements.status_conflict")
	}
	reason := entente.ErrorFields(err)["status"]
	if !strings.HasPrefix(reason, "cannot change from") || !isOneOf(to, entente.AgreementStatuses) {
		if reason == "" {
			return entente.ErrorMessage(err)
		}
		return reason
	}
	next := agreementNextStatuses(from)
	if len(next) == 0 {
		return l.T("agreements.status_final", "From", l.T("agreement.status."+from))
	}
	names := make([]string, len(next))
	for i, st := range next {
		names[i] = l.T("agreement.status." + st)
	}
	return l.T("agreements.status_refused", "From", l.T("agreement.status."+from), "To", l.T("agreement.status."+to),
		"Allowed", strings.Join(names, ", "))
}

func isOneOf(v string, allowed []string) bool {
	for _, a := range allowed {
		if a == v {
			return true
		}
	}
	return false
}

func (s *Server) handleAgreementDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a, err := s.svc.Agreements.FindAgreementByID(r.Context(), id)
	if err == nil {
		err = s.svc.Agreements.DeleteAgreement(r.Context(), id)
	}
	if err != nil {
		if entente.ErrorCode(err) == entente.ECONFLICT {
			redirect(w, r, withNotice("/agreements/"+itoa(id), "notice.in_use"))
			return
		}
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(a.RoadmapID)+"/agreements", "notice.deleted"))
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
		if p, ok := f.Problems[w.field]; ok && !done[w.field] && strings.HasPrefix(p, w.prefix) {
			f.Problems[w.field], done[w.field] = f.L.T(w.id), true
		}
	}
}

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
		Statuses: entente.AgreementStatuses}
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
		if st, ok := f.Problems["status"]; ok && current != nil && strings.HasPrefix(st, "cannot change from") {
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
