package reading

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/country"
	"github.com/entente/entente/ingest"
)

// Extraction turns the reader's draft of text into the draft a source keeps: the same items
// with ids (e1…, c1…, i1…, p1…), each event with the party hosting it (the country its place
// is in) and, for a visit, whether the invitation was extended or accepted.
func Extraction(d *ingest.Draft, text string) *entente.Extraction {
	x := &entente.Extraction{Parties: d.Parties, Sectors: d.Sectors, Notes: d.Notes}
	for _, p := range d.People {
		x.People = append(x.People, entente.ExtractedPerson{Name: p.Name, Role: p.Role, Party: p.Party, Evidence: span(p.Evidence)})
	}
	for _, e := range d.Events {
		x.Events = append(x.Events, event(e, text))
	}
	for _, c := range d.Commitments {
		x.Commitments = append(x.Commitments, entente.ExtractedCommitment{Statement: c.Statement, Sectors: c.Sector,
			Responsible: c.Responsible, Due: string(c.Due), DueMod: c.DueMod, DuePhrase: c.DuePhrase, Evidence: span(c.Evidence)})
	}
	for _, i := range d.Interests {
		x.Interests = append(x.Interests, entente.ExtractedInterest{Kind: i.Kind, From: i.From, To: i.To, Statement: i.Statement,
			Sectors: i.Sectors, Products: i.Products, Evidence: span(i.Evidence)})
	}
	// The ids and empty lists come from the domain's own normalisation, as for a stored draft.
	b, _ := json.Marshal(x)
	out, err := entente.ParseExtraction(b, text)
	if err != nil {
		return x
	}
	return out
}

func span(s ingest.Span) entente.Span { return entente.Span{Start: s.Start, End: s.End} }

func event(e ingest.Event, text string) entente.ExtractedEvent {
	out := entente.ExtractedEvent{ID: e.ID, Kind: e.Kind, MeetingKind: e.MeetingKind, Description: e.Description,
		TimePhrase: string(e.TimePhrase), Value: string(e.Value), Granularity: string(e.Granularity),
		Approximate: e.Approximate, Mod: e.Mod, EndValue: e.EndValue, Location: string(e.Location), Status: e.Status,
		Evidence: span(e.Evidence)}
	out.HostParty = hostOf(out.Location)
	if e.Kind == ingest.KindVisit {
		out.Invitation = invitationIn(entente.Quote(text, out.Evidence))
	}
	return out
}

// hostOf returns the country a place is in ("Minsk", "Islamabad", "the Prime Minister's House,
// Islamabad"), or "".
func hostOf(place string) string {
	place = strings.TrimSpace(place)
	if place == "" {
		return ""
	}
	if code := country.Alpha3Of(place); code != "" {
		return code
	}
	parts := strings.Split(place, ",")
	return country.Alpha3Of(strings.TrimSpace(parts[len(parts)-1]))
}

var (
	reInvitationAccepted = regexp.MustCompile(`(?i)\baccept(ed|s|ing)?\b[^.;]{0,40}\binvitation\b|\binvitation\b[^.;]{0,40}\baccepted\b`)
	reInvitation         = regexp.MustCompile(`(?i)\binvit(ed|ation|es)\b`)
)

// invitationIn says whether the sentence of a visit accepts an invitation, extends one, or
// speaks of none.
func invitationIn(sentence string) string {
	switch {
	case reInvitationAccepted.MatchString(sentence):
		return entente.InvitationAccepted
	case reInvitation.MatchString(sentence):
		return entente.InvitationExtended
	}
	return ""
}
