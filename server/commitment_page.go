package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// CommitmentsPage is the list of a roadmap's commitments with its filters.
type CommitmentsPage struct {
	Page
	Filter           *Form
	ResponsibleField Field
	SectorField      Field
	StatusField      Field
	Rows             []CommitmentRow
	Total            int
	Pager            // links to the next page, and to the first when not on it
	Sorts            []SortLink
	CanAdd           bool
}

// CommitmentRow is one commitment in the list.
type CommitmentRow struct {
	L           *i18n.Locale
	C           *entente.Commitment
	Responsible string
}

const commitmentPageSize = 50

func (s *Server) handleCommitmentList(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := CommitmentsPage{Page: s.page(r, "commitments.title")}
	p.Roadmap, p.Section = rm, "commitments"
	p.CanAdd = entente.CanEditRoadmap(p.Caller, rm.ID)
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	f := commitmentFilter(q)
	f.Page = q.page()
	p.Filter = newForm(p.L, r.URL.Query())
	if err := q.probs.Err("filter"); err != nil {
		p.Filter.fail(err)
		f = entente.CommitmentFilter{}
	}
	f.RoadmapID, f.Page.Limit = rm.ID, commitmentPageSize
	items, total, pager, err := findPage(r, p.Filter, &f.Page, entente.Page{Limit: commitmentPageSize},
		func() ([]*entente.Commitment, int, error) { return s.svc.Commitments.FindCommitments(r.Context(), f) }, commitmentID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, c := range items {
		p.Rows = append(p.Rows, CommitmentRow{L: p.L, C: c, Responsible: responsibleName(p.L, c.Responsible)})
	}
	p.Total, p.Pager = total, pager
	p.Sorts = sortLinks(p.L, r.URL, []string{"due", "status"}, f.Page)
	p.ResponsibleField = p.Filter.Options("responsible", "commitments.responsible", responsibleChoices(p.L, rm))
	p.SectorField = p.Filter.Options("sector", "commitments.sector", sectorChoices(p.L))
	p.StatusField = p.Filter.Select("status", "commitments.status", entente.CommitmentStatuses, "commitment.status.", true)
	s.render(w, r, "commitments", http.StatusOK, p)
}

// responsibleName names who answers for a commitment: a party's code, or both or all sides.
func responsibleName(l *i18n.Locale, responsible string) string {
	if responsible == entente.ResponsibleBoth || responsible == entente.ResponsibleAll {
		return l.T("responsible." + responsible)
	}
	return responsible
}

// responsibleChoices offers the parties of a roadmap, both sides and all parties.
func responsibleChoices(l *i18n.Locale, rm *entente.Roadmap) []Choice {
	var out []Choice
	for _, p := range rm.Parties {
		out = append(out, Choice{Value: p, Label: p})
	}
	for _, r := range []string{entente.ResponsibleBoth, entente.ResponsibleAll} {
		out = append(out, Choice{Value: r, Label: l.T("responsible." + r)})
	}
	return out
}

// CommitmentPage shows one commitment: its facts, its status, where it was said, the actions
// that fulfil it, its notes and its history.
type CommitmentPage struct {
	Page
	C           *entente.Commitment
	Responsible string
	Source      *entente.Source // where it was said, when the caller may see it
	Actions     []*entente.Action
	Status      CommitmentStatus
	ActionForm  *Form // a new action that fulfils the commitment
	Tracks      []Choice
	CanEdit     bool
	Panels      Panels
}

// CommitmentStatus is a commitment's status with the form that changes it; htmx swaps it
// alone after a change.
type CommitmentStatus struct {
	L        *i18n.Locale
	C        *entente.Commitment
	Statuses []Choice
	CanEdit  bool
	Problem  string
}

func (s *Server) commitmentStatus(r *http.Request, c *entente.Commitment, problem string) CommitmentStatus {
	l := s.locale(r)
	b := CommitmentStatus{L: l, C: c, CanEdit: entente.CanEditRoadmap(entente.CallerFrom(r.Context()), c.RoadmapID), Problem: problem}
	for _, st := range entente.CommitmentStatuses {
		b.Statuses = append(b.Statuses, Choice{Value: st, Label: l.T("commitment.status." + st), Selected: st == c.Status})
	}
	return b
}

// commitmentOf loads the commitment of a page from its {id}, with its roadmap.
func (s *Server) commitmentOf(r *http.Request) (*entente.Commitment, *entente.Roadmap, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	c, err := s.svc.Commitments.FindCommitmentByID(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(r.Context(), c.RoadmapID)
	return c, rm, err
}

func (s *Server) handleCommitmentView(w http.ResponseWriter, r *http.Request) {
	c, rm, err := s.commitmentOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.showCommitment(w, r, c, rm, "", nil, http.StatusOK)
}

// showCommitment renders the commitment page, with the refusal of a status change when problem
// is set, and with a new-action form that failed when actionForm is set.
func (s *Server) showCommitment(w http.ResponseWriter, r *http.Request, c *entente.Commitment, rm *entente.Roadmap, problem string, actionForm *Form, status int) {
	ctx := r.Context()
	p := CommitmentPage{Page: s.page(r, "commitments.page_title"), C: c, Status: s.commitmentStatus(r, c, problem)}
	p.Roadmap, p.Section, p.Title = rm, "commitments", c.Statement
	p.Responsible = responsibleName(p.L, c.Responsible)
	p.CanEdit = entente.CanEditRoadmap(p.Caller, rm.ID)
	p.Tracks, p.ActionForm = roadmapTrackChoices(rm), actionForm
	if p.ActionForm == nil {
		p.ActionForm = newForm(p.L, url.Values{"title": {c.Statement}})
	}
	var err error
	if c.SourceID != 0 {
		if p.Source, err = s.svc.Sources.FindSourceByID(ctx, c.SourceID); err != nil && entente.ErrorCode(err) != entente.ENOTFOUND {
			s.pageError(w, r, err)
			return
		}
	}
	if p.Actions, err = s.commitmentActions(ctx, c); err == nil {
		p.Panels, err = s.panels(r, rm, "commitment", c.ID, p.CanEdit || entente.CanWriteNote(p.Caller, rm.ID))
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	// Shown again after a refused post, the page still comes back to itself, not to the post.
	p.Path = "/commitments/" + itoa(c.ID)
	p.Panels.Return = p.Path
	s.render(w, r, "commitment", status, p)
}

// commitmentActions lists the actions of the roadmap that fulfil a commitment. The action
// filter has no commitment criterion, so the roadmap's actions are read page by page.
func (s *Server) commitmentActions(ctx context.Context, c *entente.Commitment) ([]*entente.Action, error) {
	var out []*entente.Action
	page := entente.Page{Limit: entente.MaxPageLimit}
	for {
		items, _, err := s.svc.Actions.FindActions(ctx, entente.ActionFilter{RoadmapID: c.RoadmapID, Page: page})
		if err != nil {
			return nil, err
		}
		for _, a := range items {
			if a.CommitmentID == c.ID {
				out = append(out, a)
			}
		}
		if len(items) < page.Size() {
			return out, nil
		}
		page.Cursor = entente.EncodeCursor(items[len(items)-1].ID)
	}
}

// handleCommitmentStatus changes a commitment's status. htmx gets the status block back; a
// plain form post goes back to the commitment, or shows it with the refusal.
func (s *Server) handleCommitmentStatus(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	to := r.PostFormValue("status")
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	_, refused := s.svc.Commitments.UpdateCommitment(ctx, id, entente.CommitmentUpdate{Version: version, Status: &to})
	if code := entente.ErrorCode(refused); refused != nil && code != entente.EINVALID && code != entente.ECONFLICT {
		s.pageError(w, r, refused)
		return
	}
	if refused == nil && !isHTMX(r) {
		redirect(w, r, withNotice("/commitments/"+itoa(id), "notice.saved"))
		return
	}
	c, rm, err := s.commitmentOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	problem := ""
	if entente.ErrorCode(refused) == entente.ECONFLICT {
		problem = s.locale(r).T("commitments.status_conflict")
	} else if refused != nil {
		problem = s.locale(r).T("commitments.status_invalid")
	}
	if isHTMX(r) {
		s.renderFragment(w, r, "commitment", "commitment-status", s.commitmentStatus(r, c, problem))
		return
	}
	s.showCommitment(w, r, c, rm, problem, nil, refusedStatus(refused))
}

// handleCommitmentActionCreate adds an action that fulfils the commitment, due when the
// commitment is, and opens it; a refusal is shown next to the form on the commitment's page.
func (s *Server) handleCommitmentActionCreate(w http.ResponseWriter, r *http.Request) {
	c, rm, err := s.commitmentOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	a := &entente.Action{RoadmapID: rm.ID, CommitmentID: c.ID, Title: strings.TrimSpace(r.PostFormValue("title")),
		TrackID: formID(r.PostForm, "track_id", probs), LeadParty: r.PostFormValue("lead_party"),
		Status: entente.ActionNotStarted, Due: c.Due}
	if err = withValidation(probs, a.Validate).Err("action"); err == nil {
		err = s.svc.Actions.CreateAction(r.Context(), a)
	}
	if err != nil {
		if entente.ErrorCode(err) != entente.EINVALID {
			s.pageError(w, r, err)
			return
		}
		f := newForm(s.locale(r), r.PostForm)
		f.fail(err)
		s.showCommitment(w, r, c, rm, "", f, http.StatusUnprocessableEntity)
		return
	}
	redirect(w, r, withNotice("/actions/"+itoa(a.ID), "notice.created"))
}

func (s *Server) handleCommitmentDelete(w http.ResponseWriter, r *http.Request) {
	c, _, err := s.commitmentOf(r)
	if err == nil {
		err = s.svc.Commitments.DeleteCommitment(r.Context(), c.ID)
	}
	if err != nil {
		if entente.ErrorCode(err) == entente.ECONFLICT {
			redirect(w, r, withNotice("/commitments/"+itoa(c.ID), "notice.in_use"))
			return
		}
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(c.RoadmapID)+"/commitments", "notice.deleted"))
}

// CommitmentFormPage is the form to create or edit a commitment.
type CommitmentFormPage struct {
	Page
	Form        *Form
	Commitment  *entente.Commitment // nil for a new commitment
	Statement   Field
	Sectors     CheckGroup
	Responsible []Choice
	Statuses    []string
}

func (s *Server) handleCommitmentNew(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if c := entente.CallerFrom(r.Context()); !entente.CanEditRoadmap(c, rm.ID) {
		s.pageError(w, r, entente.Denied(c, "add commitments to this roadmap"))
		return
	}
	v := url.Values{"status": {entente.CommitmentPending}, "responsible": {entente.ResponsibleBoth}}
	s.commitmentForm(w, r, rm, nil, newForm(s.locale(r), v), http.StatusOK)
}

func (s *Server) commitmentForm(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap, c *entente.Commitment, f *Form, status int) {
	p := CommitmentFormPage{Page: s.page(r, "commitments.new"), Form: f, Commitment: c, Statuses: entente.CommitmentStatuses}
	p.Roadmap, p.Section = rm, "commitments"
	if c != nil {
		p.Title = p.L.T("commitments.edit_title")
	}
	p.Statement = f.Area("statement", "commitments.statement", 3)
	p.Statement.Required = true
	p.Sectors = newCheckGroup(f, "sectors", "commitments.sectors", sectorChoices(p.L))
	p.Responsible = responsibleChoices(p.L, rm)
	s.render(w, r, "commitment-form", status, p)
}

// commitmentFromForm reads the fields of the commitment form onto c.
func commitmentFromForm(v url.Values, c *entente.Commitment) entente.Problems {
	probs := entente.Problems{}
	c.Statement = strings.TrimSpace(v.Get("statement"))
	c.Sectors = append([]string{}, v["sectors"]...)
	c.Responsible = v.Get("responsible")
	c.Due = formWhen(v, "due", probs)
	c.Status = v.Get("status")
	c.Evidence = v.Get("evidence")
	return withValidation(probs, c.Validate)
}

// commitmentValues writes a commitment into form values.
func commitmentValues(c *entente.Commitment) url.Values {
	v := url.Values{"sectors": append([]string{}, c.Sectors...)}
	v.Set("statement", c.Statement)
	v.Set("responsible", c.Responsible)
	whenValues(v, "due", c.Due)
	v.Set("status", c.Status)
	v.Set("evidence", c.Evidence)
	return v
}

// commitmentProblems are the domain's problems with a commitment that its page words itself.
var commitmentProblems = []problemWording{
	{"responsible", "", "commitments.problem.responsible"},
	{"sectors", "", "commitments.problem.sectors"},
}

// commitmentFailed shows the form again after a refused change, keeping what the user typed.
func (s *Server) commitmentFailed(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap, current *entente.Commitment, version int, err error) {
	s.formFailed(w, r, err, func(f *Form) {
		translateProblems(f, commitmentProblems)
		f.Version = version
		if entente.ErrorCode(err) == entente.ECONFLICT {
			f.Version = current.Version
			f.Conflict = diffValues(f.L, commitmentShown(f.L, commitmentValues(current)), commitmentShown(f.L, r.PostForm), commitmentFieldLabels)
		}
		s.commitmentForm(w, r, rm, current, f, refusedStatus(err))
	})
}

func (s *Server) handleCommitmentCreate(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	c := &entente.Commitment{RoadmapID: rm.ID}
	if err = commitmentFromForm(r.PostForm, c).Err("commitment"); err == nil {
		err = s.svc.Commitments.CreateCommitment(r.Context(), c)
	}
	if err != nil {
		s.commitmentFailed(w, r, rm, nil, 0, err)
		return
	}
	redirect(w, r, withNotice("/commitments/"+itoa(c.ID), "notice.created"))
}

func (s *Server) handleCommitmentEdit(w http.ResponseWriter, r *http.Request) {
	c, rm, err := s.commitmentOf(r)
	if err == nil && !entente.CanEditRoadmap(entente.CallerFrom(r.Context()), rm.ID) {
		err = entente.Denied(entente.CallerFrom(r.Context()), "change this commitment")
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f := newForm(s.locale(r), commitmentValues(c))
	f.Version = c.Version
	s.commitmentForm(w, r, rm, c, f, http.StatusOK)
}

func (s *Server) handleCommitmentUpdate(w http.ResponseWriter, r *http.Request) {
	current, rm, err := s.commitmentOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	c := entente.Commitment{RoadmapID: rm.ID}
	probs := commitmentFromForm(r.PostForm, &c)
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	upd := entente.CommitmentUpdate{Version: version, Statement: &c.Statement, Sectors: &c.Sectors,
		Responsible: &c.Responsible, Due: &c.Due, Status: &c.Status, Evidence: &c.Evidence}
	if err = probs.Err("commitment"); err == nil {
		_, err = s.svc.Commitments.UpdateCommitment(r.Context(), current.ID, upd)
	}
	if err != nil {
		s.commitmentFailed(w, r, rm, current, version, err)
		return
	}
	redirect(w, r, withNotice("/commitments/"+itoa(current.ID), "notice.saved"))
}

// commitmentFieldLabels names the fields of the commitment form, for the conflict table.
var commitmentFieldLabels = [][2]string{{"statement", "commitments.statement"}, {"sectors", "commitments.sectors"},
	{"responsible", "commitments.responsible"}, {"due.value", "commitments.due"}, {"status", "commitments.status"},
	{"evidence", "commitments.evidence"}}

// commitmentShown turns the coded values of a commitment form into words for the conflict
// table.
func commitmentShown(l *i18n.Locale, v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = vs
	}
	out.Set("sectors", sectorNames(l, v["sectors"]))
	out.Set("responsible", responsibleName(l, v.Get("responsible")))
	if st := v.Get("status"); isOneOf(st, entente.CommitmentStatuses) {
		out.Set("status", l.T("commitment.status."+st))
	}
	return out
}

// sectorNames names sectors in the user's language, leaving unknown codes as they are.
func sectorNames(l *i18n.Locale, codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = c
		if entente.ValidSector(c) {
			names[i] = l.T("sector." + c)
		}
	}
	return strings.Join(names, ", ")
}
