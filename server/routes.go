package server

import "net/http"

// route is one pattern of the server and its handler.
type route struct {
	pattern string
	handler http.Handler
}

// routes lists every route of the server, one line each.
func (s *Server) routes() []route {
	v := s.svc
	return []route{
		{"GET /healthz", http.HandlerFunc(s.handleHealth)},
		{"GET /static/", s.assets},
		{"POST /lang", http.HandlerFunc(s.handleLanguage)},
		{"GET /{$}", http.HandlerFunc(s.handleHome)},
		{"/", http.HandlerFunc(s.handleNotFound)},
		{"GET /roadmaps/{id}", http.HandlerFunc(s.handleRoadmapView)},
		{"GET /roadmaps/{id}/actions", http.HandlerFunc(s.handleActionList)},
		{"GET /roadmaps/{id}/actions/new", http.HandlerFunc(s.handleActionNew)},
		{"POST /roadmaps/{id}/actions", http.HandlerFunc(s.handleActionCreate)},
		{"GET /actions/{id}", http.HandlerFunc(s.handleActionView)},
		{"GET /actions/{id}/edit", http.HandlerFunc(s.handleActionEdit)},
		{"POST /actions/{id}", http.HandlerFunc(s.handleActionUpdate)},
		{"POST /actions/{id}/status", http.HandlerFunc(s.handleActionStatus)},
		{"POST /actions/{id}/delete", http.HandlerFunc(s.handleActionDelete)},
		{"POST /actions/{id}/dependencies", http.HandlerFunc(s.handleDependencyCreate)},
		{"POST /dependencies/{id}/delete", http.HandlerFunc(s.handleDependencyDelete)},
		{"POST /notes", http.HandlerFunc(s.handleNoteCreate)},
		{"POST /notes/{id}/delete", http.HandlerFunc(s.handleNoteDelete)},
		{"GET /api/openapi.yaml", http.HandlerFunc(s.handleOpenAPI)},

		{"GET /api/v1/parties", s.api(list(partyFilter, v.Parties.FindParties, nil))},
		{"POST /api/v1/parties", s.api(s.handlePartyCreate)},
		{"GET /api/v1/parties/{code}", s.api(s.handlePartyView)},
		{"PATCH /api/v1/parties/{code}", s.api(s.handlePartyUpdate)},
		{"DELETE /api/v1/parties/{code}", s.api(s.handlePartyDelete)},

		{"GET /api/v1/roadmaps", s.api(list(roadmapFilter, v.Roadmaps.FindRoadmaps, roadmapID))},
		{"POST /api/v1/roadmaps", s.api(create("roadmaps", v.Roadmaps.CreateRoadmap, nil))},
		{"GET /api/v1/roadmaps/{id}", s.api(getByID(v.Roadmaps.FindRoadmapByID))},
		{"PATCH /api/v1/roadmaps/{id}", s.api(update(v.Roadmaps.UpdateRoadmap))},
		{"DELETE /api/v1/roadmaps/{id}", s.api(deleteByID(v.Roadmaps.DeleteRoadmap))},
		{"GET /api/v1/roadmaps/{id}/dependencies", s.api(s.handleDependencyList)},

		{"GET /api/v1/tracks", s.api(list(trackFilter, v.Tracks.FindTracks, trackID))},
		{"POST /api/v1/tracks", s.api(create("tracks", v.Tracks.CreateTrack, nil))},
		{"GET /api/v1/tracks/{id}", s.api(getByID(v.Tracks.FindTrackByID))},
		{"PATCH /api/v1/tracks/{id}", s.api(update(v.Tracks.UpdateTrack))},
		{"DELETE /api/v1/tracks/{id}", s.api(deleteByID(v.Tracks.DeleteTrack))},

		{"GET /api/v1/bodies", s.api(list(bodyFilter, v.Bodies.FindBodies, bodyID))},
		{"POST /api/v1/bodies", s.api(create("bodies", v.Bodies.CreateBody, nil))},
		{"GET /api/v1/bodies/{id}", s.api(getByID(v.Bodies.FindBodyByID))},
		{"PATCH /api/v1/bodies/{id}", s.api(update(v.Bodies.UpdateBody))},
		{"DELETE /api/v1/bodies/{id}", s.api(deleteByID(v.Bodies.DeleteBody))},

		{"GET /api/v1/people", s.api(list(personFilter, v.People.FindPeople, personID))},
		{"POST /api/v1/people", s.api(create("people", v.People.CreatePerson, nil))},
		{"GET /api/v1/people/{id}", s.api(getByID(v.People.FindPersonByID))},
		{"PATCH /api/v1/people/{id}", s.api(update(v.People.UpdatePerson))},
		{"DELETE /api/v1/people/{id}", s.api(deleteByID(v.People.DeletePerson))},

		{"GET /api/v1/actions", s.api(list(s.actionFilter, v.Actions.FindActions, actionID))},
		{"POST /api/v1/actions", s.api(create("actions", v.Actions.CreateAction, nil))},
		{"GET /api/v1/actions/{id}", s.api(getByID(v.Actions.FindActionByID))},
		{"PATCH /api/v1/actions/{id}", s.api(update(v.Actions.UpdateAction))},
		{"DELETE /api/v1/actions/{id}", s.api(deleteByID(v.Actions.DeleteAction))},
		{"POST /api/v1/dependencies", s.api(create("dependencies", v.Actions.CreateDependency, nil))},
		{"DELETE /api/v1/dependencies/{id}", s.api(deleteByID(v.Actions.DeleteDependency))},

		{"GET /api/v1/meetings", s.api(list(meetingFilter, v.Meetings.FindMeetings, meetingID))},
		{"POST /api/v1/meetings", s.api(create("meetings", v.Meetings.CreateMeeting, nil))},
		{"GET /api/v1/meetings/{id}", s.api(getByID(v.Meetings.FindMeetingByID))},
		{"PATCH /api/v1/meetings/{id}", s.api(update(v.Meetings.UpdateMeeting))},
		{"DELETE /api/v1/meetings/{id}", s.api(deleteByID(v.Meetings.DeleteMeeting))},
		{"POST /api/v1/meetings/{id}/participants", s.api(create("participants", v.Meetings.AddParticipant, participantOfMeeting))},
		{"DELETE /api/v1/participants/{id}", s.api(deleteByID(v.Meetings.RemoveParticipant))},
		{"POST /api/v1/meetings/{id}/agenda-items", s.api(create("agenda-items", v.Meetings.CreateAgendaItem, agendaItemOfMeeting))},
		{"PATCH /api/v1/agenda-items/{id}", s.api(update(v.Meetings.UpdateAgendaItem))},
		{"DELETE /api/v1/agenda-items/{id}", s.api(deleteByID(v.Meetings.DeleteAgendaItem))},
		{"POST /api/v1/meetings/{id}/decisions", s.api(create("decisions", v.Meetings.CreateDecision, decisionOfMeeting))},
		{"PATCH /api/v1/decisions/{id}", s.api(update(v.Meetings.UpdateDecision))},
		{"DELETE /api/v1/decisions/{id}", s.api(deleteByID(v.Meetings.DeleteDecision))},
		{"POST /api/v1/decisions/{id}/action", s.api(s.handleDecisionAction)},

		{"GET /api/v1/agreements", s.api(list(agreementFilter, v.Agreements.FindAgreements, agreementID))},
		{"POST /api/v1/agreements", s.api(create("agreements", v.Agreements.CreateAgreement, nil))},
		{"GET /api/v1/agreements/{id}", s.api(getByID(v.Agreements.FindAgreementByID))},
		{"PATCH /api/v1/agreements/{id}", s.api(update(v.Agreements.UpdateAgreement))},
		{"DELETE /api/v1/agreements/{id}", s.api(deleteByID(v.Agreements.DeleteAgreement))},

		{"GET /api/v1/commitments", s.api(list(commitmentFilter, v.Commitments.FindCommitments, commitmentID))},
		{"POST /api/v1/commitments", s.api(create("commitments", v.Commitments.CreateCommitment, nil))},
		{"GET /api/v1/commitments/{id}", s.api(getByID(v.Commitments.FindCommitmentByID))},
		{"PATCH /api/v1/commitments/{id}", s.api(update(v.Commitments.UpdateCommitment))},
		{"DELETE /api/v1/commitments/{id}", s.api(deleteByID(v.Commitments.DeleteCommitment))},

		{"GET /api/v1/interests", s.api(list(interestFilter, v.Interests.FindInterests, interestID))},
		{"POST /api/v1/interests", s.api(create("interests", v.Interests.CreateInterest, nil))},
		{"GET /api/v1/interests/{id}", s.api(getByID(v.Interests.FindInterestByID))},
		{"PATCH /api/v1/interests/{id}", s.api(update(v.Interests.UpdateInterest))},
		{"DELETE /api/v1/interests/{id}", s.api(deleteByID(v.Interests.DeleteInterest))},

		{"GET /api/v1/sources", s.api(list(sourceFilter, v.Sources.FindSources, sourceID))},
		{"POST /api/v1/sources", s.api(create("sources", v.Sources.CreateSource, nil))},
		{"GET /api/v1/sources/{id}", s.api(getByID(v.Sources.FindSourceByID))},
		{"PATCH /api/v1/sources/{id}", s.api(update(v.Sources.UpdateSource))},
		{"DELETE /api/v1/sources/{id}", s.api(deleteByID(v.Sources.DeleteSource))},

		{"GET /api/v1/notes", s.api(list(noteFilter, v.Notes.FindNotes, noteID))},
		{"POST /api/v1/notes", s.api(create("notes", v.Notes.CreateNote, nil))},
		{"GET /api/v1/notes/{id}", s.api(getByID(v.Notes.FindNoteByID))},
		{"PATCH /api/v1/notes/{id}", s.api(update(v.Notes.UpdateNote))},
		{"DELETE /api/v1/notes/{id}", s.api(deleteByID(v.Notes.DeleteNote))},

		{"GET /api/v1/audit", s.api(list(auditFilter, v.Audit.FindAuditEntries, auditID))},
	}
}
