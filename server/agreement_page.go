package server

import (
	"net/http"
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

// agreementStartStatuses lists the statuses a new agreement may be recorded in: those the
// domain lets a user set, leaving out the ones only an act reaches (signing, entry into force).
func agreementStartStatuses() []string {
	var out []string
	for _, st := range entente.AgreementStatuses {
		if (entente.AgreementUpdate{Status: &st}).Apply(&entente.Agreement{}) == nil {
			out = append(out, st)
		}
	}
	return out
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
	// Texts carries the text from first draft to entry into force (agreement_text_page.go).
	Texts *AgreementTexts
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
	// Shown again after a refused post, the page still comes back to itself, not to the post.
	p.Path = "/agreements/" + itoa(a.ID)
	p.Panels.Return = p.Path
	if p.Texts, err = s.agreementTexts(r, a, rm); err != nil {
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
// domain's reason for an illegal change (from where to where, and what is allowed instead, or
// the act that reaches the status), or that someone else changed the agreement first.
func agreementStatusProblem(l *i18n.Locale, from, to string, err error) string {
	if entente.ErrorCode(err) == entente.ECONFLICT {
		return l.T("agreements.status_conflict")
	}
	reason := entente.ErrorFields(err)["status"]
	switch {
	case reason == "":
		return entente.ErrorMessage(err)
	case strings.HasPrefix(reason, "cannot change from") && isOneOf(to, entente.AgreementStatuses):
		return agreementTransitionRefused(l, from, to)
	}
	for _, w := range agreementActWordings {
		if strings.HasPrefix(reason, w.prefix) {
			return l.T(w.id)
		}
	}
	return reason
}

// agreementActWordings name the statuses an agreement reaches only by an act (signing, entry
// into force, supersession), recognised by how the domain's reason begins.
var agreementActWordings = []problemWording{
	{"status", "an agreement becomes signed", "agreements.problem.by_signing"},
	{"status", "an agreement enters into force", "agreements.problem.by_entry_into_force"},
	{"status", "an agreement is superseded", "agreements.problem.by_supersession"},
}

// agreementTransitionRefused says that an agreement cannot go from one status to another, and
// where it may go instead.
func agreementTransitionRefused(l *i18n.Locale, from, to string) string {
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
