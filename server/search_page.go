package server

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// SearchPage is one box over the titles and texts of everything the caller may read, with the
// results grouped by kind.
type SearchPage struct {
	Page
	Q      string
	Kind   string // one kind shown in full, or "" for every kind
	Groups []SearchGroup
	Total  int
}

// QueryText is the query isolated for a sentence of the interface.
func (p SearchPage) QueryText() string { return isolate(p.Q) }

// SearchGroup is the results of one kind: how many match, and the first of them.
type SearchGroup struct {
	Kind    string
	Heading string
	Count   int
	Hits    []SearchHit
	More    string // the link to all results of this kind, when some are not shown
}

// SearchHit is one result: what it is called, where it is, and the text around the match.
type SearchHit struct {
	Title   string
	Href    string
	Meta    []string
	Excerpt Excerpt
}

// Search limits: the longest query read, the results per kind on the page of every kind, and
// on the page of one kind.
const (
	maxSearchQuery = 200
	searchGroupHit = 5
	searchKindHits = 100
)

// searchKinds lists what search looks through, in the order the page shows the groups.
var searchKinds = []string{"roadmaps", "tracks", "actions", "meetings", "agreements", "commitments",
	"interests", "sources", "notes", "parties", "bodies", "people"}

// searchContext is what the searchers share: the page's language, the query, and the roadmaps'
// titles.
type searchContext struct {
	l        *i18n.Locale
	q        string
	roadmaps map[int64]string
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	p := SearchPage{Page: s.page(r, "search.title")}
	p.Q = strings.TrimSpace(r.URL.Query().Get("q"))
	if utf8.RuneCountInString(p.Q) > maxSearchQuery {
		p.Q = string([]rune(p.Q)[:maxSearchQuery])
	}
	if k := r.URL.Query().Get("kind"); slices.Contains(searchKinds, k) {
		p.Kind = k
	}
	if p.Q == "" {
		s.render(w, r, "search", http.StatusOK, p)
		return
	}
	p.Title = p.L.T("search.title_for", "Query", isolate(p.Q))
	titles, err := s.roadmapTitles(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	sc := &searchContext{l: p.L, q: p.Q, roadmaps: titles}
	for _, kind := range searchKinds {
		if p.Kind != "" && kind != p.Kind {
			continue
		}
		page := entente.Page{Limit: searchGroupHit}
		if p.Kind != "" {
			page.Limit = searchKindHits
		}
		hits, n, err := s.searchKind(r.Context(), kind, page, sc)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		if n == 0 {
			continue
		}
		g := SearchGroup{Kind: kind, Heading: p.L.T("search.kind." + kind), Count: n, Hits: hits}
		if n > len(hits) && p.Kind == "" {
			g.More = "/search?" + url.Values{"q": {p.Q}, "kind": {kind}}.Encode()
		}
		p.Groups = append(p.Groups, g)
		p.Total += n
	}
	s.render(w, r, "search", http.StatusOK, p)
}

// searchKind finds the results of one kind through its service's text filter, which sees
// only what the caller may read (never another party's internal notes).
func (s *Server) searchKind(ctx context.Context, kind string, page entente.Page, sc *searchContext) ([]SearchHit, int, error) {
	v, q := s.svc, sc.q
	switch kind {
	case "roadmaps":
		items, n, err := v.Roadmaps.FindRoadmaps(ctx, entente.RoadmapFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, roadmapHit)
	case "tracks":
		items, n, err := v.Tracks.FindTracks(ctx, entente.TrackFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, trackHit)
	case "actions":
		items, n, err := v.Actions.FindActions(ctx, entente.ActionFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, actionHit)
	case "meetings":
		items, n, err := v.Meetings.FindMeetings(ctx, entente.MeetingFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, meetingHit)
	case "agreements":
		items, n, err := v.Agreements.FindAgreements(ctx, entente.AgreementFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, agreementHit)
	case "commitments":
		items, n, err := v.Commitments.FindCommitments(ctx, entente.CommitmentFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, commitmentHit)
	case "interests":
		items, n, err := v.Interests.FindInterests(ctx, entente.InterestFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, interestHit)
	case "sources":
		items, n, err := v.Sources.FindSources(ctx, entente.SourceFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, sourceHit)
	case "notes":
		items, n, err := v.Notes.FindNotes(ctx, entente.NoteFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, noteHit)
	case "parties":
		items, n, err := v.Parties.FindParties(ctx, entente.PartyFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, partyHit)
	case "bodies":
		items, n, err := v.Bodies.FindBodies(ctx, entente.BodyFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, bodyHit)
	case "people":
		items, n, err := v.People.FindPeople(ctx, entente.PersonFilter{Q: q, Page: page})
		return collect(sc, page, items, n, err, personHit)
	}
	return nil, 0, nil
}

// collect turns one page of found items into results (parties, which are never paged, are cut
// to the page's size).
func collect[T any](sc *searchContext, page entente.Page, items []T, n int, err error, hit func(*searchContext, T) SearchHit) ([]SearchHit, int, error) {
	if err != nil {
		return nil, 0, err
	}
	out := make([]SearchHit, 0, min(len(items), page.Size()))
	for _, it := range items[:min(len(items), page.Size())] {
		out = append(out, tidy(hit(sc, it), sc.q))
	}
	return out, n, nil
}

// tidy drops the empty facts of a result, and its excerpt when the title already shows the
// match.
func tidy(h SearchHit, q string) SearchHit {
	meta := h.Meta[:0]
	for _, m := range h.Meta {
		if strings.TrimSpace(m) != "" {
			meta = append(meta, m)
		}
	}
	h.Meta = meta
	if indexFold([]rune(h.Title), []rune(strings.TrimSpace(q))) >= 0 {
		h.Excerpt = Excerpt{}
	}
	return h
}

func roadmapHit(sc *searchContext, v *entente.Roadmap) SearchHit {
	return SearchHit{Title: v.Title, Href: "/roadmaps/" + itoa(v.ID), Meta: []string{strings.Join(v.Parties, " · "),
		sc.l.T("roadmap.status." + v.Status)}, Excerpt: excerpt(sc.q, v.Description)}
}

func trackHit(sc *searchContext, v *entente.Track) SearchHit {
	return SearchHit{Title: v.Title, Href: "/roadmaps/" + itoa(v.RoadmapID) + "/actions?track=" + itoa(v.ID),
		Meta: []string{sc.roadmaps[v.RoadmapID], sc.l.T("sector." + v.Sector)}, Excerpt: excerpt(sc.q, v.Description)}
}

func actionHit(sc *searchContext, v *entente.Action) SearchHit {
	return SearchHit{Title: v.Title, Href: "/actions/" + itoa(v.ID), Meta: []string{sc.roadmaps[v.RoadmapID],
		sc.l.T("status." + v.Status)}, Excerpt: excerpt(sc.q, v.Description, v.Evidence)}
}

func meetingHit(sc *searchContext, v *entente.Meeting) SearchHit {
	return SearchHit{Title: v.Title, Href: "/meetings/" + itoa(v.ID), Meta: []string{sc.roadmaps[v.RoadmapID],
		sc.l.When(v.When), sc.l.T("meeting.status." + v.Status)}, Excerpt: excerpt(sc.q, v.Description, v.Location, v.Minutes)}
}

func agreementHit(sc *searchContext, v *entente.Agreement) SearchHit {
	return SearchHit{Title: v.Title, Href: "/agreements/" + itoa(v.ID), Meta: []string{sc.roadmaps[v.RoadmapID],
		sc.l.T("agreement.kind." + v.Kind), sc.l.T("agreement.status." + v.Status)}, Excerpt: excerpt(sc.q, v.Description)}
}

func commitmentHit(sc *searchContext, v *entente.Commitment) SearchHit {
	return SearchHit{Title: v.Statement, Href: "/commitments/" + itoa(v.ID), Meta: []string{sc.roadmaps[v.RoadmapID],
		sc.l.T("commitment.status." + v.Status)}, Excerpt: excerpt(sc.q, v.Quote, v.Evidence)}
}

func interestHit(sc *searchContext, v *entente.Interest) SearchHit {
	return SearchHit{Title: v.Title, Href: "/interests/" + itoa(v.ID), Meta: []string{sc.roadmaps[v.RoadmapID],
		sc.l.T("interest.kind."+v.Kind) + " · " + v.FromParty + " → " + v.ToParty}, Excerpt: excerpt(sc.q, v.Description, v.Quote)}
}

func sourceHit(sc *searchContext, v *entente.Source) SearchHit {
	return SearchHit{Title: v.Title, Href: "/sources/" + itoa(v.ID), Meta: []string{v.Publisher, sc.l.Date(v.PublishedOn)},
		Excerpt: excerpt(sc.q, v.Text)}
}

func noteHit(sc *searchContext, v *entente.Note) SearchHit {
	scope := sc.l.T("scope.shared")
	if v.Scope != entente.ScopeShared {
		scope = sc.l.T("scope.internal", "Party", v.Scope)
	}
	return SearchHit{Title: sc.l.T("search.note_on." + v.EntityType), Excerpt: excerpt(sc.q, v.Body), Href: noteTarget(v), Meta: []string{sc.roadmaps[v.RoadmapID],
		v.AuthorName, scope}}
}

// noteTarget links a note to the item it is about.
func noteTarget(n *entente.Note) string {
	switch n.EntityType {
	case "roadmap":
		return "/roadmaps/" + itoa(n.EntityID)
	case "track":
		return "/roadmaps/" + itoa(n.RoadmapID) + "/actions?track=" + itoa(n.EntityID)
	case "action", "meeting", "agreement", "commitment", "interest":
		return "/" + n.EntityType + "s/" + itoa(n.EntityID) + "#note-" + itoa(n.ID)
	}
	return "/roadmaps/" + itoa(n.RoadmapID)
}

func partyHit(sc *searchContext, v *entente.Party) SearchHit {
	return SearchHit{Title: v.Name, Href: "/parties/" + v.Code, Meta: []string{v.Code, v.TimeZone}}
}

func bodyHit(sc *searchContext, v *entente.Body) SearchHit {
	return SearchHit{Title: v.Name, Href: "/bodies/" + itoa(v.ID), Meta: []string{bodyOwner(sc.l, v), sc.l.T("body.kind." + v.Kind)}}
}

func personHit(sc *searchContext, v *entente.Person) SearchHit {
	return SearchHit{Title: v.Name, Href: "/people/" + itoa(v.ID), Meta: []string{v.Role, v.Party}}
}

// excerptRunes is the length of the text shown around a match.
const excerptRunes = 160

// Excerpt is the part of a text around a match, in three pieces so that the page can mark the
// match.
type Excerpt struct {
	Before, Match, After string
}

// IsZero reports whether there is no excerpt.
func (e Excerpt) IsZero() bool { return e.Match == "" }

// String returns the excerpt as one text.
func (e Excerpt) String() string { return e.Before + e.Match + e.After }

// excerpt returns the part of the first of texts that holds q (ignoring case in any script)
// around the match, with an ellipsis where the text goes on; nothing when no text holds q.
func excerpt(q string, texts ...string) Excerpt {
	qs := []rune(strings.TrimSpace(q))
	if len(qs) == 0 {
		return Excerpt{}
	}
	var rs []rune
	at := -1
	for _, t := range texts {
		rs = []rune(t)
		if at = indexFold(rs, qs); at >= 0 {
			break
		}
	}
	if at < 0 {
		return Excerpt{}
	}
	from := max(0, at-excerptRunes/3)
	to := min(len(rs), max(from+excerptRunes, at+len(qs)))
	e := Excerpt{Before: oneLine(string(rs[from:at])), Match: string(rs[at : at+len(qs)]), After: oneLine(string(rs[at+len(qs) : to]))}
	if from > 0 {
		e.Before = "…" + e.Before
	}
	if to < len(rs) {
		e.After += "…"
	}
	return e
}

// oneLine turns line breaks and tabs into spaces.
func oneLine(s string) string { return lineBreaks.Replace(s) }

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// indexFold finds q in text ignoring case, rune by rune; -1 when it is not there.
func indexFold(text, q []rune) int {
	for i := 0; i+len(q) <= len(text); i++ {
		j := 0
		for j < len(q) && unicode.ToLower(text[i+j]) == unicode.ToLower(q[j]) {
			j++
		}
		if j == len(q) {
			return i
		}
	}
	return -1
}
