package sqlstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
)

// AgreementTextService implements entente.AgreementTextService.
type AgreementTextService struct{ db *DB }

// NewAgreementTextService returns the agreement text service of db.
func NewAgreementTextService(db *DB) *AgreementTextService { return &AgreementTextService{db: db} }

const versionColumns = `id, agreement_id, number, party, round, scope, note, digest, created_by, created_by_name, created_at`

func scanVersion(s rowScanner) (*entente.AgreementVersion, error) {
	v := entente.AgreementVersion{Texts: []entente.AgreementText{}}
	err := s.Scan(&v.ID, &v.AgreementID, &v.Number, &v.Party, &v.Round, &v.Scope, &v.Note, &v.Digest,
		idCol{&v.CreatedBy}, &v.CreatedByName, timeCol{&v.CreatedAt})
	return &v, err
}

// versions lists an agreement's versions in number order, without texts; visible restricts them
// to those the caller may see.
func (tx *Tx) versions(agreementID int64, visible bool) ([]*entente.AgreementVersion, error) {
	w := where{}
	w.and("agreement_id = ?", agreementID)
	if visible {
		tx.visibleScope(&w, "scope")
	}
	return scanAll(tx, "SELECT "+versionColumns+" FROM agreement_versions"+w.sql()+" ORDER BY number", w.args, scanVersion)
}

// latestVersion returns the newest version of an agreement in a scope ("" for any the caller
// may see), or nil when there is none.
func (tx *Tx) latestVersion(agreementID int64, scope string) (*entente.AgreementVersion, error) {
	w := where{}
	w.and("agreement_id = ?", agreementID)
	if scope != "" {
		w.and("scope = ?", scope)
	} else {
		tx.visibleScope(&w, "scope")
	}
	vs, err := scanAll(tx, "SELECT "+versionColumns+" FROM agreement_versions"+w.sql()+" ORDER BY number DESC LIMIT 1", w.args, scanVersion)
	if err != nil || len(vs) == 0 {
		return nil, err
	}
	return vs[0], nil
}

// version loads one version with its texts. Unless all is set, a version the caller may not see
// is ENOTFOUND, exactly like a missing one.
func (tx *Tx) version(agreementID int64, number int, all bool) (*entente.AgreementVersion, error) {
	v, err := scanVersion(tx.queryRow("SELECT "+versionColumns+" FROM agreement_versions WHERE agreement_id = ? AND number = ?",
		agreementID, number))
	if err != nil {
		return nil, notFoundIfNoRows(err, "version", number)
	}
	if !all && !entente.CanSeeScope(tx.caller, v.Scope) {
		return nil, entente.NotFound("version", number)
	}
	v.Texts, err = tx.versionTexts(v.ID)
	return v, err
}

// versionTexts loads the texts of a version in their order, each with its articles.
func (tx *Tx) versionTexts(versionID int64) ([]entente.AgreementText, error) {
	type stored struct {
		id   int64
		text entente.AgreementText
	}
	texts, err := scanAll(tx, "SELECT id, language, title, preamble FROM agreement_texts WHERE version_id = ? ORDER BY position",
		[]any{versionID}, func(s rowScanner) (stored, error) {
			var t stored
			err := s.Scan(&t.id, &t.text.Language, &t.text.Title, &t.text.Preamble)
			return t, err
		})
	if err != nil {
		return nil, err
	}
	out := make([]entente.AgreementText, len(texts))
	for i, t := range texts {
		t.text.Articles, err = scanAll(tx, "SELECT number, heading, body FROM agreement_articles WHERE text_id = ? ORDER BY position",
			[]any{t.id}, func(s rowScanner) (entente.Article, error) {
				var a entente.Article
				err := s.Scan(&a.Number, &a.Heading, &a.Body)
				return a, err
			})
		if err != nil {
			return nil, err
		}
		if t.text.Articles == nil {
			t.text.Articles = []entente.Article{}
		}
		out[i] = t.text
	}
	return out, nil
}

