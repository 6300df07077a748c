package server

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/entente/entente"
)

// BodiesPage lists bodies with filters by party (or joint), kind and text.
type BodiesPage struct {
	Page
	Filter     *Form
	PartyField Field
	Rows       []*entente.Body
	Total      int
	Pager
	Kinds  []string
	CanAdd bool
}

func (s *Server) handleBodyList(w http.ResponseWriter, r *http.Request) {
	p := BodiesPage{Page: s.directoryPage(r, "directory.bodies"), Filter: newForm(s.locale(r), r.URL.Query()), Kinds: entente.BodyKinds}
	p.CanAdd = entente.CanWrite(p.Caller)
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	f := bodyFilter(q)
	f.Page = entente.Page{Limit: 50, Sort: "name", Cursor: q.str("cursor")}
	if err := q.probs.Err("filter"); err != nil {
		p.Filter.fail(err)
		f = entente.BodyFilter{Page: entente.Page{Limit: 50, Sort: "name"}}
	}
	bodies, total, pager, err := findPage(r, p.Filter, &f.Page, entente.Page{Limit: 50, Sort: "name"},
		func() ([]*entente.Body, int, error) { return s.svc.Bodies.FindBodies(r.Context(), f) }, bodyID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	d, err := s.loadDirectory(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Rows, p.Total, p.Pager = bodies, total, pager
	p.PartyField = p.Filter.Options("party", "directory.party", append(d.partyChoices(), Choice{Value: "joint", Label: p.L.T("directory.joint")}))
	s.render(w, r, "bodies", http.StatusOK, p)
}

// BodyPage shows one body: whose it is, its kind, its parent and sub-bodies, its people, and
// the tracks and actions it leads in the roadmaps the caller may read.
type BodyPage struct {
	Page
	B            *entente.Body
	Parent       *entente.Body
	Children     []*entente.Body
	People       []*entente.Person
	Tracks       []BodyTrack
	Actions      []BodyAction
	ActionsTotal int
	CanEdit      bool
}

// BodyTrack is a track a body leads for one party.
type BodyTrack struct {
	T       *entente.Track
	Roadmap string
	Party   string
}

// BodyAction is an action a body leads.
type BodyAction struct {
	A       *entente.Action
	Roadmap string
	Overdue bool
}

// bodyActionLimit bounds the actions listed on a body's page; the count says how many there are.
const bodyActionLimit = 100

func (s *Server) handleBodyView(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	body, err := s.svc.Bodies.FindBodyByID(ctx, id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := BodyPage{Page: s.directoryPage(r, "directory.body"), B: body}
	p.Title = body.Name
	p.CanEdit = entente.CanEditDirectory(p.Caller, body.Party)
	d, err := s.loadDirectory(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Parent = d.body[body.ParentID]
	for _, b := range d.bodies {
		if b.ParentID == body.ID {
			p.Children = append(p.Children, b)
		}
	}
	p.People, _, err = s.svc.People.FindPeople(ctx, entente.PersonFilter{BodyID: id, Page: entente.Page{Limit: entente.MaxPageLimit, Sort: "name"}})
	if err == nil {
		err = s.bodyWork(ctx, &p)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "body", http.StatusOK, p)
}

// bodyWork fills in the tracks and actions a body leads, across the roadmaps the caller may read.
func (s *Server) bodyWork(ctx context.Context, p *BodyPage) error {
	titles, err := s.roadmapTitles(ctx)
	if err != nil {
		return err
	}
	tracks, _, err := s.svc.Tracks.FindTracks(ctx, entente.TrackFilter{Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return err
	}
	for _, t := range tracks {
		for _, l := range t.Leads {
			if l.BodyID == p.B.ID {
				p.Tracks = append(p.Tracks, BodyTrack{T: t, Roadmap: titles[t.RoadmapID], Party: l.Party})
			}
		}
	}
	actions, total, err := s.svc.Actions.FindActions(ctx, entente.ActionFilter{BodyID: p.B.ID, Page: entente.Page{Limit: bodyActionLimit, Sort: "due"}})
	if err != nil {
		return err
	}
	for _, a := range actions {
		p.Actions = append(p.Actions, BodyAction{A: a, Roadmap: titles[a.RoadmapID], Overdue: a.IsOverdue(s.today())})
	}
	p.ActionsTotal = total
	return nil
}

// BodyFormPage is the form to add a body to the directory or change one.
type BodyFormPage struct {
	Page
	Form    *Form
	Body    *entente.Body // nil for a new body
	Owner   Field         // the party, or joint
	Parties Checks        // the parties of a joint body
	Parents []Choice
	Kinds   []string
}

func (s *Server) handleBodyNew(w http.ResponseWriter, r *http.Request) {
	c := entente.CallerFrom(r.Context())
	if !entente.CanWrite(c) {
		s.pageError(w, r, entente.Denied(c, "add bodies to the directory"))
		return
	}
	v := url.Values{"party": {r.URL.Query().Get("party")}, "kind": {"ministry"}, "parent_id": {r.URL.Query().Get("parent")}}
	if v.Get("party") == "" && c.Party != entente.JointSecretariat {
		v.Set("party", c.Party)
	}
	s.bodyForm(w, r, nil, newForm(s.locale(r), v), http.StatusOK)
}

func (s *Server) bodyForm(w http.ResponseWriter, r *http.Request, body *entente.Body, f *Form, status int) {
	p := BodyFormPage{Page: s.directoryPage(r, "directory.body_new"), Form: f, Body: body, Kinds: entente.BodyKinds}
	d, err := s.loadDirectory(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var except int64
	if body != nil {
		p.Title, except = p.L.T("directory.body_edit"), body.ID
	}
	p.Owner = f.Options("party", "directory.owner", d.partyChoices())
	p.Owner.Choices[0].Label = p.L.T("directory.joint")
	p.Parties = checkGroup(f, "parties", "directory.joint_parties", d.partyChoices())
	p.Parents = d.bodyChoices(p.L, "", true, except)
	s.render(w, r, "body-form", status, p)
}

// bodyFromForm reads the fields of the body form; the parties count only for a joint body.
func bodyFromForm(v url.Values, probs entente.Problems) *entente.Body {
	b := &entente.Body{Party: strings.ToUpper(strings.TrimSpace(v.Get("party"))), Name: strings.TrimSpace(v.Get("name")),
		ShortName: strings.TrimSpace(v.Get("short_name")), Kind: v.Get("kind"), ParentID: formID(v, "parent_id", probs)}
	if b.Party == "" {
		b.Parties = v["parties"]
	}
	return b
}

// bodyValues writes a body into form values.
func bodyValues(b *entente.Body) url.Values {
	return url.Values{"party": {b.Party}, "parties": b.Parties, "name": {b.Name}, "short_name": {b.ShortName},
		"kind": {b.Kind}, "parent_id": {itoa64(b.ParentID)}}
}

// bodyFieldLabels names the fields of the body form, for the conflict table.
var bodyFieldLabels = [][2]string{{"name", "directory.name"}, {"short_name", "directory.short_name"},
	{"kind", "directory.kind"}, {"parent_id", "directory.parent"}}

func (s *Server) handleBodyCreate(w http.ResponseWriter, r *http.Request) {
	probs := entente.Problems{}
	body := bodyFromForm(r.PostForm, probs)
	err := parsed(probs, body, "body")
	if err == nil {
		err = s.svc.Bodies.CreateBody(r.Context(), body)
	}
	if err != nil {
		s.createFailed(w, r, err, func(f *Form) { s.bodyForm(w, r, nil, f, http.StatusUnprocessableEntity) })
		return
	}
	redirect(w, r, withNotice("/bodies/"+itoa(body.ID), "notice.created"))
}

// findBodyToEdit loads the body of an edit, refusing early one the caller may not change.
func (s *Server) findBodyToEdit(w http.ResponseWriter, r *http.Request) *entente.Body {
	id, err := pathID(r)
	var body *entente.Body
	if err == nil {
		body, err = s.svc.Bodies.FindBodyByID(r.Context(), id)
	}
	if c := entente.CallerFrom(r.Context()); err == nil && !entente.CanEditDirectory(c, body.Party) {
		err = entente.Denied(c, "change this body")
	}
	if err != nil {
		s.pageError(w, r, err)
		return nil
	}
	return body
}

func (s *Server) handleBodyEdit(w http.ResponseWriter, r *http.Request) {
	if body := s.findBodyToEdit(w, r); body != nil {
		f := newForm(s.locale(r), bodyValues(body))
		f.Version = body.Version
		s.bodyForm(w, r, body, f, http.StatusOK)
	}
}

func (s *Server) handleBodyUpdate(w http.ResponseWriter, r *http.Request) {
	current := s.findBodyToEdit(w, r)
	if current == nil {
		return
	}
	probs := entente.Problems{}
	r.PostForm.Set("party", current.Party) // a body keeps its party
	typed := bodyFromForm(r.PostForm, probs)
	upd := entente.BodyUpdate{Version: formInt(r.PostForm, "version", probs), Name: &typed.Name, ShortName: &typed.ShortName,
		Kind: &typed.Kind, ParentID: &typed.ParentID}
	if current.IsJoint() {
		upd.Parties = &typed.Parties
	}
	err := parsed(probs, typed, "body")
	if err == nil {
		_, err = s.svc.Bodies.UpdateBody(r.Context(), current.ID, upd)
	}
	if err != nil {
		s.updateFailed(w, r, err, bodyValues(current), bodyFieldLabels, current.Version, func(f *Form) {
			s.bodyForm(w, r, current, f, formStatus(err))
		})
		return
	}
	redirect(w, r, withNotice("/bodies/"+itoa(current.ID), "notice.saved"))
}
