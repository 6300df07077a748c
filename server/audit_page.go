package server

import (
	"net/http"
	"time"

	"github.com/entente/entente"
)

// AuditPage is the audit trail with filters, for administrators of the installation.
type AuditPage struct {
	Page
	Filter   *Form
	Rows     []HistoryRow
	Entries  []*entente.AuditEntry
	Total    int
	NextPage string
	Check    *entente.AuditCheck
}

func (s *Server) handleAuditPage(w http.ResponseWriter, r *http.Request) {
	c := entente.CallerFrom(r.Context())
	if !entente.CanAdminister(c) {
		s.pageError(w, r, entente.Denied(c, "read the whole audit trail"))
		return
	}
	p := AuditPage{Page: s.page(r, "audit.title"), Filter: newForm(s.locale(r), r.URL.Query())}
	p.Section = "audit"
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	f := auditFilter(q)
	from, to := q.date("from"), q.date("to")
	f.Page = q.page()
	f.Page.Limit = 100
	if !from.IsZero() {
		f.From = from.Time(time.UTC)
	}
	if !to.IsZero() {
		f.To = to.AddDays(1).Time(time.UTC)
	}
	if err := q.probs.Err("filter"); err != nil {
		p.Filter.fail(err)
		f = entente.AuditFilter{Page: entente.Page{Limit: 100}}
	}
	entries, total, err := s.svc.Audit.FindAuditEntries(r.Context(), f)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Entries, p.Total = entries, total
	for _, e := range entries {
		p.Rows = append(p.Rows, HistoryRow{At: e.At, Who: e.UserName, Party: e.Party, Action: e.Action, Changes: changes(e.Before, e.After)})
	}
	if len(entries) == f.Page.Size() {
		p.NextPage = withParam(r.URL, "cursor", entente.EncodeCursor(entries[len(entries)-1].ID))
	}
	if r.URL.Query().Get("verify") == "1" {
		if p.Check, err = s.svc.Audit.VerifyAuditChain(r.Context()); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	s.render(w, r, "audit", http.StatusOK, p)
}
