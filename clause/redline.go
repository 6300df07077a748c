package clause

import (
	"slices"

	"github.com/entente/entente"
)

// ArticleStatus says what happened to an article between two versions.
type ArticleStatus string

// The statuses of an ArticleChange. Moved and renumbered are told apart by ArticleChange's flags,
// since an article may be moved, renumbered and changed at once.
const (
	ArticleUnchanged ArticleStatus = "unchanged" // same heading and body (it may still be moved or renumbered)
	ArticleChanged   ArticleStatus = "changed"   // matched to its counterpart, with word changes
	ArticleAdded     ArticleStatus = "added"     // only in the new version
	ArticleDeleted   ArticleStatus = "deleted"   // only in the old version
)

// ArticleChange is one article of a redline: an article of the old version matched to its
// counterpart in the new one, or an article only one version has.
type ArticleChange struct {
	Status ArticleStatus `json:"status"`
	// Moved is set when the article's place among the other matched articles changed.
	Moved bool `json:"moved,omitempty"`
	// Renumbered is set when the article's printed number changed.
	Renumbered bool   `json:"renumbered,omitempty"`
	OldNumber  string `json:"old_number,omitempty"`
	NewNumber  string `json:"new_number,omitempty"`
	// OldIndex and NewIndex are the article's positions in each version, from 0; -1 where the
	// article is absent.
	OldIndex int `json:"old_index"`
	NewIndex int `json:"new_index"`
	// Heading and Body are word diffs; an added article has only inserts, a deleted one only
	// deletes, an unchanged one a single equal op.
	Heading []Op `json:"heading,omitempty"`
	Body    []Op `json:"body"`
}

// Redline is the difference between two texts of one language: the word diffs of title and
// preamble and one ArticleChange per article. Articles come in the order of the new version;
// a deleted article stands where it stood in the old one, before the next article that kept its
// place.
type Redline struct {
	Language string          `json:"language"`
	Title    []Op            `json:"title,omitempty"`
	Preamble []Op            `json:"preamble,omitempty"`
	Articles []ArticleChange `json:"articles"`
}

// Summary counts a redline's changes.
type Summary struct {
	TitleChanged    bool `json:"title_changed"`
	PreambleChanged bool `json:"preamble_changed"`
	Unchanged       int  `json:"unchanged"`
	Changed         int  `json:"changed"`
	Added           int  `json:"added"`
	Deleted         int  `json:"deleted"`
	Moved           int  `json:"moved"`
	Renumbered      int  `json:"renumbered"`
}

// Diff compares two texts of one language, after normalising both (see Normalize). Articles
// are matched to their counterparts by content, so that an article that was moved or renumbered
// is reported as such, with its own word diff, rather than as deleted and added. Pair texts of
// several languages with DiffVersions.
func Diff(old, new entente.AgreementText) Redline {
	old, new = Normalize(old), Normalize(new)
	in := newInterner()
	r := Redline{
		Language: new.Language,
		Title:    wordDiff(in, old.Title, new.Title),
		Preamble: wordDiff(in, old.Preamble, new.Preamble),
	}
	if r.Language == "" {
		r.Language = old.Language
	}
	oldTok, newTok := prepareArticles(old.Articles), prepareArticles(new.Articles)
	pairs := matchArticles(in, oldTok, newTok)
	r.Articles = arrangeChanges(in, old.Articles, new.Articles, oldTok, newTok, pairs)
	return r
}

// DiffVersions compares the texts of two versions language by language, in the order of the
// language tags. A language only one version has gives a redline whose articles are all added
// or all deleted.
func DiffVersions(old, new []entente.AgreementText) []Redline {
	byLanguage := func(texts []entente.AgreementText) map[string]entente.AgreementText {
		m := make(map[string]entente.AgreementText, len(texts))
		for _, t := range texts {
			lang := normalizeLanguage(t.Language)
			if _, dup := m[lang]; !dup {
				m[lang] = t
			}
		}
		return m
	}
	olds, news := byLanguage(old), byLanguage(new)
	var languages []string
	for _, m := range []map[string]entente.AgreementText{olds, news} {
		for lang := range m {
			if !slices.Contains(languages, lang) {
				languages = append(languages, lang)
			}
		}
	}
	slices.Sort(languages)
	out := make([]Redline, len(languages))
	for i, lang := range languages {
		o, ok := olds[lang]
		if !ok {
			o = entente.AgreementText{Language: lang}
		}
		n, ok := news[lang]
		if !ok {
			n = entente.AgreementText{Language: lang}
		}
		out[i] = Diff(o, n)
	}
	return out
}

// Summary counts the redline's changes. Unchanged counts the articles that kept their text,
// place and number; a moved or renumbered article counts as moved or renumbered, and also as
// changed when its text changed.
func (r Redline) Summary() Summary {
	s := Summary{TitleChanged: hasChange(r.Title), PreambleChanged: hasChange(r.Preamble)}
	for _, a := range r.Articles {
		switch a.Status {
		case ArticleUnchanged:
			if !a.Moved && !a.Renumbered {
				s.Unchanged++
			}
		case ArticleChanged:
			s.Changed++
		case ArticleAdded:
			s.Added++
		case ArticleDeleted:
			s.Deleted++
		}
		if a.Moved {
			s.Moved++
		}
		if a.Renumbered {
			s.Renumbered++
		}
	}
	return s
}

// Changed reports whether the two texts differ at all.
func (r Redline) Changed() bool {
	s := r.Summary()
	return s.TitleChanged || s.PreambleChanged || s.Changed+s.Added+s.Deleted+s.Moved+s.Renumbered > 0
}

// Old returns the old text as the redline carries it (normalised).
func (r Redline) Old() entente.AgreementText { return r.side(false) }

// New returns the new text as the redline carries it (normalised).
func (r Redline) New() entente.AgreementText { return r.side(true) }

// side rebuilds one version from the ops.
func (r Redline) side(newSide bool) entente.AgreementText {
	t := entente.AgreementText{
		Language: r.Language,
		Title:    sideOf(r.Title, newSide),
		Preamble: sideOf(r.Preamble, newSide),
		Articles: []entente.Article{},
	}
	changes := slices.Clone(r.Articles)
	index := func(c ArticleChange) int {
		if newSide {
			return c.NewIndex
		}
		return c.OldIndex
	}
	slices.SortStableFunc(changes, func(a, b ArticleChange) int { return index(a) - index(b) })
	for _, c := range changes {
		if index(c) < 0 {
			continue
		}
		number := c.OldNumber
		if newSide {
			number = c.NewNumber
		}
		t.Articles = append(t.Articles, entente.Article{
			Number:  number,
			Heading: sideOf(c.Heading, newSide),
			Body:    sideOf(c.Body, newSide),
		})
	}
	return t
}

// hasChange reports whether ops hold a delete or an insert.
func hasChange(ops []Op) bool {
	for _, op := range ops {
		if op.Kind != OpEqual {
			return true
		}
	}
	return false
}
