package server

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// SourceAppliedPage says what applying a statement did: the roadmap, and what became of each
// accepted item — created, matched, updated or skipped — with links to the rows.
type SourceAppliedPage struct {
	Page
	Source *entente.Source
	Result *entente.SourceApplied
	Rows   []AppliedRow
}

// AppliedRow is one applied item as the result page shows it.
type AppliedRow struct {
	Outcome, Kind, Title, Href, Changes, Problem string
}

// handleSourceApplyForm applies the items accepted on the review page and shows what became
// of them, or the review again with what is wrong.
func (s *Server) handleSourceApplyForm(w http.ResponseWriter, r *http.Request) {
	src, x, err := s.sourceOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	app, refs := applicationFromForm(r.PostForm, x.Proposal(), probs)
	if src.RoadmapID == 0 {
		targetFromForm(r.PostForm, &app, probs)
	}
	var res *entente.SourceApplied
	err = probs.Err("application")
	if err == nil {
		res, err = s.svc.Reading.ApplySource(r.Context(), src.ID, app)
	}
	if err != nil {
		s.formFailed(w, r, refs.rename(err), func(f *Form) {
			s.showSource(w, r, src, x, f, refusedStatus(err))
		})
		return
	}
	s.showApplied(w, r, res)
}

// showApplied renders the result of an application.
func (s *Server) showApplied(w http.ResponseWriter, r *http.Request, res *entente.SourceApplied) {
	p := SourceAppliedPage{Page: s.page(r, "reading.applied_title"), Source: res.Source, Result: res}
	p.Roadmap, p.Section = res.Roadmap, "read"
	for _, it := range res.Items {
		row := AppliedRow{Outcome: it.Outcome, Kind: p.L.T("reading.entity." + it.EntityType), Title: it.Title, Problem: it.Problem}
		if it.EntityID != 0 {
			row.Href = entityHref(it.EntityType, it.EntityID, res.Roadmap.ID)
		}
		var changes []string
		for _, c := range it.Changes {
			changes = append(changes, p.L.T("reading.change."+c))
		}
		row.Changes = strings.Join(changes, ", ")
		p.Rows = append(p.Rows, row)
	}
	s.render(w, r, "source-applied", http.StatusOK, p)
}

// itemRefs remembers which draft item each accepted item of an application is, so that the
// application's problems ("meetings[2].when") show next to the item's fields ("e3.when").
type itemRefs map[string][]string // list name → refs in order

var reItemField = regexp.MustCompile(`^(meetings|commitments|interests|tracks)\[(\d+)\](?:\.(\w+))?`)

// rename moves an application's problems to the review form's field names.
func (refs itemRefs) rename(err error) error {
	fields := entente.ErrorFields(err)
	if len(fields) == 0 {
		return err
	}
	out := &entente.Error{Code: entente.ErrorCode(err), Message: entente.ErrorMessage(err), Fields: map[string]string{}}
	for k, v := range fields {
		m := reItemField.FindStringSubmatch(k)
		if m == nil {
			out.Fields[k] = v
			continue
		}
		i, _ := strconv.Atoi(m[2])
		if i >= len(refs[m[1]]) {
			out.Fields[k] = v
			continue
		}
		ref, field := refs[m[1]][i], m[3]
		if field == "" || field == "ref" || field == "sector" {
			out.Fields["decision."+ref] = v
		} else {
			out.Fields[ref+"."+field] = v
		}
	}
	return out
}

// applicationFromForm reads the review form: for each item the draft proposes, the decision
// (accept, edit or reject) and, for an edited one, its fields. An accepted item whose fields
// were changed counts as edited.
func applicationFromForm(v url.Values, prop entente.SourceApplication, probs entente.Problems) (entente.SourceApplication, itemRefs) {
	rf := reviewForm{v: v, refs: itemRefs{}, probs: probs}
	app := entente.SourceApplication{Meetings: []entente.MeetingItem{}, Commitments: []entente.CommitmentItem{},
		Interests: []entente.InterestItem{}, Tracks: []entente.TrackItem{}}
	for _, t := range prop.Tracks {
		if rf.take("tracks", "t."+t.Sector) {
			app.Tracks = append(app.Tracks, entente.TrackItem{Ref: t.Sector, Title: strings.TrimSpace(v.Get("t." + t.Sector + ".title"))})
		}
	}
	for _, m := range prop.Meetings {
		if rf.take("meetings", m.Ref) {
			app.Meetings = append(app.Meetings, rf.meeting(m))
		}
	}
	for _, c := range prop.Commitments {
		if rf.take("commitments", c.Ref) {
			app.Commitments = append(app.Commitments, rf.commitment(c))
		}
	}
	for _, i := range prop.Interests {
		if rf.take("interests", i.Ref) {
			app.Interests = append(app.Interests, rf.interest(i))
		}
	}
	return app, rf.refs
}

