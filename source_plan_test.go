package entente

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// talksText is the statement the test drafts point into.
const talksText = "ISLAMABAD, 26 November 2024 – The leaders met today. " + // 0..54 (the dash is 3 bytes)
	"The sides will meet again in Minsk in two weeks. " + // 55..103
	"Agreements are to be signed in February next year. " + // 104..155
	"Belarus is ready to share its technologies with Pakistan."

// talksDraft is the draft of talksText: three events, two commitments, an offer, two sectors.
func talksDraft() *Extraction {
	x := &Extraction{
		Parties: []string{"PAK", "BLR"},
		Sectors: []string{"agriculture", "other", "heavy_machinery"},
		Events: []ExtractedEvent{
			{Kind: EventMeeting, MeetingKind: "leaders_talks", Description: "The leaders met today", Value: "2024-11-26",
				Location: "Islamabad", HostParty: "PAK", Status: EventHeld, Evidence: Span{0, 54}},
			{Kind: EventMeeting, Description: "The sides will meet again in Minsk in two weeks", Value: "2024-12-10",
				Approximate: true, Location: "Minsk", HostParty: "BLR", Status: EventPlanned, Evidence: Span{55, 103}},
			{Kind: EventSigning, Description: "Agreements are to be signed in February next year", Value: "2025-02",
				Status: EventPlanned, Evidence: Span{104, 155}},
			{Kind: EventDeadline, Description: "by the end of the year", Value: "2025", Mod: "END", Status: EventPlanned},
		},
		Commitments: []ExtractedCommitment{
			{Statement: "Meet again in Minsk in two weeks", Sectors: []string{"political_dialogue"}, Responsible: "both",
				Due: "2024-12-10", Evidence: Span{55, 103}},
			{Statement: "Share its technologies with Pakistan", Sectors: []string{"science_technology"}, Responsible: "BLR",
				Evidence: Span{155, 212}},
		},
		Interests: []ExtractedInterest{{Kind: "offer", From: "BLR", To: "PAK", Statement: "Belarus is ready to share its technologies with Pakistan",
			Sectors: []string{"science_technology"}, Products: []string{"84"}, Evidence: Span{155, 212}}},
	}
	x.normalize(talksText)
	return x
}

var talksSource = &Source{ID: 7, Text: talksText, PublishedOn: Date{2024, 11, 26}}

func bilateral() *Roadmap { return &Roadmap{ID: 1, Parties: []string{"PAK", "BLR"}} }

// outcomes summarises a plan as "type ref outcome [changes] → row" lines.
func outcomes(p *ApplyPlan) []string {
	var out []string
	for _, s := range p.Steps {
		line := s.EntityType + " " + s.Ref + " " + s.Outcome
		if len(s.Changes) > 0 {
			line += " " + strings.Join(s.Changes, ",")
		}
		if s.ExistingID != 0 {
			line += " #" + strconv.FormatInt(s.ExistingID, 10)
		}
		out = append(out, line)
	}
	return out
}

func meeting(id int64, kind, when string, approx bool, status, host string) *Meeting {
	m := &Meeting{ID: id, RoadmapID: 1, Kind: kind, Title: kind, Status: status, HostParty: host, Version: 3,
		Location: map[string]string{"PAK": "Islamabad", "BLR": "Minsk"}[host]}
	if when != "" {
		m.When = MustWhen(when, "", approx)
	}
	return m
}

// createdLinks are the links applying talksDraft to an empty roadmap records, with row ids
// 101, 102, … in plan order.
func createdLinks(t *testing.T) []SourceLink {
	p, err := PlanApplication(talksSource, talksDraft(), SourceApplication{AcceptAll: true}, Holdings{Roadmap: bilateral()})
	if err != nil {
		t.Fatal(err)
	}
	var links []SourceLink
	for i, s := range p.Steps {
		links = append(links, SourceLink{SourceID: talksSource.ID, Ref: s.Ref, EntityType: s.EntityType, EntityID: int64(101 + i), Quote: s.Quote})
	}
	return links
}