// FindAgreementVersions lists the versions the caller may see, oldest first, without texts.
func (s *AgreementTextService) FindAgreementVersions(ctx context.Context, agreementID int64) ([]*entente.AgreementVersion, error) {
	return view(ctx, s.db, func(tx *Tx) ([]*entente.AgreementVersion, error) {
		if _, err := tx.findAgreement(agreementID); err != nil {
			return nil, err
		}
		vs, err := tx.versions(agreementID, true)
		if vs == nil {
			vs = []*entente.AgreementVersion{}
		}
		return vs, err
	})
}

// FindAgreementVersion returns one version with its texts.
func (s *AgreementTextService) FindAgreementVersion(ctx context.Context, agreementID int64, number int) (*entente.AgreementVersion, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.AgreementVersion, error) {
		if _, err := tx.findAgreement(agreementID); err != nil {
			return nil, err
		}
		return tx.version(agreementID, number, false)
	})
}

// CreateAgreementVersion saves a new version. Drafts are read and texts checked before the
// transaction, so that the database is not held while a long draft is parsed.
func (s *AgreementTextService) CreateAgreementVersion(ctx context.Context, nv *entente.NewAgreementVersion) (*entente.AgreementVersion, error) {
	c := entente.CallerFrom(ctx)
	if nv.Party == "" {
		nv.Party = c.Party
	}
	if nv.Scope == "" {
		nv.Scope = entente.ScopeShared
	}
	if err := nv.Validate(); err != nil {
		return nil, err
	}
	texts, err := readTexts(nv)
	if err != nil {
		return nil, err
	}
	return change(ctx, s.db, func(tx *Tx) (*entente.AgreementVersion, error) {
		return tx.createVersion(nv, texts)
	})
}

// readTexts reads the drafts of a new version, or normalises its texts, and checks each with
// clause.Check; problems are named by the text they are in ("drafts[1].line 12",
// "texts[0].articles[3].body").
func readTexts(nv *entente.NewAgreementVersion) ([]entente.AgreementText, error) {
	probs := entente.Problems{}
	var texts []entente.AgreementText
	for i, d := range nv.Drafts {
		t, err := clause.Parse([]byte(d.Text), strings.ToLower(strings.TrimSpace(d.Language)))
		if err != nil {
			probs.Merge(fmt.Sprintf("drafts[%d]", i), entente.ErrorFields(err))
			continue
		}
		texts = append(texts, t)
	}
	for _, t := range nv.Texts {
		texts = append(texts, clause.Normalize(t))
	}
	if err := entente.CheckLanguages(texts); err != nil {
		return nil, err
	}
	prefix := "texts"
	if len(nv.Drafts) > 0 {
		prefix = "drafts"
	}
	for i, t := range texts {
		probs.Merge(fmt.Sprintf("%s[%d]", prefix, i), entente.ErrorFields(clause.Check(t)))
	}
	if len(probs) > 0 {
		return nil, &entente.Error{Code: entente.EINVALID, Message: "The text cannot be saved: " + firstProblem(probs) + ".",
			Fields: map[string]string(probs)}
	}
	return texts, nil
}

// firstProblem words the first problem in field order, for the message of an error.
func firstProblem(probs entente.Problems) string {
	e := &entente.Error{Fields: map[string]string(probs)}
	first, _, _ := strings.Cut(e.FieldList(), "; ")
	return first
}

