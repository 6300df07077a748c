package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// ActionPage shows one action: its facts, what it waits for and what waits for it, its notes
// and its history.
type ActionPage struct {
	Page
	A            *entente.Action
	Track, Body  string
	Overdue      bool
	CanEdit      bool
	Predecessors []DependencyRow
	Successors   []DependencyRow
	DepForm      *Form
	Candidates   []Choice // actions of the roadmap it could wait for
	Panels       Panels
	Schedule     *ScheduleFacts // its place in the current schedule; nil when not scheduled
}

// DependencyRow names the other action of a dependency.
type DependencyRow struct {
	D     *entente.Dependency
	Other *entente.Action
}

func (s *Server) handleActionView(w http.ResponseWriter, r *http.Request) {
	s.showAction(w, r, nil, http.StatusOK)
}

// showAction renders the action page, with a dependency form that failed when depForm is set.
func (s *Server) showAction(w http.ResponseWriter, r *http.Request, depForm *Form, status int) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	a, err := s.svc.Actions.FindActionByID(ctx, id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(ctx, a.RoadmapID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := ActionPage{Page: s.page(r, "action.page_title"), A: a, Overdue: a.IsOverdue(s.today())}
	p.Roadmap, p.Section, p.Title = rm, "actions", a.Title
	p.CanEdit = entente.CanEditAction(p.Caller, a)
	lk, err := s.lookups(ctx, rm)
	if err == nil {
		lk.schedule, err = s.scheduleByAction(ctx, rm.ID)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Track, p.Body = lk.tracks[a.TrackID], lk.bodies[a.LeadBodyID]
	p.Schedule = scheduleFacts(p.L, lk.schedule[a.ID], p.Overdue)
	all, _, err := s.svc.Actions.FindActions(ctx, entente.ActionFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: entente.MaxPageLimit, Sort: "title"}})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	byID := map[int64]*entente.Action{}
	for _, x := range all {
		byID[x.ID] = x
		if x.ID != a.ID {
			p.Candidates = append(p.Candidates, Choice{Value: itoa(x.ID), Label: x.Title})
		}
	}
	for _, d := range a.Predecessors {
		p.Predecessors = append(p.Predecessors, DependencyRow{D: d, Other: s.actionOrStub(r, byID, d.PredecessorID)})
	}
	for _, d := range a.Successors {
		p.Successors = append(p.Successors, DependencyRow{D: d, Other: s.actionOrStub(r, byID, d.SuccessorID)})
	}
	p.DepForm = depForm
	if p.DepForm == nil {
		p.DepForm = newForm(p.L, url.Values{"lag_days": {"0"}})
	}
	if p.Panels, err = s.panels(r, rm, "action", a.ID, p.CanEdit || entente.CanWriteNote(p.Caller, rm.ID)); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "action", status, p)
}

// actionOrStub finds an action of the roadmap by id, loading it when the page did not list it.
func (s *Server) actionOrStub(r *http.Request, byID map[int64]*entente.Action, id int64) *entente.Action {
	if a := byID[id]; a != nil {
		return a
	}
	if a, err := s.svc.Actions.FindActionByID(r.Context(), id); err == nil {
		return a
	}
	return &entente.Action{ID: id, Title: "#" + itoa(id)}
}

// handleDependencyCreate makes the action wait for another; a refusal (a cycle) is shown on
// the action's page next to the form.
func (s *Server) handleDependencyCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	d := &entente.Dependency{SuccessorID: id, PredecessorID: formID(r.PostForm, "predecessor_id", probs),
		LagDays: formInt(r.PostForm, "lag_days", probs), Kind: r.PostFormValue("kind")}
	if err = probs.Err("dependency"); err == nil {
		err = s.svc.Actions.CreateDependency(r.Context(), d)
	}
	if err != nil {
		if code := entente.ErrorCode(err); code != entente.EINVALID && code != entente.ECONFLICT {
			s.pageError(w, r, err)
			return
		}
		f := newForm(s.locale(r), r.PostForm)
		f.fail(err)
		f.Message = entente.ErrorMessage(err)
		s.showAction(w, r, f, http.StatusUnprocessableEntity)
		return
	}
	redirect(w, r, withNotice("/actions/"+itoa(id), "notice.saved"))
}

// handleDependencyDelete removes a dependency and goes back to the action.
func (s *Server) handleDependencyDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if err := s.svc.Actions.DeleteDependency(r.Context(), id); err != nil {
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice(localPath(r.PostFormValue("return")), "notice.deleted"))
}

// ActionFormPage is the form to create or edit an action.
type ActionFormPage struct {
	Page
	Form     *Form
	Action   *entente.Action // nil for a new action
	Tracks   []Choice
	Bodies   []Choice
	Parties  []string
	Statuses []string
}

func (s *Server) handleActionNew(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := url.Values{"status": {entente.ActionNotStarted}, "duration_days": {"5"}, "track_id": {r.URL.Query().Get("track")}}
	s.actionForm(w, r, rm, nil, newForm(s.locale(r), v), http.StatusOK)
}

func (s *Server) actionForm(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap, a *entente.Action, f *Form, status int) {
	p := ActionFormPage{Page: s.page(r, "action.new"), Form: f, Action: a, Parties: rm.Parties, Statuses: entente.ActionStatuses}
	p.Roadmap, p.Section = rm, "actions"
	if a != nil {
		p.Title = p.L.T("action.edit_title")
	}
	lk, err := s.lookups(r.Context(), rm)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Tracks, p.Bodies = lk.trackChoices(rm), lk.bodyChoices(r.Context(), s, rm)
	s.render(w, r, "action-form", status, p)
}

