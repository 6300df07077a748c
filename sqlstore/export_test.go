package sqlstore_test

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// fillForExport puts one of everything into the fixture, including a self-reference that
// points forward (an earlier meeting follows up a later one) and text in three scripts.
func fillForExport(t *testing.T, f *fixture) {
	ctx := system()
	s := f.services
	a, b := f.action(t, "Draft the MoU — проект — مسودہ", "2025-02"), f.action(t, "Sign", "2025-02-28")
	must(t, s.actions.CreateDependency(ctx, &entente.Dependency{PredecessorID: a.ID, SuccessorID: b.ID, LagDays: 2}))
	start := time.Date(2024, 12, 10, 7, 0, 0, 0, time.UTC)
	m1 := &entente.Meeting{RoadmapID: f.roadmap.ID, Kind: "delegation_talks", Title: "Round 2", When: entente.MustWhen("2024-12-10", "", true), StartsAt: &start, TimeZone: "Europe/Minsk"}
	m2 := &entente.Meeting{RoadmapID: f.roadmap.ID, Kind: "leaders_talks", Title: "Talks", When: entente.MustWhen("2024-11-26", "", false), Status: entente.MeetingHeld}
	must(t, s.meetings.CreateMeeting(ctx, m1))
	must(t, s.meetings.CreateMeeting(ctx, m2))
	followed := m2.ID
	_, err := s.meetings.UpdateMeeting(ctx, m1.ID, entente.MeetingUpdate{Version: 1, FollowsUpID: &followed})
	must(t, err)
	must(t, s.meetings.CreateAgendaItem(ctx, &entente.AgendaItem{MeetingID: m1.ID, Title: "Roadmap"}))
	d := &entente.Decision{MeetingID: m1.ID, Text: "Prepare the signing"}
	must(t, s.meetings.CreateDecision(ctx, d))
	must(t, s.meetings.CreateActionFromDecision(ctx, d.ID, &entente.Action{}))
	must(t, s.meetings.AddParticipant(ctx, &entente.Participant{MeetingID: m1.ID, Party: "BLR", Name: "Delegation of Belarus"}))
	must(t, s.agreements.CreateAgreement(ctx, &entente.Agreement{RoadmapID: f.roadmap.ID, Kind: "mou", Title: "MoU", TrackIDs: []int64{f.track.ID}, Target: entente.MustWhen("2025-02", "", false)}))
	must(t, s.commitments.CreateCommitment(ctx, &entente.Commitment{RoadmapID: f.roadmap.ID, Statement: "Sign agreements", Responsible: "both", Sectors: []string{"other"}}))
	must(t, s.interests.CreateInterest(ctx, &entente.Interest{RoadmapID: f.roadmap.ID, Kind: "request", FromParty: "BLR", ToParty: "PAK", Title: "Textiles", Products: []string{"63"}}))
	must(t, s.notes.CreateNote(ctx, &entente.Note{EntityType: "action", EntityID: a.ID, Scope: "PAK", Body: "Internal: Cabinet approval first"}))
	must(t, s.sources.CreateSource(ctx, &entente.Source{RoadmapID: f.roadmap.ID, Title: "Statement", PublishedOn: entente.Date{Year: 2024, Month: 11, Day: 26}, Text: "Pakistan and Belarus agreed."}))
	must(t, s.bodies.CreateBody(ctx, &entente.Body{Parties: []string{"PAK", "BLR"}, Name: "Joint Ministerial Commission", Kind: "commission"}))
}

func TestExportImportExportIsIdentical(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		fillForExport(t, f)
		var first bytes.Buffer
		must(t, db.Export(system(), &first))

		for _, target := range []struct {
			name string
			open func(testing.TB) *sqlstore.DB
		}{{"into sqlite", openSQLite}, {"into postgres", openPostgres}} {
			t.Run(target.name, func(t *testing.T) {
				db2 := target.open(t)
				must(t, db2.Import(system(), bytes.NewReader(first.Bytes())))
				var second bytes.Buffer
				must(t, db2.Export(system(), &second))
				if !bytes.Equal(first.Bytes(), second.Bytes()) {
					t.Fatalf("export after import differs:\n%s", firstDiff(first.String(), second.String()))
				}
				// Ids continue after the imported ones.
				a := &entente.Action{RoadmapID: f.roadmap.ID, Title: "New"}
				must(t, sqlstore.NewActionService(db2).CreateAction(system(), a))
				if a.ID <= 3 {
					t.Fatalf("new action got id %d, colliding with imported ones", a.ID)
				}
				// A second import is refused and changes nothing.
				wantCode(t, db2.Import(system(), bytes.NewReader(first.Bytes())), entente.ECONFLICT)
			})
		}
	})
}

func TestImportRefusesBadDocuments(t *testing.T) {
	db := openSQLite(t)
	for _, doc := range []string{
		``, `{`, `[]`, `{"format":"other"}`,
		`{"format":"entente-export","schema_version":999,"tables":[]}`,
		`{"format":"entente-export","schema_version":1,"tables":[{"table":"secrets","columns":["id"],"rows":[[1]]}]}`,
		`{"format":"entente-export","schema_version":1,"tables":[{"table":"parties","columns":["code","name"],"rows":[["PAK"]]}]}`,
		`{"format":"entente-export","schema_version":1,"tables":[{"table":"parties","columns":["code","name","languages","time_zone","search","version","created_at","updated_at"],"rows":[["PAK","P","[]","Asia/Karachi","",1,"2024-01-01T00:00:00.000000Z","2024-01-01T00:00:00.000000Z"]]},{"table":"roadmap_parties","columns":["roadmap_id","party","position"],"rows":[[7,"PAK",0]]}]}`,
	} {
		err := db.Import(system(), strings.NewReader(doc))
		if err == nil {
			t.Errorf("import of %.60q succeeded", doc)
		}
	}
	// Nothing was left behind by the refused imports.
	_, n, err := sqlstore.NewPartyService(db).FindParties(context.Background(), entente.PartyFilter{})
	must(t, err)
	if n != 0 {
		t.Fatalf("%d parties left by refused imports", n)
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}