// createVersion checks who saves what on which base, writes the version and moves the
// agreement on.
func (tx *Tx) createVersion(nv *entente.NewAgreementVersion, texts []entente.AgreementText) (*entente.AgreementVersion, error) {
	c := tx.caller
	a, r, err := tx.agreementForChange(nv.AgreementID)
	if err != nil {
		return nil, err
	}
	switch {
	case !entente.CanWriteNote(c, r.ID):
		return nil, entente.Denied(c, "save versions of this agreement")
	case !c.System && nv.Party != c.Party:
		return nil, fieldError("party", "a version is tabled by your own party ("+c.Party+")")
	case !r.HasParty(nv.Party):
		return nil, fieldError("party", nv.Party+" is not a party of this roadmap")
	}
	latest, err := tx.latestVersion(a.ID, "")
	if err != nil {
		return nil, err
	}
	if err := entente.CheckBase(nv.Base, latest); err != nil {
		return nil, err
	}
	latestShared, err := tx.latestVersion(a.ID, entente.ScopeShared)
	if err != nil {
		return nil, err
	}
	if err := entente.CheckRound(nv.Round, latestShared); err != nil {
		return nil, err
	}
	v := &entente.AgreementVersion{AgreementID: a.ID, Party: nv.Party, Round: nv.Round, Scope: nv.Scope, Note: nv.Note,
		Texts: texts, Digest: clause.DigestHex(texts), CreatedAt: tx.now, CreatedBy: c.UserID, CreatedByName: c.Name}
	if err := tx.queryRow("SELECT COALESCE(MAX(number), 0) + 1 FROM agreement_versions WHERE agreement_id = ?", a.ID).Scan(&v.Number); err != nil {
		return nil, err
	}
	before := *a
	if err := a.VersionSaved(v); err != nil {
		return nil, err
	}
	if err := tx.insertVersion(v); err != nil {
		return nil, err
	}
	if a.Status != before.Status {
		if err := tx.saveAgreementState(&before, a, "update"); err != nil {
			return nil, err
		}
	}
	return v, tx.audit(auditRecord{action: "create", entityType: "agreement_version", entityID: v.ID, roadmapID: r.ID,
		scope: v.Scope, after: versionSummary(v)})
}

// versionSummary is what the audit trail records of a version: who tabled it and its digest,
// not the whole text, which the version itself keeps.
func versionSummary(v *entente.AgreementVersion) map[string]any {
	languages := make([]string, len(v.Texts))
	articles := 0
	for i, t := range v.Texts {
		languages[i] = t.Language
		articles += len(t.Articles)
	}
	return map[string]any{"agreement_id": v.AgreementID, "number": v.Number, "party": v.Party, "round": v.Round,
		"scope": v.Scope, "digest": v.Digest, "languages": languages, "articles": articles}
}

// insertVersion writes a version, its texts and their articles.
func (tx *Tx) insertVersion(v *entente.AgreementVersion) error {
	var err error
	v.ID, err = tx.insert("agreement_versions", []colval{{"agreement_id", v.AgreementID}, {"number", v.Number},
		{"party", v.Party}, {"round", v.Round}, {"scope", v.Scope}, {"note", v.Note}, {"digest", v.Digest},
		{"created_by", idArg(v.CreatedBy)}, {"created_by_name", v.CreatedByName}, {"created_at", formatTime(v.CreatedAt)}})
	if err != nil {
		return err
	}
	for i, t := range v.Texts {
		textID, err := tx.insert("agreement_texts", []colval{{"version_id", v.ID}, {"position", i}, {"language", t.Language},
			{"title", t.Title}, {"preamble", t.Preamble}})
		if err != nil {
			return err
		}
		for j, art := range t.Articles {
			if _, err := tx.insert("agreement_articles", []colval{{"text_id", textID}, {"position", j}, {"number", art.Number},
				{"heading", art.Heading}, {"body", art.Body}}); err != nil {
				return err
			}
		}
	}
	return nil
}

// AgreeText records the version whose text the parties agreed; editors of the roadmap may.
func (s *AgreementTextService) AgreeText(ctx context.Context, agreementID int64, at entente.AgreedText) (*entente.Agreement, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Agreement, error) {
		a, r, err := tx.agreementForChange(agreementID)
		if err != nil {
			return nil, err
		}
		if !entente.CanEditRoadmap(tx.caller, r.ID) {
			return nil, entente.Denied(tx.caller, "record the agreed text")
		}
		if err := checkVersion("agreement", a.Version, at.Version); err != nil {
			return nil, err
		}
		v, err := tx.version(a.ID, at.TextVersion, false)
		if err != nil {
			return nil, firstErr(err, fieldError("text_version", fmt.Sprintf("no version %d", at.TextVersion)))
		}
		latest, err := tx.latestVersion(a.ID, entente.ScopeShared)
		if err != nil {
			return nil, err
		}
		latestNumber := 0
		if latest != nil {
			latestNumber = latest.Number
		}
		before := *a
		if err := a.AgreeText(v, latestNumber); err != nil {
			return nil, err
		}
		return a, tx.saveAgreementState(&before, a, "agree_text")
	})
}
