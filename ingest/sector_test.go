package ingest

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestSectorLexicon checks phrases of the sector lexicon against the statements guidelines on
// one sentence each: what a sentence must be tagged with, and what it must not.
func TestSectorLexicon(t *testing.T) {
	tests := []struct {
		text      string
		want, not []string
	}{
		{"Chile and Peru set up committees on mining and water resources.", []string{"mining_minerals", "environment_climate"}, nil},
		{"Kyrgyzstan and Uzbekistan signed an agreement on the joint management of the Orto-Tokoy reservoir.", []string{"environment_climate"}, nil},
		{"Viet Nam will supply rice to Indonesia's national food reserve.", []string{"agriculture", "food_security"}, nil},
		{"Jordan and Egypt signed memoranda on vocational training.", []string{"education"}, nil},
		{"New Zealand will help Fiji with policing.", []string{"security"}, nil},
		{"Poland and South Korea agreed that 64 tanks will be built under licence in Poland.", []string{"defense", "manufacturing"}, nil},
		{"Senegal and Mauritania will open the bridge over the river at Rosso.", []string{"transport_logistics"}, nil},
		{"Malaysia and Indonesia signed a memorandum on the placement of domestic workers.", []string{"other"}, nil},
		{"China and Kazakhstan agreed that Chinese firms will build wind and solar farms.", []string{"energy"}, []string{"agriculture"}},
		{"Germany and India agreed to deepen defence industrial cooperation.", []string{"defense"}, []string{"manufacturing"}},
		{"Jordan and Egypt agreed to keep coordinating their positions on regional issues.", []string{"political_dialogue"}, nil},
		{"Kenya and Tanzania removed inspection fees on wheat flour.", nil, []string{"agriculture"}},
	}
	for _, tt := range tests {
		d, err := Read(tt.text, entente.NewDate(2025, 6, 1))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !slices.Contains(d.Sectors, w) {
				t.Errorf("Read(%q) sectors %v lack %s", tt.text, d.Sectors, w)
			}
		}
		for _, n := range tt.not {
			if slices.Contains(d.Sectors, n) {
				t.Errorf("Read(%q) sectors %v have %s", tt.text, d.Sectors, n)
			}
		}
	}
}
