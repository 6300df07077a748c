package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// ActionsPage is the table of a roadmap's actions with its filters.
type ActionsPage struct {
	Page
	Filter     *Form
	Rows       []ActionRow
	Total      int
	Pager      // links to the next page, and to the first when not on it
	Sorts      []SortLink
	CanAdd     bool
	TrackField Field
	BodyField  Field
	Statuses   []string
}

// ActionRow is one action in the table; htmx re-renders it alone after a status change.
type ActionRow struct {
	L        *i18n.Locale
	A        *entente.Action
	Track    string
	Body     string
	Overdue  bool
	CanEdit  bool
	Statuses []Choice
	Problem  string // why the last change from this row was refused
	Flags    []Flag // late, at risk, blocked, critical: from the current schedule
	Return   string // the page to come back to after a change without JavaScript
}

// SortLink is a column header that sorts the table.
type SortLink struct {
	Label, Href string
	Current     bool
	Desc        bool
}

// lookups names the tracks and bodies that rows refer to.
type lookups struct {
	tracks   map[int64]string
	bodies   map[int64]string
	schedule map[int64]*entente.ActionSchedule // the current schedule, where rows show its marks
}

func (s *Server) lookups(ctx context.Context, rm *entente.Roadmap) (*lookups, error) {
	lk := &lookups{tracks: map[int64]string{}, bodies: map[int64]string{}}
	for _, t := range rm.Tracks {
		lk.tracks[t.ID] = t.Title
	}
	bodies, _, err := s.svc.Bodies.FindBodies(ctx, entente.BodyFilter{Page: entente.Page{Limit: entente.MaxPageLimit}})
	for _, b := range bodies {
		lk.bodies[b.ID] = b.Name
	}
	return lk, err
}

func (lk *lookups) trackChoices(rm *entente.Roadmap) []Choice {
	var out []Choice
	for _, t := range rm.Tracks {
		out = append(out, Choice{Value: itoa(t.ID), Label: t.Title})
	}
	return out
}

func (lk *lookups) bodyChoices(ctx context.Context, s *Server, rm *entente.Roadmap) []Choice {
	var out []Choice
	for _, party := range rm.Parties {
		bodies, _, _ := s.svc.Bodies.FindBodies(ctx, entente.BodyFilter{Party: party, Page: entente.Page{Limit: entente.MaxPageLimit, Sort: "name"}})
		for _, b := range bodies {
			out = append(out, Choice{Value: itoa(b.ID), Label: b.Name + " (" + party + ")"})
		}
	}
	return out
}

// roadmapFor loads the roadmap of a page from its {id}.
func (s *Server) roadmapFor(r *http.Request) (*entente.Roadmap, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	return s.svc.Roadmaps.FindRoadmapByID(r.Context(), id)
}

func (s *Server) handleActionList(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := ActionsPage{Page: s.page(r, "actions.title")}
	p.Roadmap, p.Section = rm, "actions"
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	f := s.actionFilter(q)
	f.RoadmapID = rm.ID
	f.Page = q.page()
	f.Page.Limit = 50
	p.Filter = newForm(p.L, r.URL.Query())
	if err := q.probs.Err("filter"); err != nil {
		p.Filter.fail(err)
		f = entente.ActionFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: 50}}
	}
	items, total, pager, err := findPage(r, p.Filter, &f.Page, entente.Page{Limit: 50},
		func() ([]*entente.Action, int, error) { return s.svc.Actions.FindActions(r.Context(), f) }, actionID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	lk, err := s.lookups(r.Context(), rm)
	if err == nil {
		lk.schedule, err = s.scheduleByAction(r.Context(), rm.ID)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, a := range items {
		p.Rows = append(p.Rows, s.actionRow(r, p.L, lk, a))
	}
	p.Total, p.Pager = total, pager
	p.CanAdd = entente.CanEditRoadmap(p.Caller, rm.ID) || p.Caller.RoleIn(rm.ID) == entente.RoleContributor
	p.Sorts = sortLinks(p.L, r.URL, []string{"title", "status", "due"}, f.Page)
	p.TrackField = p.Filter.Options("track", "action.track", lk.trackChoices(rm))
	p.BodyField = p.Filter.Options("body", "action.body", lk.bodyChoices(r.Context(), s, rm))
	p.Statuses = entente.ActionStatuses
	s.render(w, r, "actions", http.StatusOK, p)
}

// actionRow builds the row of an action for the caller.
func (s *Server) actionRow(r *http.Request, l *i18n.Locale, lk *lookups, a *entente.Action) ActionRow {
	row := ActionRow{L: l, A: a, Track: lk.tracks[a.TrackID], Body: lk.bodies[a.LeadBodyID], Overdue: a.IsOverdue(s.today()),
		CanEdit: entente.CanEditAction(entente.CallerFrom(r.Context()), a), Return: r.URL.RequestURI()}
	if r.Method == http.MethodPost {
		row.Return = localPath(r.PostFormValue("return"))
	}
	for _, st := range entente.ActionStatuses {
		row.Statuses = append(row.Statuses, Choice{Value: st, Label: l.T("status." + st), Selected: st == a.Status})
	}
	row.Flags = flagsBesideOverdue(l, lk.schedule[a.ID], row.Overdue)
	return row
}

// sortLinks makes the column headers: clicking the current column reverses it.
func sortLinks(l *i18n.Locale, u *url.URL, keys []string, page entente.Page) []SortLink {
	var out []SortLink
	for _, k := range keys {
		link := SortLink{Label: l.T("sort." + k), Current: page.Sort == k, Desc: page.Sort == k && page.Desc}
		v := u.Query()
		v.Set("sort", k)
		v.Del("cursor")
		if link.Current && !page.Desc {
			v.Set("order", "desc")
		} else {
			v.Del("order")
		}
		link.Href = u.Path + "?" + v.Encode()
		out = append(out, link)
	}
	return out
}

// withParam returns the URL with one query parameter set (or removed when value is "").
func withParam(u *url.URL, key, value string) string {
	v := u.Query()
	if value == "" {
		v.Del(key)
	} else {
		v.Set(key, value)
	}
	if len(v) == 0 {
		return u.Path
	}
	return u.Path + "?" + v.Encode()
}

// handleActionStatus changes an action's status from the table; htmx gets the new row back,
// a plain form post goes back to the page it came from.
func (s *Server) handleActionStatus(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	status := r.PostFormValue("status")
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	a, err := s.svc.Actions.UpdateAction(r.Context(), id, entente.ActionUpdate{Version: version, Status: &status})
	if err != nil && entente.ErrorCode(err) != entente.EINVALID && entente.ErrorCode(err) != entente.ECONFLICT {
		s.pageError(w, r, err)
		return
	}
	if !isHTMX(r) {
		to := localPath(r.PostFormValue("return"))
		if err != nil {
			to = withNotice("/actions/"+itoa(id), "notice.not_saved")
		}
		redirect(w, r, to)
		return
	}
	refused := err // the row shows why the change was refused; later look-ups must not hide it
	if a == nil {
		if a, err = s.svc.Actions.FindActionByID(r.Context(), id); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(r.Context(), a.RoadmapID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	lk, _ := s.lookups(r.Context(), rm)
	lk.schedule, _ = s.scheduleByAction(r.Context(), rm.ID)
	row := s.actionRow(r, s.locale(r), lk, a)
	if err := refused; err != nil {
		row.Problem = entente.ErrorMessage(err)
		if entente.ErrorCode(err) == entente.ECONFLICT {
			row.Problem = row.L.T("row.conflict")
		}
	}
	s.renderFragment(w, r, "actions", "action-row", row)
}
