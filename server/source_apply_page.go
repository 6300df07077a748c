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
	app := entente.SourceApplication{Meetings: []entente.MeetingItem{}, Commitments: []entente.CommitmentItem{},
		Interests: []entente.InterestItem{}, Tracks: []entente.TrackItem{}}
	refs := itemRefs{}
	take := func(list, ref string) bool {
		if v.Get("decision."+ref) == "reject" {
			return false
		}
		refs[list] = append(refs[list], ref)
		return true
	}
	edited := func(ref string, fields ...string) bool {
		if v.Get("decision."+ref) == "edit" {
			return true
		}
		for i := 0; i+1 < len(fields); i += 2 {
			if strings.TrimSpace(v.Get(ref+"."+fields[i])) != fields[i+1] {
				return true
			}
		}
		return false
	}
	for _, t := range prop.Tracks {
		if take("tracks", "t."+t.Sector) {
			app.Tracks = append(app.Tracks, entente.TrackItem{Ref: t.Sector, Title: strings.TrimSpace(v.Get("t." + t.Sector + ".title"))})
		}
	}
	for _, m := range prop.Meetings {
		if !take("meetings", m.Ref) {
			continue
		}
		it := entente.MeetingItem{Ref: m.Ref}
		if edited(m.Ref, "kind", m.Kind, "title", m.Title, "when.value", m.When.Value, "when.mod", m.When.Mod, "location", m.Location, "status", m.Status) ||
			(v.Get(m.Ref+".when.approximate") == "true") != m.When.Approximate {
			it = entente.MeetingItem{Ref: m.Ref, Kind: v.Get(m.Ref + ".kind"), Title: strings.TrimSpace(v.Get(m.Ref + ".title")),
				When: formWhen(v, m.Ref+".when", probs), Location: strings.TrimSpace(v.Get(m.Ref + ".location")),
				Status: v.Get(m.Ref + ".status"), HostParty: m.HostParty, Invitation: m.Invitation, Description: m.Description}
		}
		app.Meetings = append(app.Meetings, it)
	}
	for _, c := range prop.Commitments {
		if !take("commitments", c.Ref) {
			continue
		}
		it := entente.CommitmentItem{Ref: c.Ref}
		if edited(c.Ref, "statement", c.Statement, "responsible", c.Responsible, "due.value", c.Due.Value, "due.mod", c.Due.Mod) {
			it = entente.CommitmentItem{Ref: c.Ref, Statement: strings.TrimSpace(v.Get(c.Ref + ".statement")),
				Responsible: v.Get(c.Ref + ".responsible"), Due: formWhen(v, c.Ref+".due", probs), Sectors: c.Sectors}
		}
		app.Commitments = append(app.Commitments, it)
	}
	for _, i := range prop.Interests {
		if !take("interests", i.Ref) {
			continue
		}
		it := entente.InterestItem{Ref: i.Ref}
		if edited(i.Ref, "kind", i.Kind, "from_party", i.FromParty, "to_party", i.ToParty, "title", i.Title) {
			it = entente.InterestItem{Ref: i.Ref, Kind: v.Get(i.Ref + ".kind"), FromParty: v.Get(i.Ref + ".from_party"),
				ToParty: v.Get(i.Ref + ".to_party"), Title: strings.TrimSpace(v.Get(i.Ref + ".title")), Sectors: i.Sectors, Products: i.Products}
		}
		app.Interests = append(app.Interests, it)
	}
	return app, refs
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
