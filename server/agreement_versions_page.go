package server

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
)

// AgreementVersionsPage reads one version of an agreement's text, article by article, with the
// comments on each article and the caller's party's positions, and offers the form that saves
// a new version: a text per language, typed, pasted or uploaded (.txt or .md).
type AgreementVersionsPage struct {
	Page
	A        *entente.Agreement
	Versions []*entente.AgreementVersion // newest first
	Shown    *entente.AgreementVersion
	Texts    []TextView
	Form     *Form
	Drafts   []DraftRow
	Newer    int    // on a conflict: the version saved meanwhile, to compare with
	Problem  string // why a comment or position was refused
	CanWrite bool
	Party    string
	Stances  []string
}

// TextView is one language of the version read.
type TextView struct {
	Language, Dir, Keyword, Title, Preamble string
	Articles                                []ArticleView
}

// ArticleView is one article with its comments and positions.
type ArticleView struct {
	entente.Article
	Comments  []*entente.AgreementComment
	Positions []*entente.Position
}

// DraftRow is one language of the new-version form.
type DraftRow struct {
	Index          int
	Language, Text string
	Problem        string
}

// maxDraftRows bounds the languages one form saves.
const maxDraftRows = 6

func (s *Server) handleAgreementVersionsPage(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agreementForPage(w, r)
	if !ok {
		return
	}
	s.showVersions(w, r, a, nil, "", http.StatusOK)
}