// reviewForm reads the items of a posted review form.
type reviewForm struct {
	v     url.Values
	refs  itemRefs
	probs entente.Problems
}

// take reports whether an item was accepted, and remembers its place in its list.
func (rf reviewForm) take(list, ref string) bool {
	if rf.v.Get("decision."+ref) == "reject" {
		return false
	}
	rf.refs[list] = append(rf.refs[list], ref)
	return true
}

// edited reports whether an item was accepted with edits: so decided, or with a field (given
// as name, proposed value pairs) that differs from the proposal.
func (rf reviewForm) edited(ref string, fields ...string) bool {
	if rf.v.Get("decision."+ref) == "edit" {
		return true
	}
	for i := 0; i+1 < len(fields); i += 2 {
		if strings.TrimSpace(rf.v.Get(ref+"."+fields[i])) != fields[i+1] {
			return true
		}
	}
	return false
}

func (rf reviewForm) meeting(m entente.MeetingItem) entente.MeetingItem {
	v, ref := rf.v, m.Ref
	if !rf.edited(ref, "kind", m.Kind, "title", m.Title, "when.value", m.When.Value, "when.mod", m.When.Mod, "location", m.Location, "status", m.Status) &&
		(v.Get(ref+".when.approximate") == "true") == m.When.Approximate {
		return entente.MeetingItem{Ref: ref}
	}
	return entente.MeetingItem{Ref: ref, Kind: v.Get(ref + ".kind"), Title: strings.TrimSpace(v.Get(ref + ".title")),
		When: formWhen(v, ref+".when", rf.probs), Location: strings.TrimSpace(v.Get(ref + ".location")),
		Status: v.Get(ref + ".status"), HostParty: m.HostParty, Invitation: m.Invitation, Description: m.Description}
}

func (rf reviewForm) commitment(c entente.CommitmentItem) entente.CommitmentItem {
	v, ref := rf.v, c.Ref
	if !rf.edited(ref, "statement", c.Statement, "responsible", c.Responsible, "due.value", c.Due.Value, "due.mod", c.Due.Mod) {
		return entente.CommitmentItem{Ref: ref}
	}
	return entente.CommitmentItem{Ref: ref, Statement: strings.TrimSpace(v.Get(ref + ".statement")),
		Responsible: v.Get(ref + ".responsible"), Due: formWhen(v, ref+".due", rf.probs), Sectors: c.Sectors}
}

func (rf reviewForm) interest(i entente.InterestItem) entente.InterestItem {
	v, ref := rf.v, i.Ref
	if !rf.edited(ref, "kind", i.Kind, "from_party", i.FromParty, "to_party", i.ToParty, "title", i.Title) {
		return entente.InterestItem{Ref: ref}
	}
	return entente.InterestItem{Ref: ref, Kind: v.Get(ref + ".kind"), FromParty: v.Get(ref + ".from_party"),
		ToParty: v.Get(ref + ".to_party"), Title: strings.TrimSpace(v.Get(ref + ".title")), Sectors: i.Sectors, Products: i.Products}
}

// targetFromForm reads where an unapplied source goes: a new roadmap (with an optional title)
// or a chosen one.
func targetFromForm(v url.Values, app *entente.SourceApplication, probs entente.Problems) {
	switch v.Get("target") {
	case "existing":
		if app.RoadmapID = formID(v, "roadmap_id", probs); app.RoadmapID == 0 {
			probs.Add("roadmap_id", "is required")
		}
	default:
		app.NewRoadmap = &entente.NewRoadmap{Title: strings.TrimSpace(v.Get("new_title"))}
	}
}