// actionFromForm reads the fields of the action form onto a.
func actionFromForm(v url.Values, a *entente.Action) entente.Problems {
	probs := entente.Problems{}
	a.Title = strings.TrimSpace(v.Get("title"))
	a.Description = v.Get("description")
	a.TrackID = formID(v, "track_id", probs)
	a.LeadParty = v.Get("lead_party")
	a.LeadBodyID = formID(v, "lead_body_id", probs)
	a.Status = v.Get("status")
	a.PlannedStart = formDate(v, "planned_start", probs)
	a.DurationDays = formInt(v, "duration_days", probs)
	a.Due = formWhen(v, "due", probs)
	a.Progress = formInt(v, "progress", probs)
	a.Evidence = v.Get("evidence")
	return probs
}

// actionValues writes an action into form values.
func actionValues(a *entente.Action) url.Values {
	v := url.Values{}
	v.Set("title", a.Title)
	v.Set("description", a.Description)
	v.Set("track_id", itoa64(a.TrackID))
	v.Set("lead_party", a.LeadParty)
	v.Set("lead_body_id", itoa64(a.LeadBodyID))
	v.Set("status", a.Status)
	v.Set("planned_start", a.PlannedStart.String())
	v.Set("duration_days", strconv.Itoa(a.DurationDays))
	whenValues(v, "due", a.Due)
	v.Set("progress", strconv.Itoa(a.Progress))
	v.Set("evidence", a.Evidence)
	return v
}

func (s *Server) handleActionCreate(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a := &entente.Action{RoadmapID: rm.ID}
	probs := actionFromForm(r.PostForm, a)
	if err = probs.Err("action"); err == nil {
		err = s.svc.Actions.CreateAction(r.Context(), a)
	}
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) { s.actionForm(w, r, rm, nil, f, http.StatusUnprocessableEntity) })
		return
	}
	redirect(w, r, withNotice("/actions/"+itoa(a.ID), "notice.created"))
}

func (s *Server) handleActionEdit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a, err := s.svc.Actions.FindActionByID(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(r.Context(), a.RoadmapID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f := newForm(s.locale(r), actionValues(a))
	f.Version = a.Version
	s.actionForm(w, r, rm, a, f, http.StatusOK)
}

func (s *Server) handleActionUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	current, err := s.svc.Actions.FindActionByID(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(r.Context(), current.RoadmapID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var a entente.Action
	probs := actionFromForm(r.PostForm, &a)
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	upd := entente.ActionUpdate{Version: version, TrackID: &a.TrackID, Title: &a.Title, Description: &a.Description,
		LeadParty: &a.LeadParty, LeadBodyID: &a.LeadBodyID, Status: &a.Status, PlannedStart: &a.PlannedStart,
		DurationDays: &a.DurationDays, Due: &a.Due, Progress: &a.Progress, Evidence: &a.Evidence}
	if err = probs.Err("action"); err == nil {
		_, err = s.svc.Actions.UpdateAction(r.Context(), id, upd)
	}
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) {
			f.Version = version
			status := http.StatusUnprocessableEntity
			if entente.ErrorCode(err) == entente.ECONFLICT {
				f.Version = current.Version
				f.Conflict = diffValues(f.L, actionValues(current), r.PostForm, actionFieldLabels)
				status = http.StatusConflict
			}
			s.actionForm(w, r, rm, current, f, status)
		})
		return
	}
	redirect(w, r, withNotice("/actions/"+itoa(id), "notice.saved"))
}

// actionFieldLabels names the fields of the action form, for the conflict table.
var actionFieldLabels = [][2]string{{"title", "action.title_field"}, {"description", "action.description"},
	{"status", "action.status"}, {"planned_start", "action.planned_start"}, {"duration_days", "action.duration"},
	{"due.value", "action.due"}, {"progress", "action.progress"}, {"evidence", "action.evidence"}}

// diffValues lists the fields whose saved value differs from what the user typed.
func diffValues(l interface{ T(string, ...any) string }, theirs, yours url.Values, labels [][2]string) []Diff {
	var out []Diff
	for _, fl := range labels {
		if theirs.Get(fl[0]) != yours.Get(fl[0]) {
			out = append(out, Diff{Label: l.T(fl[1]), Theirs: theirs.Get(fl[0]), Yours: yours.Get(fl[0])})
		}
	}
	return out
}

// formFailed re-renders a form after a refused change, keeping what the user typed, or shows
// an error page when the refusal is not about the form.
func (s *Server) formFailed(w http.ResponseWriter, r *http.Request, err error, show func(*Form)) {
	switch entente.ErrorCode(err) {
	case entente.EINVALID, entente.ECONFLICT:
		f := newForm(s.locale(r), r.PostForm)
		f.fail(err)
		if entente.ErrorCode(err) == entente.ECONFLICT {
			f.Message = f.L.T("form.conflict")
		}
		show(f)
	default:
		s.pageError(w, r, err)
	}
}

func (s *Server) handleActionDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a, err := s.svc.Actions.FindActionByID(r.Context(), id)
	if err == nil {
		err = s.svc.Actions.DeleteAction(r.Context(), id)
	}
	if err != nil {
		if entente.ErrorCode(err) == entente.ECONFLICT {
			redirect(w, r, withNotice("/actions/"+itoa(id), "notice.in_use"))
			return
		}
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(a.RoadmapID)+"/actions", "notice.deleted"))
}
