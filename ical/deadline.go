package ical

import (
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/entente/entente"
)

// deadline is what a deadline event shows.
type deadline struct {
	kind                     string // action, agreement or commitment
	uid, summary, text, link string
	due                      entente.When
	created, updated         time.Time
	version                  int
}

// deadlines are the all-day events of the feed's open actions, pending commitments and
// agreements not yet signed, each on the last day of its due date ("February 2025" is due on
// 28 February), in the order actions, agreements, commitments.
func (wr Writer) deadlines(f *Feed) []*ics.VEvent {
	var ds []deadline
	for _, a := range f.Actions {
		if a.IsOpen() {
			ds = append(ds, deadline{kind: "action", uid: wr.uid("action", a.ID), summary: wr.Words.T("feeds.action_due", "Title", a.Title),
				text: a.Description, link: wr.link("actions", a.ID), due: a.Due, created: a.CreatedAt, updated: a.UpdatedAt, version: a.Version})
		}
	}
	for _, a := range f.Agreements {
		if awaitsSignature(a) {
			ds = append(ds, deadline{kind: "agreement", uid: wr.uid("agreement", a.ID), summary: wr.Words.T("feeds.agreement_target", "Title", a.Title),
				text: a.Description, link: wr.link("agreements", a.ID), due: a.Target, created: a.CreatedAt, updated: a.UpdatedAt, version: a.Version})
		}
	}
	for _, c := range f.Commitments {
		if c.Status == entente.CommitmentPending || c.Status == entente.CommitmentPartlyMet {
			ds = append(ds, deadline{kind: "commitment", uid: wr.uid("commitment", c.ID), summary: wr.Words.T("feeds.commitment_due", "Title", shorten(c.Statement, 120)),
				text: c.Statement, link: wr.link("commitments", c.ID), due: c.Due, created: c.CreatedAt, updated: c.UpdatedAt, version: c.Version})
		}
	}
	var out []*ics.VEvent
	for _, d := range ds {
		if e := wr.deadlineEvent(d); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// deadlineEvent is the all-day event of a deadline, or nil when it has no last day.
func (wr Writer) deadlineEvent(d deadline) *ics.VEvent {
	last := d.due.Deadline()
	if d.due.IsVague() || last.IsZero() {
		return nil
	}
	e := ics.NewEvent(d.uid)
	stamp(e, d.created, d.updated, max(d.version-1, 0), d.link)
	e.SetSummary(plain(d.summary))
	allDay(e, last, last)
	status := ics.ObjectStatusConfirmed
	if d.due.Approximate {
		status = ics.ObjectStatusTentative
	}
	e.SetStatus(status)
	e.SetDescription(describe(d.text, wr.Words.T("feeds.due_said", "When", wr.Words.When(d.due)), d.link))
	e.SetProperty(ics.ComponentProperty(propDeadline), d.kind)
	return e
}

// awaitsSignature reports whether an agreement is still on its way to signature.
func awaitsSignature(a *entente.Agreement) bool {
	switch a.Status {
	case entente.AgreementProposed, entente.AgreementDrafting, entente.AgreementNegotiating,
		entente.AgreementTextAgreed, entente.AgreementInitialled:
		return a.SignedOn.IsZero()
	}
	return false
}

// shorten cuts a text to at most n characters at a word boundary, with an ellipsis.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
