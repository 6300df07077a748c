package server

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
)

// AgreementRedlinePage shows what changed from one version to another, language by language
// and article by article: words deleted and inserted, and articles added, deleted, moved or
// renumbered.
type AgreementRedlinePage struct {
	Page
	A        *entente.Agreement
	Versions []*entente.AgreementVersion // newest first
	From, To int
	Redlines []RedlineView
}

// RedlineView is one language's redline with its keyword and direction.
type RedlineView struct {
	clause.Redline
	Keyword, Dir string
	Summary      clause.Summary
}

func (s *Server) handleAgreementRedline(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agreementForPage(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	rm, err := s.svc.Roadmaps.FindRoadmapByID(ctx, a.RoadmapID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := &AgreementRedlinePage{Page: s.page(r, "agreementtexts.redline"), A: a}
	p.Roadmap, p.Section, p.Title = rm, "agreements", a.Title
	vs, err := s.svc.AgreementTexts.FindAgreementVersions(ctx, a.ID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for i := len(vs) - 1; i >= 0; i-- {
		p.Versions = append(p.Versions, vs[i])
	}
	p.From, _ = strconv.Atoi(r.URL.Query().Get("from"))
	p.To, _ = strconv.Atoi(r.URL.Query().Get("to"))
	if p.From > 0 && p.To > 0 {
		red, err := s.redline(r, a.ID, p.From, p.To)
		if err != nil {
			s.pageError(w, r, err)
			return
		}
		for _, l := range red.Languages {
			p.Redlines = append(p.Redlines, RedlineView{Redline: l, Keyword: clause.Keyword(l.Language), Dir: textDirection(l.Language), Summary: l.Summary()})
		}
	}
	s.render(w, r, "agreement-redline", http.StatusOK, p)
}

// handleAgreementCommentAdd adds a comment on an article, shared or internal to the caller's
// party, and goes back to the article.
func (s *Server) handleAgreementCommentAdd(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agreementForPage(w, r)
	if !ok {
		return
	}
	v := r.PostForm
	probs := entente.Problems{}
	c := &entente.AgreementComment{AgreementID: a.ID, TextVersion: formInt(v, "text_version", probs), Article: v.Get("article"),
		Scope: v.Get("scope"), Body: strings.TrimSpace(v.Get("body"))}
	err := probs.Err("comment")
	if err == nil {
		err = s.svc.AgreementTexts.CreateAgreementComment(r.Context(), c)
	}
	s.articleDone(w, r, a, c.TextVersion, c.Article, err)
}

// handleAgreementPositionAdd records the caller's party's position on an article, internal to
// the party unless shared.
func (s *Server) handleAgreementPositionAdd(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agreementForPage(w, r)
	if !ok {
		return
	}
	v := r.PostForm
	probs := entente.Problems{}
	number := formInt(v, "text_version", probs)
	p := &entente.Position{EntityType: "agreement", EntityID: a.ID, Article: v.Get("article"), Stance: v.Get("stance"),
		Text: strings.TrimSpace(v.Get("text")), Scope: v.Get("scope")}
	err := probs.Err("position")
	if err == nil {
		err = s.svc.Positions.CreatePosition(r.Context(), p)
	}
	s.articleDone(w, r, a, number, p.Article, err)
}

// articleDone goes back to the article on the versions page, with a notice or the refusal.
func (s *Server) articleDone(w http.ResponseWriter, r *http.Request, a *entente.Agreement, number int, article string, err error) {
	to := fmt.Sprintf("/agreements/%d/versions?n=%d", a.ID, number)
	if err == nil {
		redirect(w, r, withNotice(to, "notice.saved")+"#article-"+article)
		return
	}
	if code := entente.ErrorCode(err); code == entente.EINTERNAL || code == entente.ENOTFOUND || code == entente.EUNAUTHORIZED {
		s.pageError(w, r, err)
		return
	}
	q := r.URL.Query()
	q.Set("n", itoa(int64(number)))
	r.URL.RawQuery = q.Encode()
	s.showVersions(w, r, a, nil, entente.ErrorMessage(err), refusedStatus(err))
}
