package server

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// InterestsPage lists a roadmap's offers and requests with their filters.
type InterestsPage struct {
	Page
	Filter      *Form
	KindField   Field
	PartyField  Field
	SectorField Field
	StatusField Field
	Offers      []InterestRow
	Requests    []InterestRow
	Total       int
	Pager       // links to the next page, and to the first when not on it
	CanAdd      bool
}

// InterestRow is one offer or request in the list.
type InterestRow struct {
	L *i18n.Locale
	I *entente.Interest
}

const interestPageSize = 100

// interestKinds are the kinds of interest, offers first.
var interestKinds = []string{entente.InterestOffer, entente.InterestRequest}

func (s *Server) handleInterestList(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := InterestsPage{Page: s.page(r, "interests.title")}
	p.Roadmap, p.Section = rm, "interests"
	p.CanAdd = entente.CanEditRoadmap(p.Caller, rm.ID)
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	f := interestFilter(q)
	f.Page = q.page()
	p.Filter = newForm(p.L, r.URL.Query())
	if err := q.probs.Err("filter"); err != nil {
		p.Filter.fail(err)
		f = entente.InterestFilter{}
	}
	f.RoadmapID, f.Page.Limit = rm.ID, interestPageSize
	items, total, pager, err := findPage(r, p.Filter, &f.Page, entente.Page{Limit: interestPageSize},
		func() ([]*entente.Interest, int, error) { return s.svc.Interests.FindInterests(r.Context(), f) }, interestID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, i := range items {
		if i.Kind == entente.InterestOffer {
			p.Offers = append(p.Offers, InterestRow{L: p.L, I: i})
		} else {
			p.Requests = append(p.Requests, InterestRow{L: p.L, I: i})
		}
	}
	p.Total, p.Pager = total, pager
	p.KindField = p.Filter.Select("kind", "interests.kind", interestKinds, "interest.kind.", true)
	p.PartyField = p.Filter.Select("party", "interests.party", rm.Parties, "", true)
	p.SectorField = p.Filter.Options("sector", "interests.sector", sectorChoices(p.L))
	p.StatusField = p.Filter.Select("status", "interests.status", entente.InterestStatuses, "interest.status.", true)
	s.render(w, r, "interests", http.StatusOK, p)
}

// InterestPage shows one offer or request: its facts, products, status, source, notes and
// history.
type InterestPage struct {
	Page
	I       *entente.Interest
	Source  *entente.Source // where it was said, when the caller may see it
	Status  InterestStatus
	CanEdit bool
	Panels  Panels
}

// InterestStatus is an interest's status with the form that changes it; htmx swaps it alone
// after a change.
type InterestStatus struct {
	L        *i18n.Locale
	I        *entente.Interest
	Statuses []Choice
	CanEdit  bool
	Problem  string
}

func (s *Server) interestStatus(r *http.Request, i *entente.Interest, problem string) InterestStatus {
	l := s.locale(r)
	b := InterestStatus{L: l, I: i, CanEdit: entente.CanEditRoadmap(entente.CallerFrom(r.Context()), i.RoadmapID), Problem: problem}
	for _, st := range entente.InterestStatuses {
		b.Statuses = append(b.Statuses, Choice{Value: st, Label: l.T("interest.status." + st), Selected: st == i.Status})
	}
	return b
}

// interestOf loads the interest of a page from its {id}, with its roadmap.
func (s *Server) interestOf(r *http.Request) (*entente.Interest, *entente.Roadmap, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	i, err := s.svc.Interests.FindInterestByID(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(r.Context(), i.RoadmapID)
	return i, rm, err
}

func (s *Server) handleInterestView(w http.ResponseWriter, r *http.Request) {
	i, rm, err := s.interestOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.showInterest(w, r, i, rm, "", http.StatusOK)
}

// showInterest renders the interest page, with the refusal of a status change when problem is
// set.
func (s *Server) showInterest(w http.ResponseWriter, r *http.Request, i *entente.Interest, rm *entente.Roadmap, problem string, status int) {
	p := InterestPage{Page: s.page(r, "interests.page_title"), I: i, Status: s.interestStatus(r, i, problem)}
	p.Roadmap, p.Section, p.Title = rm, "interests", i.Title
	p.CanEdit = entente.CanEditRoadmap(p.Caller, rm.ID)
	var err error
	if i.SourceID != 0 {
		if p.Source, err = s.svc.Sources.FindSourceByID(r.Context(), i.SourceID); err != nil && entente.ErrorCode(err) != entente.ENOTFOUND {
			s.pageError(w, r, err)
			return
		}
	}
	if p.Panels, err = s.panels(r, rm, "interest", i.ID, p.CanEdit || entente.CanWriteNote(p.Caller, rm.ID)); err != nil {
		s.pageError(w, r, err)
		return
	}
	// Shown again after a refused post, the page still comes back to itself, not to the post.
	p.Path = "/interests/" + itoa(i.ID)
	p.Panels.Return = p.Path
	s.render(w, r, "interest", status, p)
}

// handleInterestStatus changes an interest's status. htmx gets the status block back; a plain
// form post goes back to the interest, or shows it with the refusal.
func (s *Server) handleInterestStatus(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	to := r.PostFormValue("status")
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	_, refused := s.svc.Interests.UpdateInterest(r.Context(), id, entente.InterestUpdate{Version: version, Status: &to})
	if code := entente.ErrorCode(refused); refused != nil && code != entente.EINVALID && code != entente.ECONFLICT {
		s.pageError(w, r, refused)
		return
	}
	if refused == nil && !isHTMX(r) {
		redirect(w, r, withNotice("/interests/"+itoa(id), "notice.saved"))
		return
	}
	i, rm, err := s.interestOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	problem := ""
	if entente.ErrorCode(refused) == entente.ECONFLICT {
		problem = s.locale(r).T("interests.status_conflict")
	} else if refused != nil {
		problem = s.locale(r).T("interests.status_invalid")
	}
	if isHTMX(r) {
		s.renderFragment(w, r, "interest", "interest-status", s.interestStatus(r, i, problem))
		return
	}
	s.showInterest(w, r, i, rm, problem, refusedStatus(refused))
}

func (s *Server) handleInterestDelete(w http.ResponseWriter, r *http.Request) {
	i, _, err := s.interestOf(r)
	if err == nil {
		err = s.svc.Interests.DeleteInterest(r.Context(), i.ID)
	}
	if err != nil {
		if entente.ErrorCode(err) == entente.ECONFLICT {
			redirect(w, r, withNotice("/interests/"+itoa(i.ID), "notice.in_use"))
			return
		}
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(i.RoadmapID)+"/interests", "notice.deleted"))
}

// InterestFormPage is the form to create or edit an offer or a request.
type InterestFormPage struct {
	Page
	Form     *Form
	Interest *entente.Interest // nil for a new interest
	Kinds    []string
	Statuses []string
	Sectors  CheckGroup
	Products Field
}

func (s *Server) handleInterestNew(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if c := entente.CallerFrom(r.Context()); !entente.CanEditRoadmap(c, rm.ID) {
		s.pageError(w, r, entente.Denied(c, "add offers and requests to this roadmap"))
		return
	}
	v := url.Values{"kind": {entente.InterestOffer}, "status": {entente.InterestStatuses[0]}}
	if k := r.URL.Query().Get("kind"); isOneOf(k, interestKinds) {
		v.Set("kind", k)
	}
	s.interestForm(w, r, rm, nil, newForm(s.locale(r), v), http.StatusOK)
}

func (s *Server) interestForm(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap, i *entente.Interest, f *Form, status int) {
	p := InterestFormPage{Page: s.page(r, "interests.new"), Form: f, Interest: i, Kinds: interestKinds, Statuses: entente.InterestStatuses}
	p.Roadmap, p.Section = rm, "interests"
	if i != nil {
		p.Title = p.L.T("interests.edit_title")
	}
	p.Sectors = newCheckGroup(f, "sectors", "interests.sectors", sectorChoices(p.L))
	p.Products = f.Text("products", "interests.products", false)
	p.Products.Hint = "52, 6302, 630231"
	s.render(w, r, "interest-form", status, p)
}

// interestFromForm reads the fields of the interest form onto i.
func interestFromForm(v url.Values, i *entente.Interest) entente.Problems {
	i.Kind = v.Get("kind")
	i.FromParty = v.Get("from_party")
	i.ToParty = v.Get("to_party")
	i.Title = strings.TrimSpace(v.Get("title"))
	i.Description = v.Get("description")
	i.Sectors = append([]string{}, v["sectors"]...)
	i.Products = productCodes(v.Get("products"))
	i.Status = v.Get("status")
	return withValidation(entente.Problems{}, i.Validate)
}

// productCodes splits a list of HS codes written with commas, spaces or both.
func productCodes(s string) []string {
	out := []string{}
	for _, c := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) }) {
		out = append(out, c)
	}
	return out
}

