package entente

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzPlanApplication reads any draft of any text, as a client may send one, and plans
// applying all of it to an empty roadmap and to one that holds meetings and commitments: it
// never panics, every span it keeps lies within the text on character boundaries, every step
// has a known outcome, and every quote is text.
func FuzzPlanApplication(f *testing.F) {
	draft, _ := json.Marshal(talksDraft())
	f.Add(string(draft), talksText)
	f.Add(`{"events":[{"kind":"meeting","value":"2025-02-30","evidence":{"start":2,"end":1}}]}`, "Talks.")
	f.Add(`{"events":[{"kind":"visit","value":"FUTURE_REF","mod":"END","end_value":"2024"}],"commitments":[{"responsible":"XYZ","due":"P2W"}]}`, "")
	f.Add(`{"interests":[{"kind":"offer","from":"PAK","to":"PAK","statement":"x","products":["1"]}],"sectors":["other","poetry"]}`, "é")
	f.Add(`{"events":[{"id":"c1","kind":"meeting"}],"commitments":[{"statement":"a"}]}`, "Pé")
	f.Add(`null`, "The sides met.")
	f.Fuzz(func(t *testing.T, raw, text string) {
		x, err := ParseExtraction(json.RawMessage(raw), text)
		if err != nil {
			return
		}
		spans := []Span{}
		for _, e := range x.Events {
			spans = append(spans, e.Evidence)
		}
		for _, c := range x.Commitments {
			spans = append(spans, c.Evidence)
		}
		for _, s := range spans {
			if s == (Span{}) { // no evidence
				continue
			}
			if s.End > len(text) || s.Start > s.End || !onRune(text, s.Start) || !onRune(text, s.End) {
				t.Fatalf("span %+v kept in a text of %d bytes", s, len(text))
			}
		}
		src := &Source{ID: 1, Text: text}
		for _, have := range []Holdings{{Roadmap: bilateral()}, {Roadmap: bilateral(),
			Meetings:    []*Meeting{meeting(1, "delegation_talks", "2024-12-10", true, MeetingPlanned, "BLR"), meeting(2, "visit", "", false, MeetingPlanned, "")},
			Commitments: []*Commitment{{ID: 3, Responsible: "both", Statement: "Meet again in Minsk"}}}} {
			p, err := PlanApplication(src, x, SourceApplication{AcceptAll: true}, have)
			if err != nil {
				t.Fatalf("accepting all refused: %v", err)
			}
			for _, s := range p.Steps {
				switch s.Outcome {
				case OutcomeCreated, OutcomeMatched, OutcomeUpdated, OutcomeSkipped:
				default:
					t.Fatalf("step %+v has no outcome", s)
				}
				if !utf8.ValidString(s.Quote) {
					t.Fatalf("quote %q is not text", s.Quote)
				}
			}
		}
	})
}
