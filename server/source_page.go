package server

import (
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// SourcePage reviews a statement that was read: its text with the sentences items were found
// in marked, and the items beside it — parties, people, sectors, events with their dates as
// said, commitments, offers and requests — each to accept, edit or reject, then apply to a
// roadmap. An applied source also says what each item became.
type SourcePage struct {
	Page
	Source      *entente.Source
	Draft       *entente.Extraction
	Notes       []string // what the reader says of the draft as a whole
	Text        []TextSegment
	Tracks      []TrackReview
	Meetings    []MeetingReview
	Others      []entente.ExtractedEvent // events that are no meetings (deadlines)
	Commitments []CommitmentReview
	Interests   []InterestReview
	CanApply    bool
	Form        *Form
	Target      TargetChoice
}

// TextSegment is a run of the statement's text; a marked one holds the sentence of some items.
type TextSegment struct {
	Text string
	Mark bool
	ID   string   // the mark's id, which items link to
	Refs []string // the items found in it
}

// ReviewItem is what every reviewed item shows: its id in the draft, the mark of its sentence,
// the decision on it, and what it became once applied.
type ReviewItem struct {
	L        *i18n.Locale
	Ref      string
	MarkID   string
	Quote    string
	Decision string // accept, edit or reject
	Problem  string // a problem of the item as a whole
	Became   *BecameLink
}

// Decisions are the three choices on a reviewed item.
func (it ReviewItem) Decisions() []Choice {
	var out []Choice
	for _, d := range []string{"accept", "edit", "reject"} {
		out = append(out, Choice{Value: d, Label: it.L.T("reading.decision." + d), Selected: d == it.Decision})
	}
	return out
}

// BecameLink points at the row an item became.
type BecameLink struct {
	Label, Href string
}

// TrackReview is a sector of the draft, to become a track.
type TrackReview struct {
	ReviewItem
	Sector string
	Title  Field
}

// MeetingReview is an event of the draft, to become a meeting.
type MeetingReview struct {
	ReviewItem
	Event                        entente.ExtractedEvent
	When                         entente.When
	Kind, Title, Location, State Field
	WhenField                    Field
}

// CommitmentReview is a commitment of the draft.
type CommitmentReview struct {
	ReviewItem
	C                      entente.ExtractedCommitment
	Who                    string // who owes it, in words
	Statement, Responsible Field
	Due                    Field
}

// InterestReview is an offer or a request of the draft.
type InterestReview struct {
	ReviewItem
	I                    entente.ExtractedInterest
	Kind, From, To, Text Field
}

// TargetChoice is where the items go: the source's roadmap, or a new roadmap for the draft's
// parties, or one of the roadmaps the user may edit.
type TargetChoice struct {
	Roadmap   *entente.Roadmap // the source's own roadmap, when it has one
	Parties   []string
	PartyList string // the parties, for the words of the choice
	CanNew    bool
	NewTitle  Field
	Existing  Field
	Choice    string // new or existing
	Problem   string
	HasChoice bool // there are roadmaps to choose from
}

// sourceOf loads the source of a page from its {id} with its draft.
func (s *Server) sourceOf(r *http.Request) (*entente.Source, *entente.Extraction, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	src, err := s.svc.Sources.FindSourceByID(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	x, err := entente.ParseExtraction(src.Extraction, src.Text)
	return src, x, err
}

func (s *Server) handleSourceView(w http.ResponseWriter, r *http.Request) {
	src, x, err := s.sourceOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	f := newForm(s.locale(r), proposalValues(x.Proposal()))
	f.Values.Set("target", "new")
	s.showSource(w, r, src, x, f, http.StatusOK)
}

// showSource renders the review of a source with the apply form's values and problems.
func (s *Server) showSource(w http.ResponseWriter, r *http.Request, src *entente.Source, x *entente.Extraction, f *Form, status int) {
	p := SourcePage{Page: s.page(r, "reading.review_title"), Source: src, Draft: x, Form: f}
	p.Title, p.Section = src.Title, "read"
	c := p.Caller
	p.CanApply = entente.CanWrite(c) && (src.RoadmapID == 0 || entente.CanEditRoadmap(c, src.RoadmapID))
	var err error
	if src.RoadmapID != 0 {
		if p.Roadmap, err = s.svc.Roadmaps.FindRoadmapByID(r.Context(), src.RoadmapID); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	became, err := s.became(r, src)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Notes = draftNotes(p.L, x.Notes)
	marks := markText(&p, src.Text, x)
	s.reviewItems(&p, x, marks, became)
	if p.CanApply {
		if p.Target, err = s.targetChoice(r, &p, x); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	s.render(w, r, "source", status, p)
}

// became maps the refs of an applied source's items to links to their rows.
func (s *Server) became(r *http.Request, src *entente.Source) (map[string]*BecameLink, error) {
	out := map[string]*BecameLink{}
	if src.RoadmapID == 0 {
		return out, nil
	}
	links, err := s.svc.Reading.FindSourceLinks(r.Context(), src.ID)
	if err != nil {
		return nil, err
	}
	l := s.locale(r)
	for _, k := range links {
		href := entityHref(k.EntityType, k.EntityID, src.RoadmapID)
		out[k.Ref] = &BecameLink{Label: l.T("reading.became."+k.EntityType, "ID", k.EntityID), Href: href}
	}
	return out, nil
}

// entityHref is the page of a row an item became; a track is shown on its roadmap's overview.
func entityHref(entityType string, id, roadmapID int64) string {
	switch entityType {
	case "meeting":
		return "/meetings/" + itoa(id)
	case "commitment":
		return "/commitments/" + itoa(id)
	case "interest":
		return "/interests/" + itoa(id)
	}
	return "/roadmaps/" + itoa(roadmapID)
}

// markText cuts the text into runs, marking the sentences items were found in; overlapping
// sentences share one mark. It returns the mark id of each item.
func markText(p *SourcePage, text string, x *entente.Extraction) map[string]string {
	type span struct {
		entente.Span
		ref string
	}
	var spans []span
	add := func(ref string, s entente.Span) {
		if s.End > s.Start && s.End <= len(text) {
			spans = append(spans, span{s, ref})
		}
	}
	for _, e := range x.Events {
		add(e.ID, e.Evidence)
	}
	for _, c := range x.Commitments {
		add(c.ID, c.Evidence)
	}
	for _, i := range x.Interests {
		add(i.ID, i.Evidence)
	}
	for _, pe := range x.People {
		add(pe.ID, pe.Evidence)
	}
	sort.SliceStable(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	marks := map[string]string{}
	at := 0
	for i := 0; i < len(spans); {
		start, end := spans[i].Start, spans[i].End
		seg := TextSegment{Mark: true, ID: "ev-" + strconv.Itoa(start)}
		for ; i < len(spans) && spans[i].Start < end; i++ {
			end = max(end, spans[i].End)
			seg.Refs = append(seg.Refs, spans[i].ref)
			marks[spans[i].ref] = seg.ID
		}
		if start > at {
			p.Text = append(p.Text, TextSegment{Text: text[at:start]})
		}
		seg.Text, at = text[start:end], end
		p.Text = append(p.Text, seg)
	}
	if at < len(text) {
		p.Text = append(p.Text, TextSegment{Text: text[at:]})
	}
	return marks
}

// reviewItems builds the reviewed items from the draft and the form.
func (s *Server) reviewItems(p *SourcePage, x *entente.Extraction, marks map[string]string, became map[string]*BecameLink) {
	f, l := p.Form, p.L
	item := func(ref string) ReviewItem {
		d := f.Values.Get("decision." + ref)
		if d == "" {
			d = "accept"
		}
		return ReviewItem{L: l, Ref: ref, MarkID: marks[ref], Decision: d, Problem: f.Problems["decision."+ref], Became: became[ref]}
	}
	prop := x.Proposal()
	for _, t := range prop.Tracks {
		tr := TrackReview{ReviewItem: item("t." + t.Sector), Sector: t.Sector,
			Title: f.Text("t."+t.Sector+".title", "reading.track_title", false)}
		tr.Became = became[t.Sector] // a track's ref in the draft is its sector
		p.Tracks = append(p.Tracks, tr)
	}
	parties := x.Parties
	if p.Roadmap != nil {
		parties = p.Roadmap.Parties
	}
	proposed := map[string]bool{}
	for _, m := range prop.Meetings {
		proposed[m.Ref] = true
	}
	for _, e := range x.Events {
		if !proposed[e.ID] {
			p.Others = append(p.Others, e)
			continue
		}
		p.Meetings = append(p.Meetings, MeetingReview{ReviewItem: item(e.ID), Event: e, When: e.When(),
			Kind:      f.Select(e.ID+".kind", "reading.kind", entente.MeetingKinds, "meeting.kind.", false),
			Title:     f.Text(e.ID+".title", "reading.meeting_title", true),
			WhenField: f.When(e.ID+".when", "reading.when"), Location: f.Text(e.ID+".location", "reading.location", false),
			State: f.Select(e.ID+".status", "reading.status", entente.MeetingStatuses[:3], "meeting.status.", false)})
	}
	responsible := responsibleChoices(l, &entente.Roadmap{Parties: parties})
	for _, c := range x.Commitments {
		p.Commitments = append(p.Commitments, CommitmentReview{ReviewItem: item(c.ID), C: c, Who: responsibleName(l, c.Responsible),
			Statement:   f.Area(c.ID+".statement", "reading.statement", 2),
			Responsible: f.Options(c.ID+".responsible", "reading.responsible", responsible), Due: f.When(c.ID+".due", "reading.due")})
	}
	for _, in := range x.Interests {
		p.Interests = append(p.Interests, InterestReview{ReviewItem: item(in.ID), I: in,
			Kind: f.Select(in.ID+".kind", "reading.interest_kind", interestKinds, "interest.kind.", false),
			From: f.Select(in.ID+".from_party", "reading.from", parties, "", true),
			To:   f.Select(in.ID+".to_party", "reading.to", parties, "", true),
			Text: f.Area(in.ID+".title", "reading.interest_text", 2)})
	}
}

// targetChoice offers where to apply the items: the source's roadmap, a new one for the
// draft's parties, or a roadmap the user may edit.
func (s *Server) targetChoice(r *http.Request, p *SourcePage, x *entente.Extraction) (TargetChoice, error) {
	f := p.Form
	t := TargetChoice{Roadmap: p.Roadmap, Parties: x.Parties, PartyList: strings.Join(x.Parties, ", "), CanNew: len(x.Parties) >= 2 && entente.CanCreateRoadmap(p.Caller),
		Choice: f.Values.Get("target"), Problem: f.Problems["target"]}
	if t.Roadmap != nil {
		return t, nil
	}
	t.NewTitle = f.Text("new_title", "reading.new_title", false)
	t.NewTitle.Problem = firstOf(f.Problems["new_roadmap.title"], f.Problems["new_roadmap.parties"], f.Problems["new_roadmap"])
	roadmaps, _, err := s.svc.Roadmaps.FindRoadmaps(r.Context(), entente.RoadmapFilter{Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return t, err
	}
	var choices []Choice
	for _, rm := range roadmaps {
		if entente.CanEditRoadmap(p.Caller, rm.ID) {
			choices = append(choices, Choice{Value: itoa(rm.ID), Label: rm.Title})
		}
	}
	t.Existing = f.Options("roadmap_id", "reading.existing_roadmap", choices)
	t.HasChoice = len(choices) > 0
	if !t.CanNew && t.Choice == "new" {
		t.Choice = "existing"
	}
	return t, nil
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// proposalValues writes the items a draft proposes into the apply form's values, all accepted.
func proposalValues(prop entente.SourceApplication) url.Values {
	v := url.Values{}
	for _, t := range prop.Tracks {
		v.Set("decision.t."+t.Sector, "accept")
		v.Set("t."+t.Sector+".title", t.Title)
	}
	for _, m := range prop.Meetings {
		v.Set("decision."+m.Ref, "accept")
		v.Set(m.Ref+".kind", m.Kind)
		v.Set(m.Ref+".title", m.Title)
		whenValues(v, m.Ref+".when", m.When)
		v.Set(m.Ref+".location", m.Location)
		v.Set(m.Ref+".status", m.Status)
	}
	for _, c := range prop.Commitments {
		v.Set("decision."+c.Ref, "accept")
		v.Set(c.Ref+".statement", c.Statement)
		v.Set(c.Ref+".responsible", c.Responsible)
		whenValues(v, c.Ref+".due", c.Due)
	}
	for _, i := range prop.Interests {
		v.Set("decision."+i.Ref, "accept")
		v.Set(i.Ref+".kind", i.Kind)
		v.Set(i.Ref+".from_party", i.FromParty)
		v.Set(i.Ref+".to_party", i.ToParty)
		v.Set(i.Ref+".title", i.Title)
	}
	return v
}

var reSkipped = regexp.MustCompile(`^(\d+) sentences not in English were skipped`)

// draftNotes words the reader's notes on a draft in the user's language; a note the catalogue
// does not know keeps the reader's English.
func draftNotes(l *i18n.Locale, notes []string) []string {
	var out []string
	for _, n := range notes {
		switch {
		case strings.HasPrefix(n, "No dates were found"):
			n = l.T("reading.note.no_dates")
		case strings.HasPrefix(n, "Nothing to draft"):
			n = l.T("reading.note.nothing")
		case reSkipped.MatchString(n):
			count, _ := strconv.Atoi(reSkipped.FindStringSubmatch(n)[1])
			n = l.T("reading.note.skipped", "Count", count)
		}
		out = append(out, n)
	}
	return out
}
