package demo

import (
	"time"

	"github.com/entente/entente"
)

// meetingRow is one meeting of the chain, as the sides described it.
type meetingRow struct {
	key, kind, title, description string
	when                          entente.When
	location, host, follows, zone string
	invitation                    string
	start                         string // local time of day, when known
}

var meetingRows = []meetingRow{
	{key: "leaders", kind: "leaders_talks", title: "Leaders' talks in Islamabad",
		description: "The Prime Minister of Pakistan and the President of Belarus agree to draw up a comprehensive roadmap for cooperation.",
		when:        entente.MustWhen("2024-11-26", "", false), location: "Islamabad", host: "PAK", zone: "Asia/Karachi", start: "11:00"},
	{key: "delegations", kind: "delegation_talks", title: "Delegation-level talks",
		description: "The delegations review the whole range of bilateral relations and regional and global issues.",
		when:        entente.MustWhen("2024-11-26", "", false), location: "Islamabad", host: "PAK", zone: "Asia/Karachi", follows: "leaders"},
	{key: "afternoon", kind: "delegation_talks", title: "Afternoon session on the roadmap",
		description: "The sides reconvene the same afternoon to take the discussion of the roadmap forward.",
		when:        entente.MustWhen("2024-11-26TAF", "", false), location: "Islamabad", host: "PAK", zone: "Asia/Karachi", follows: "delegations"},
	{key: "minsk", kind: "delegation_talks", title: "Follow-up round in Minsk",
		description: "Two weeks after the talks: finalise the discussions and turn them into actionable steps.",
		when:        entente.MustWhen("2024-12-10", "", true), location: "Minsk", host: "BLR", zone: "Europe/Minsk", follows: "afternoon"},
	{key: "signing", kind: "signing_ceremony", title: "Signing of agreements",
		description: "The agreements prepared under the roadmap are signed.",
		when:        entente.MustWhen("2025-02", "", false), host: "PAK", zone: "Asia/Karachi", follows: "minsk"},
	{key: "visit", kind: "visit", title: "Visit of the Prime Minister of Pakistan to Belarus",
		description: "The Prime Minister accepted the President's invitation to visit Belarus; the date is open.",
		location:    "Minsk", host: "BLR", zone: "Europe/Minsk", invitation: entente.InvitationAccepted},
}

func (l *loader) meetings() error {
	for _, row := range meetingRows {
		m := &entente.Meeting{RoadmapID: l.roadmap.ID, Kind: row.kind, Title: row.title, Description: row.description,
			When: row.when, Location: row.location, HostParty: row.host, TimeZone: row.zone, Invitation: row.invitation,
			Status: entente.MeetingPlanned}
		if row.follows != "" {
			m.FollowsUpID = l.meeting[row.follows].ID
		}
		if row.start != "" {
			m.StartsAt, m.EndsAt = localTimes(row.when.Earliest, row.start, row.zone, 2*time.Hour)
		}
		if l.held(row.when) {
			m.Status = entente.MeetingHeld
		}
		if err := l.s.Meetings.CreateMeeting(l.ctx, m); err != nil {
			return err
		}
		l.meeting[row.key] = m
	}
	return l.leadersParticipants()
}

// localTimes returns the instants of a local time of day on a day in a zone, and an end.
func localTimes(d entente.Date, hhmm, zone string, length time.Duration) (*time.Time, *time.Time) {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, nil
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", d.String()+" "+hhmm, loc)
	if err != nil {
		return nil, nil
	}
	start, end := t.UTC(), t.Add(length).UTC()
	return &start, &end
}

func (l *loader) leadersParticipants() error {
	m := l.meeting["leaders"]
	for _, key := range []string{"pm", "president", "pak-fm", "blr-fm"} {
		p := l.people[key]
		if err := l.s.Meetings.AddParticipant(l.ctx, &entente.Participant{MeetingID: m.ID, PersonID: p.ID, Party: p.Party, Role: p.Role}); err != nil {
			return err
		}
	}
	for i, title := range []string{"A comprehensive roadmap for cooperation", "Agriculture, mining and minerals, IT and heavy machinery",
		"Technology transfer and textile imports", "Next meetings and the signing of agreements"} {
		if err := l.s.Meetings.CreateAgendaItem(l.ctx, &entente.AgendaItem{MeetingID: m.ID, Position: i + 1, Title: title}); err != nil {
			return err
		}
	}
	m.Minutes = "The leaders agreed to draw up a comprehensive roadmap for cooperation.\n\n" +
		"- Agriculture, mining and minerals, information technology and heavy machinery manufacturing are the first sectors.\n" +
		"- The sides reconvene this afternoon and meet again in two weeks to turn the talks into actionable steps.\n" +
		"- Agreements are to be signed in February next year."
	if l.held(m.When) {
		if _, err := l.s.Meetings.UpdateMeeting(l.ctx, m.ID, entente.MeetingUpdate{Version: m.Version, Minutes: &m.Minutes}); err != nil {
			return err
		}
	}
	for _, text := range []string{"Draw up a comprehensive roadmap for cooperation in the four priority sectors.",
		"Hold a follow-up round in two weeks to agree actionable steps."} {
		if err := l.s.Meetings.CreateDecision(l.ctx, &entente.Decision{MeetingID: m.ID, Text: text}); err != nil {
			return err
		}
	}
	return nil
}
