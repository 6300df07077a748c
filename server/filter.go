package server

import (
	"net/http"

	"github.com/entente/entente"
)

// The list filters of the API: each reads the query parameters its list takes. Every list
// also takes limit, cursor, sort and order.

func partyFilter(q *query) entente.PartyFilter { return entente.PartyFilter{Q: q.str("q")} }

func roadmapFilter(q *query) entente.RoadmapFilter {
	return entente.RoadmapFilter{Party: q.party("party"), Status: q.oneOf("status", entente.RoadmapStatuses), Q: q.str("q")}
}

func trackFilter(q *query) entente.TrackFilter {
	return entente.TrackFilter{RoadmapID: q.id("roadmap"), Sector: q.oneOf("sector", entente.Sectors), Q: q.str("q")}
}

func bodyFilter(q *query) entente.BodyFilter {
	party := q.str("party")
	if party != "joint" {
		party = q.party("party")
	}
	return entente.BodyFilter{Party: party, Kind: q.oneOf("kind", entente.BodyKinds), Q: q.str("q")}
}

func personFilter(q *query) entente.PersonFilter {
	return entente.PersonFilter{Party: q.party("party"), BodyID: q.id("body"), Q: q.str("q")}
}

func (s *Server) actionFilter(q *query) entente.ActionFilter {
	f := entente.ActionFilter{RoadmapID: q.id("roadmap"), TrackID: q.id("track"), Party: q.party("party"),
		BodyID: q.id("body"), Status: q.oneOf("status", entente.ActionStatuses), DueBefore: q.date("due_before"),
		DueAfter: q.date("due_after"), Q: q.str("q")}
	if q.flag("overdue") {
		f.OverdueOn = s.today()
	}
	return f
}

func meetingFilter(q *query) entente.MeetingFilter {
	return entente.MeetingFilter{RoadmapID: q.id("roadmap"), Kind: q.oneOf("kind", entente.MeetingKinds),
		Status: q.oneOf("status", entente.MeetingStatuses), Party: q.party("party"),
		From: q.date("from"), To: q.date("to"), Q: q.str("q")}
}

func agreementFilter(q *query) entente.AgreementFilter {
	return entente.AgreementFilter{RoadmapID: q.id("roadmap"), TrackID: q.id("track"),
		Kind: q.oneOf("kind", entente.AgreementKinds), Status: q.oneOf("status", entente.AgreementStatuses), Q: q.str("q")}
}

func commitmentFilter(q *query) entente.CommitmentFilter {
	responsible := q.str("responsible")
	if responsible != entente.ResponsibleBoth && responsible != entente.ResponsibleAll {
		responsible = q.party("responsible")
	}
	return entente.CommitmentFilter{RoadmapID: q.id("roadmap"), Responsible: responsible,
		Sector: q.oneOf("sector", entente.Sectors), Status: q.oneOf("status", entente.CommitmentStatuses),
		DueBefore: q.date("due_before"), DueAfter: q.date("due_after"), Q: q.str("q")}
}

func interestFilter(q *query) entente.InterestFilter {
	return entente.InterestFilter{RoadmapID: q.id("roadmap"), Kind: q.oneOf("kind", []string{entente.InterestOffer, entente.InterestRequest}),
		Party: q.party("party"), Sector: q.oneOf("sector", entente.Sectors), Status: q.oneOf("status", entente.InterestStatuses), Q: q.str("q")}
}

func sourceFilter(q *query) entente.SourceFilter {
	return entente.SourceFilter{RoadmapID: q.id("roadmap"), Q: q.str("q")}
}

func noteFilter(q *query) entente.NoteFilter {
	return entente.NoteFilter{RoadmapID: q.id("roadmap"), EntityType: q.oneOf("entity_type", entente.NoteEntities),
		EntityID: q.id("entity_id"), Q: q.str("q")}
}

func auditFilter(q *query) entente.AuditFilter {
	return entente.AuditFilter{RoadmapID: q.id("roadmap"), EntityType: q.str("entity_type"), EntityID: q.str("entity_id"),
		UserID: q.id("user"), Action: q.str("action")}
}

func positionFilter(q *query) entente.PositionFilter {
	return entente.PositionFilter{RoadmapID: q.id("roadmap"), EntityType: q.oneOf("entity_type", []string{"agreement", "action"}),
		EntityID: q.id("entity_id")}
}

// The ids of listed items, for the cursor of the next page.
func roadmapID(v *entente.Roadmap) int64       { return v.ID }
func trackID(v *entente.Track) int64           { return v.ID }
func bodyID(v *entente.Body) int64             { return v.ID }
func personID(v *entente.Person) int64         { return v.ID }
func actionID(v *entente.Action) int64         { return v.ID }
func meetingID(v *entente.Meeting) int64       { return v.ID }
func agreementID(v *entente.Agreement) int64   { return v.ID }
func commitmentID(v *entente.Commitment) int64 { return v.ID }
func interestID(v *entente.Interest) int64     { return v.ID }
func sourceID(v *entente.Source) int64         { return v.ID }
func noteID(v *entente.Note) int64             { return v.ID }
func auditID(v *entente.AuditEntry) int64      { return v.ID }
func positionID(v *entente.Position) int64     { return v.ID }

// The parts of a meeting take the meeting from the path.
func participantOfMeeting(r *http.Request, p *entente.Participant) (err error) {
	p.MeetingID, err = pathID(r)
	return err
}

func agendaItemOfMeeting(r *http.Request, a *entente.AgendaItem) (err error) {
	a.MeetingID, err = pathID(r)
	return err
}

func decisionOfMeeting(r *http.Request, d *entente.Decision) (err error) {
	d.MeetingID, err = pathID(r)
	return err
}