// showVersions renders the versions page; form is the refused new-version form, or nil, and
// problem the refusal of a comment or position.
func (s *Server) showVersions(w http.ResponseWriter, r *http.Request, a *entente.Agreement, form *Form, problem string, status int) {
	ctx := r.Context()
	rm, err := s.svc.Roadmaps.FindRoadmapByID(ctx, a.RoadmapID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p := &AgreementVersionsPage{Page: s.page(r, "agreementtexts.versions"), A: a, Stances: entente.Stances}
	p.Roadmap, p.Section, p.Title = rm, "agreements", a.Title
	p.CanWrite, p.Party, p.Problem = entente.CanWriteNote(p.Caller, rm.ID), p.Caller.Party, problem
	vs, err := s.svc.AgreementTexts.FindAgreementVersions(ctx, a.ID)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for i := len(vs) - 1; i >= 0; i-- {
		p.Versions = append(p.Versions, vs[i])
	}
	if err := s.versionShown(r, p); err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Form, p.Drafts = form, draftRows(form, p.Shown)
	if form == nil {
		p.Form = newForm(p.L, versionFormValues(p))
	}
	if n, err := strconv.Atoi(p.Form.Values.Get("newer")); err == nil {
		p.Newer = n
	}
	s.render(w, r, "agreement-versions", status, p)
}

// versionShown loads the version to read (?n=, or the newest the caller sees) with the
// comments and the caller's party's positions on its articles.
func (s *Server) versionShown(r *http.Request, p *AgreementVersionsPage) error {
	if len(p.Versions) == 0 {
		return nil
	}
	number := p.Versions[0].Number
	if n, err := strconv.Atoi(r.URL.Query().Get("n")); err == nil && n > 0 {
		number = n
	}
	ctx := r.Context()
	v, err := s.svc.AgreementTexts.FindAgreementVersion(ctx, p.A.ID, number)
	if err != nil {
		return err
	}
	p.Shown = v
	comments, err := s.svc.AgreementTexts.FindAgreementComments(ctx, entente.AgreementCommentFilter{AgreementID: p.A.ID, TextVersion: number})
	if err != nil {
		return err
	}
	var positions []*entente.Position
	if !p.Caller.IsAnonymous() {
		if positions, _, err = s.svc.Positions.FindPositions(ctx, entente.PositionFilter{RoadmapID: p.A.RoadmapID,
			EntityType: "agreement", EntityID: p.A.ID, Page: entente.Page{Limit: entente.MaxPageLimit}}); err != nil {
			return err
		}
	}
	for _, t := range v.Texts {
		tv := TextView{Language: t.Language, Dir: textDirection(t.Language), Keyword: clause.Keyword(t.Language), Title: t.Title, Preamble: t.Preamble}
		for _, art := range t.Articles {
			av := ArticleView{Article: art}
			for _, c := range comments {
				if c.Article == art.Number {
					av.Comments = append(av.Comments, c)
				}
			}
			for _, pos := range positions {
				if pos.Article == art.Number && pos.Party == p.Caller.Party {
					av.Positions = append(av.Positions, pos)
				}
			}
			tv.Articles = append(tv.Articles, av)
		}
		p.Texts = append(p.Texts, tv)
	}
	return nil
}

// versionFormValues starts the new-version form from the newest version the caller sees.
func versionFormValues(p *AgreementVersionsPage) url.Values {
	v := url.Values{"base": {"0"}, "round": {"0"}, "scope": {entente.ScopeShared}}
	if len(p.Versions) > 0 {
		v.Set("base", itoa(int64(p.Versions[0].Number)))
		v.Set("round", itoa(int64(p.Versions[0].Round)))
	}
	return v
}

// draftRows lays out the languages of the form: as typed after a refusal, else the texts of
// the version read (as Markdown, to edit), and one empty row for another language.
func draftRows(form *Form, shown *entente.AgreementVersion) []DraftRow {
	var rows []DraftRow
	if form != nil {
		for i := 0; i < maxDraftRows; i++ {
			lang, text := form.Values.Get(fmt.Sprintf("lang_%d", i)), form.Values.Get(fmt.Sprintf("text_%d", i))
			if lang != "" || text != "" {
				problem := draftProblem(form, len(rows))
				if p := form.Problems[fmt.Sprintf("text_%d", i)]; p != "" {
					problem = strings.TrimPrefix(problem+"; "+p, "; ")
				}
				rows = append(rows, DraftRow{Language: lang, Text: text, Problem: problem})
			}
		}
	} else if shown != nil {
		for _, t := range shown.Texts {
			rows = append(rows, DraftRow{Language: t.Language, Text: clause.RenderMarkdown(t)})
		}
	}
	if len(rows) < maxDraftRows {
		rows = append(rows, DraftRow{})
	}
	for i := range rows {
		rows[i].Index = i
	}
	return rows
}

// draftProblem collects the problems of the i-th draft of a refused form ("drafts[1].line 12").
func draftProblem(form *Form, i int) string {
	prefix := fmt.Sprintf("drafts[%d]", i)
	var parts []string
	for k, v := range form.Problems {
		if rest, ok := strings.CutPrefix(k, prefix); ok {
			parts = append(parts, strings.TrimPrefix(rest, ".")+": "+v)
		}
	}
	return strings.Join(parts, "; ")
}

// handleAgreementVersionSave saves a new version from the form. A refused save shows the
// form again with every text as typed; on a conflict, with a link to what changed meanwhile.
func (s *Server) handleAgreementVersionSave(w http.ResponseWriter, r *http.Request) {
	a, ok := s.agreementForPage(w, r)
	if !ok {
		return
	}
	nv, values, err := readVersionForm(r)
	if err == nil {
		nv.AgreementID = a.ID
		var v *entente.AgreementVersion
		if v, err = s.svc.AgreementTexts.CreateAgreementVersion(r.Context(), nv); err == nil {
			redirect(w, r, withNotice(fmt.Sprintf("/agreements/%d/versions?n=%d", a.ID, v.Number), "notice.saved"))
			return
		}
	}
	if code := entente.ErrorCode(err); code == entente.EINTERNAL || code == entente.ENOTFOUND {
		s.pageError(w, r, err)
		return
	}
	f := newForm(s.locale(r), values)
	f.fail(err)
	f.Message = entente.ErrorMessage(err)
	if entente.ErrorCode(err) == entente.ECONFLICT {
		if vs, ferr := s.svc.AgreementTexts.FindAgreementVersions(r.Context(), a.ID); ferr == nil && len(vs) > 0 {
			// The form now starts from the newer version; the link compares it with the old base.
			f.Values.Set("started", f.Values.Get("base"))
			f.Values.Set("newer", itoa(int64(vs[len(vs)-1].Number)))
			f.Values.Set("base", itoa(int64(vs[len(vs)-1].Number)))
		}
	}
	s.showVersions(w, r, a, f, "", refusedStatus(err))
}

// readVersionForm reads the new-version form: base, round, scope, note, and for each row a
// language with its text typed or uploaded. It returns what was sent, to show it again.
func readVersionForm(r *http.Request) (*entente.NewAgreementVersion, url.Values, error) {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		if err := r.ParseMultipartForm(maxDraftRows * clause.MaxDraftSize); err != nil {
			return nil, url.Values{}, entente.Errorf(entente.EINVALID, "The form could not be read: %v.", err)
		}
	}
	values := url.Values{}
	for k, v := range r.Form {
		values[k] = v
	}
	probs := entente.Problems{}
	nv := &entente.NewAgreementVersion{Base: formInt(values, "base", probs), Round: formInt(values, "round", probs),
		Scope: values.Get("scope"), Note: strings.TrimSpace(values.Get("note"))}
	for i := 0; i < maxDraftRows; i++ {
		lang, text := strings.TrimSpace(values.Get(fmt.Sprintf("lang_%d", i))), values.Get(fmt.Sprintf("text_%d", i))
		if uploaded, err := uploadedDraft(r, fmt.Sprintf("file_%d", i)); err != nil {
			probs.Add(fmt.Sprintf("text_%d", i), err.Error())
		} else if uploaded != "" {
			text = uploaded
			values.Set(fmt.Sprintf("text_%d", i), text)
		}
		if lang != "" || strings.TrimSpace(text) != "" {
			nv.Drafts = append(nv.Drafts, entente.Draft{Language: lang, Text: text})
		}
	}
	return nv, values, probs.Err("version")
}

// uploadedDraft reads an uploaded .txt or .md draft, or "" when none was sent.
func uploadedDraft(r *http.Request, name string) (string, error) {
	if r.MultipartForm == nil || len(r.MultipartForm.File[name]) == 0 {
		return "", nil
	}
	fh := r.MultipartForm.File[name][0]
	lower := strings.ToLower(fh.Filename)
	if fh.Size == 0 {
		return "", nil
	}
	if !strings.HasSuffix(lower, ".txt") && !strings.HasSuffix(lower, ".md") && !strings.HasSuffix(lower, ".markdown") {
		return "", fmt.Errorf("%s is not a .txt or .md file", fh.Filename)
	}
	f, err := fh.Open()
	if err != nil {
		return "", err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, clause.MaxDraftSize+1))
	return string(b), err
}

// textDirection is the writing direction of a language.
func textDirection(lang string) string {
	primary, _, _ := strings.Cut(lang, "-")
	switch primary {
	case "ur", "ar", "fa", "he", "ps", "sd":
		return "rtl"
	}
	return "ltr"
}