// interestValues writes an interest into form values.
func interestValues(i *entente.Interest) url.Values {
	v := url.Values{"sectors": append([]string{}, i.Sectors...)}
	v.Set("kind", i.Kind)
	v.Set("from_party", i.FromParty)
	v.Set("to_party", i.ToParty)
	v.Set("title", i.Title)
	v.Set("description", i.Description)
	v.Set("products", strings.Join(i.Products, ", "))
	v.Set("status", i.Status)
	return v
}

// interestProblems are the domain's problems with an interest that its page words itself.
var interestProblems = []problemWording{
	{"from_party", "", "interests.problem.party"},
	{"to_party", "must differ", "interests.problem.same_party"},
	{"to_party", "", "interests.problem.party"},
	{"products", "", "interests.problem.products"},
	{"sectors", "", "interests.problem.sectors"},
}

// interestFailed shows the form again after a refused change, keeping what the user typed.
func (s *Server) interestFailed(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap, current *entente.Interest, version int, err error) {
	s.formFailed(w, r, err, func(f *Form) {
		translateProblems(f, interestProblems)
		f.Version = version
		if entente.ErrorCode(err) == entente.ECONFLICT {
			f.Version = current.Version
			f.Conflict = diffValues(f.L, interestShown(f.L, interestValues(current)), interestShown(f.L, r.PostForm), interestFieldLabels)
		}
		s.interestForm(w, r, rm, current, f, refusedStatus(err))
	})
}

