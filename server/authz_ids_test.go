package server_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
)

// routeIDs finds, in the demo, an item of every kind a route names by id.
func (e *env) routeIDs(t *testing.T) routeIDs {
	t.Helper()
	sys := entente.WithCaller(context.Background(), entente.SystemCaller)
	rm := e.demo.Roadmap.ID
	ids := routeIDs{byName: map[string]int64{"roadmaps": rm}, parts: map[string]int64{}}
	actions, _, err := e.svc.Actions.FindActions(sys, entente.ActionFilter{RoadmapID: rm, Q: "Cabinet approval"})
	must(t, err)
	ids.byName["actions"] = actions[0].ID
	a, err := e.svc.Actions.FindActionByID(sys, actions[0].ID)
	must(t, err)
	ids.byName["dependencies"] = a.Predecessors[0].ID
	meetings, _, err := e.svc.Meetings.FindMeetings(sys, entente.MeetingFilter{RoadmapID: rm})
	must(t, err)
	leaders, err := e.svc.Meetings.FindMeetingByID(sys, meetings[0].ID)
	must(t, err)
	ids.byName["meetings"] = leaders.ID
	ids.byName["participants"], ids.parts["participants"] = leaders.Participants[0].ID, leaders.Participants[0].ID
	ids.byName["agenda-items"], ids.parts["agenda"] = leaders.Agenda[0].ID, leaders.Agenda[0].ID
	ids.byName["decisions"], ids.parts["decisions"] = leaders.Decisions[0].ID, leaders.Decisions[0].ID
	tracks, _, err := e.svc.Tracks.FindTracks(sys, entente.TrackFilter{RoadmapID: rm})
	must(t, err)
	agreements, _, err := e.svc.Agreements.FindAgreements(sys, entente.AgreementFilter{RoadmapID: rm})
	must(t, err)
	commitments, _, err := e.svc.Commitments.FindCommitments(sys, entente.CommitmentFilter{RoadmapID: rm})
	must(t, err)
	interests, _, err := e.svc.Interests.FindInterests(sys, entente.InterestFilter{RoadmapID: rm})
	must(t, err)
	bodies, _, err := e.svc.Bodies.FindBodies(sys, entente.BodyFilter{Party: "PAK"})
	must(t, err)
	people, _, err := e.svc.People.FindPeople(sys, entente.PersonFilter{Party: "PAK"})
	must(t, err)
	ids.byName["tracks"], ids.byName["agreements"], ids.byName["commitments"] = tracks[0].ID, agreements[0].ID, commitments[0].ID
	ids.byName["interests"], ids.byName["bodies"], ids.byName["people"] = interests[0].ID, bodies[0].ID, people[0].ID
	notes, _, err := e.svc.Notes.FindNotes(sys, entente.NoteFilter{RoadmapID: rm, Scope: "PAK"})
	must(t, err)
	ids.byName["notes"] = notes[0].ID
	users, _, err := e.svc.Users.FindUsers(sys, entente.UserFilter{Party: "BLR"})
	must(t, err)
	ids.byName["users"] = users[0].ID
	tokens, err := e.svc.Users.FindAPITokens(entente.WithCaller(context.Background(), users[0].Caller()))
	must(t, err)
	ids.byName["tokens"] = tokens[0].ID
	e.moreRouteIDs(t, sys, &ids)
	return ids
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// missingID names no item: routes about kinds of item the demo has none of yet are still
// called, and must answer "not found" without changing anything.
const missingID = 987654

// moreRouteIDs fills the ids of the items other parts of entente keep.
func (e *env) moreRouteIDs(t *testing.T, sys context.Context, ids *routeIDs) {
	t.Helper()
	for _, name := range []string{"agreement-comments", "signatory-keys", "procedures", "overrides"} {
		ids.byName[name] = missingID
	}
	if e.svc.Feeds != nil {
		// A Belarusian user's feed link; "/feeds/{secret}" is called with its id, which opens
		// no feed.
		users, _, err := e.svc.Users.FindUsers(sys, entente.UserFilter{Party: "BLR"})
		must(t, err)
		_, link, err := e.svc.Feeds.CreateFeedLink(entente.WithCaller(context.Background(), users[0].Caller()), "authorization test")
		must(t, err)
		ids.byName["feeds"] = link.ID
	}
	if e.svc.Calendars != nil {
		overrides, err := e.svc.Calendars.FindCalendarOverrides(sys, "PAK")
		must(t, err)
		if len(overrides) > 0 {
			ids.byName["overrides"] = overrides[0].ID
		}
	}
}