func TestPlanApplication(t *testing.T) {
	all := SourceApplication{AcceptAll: true}
	for _, tc := range []struct {
		name string
		app  SourceApplication
		have func(t *testing.T) Holdings
		want []string
	}{
		{"an empty roadmap gets every item", all, func(*testing.T) Holdings { return Holdings{Roadmap: bilateral()} }, []string{
			"track agriculture created", "track heavy_machinery created",
			"meeting e1 created", "meeting e2 created", "meeting e3 created",
			"commitment c1 created", "commitment c2 created", "interest i1 created"}},
		{"applying the same source again changes nothing", all, func(t *testing.T) Holdings {
			h := Holdings{Roadmap: bilateral(), Links: createdLinks(t)}
			h.Tracks = []*Track{{ID: 101, Sector: "agriculture"}, {ID: 102, Sector: "heavy_machinery"}}
			h.Meetings = []*Meeting{meeting(103, "leaders_talks", "2024-11-26", false, MeetingHeld, "PAK"),
				meeting(104, "delegation_talks", "2024-12-10", true, MeetingPlanned, "BLR"),
				meeting(105, "signing_ceremony", "2025-02", false, MeetingPlanned, "")}
			h.Commitments = []*Commitment{{ID: 106, Responsible: "both", Statement: "Meet again in Minsk in two weeks", Due: MustWhen("2024-12-10", "", false)},
				{ID: 107, Responsible: "BLR", Statement: "Share its technologies with Pakistan"}}
			h.Interests = []*Interest{{ID: 108, Kind: "offer", FromParty: "BLR", ToParty: "PAK", Title: "Belarus is ready", Products: []string{"84"}}}
			return h
		}, []string{"track agriculture matched #101", "track heavy_machinery matched #102",
			"meeting e1 matched #103", "meeting e2 matched #104", "meeting e3 matched #105",
			"commitment c1 matched #106", "commitment c2 matched #107", "interest i1 matched #108"}},
		{"a roadmap that knows the meetings matches them and moves them on", SourceApplication{
			Meetings: []MeetingItem{{Ref: "e1"}, {Ref: "e2", Status: MeetingHeld, When: MustWhen("2024-12-12", "", false)}, {Ref: "e3", When: MustWhen("2025-02-14", "", false)}}},
			func(*testing.T) Holdings {
				return Holdings{Roadmap: bilateral(), Meetings: []*Meeting{
					meeting(1, "delegation_talks", "2024-11-26", false, MeetingHeld, "PAK"),
					meeting(2, "leaders_talks", "2024-11-26", false, MeetingHeld, "PAK"),
					meeting(3, "delegation_talks", "2024-11-26TAF", false, MeetingHeld, "PAK"),
					meeting(4, "delegation_talks", "2024-12-10", true, MeetingPlanned, "BLR"),
					meeting(5, "signing_ceremony", "2025-02", false, MeetingPlanned, "PAK")}}
			}, []string{"meeting e1 matched #2", "meeting e2 updated status,when #4", "meeting e3 updated when #5"}},
		{"a postponed meeting is marked so", SourceApplication{Meetings: []MeetingItem{{Ref: "e2", Status: MeetingPostponed}}},
			func(*testing.T) Holdings {
				return Holdings{Roadmap: bilateral(), Meetings: []*Meeting{meeting(4, "working_group", "2024-12", false, MeetingPlanned, "")}}
			}, []string{"meeting e2 updated status,location,host_party #4"}},
		{"meetings hosted by the other party, far apart or cancelled are other meetings", SourceApplication{Meetings: []MeetingItem{{Ref: "e1"}, {Ref: "e2"}, {Ref: "e3"}}},
			func(*testing.T) Holdings {
				return Holdings{Roadmap: bilateral(), Meetings: []*Meeting{
					meeting(1, "leaders_talks", "2024-11-26", false, MeetingHeld, "BLR"),
					meeting(2, "delegation_talks", "2025-01-10", true, MeetingPlanned, "BLR"),
					meeting(3, "signing_ceremony", "2025-02", false, MeetingCancelled, "")}}
			}, []string{"meeting e1 created", "meeting e2 created", "meeting e3 created"}},
		{"an undated visit matches the visit, which gets the date", SourceApplication{Meetings: []MeetingItem{
			{Kind: "visit", Location: "Minsk", HostParty: "BLR", When: MustWhen("2025-04", "", false), Invitation: InvitationAccepted}}},
			func(*testing.T) Holdings {
				v := meeting(9, "visit", "", false, MeetingPlanned, "BLR")
				v.Invitation = InvitationExtended
				return Holdings{Roadmap: bilateral(), Meetings: []*Meeting{meeting(8, "delegation_talks", "2025-04", false, MeetingPlanned, "BLR"), v}}
			}, []string{"meeting  updated when,invitation #9"}},
		{"commitments match by party and words, and gain a due date", SourceApplication{Commitments: []CommitmentItem{{Ref: "c1"}, {Ref: "c2"}}},
			func(*testing.T) Holdings {
				return Holdings{Roadmap: bilateral(), Commitments: []*Commitment{
					{ID: 1, Responsible: "both", Statement: "Meet again in Minsk in two weeks", Version: 1},
					{ID: 2, Responsible: "PAK", Statement: "Share its technologies with Pakistan"}}}
			}, []string{"commitment c1 updated due #1", "commitment c2 created"}},
		{"an interest matches by kind, parties and words, and gains products", SourceApplication{Interests: []InterestItem{{Ref: "i1"}}},
			func(*testing.T) Holdings {
				return Holdings{Roadmap: bilateral(), Interests: []*Interest{
					{ID: 1, Kind: "request", FromParty: "BLR", ToParty: "PAK", Title: "Belarus is ready to share its technologies with Pakistan"},
					{ID: 2, Kind: "offer", FromParty: "BLR", ToParty: "PAK", Title: "Belarus shares technologies with Pakistan"}}}
			}, []string{"interest i1 updated products #2"}},
		{"a track of a known sector is matched, an edited one created", SourceApplication{Tracks: []TrackItem{{Ref: "agriculture"}, {Sector: "energy", Title: "Energy and power"}}},
			func(*testing.T) Holdings {
				return Holdings{Roadmap: bilateral(), Tracks: []*Track{{ID: 5, Sector: "agriculture"}}}
			}, []string{"track agriculture matched #5", "track  created"}},
		{"accepting all skips what the roadmap cannot hold", all, func(*testing.T) Holdings {
			return Holdings{Roadmap: &Roadmap{ID: 1, Parties: []string{"PAK", "KAZ"}}}
		}, []string{"track agriculture created", "track heavy_machinery created",
			"meeting e1 created", "meeting e2 created", "meeting e3 created",
			"commitment c1 created", "commitment c2 skipped", "interest i1 skipped"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := PlanApplication(talksSource, talksDraft(), tc.app, tc.have(t))
			if err != nil {
				t.Fatal(err)
			}
			if got := outcomes(p); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("plan:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func TestPlanApplicationTwiceWritesNothing(t *testing.T) {
	h := Holdings{Roadmap: bilateral(), Links: createdLinks(t)}
	h.Tracks = []*Track{{ID: 101, Sector: "agriculture"}, {ID: 102, Sector: "heavy_machinery"}}
	h.Meetings = []*Meeting{meeting(103, "leaders_talks", "2024-11-26", false, MeetingHeld, "PAK"),
		meeting(104, "delegation_talks", "2024-12-10", true, MeetingPlanned, "BLR"),
		meeting(105, "signing_ceremony", "2025-02", false, MeetingPlanned, "")}
	h.Commitments = []*Commitment{{ID: 106, Responsible: "both", Due: MustWhen("2024-12-10", "", false)}, {ID: 107, Responsible: "BLR"}}
	h.Interests = []*Interest{{ID: 108, Kind: "offer", FromParty: "BLR", ToParty: "PAK", Products: []string{"84"}}}
	p, err := PlanApplication(talksSource, talksDraft(), SourceApplication{AcceptAll: true}, h)
	if err != nil {
		t.Fatal(err)
	}
	if p.Writes() {
		t.Fatalf("the second application writes: %v", outcomes(p))
	}
}

func TestPlanApplicationRefusesBadItems(t *testing.T) {
	for _, tc := range []struct {
		name  string
		app   SourceApplication
		field string
	}{
		{"an event the draft lacks", SourceApplication{Meetings: []MeetingItem{{Ref: "e9"}}}, "meetings[0].ref"},
		{"a deadline taken for a meeting without a kind", SourceApplication{Meetings: []MeetingItem{{Ref: "e4"}}}, "meetings[0].kind"},
		{"an unknown meeting kind", SourceApplication{Meetings: []MeetingItem{{Ref: "e1", Kind: "banquet"}}}, "meetings[0].kind"},
		{"the same event twice", SourceApplication{Meetings: []MeetingItem{{Ref: "e1"}, {Ref: "e1"}}}, "meetings[1].ref"},
		{"a commitment of a third party", SourceApplication{Commitments: []CommitmentItem{{Ref: "c2", Responsible: "KAZ"}}}, "commitments[0].responsible"},
		{"a commitment without words", SourceApplication{Commitments: []CommitmentItem{{Responsible: "both"}}}, "commitments[0].statement"},
		{"an interest between one party", SourceApplication{Interests: []InterestItem{{Ref: "i1", ToParty: "BLR"}}}, "interests[0].to_party"},
		{"an unknown sector", SourceApplication{Tracks: []TrackItem{{Sector: "poetry"}}}, "tracks[0].sector"},
		{"a sector twice", SourceApplication{Tracks: []TrackItem{{Ref: "agriculture"}, {Sector: "agriculture"}}}, "tracks[1].sector"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := PlanApplication(talksSource, talksDraft(), tc.app, Holdings{Roadmap: bilateral()})
			if ErrorCode(err) != EINVALID {
				t.Fatalf("error %v, want EINVALID", err)
			}
			if _, ok := ErrorFields(err)[tc.field]; !ok {
				t.Fatalf("problems %v, want one for %s", ErrorFields(err), tc.field)
			}
		})
	}
}

func TestProposal(t *testing.T) {
	p := talksDraft().Proposal()
	var got []string
	for _, m := range p.Meetings {
		got = append(got, m.Ref+" "+m.Kind+" "+m.Title+" "+m.When.String()+" "+m.Status)
	}
	want := []string{
		"e1 leaders_talks Leaders' talks in Islamabad 2024-11-26 held",
		"e2 delegation_talks Delegation-level talks in Minsk ~2024-12-10 planned",
		"e3 signing_ceremony Signing of agreements 2025-02 planned",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("proposed meetings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if len(p.Tracks) != 2 || p.Tracks[0].Title != "Agriculture" || p.Tracks[1].Sector != "heavy_machinery" {
		t.Fatalf("proposed tracks %+v, want agriculture and heavy machinery (not other)", p.Tracks)
	}
	if q := Quote(talksText, talksDraft().Interests[0].Evidence); q != "Belarus is ready to share its technologies with Pakistan." {
		t.Fatalf("quote %q", q)
	}
}

func TestParseExtraction(t *testing.T) {
	x, err := ParseExtraction([]byte(`{"parties":["PAK"],"events":[{"id":"e1","kind":"meeting","time_phrase":null,"value":null,"evidence":{"start":5,"end":900}}],
		"commitments":[{"statement":"x","sector":["trade"],"responsible":"PAK","due":null,"evidence":{"start":2,"end":4}}]}`), "Pé Pakistan")
	if err != nil {
		t.Fatal(err)
	}
	if x.Events[0].Evidence != (Span{}) || x.Commitments[0].Evidence != (Span{}) || x.Commitments[0].ID != "c1" || x.People == nil || x.Interests == nil {
		t.Fatalf("normalised draft %+v", x)
	}
	for _, bad := range []string{`[1,2]`, `{"events":[{"id":"x"}],"commitments":[{"id":"x"}]}`, `{"parties":"PAK"}`} {
		if _, err := ParseExtraction([]byte(bad), "The sides met."); ErrorCode(err) != EINVALID {
			t.Errorf("ParseExtraction(%s) = %v, want EINVALID", bad, err)
		}
	}
}

func TestDefaultSourceTitle(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"\n\n  Talks in Minsk \nThe sides met.", "Talks in Minsk"},
		{"", "Statement"},
		{strings.Repeat("word ", 40), strings.TrimSpace(strings.Repeat("word ", 23)) + " …"},
	} {
		if got := DefaultSourceTitle(tc.text); got != tc.want {
			t.Errorf("DefaultSourceTitle(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