func (s *Server) handleInterestCreate(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	i := &entente.Interest{RoadmapID: rm.ID}
	if err = interestFromForm(r.PostForm, i).Err("interest"); err == nil {
		err = s.svc.Interests.CreateInterest(r.Context(), i)
	}
	if err != nil {
		s.interestFailed(w, r, rm, nil, 0, err)
		return
	}
	redirect(w, r, withNotice("/interests/"+itoa(i.ID), "notice.created"))
}

func (s *Server) handleInterestEdit(w http.ResponseWriter, r *http.Request) {
	i, rm, err := s.interestOf(r)
	if err == nil && !entente.CanEditRoadmap(entente.CallerFrom(r.Context()), rm.ID) {
		err = entente.Denied(entente.CallerFrom(r.Context()), "change this offer or request")
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f := newForm(s.locale(r), interestValues(i))
	f.Version = i.Version
	s.interestForm(w, r, rm, i, f, http.StatusOK)
}

func (s *Server) handleInterestUpdate(w http.ResponseWriter, r *http.Request) {
	current, rm, err := s.interestOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	i := entente.Interest{RoadmapID: rm.ID}
	probs := interestFromForm(r.PostForm, &i)
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	upd := entente.InterestUpdate{Version: version, Kind: &i.Kind, FromParty: &i.FromParty, ToParty: &i.ToParty,
		Title: &i.Title, Description: &i.Description, Sectors: &i.Sectors, Products: &i.Products, Status: &i.Status}
	if err = probs.Err("interest"); err == nil {
		_, err = s.svc.Interests.UpdateInterest(r.Context(), current.ID, upd)
	}
	if err != nil {
		s.interestFailed(w, r, rm, current, version, err)
		return
	}
	redirect(w, r, withNotice("/interests/"+itoa(current.ID), "notice.saved"))
}

// interestFieldLabels names the fields of the interest form, for the conflict table.
var interestFieldLabels = [][2]string{{"kind", "interests.kind"}, {"from_party", "interests.from_party"},
	{"to_party", "interests.to_party"}, {"title", "interests.title_field"}, {"description", "interests.description"},
	{"sectors", "interests.sectors"}, {"products", "interests.products"}, {"status", "interests.status"}}

// interestShown turns the coded values of an interest form into words for the conflict table.
func interestShown(l *i18n.Locale, v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = vs
	}
	if k := v.Get("kind"); isOneOf(k, interestKinds) {
		out.Set("kind", l.T("interest.kind."+k))
	}
	if st := v.Get("status"); isOneOf(st, entente.InterestStatuses) {
		out.Set("status", l.T("interest.status."+st))
	}
	out.Set("sectors", sectorNames(l, v["sectors"]))
	out.Set("products", strings.Join(productCodes(v.Get("products")), ", "))
	return out
}
