package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

func TestPeople(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "Name|Role|PARTY"
	}{
		{"demonym and possessive before titles",
			"Belarusian President Aleksandr Lukashenko and Pakistan's Prime Minister Shehbaz Sharif held talks.",
			[]string{"Aleksandr Lukashenko|President|BLR", "Shehbaz Sharif|Prime Minister|PAK"}},
		{"apposition after the name",
			"Pakistan and Belarus held talks. Prime Minister Shehbaz Sharif met Aleksandr Lukashenko, the President of Belarus, in Islamabad.",
			[]string{"Shehbaz Sharif|Prime Minister|PAK", "Aleksandr Lukashenko|President|BLR"}},
		{"title with a portfolio, then the name",
			"The co-chairs were Belarusian Minister for Energy Aleksey Kushnarenko and Pakistan's Federal Minister for Commerce Jam Kamal Khan, Pakistan and Belarus said.",
			[]string{"Aleksey Kushnarenko|Minister for Energy|BLR", "Jam Kamal Khan|Federal Minister for Commerce|PAK"}},
		{"counterpart takes the other's role",
			"Kenyan President Uhuru Kenyatta with his Tanzanian counterpart Samia Suluhu Hassan at State House, Nairobi.",
			[]string{"Uhuru Kenyatta|President|KEN", "Samia Suluhu Hassan|President|TZA"}},
		{"name after a comma",
			"Norway and Mozambique signed an agreement. It was signed by Norway's Minister of Fisheries and Oceans, Marianne Sivertsen Næss.",
			[]string{"Marianne Sivertsen Næss|Minister of Fisheries and Oceans|NOR"}},
		{"lower-case title before a name",
			"Germany and India held a call. The government spokesperson, Stefan Kornelius, said Germany would host the talks.",
			[]string{"Stefan Kornelius|Spokesperson|DEU"}},
		{"ministers listed in the order of their countries",
			"The foreign ministers of Azerbaijan, Georgia and Türkiye met in Gabala. Jeyhun Bayramov, Maka Botchorishvili and Hakan Fidan signed a declaration.",
			[]string{"Jeyhun Bayramov|Foreign Minister|AZE", "Maka Botchorishvili|Foreign Minister|GEO", "Hakan Fidan|Foreign Minister|TUR"}},
		{"relative with the same surname and a later role",
			"Belarusian President Aleksandr Lukashenko met Pakistan's Prime Minister Shehbaz Sharif. He hoped to see Nawaz Sharif, who is the current prime minister's brother and himself a former prime minister.",
			[]string{"Aleksandr Lukashenko|President|BLR", "Shehbaz Sharif|Prime Minister|PAK", "Nawaz Sharif|Former Prime Minister|PAK"}},
		{"a visitor is from the other side; a companion from the same",
			"New Zealand and Fiji will sign a defence agreement. Prime Minister Christopher Luxon will travel to Fiji next week, accompanied by Foreign Minister Winston Peters. He will hold talks with Prime Minister Sitiveni Rabuka.",
			[]string{"Christopher Luxon|Prime Minister|NZL", "Winston Peters|Foreign Minister|NZL", "Sitiveni Rabuka|Prime Minister|FJI"}},
		{"a title before the next name is not an apposition",
			"Kazakhstan and Uzbekistan issued a joint statement. At the invitation of President Shavkat Mirziyoyev, President of Kazakhstan Kassym-Jomart Tokayev paid a state visit to Uzbekistan.",
			[]string{"Shavkat Mirziyoyev|President|UZB", "Kassym-Jomart Tokayev|President|KAZ"}},
		{"portfolios in a series, a regnal number, a country's old name ending a name",
			"Jordan's Minister of Industry, Trade and Supply, Yarub Qudah, met Egypt's Foreign Secretary Asad Alam Siam before King Abdullah II received him.",
			[]string{"Yarub Qudah|Minister of Industry, Trade and Supply|JOR", "Asad Alam Siam|Foreign Secretary|EGY", "Abdullah II|King|JOR"}},
		{"a function word opening a name after a title",
			"Indonesia and Viet Nam held talks after General Secretary To Lam arrived in Jakarta.",
			[]string{"To Lam|General Secretary|VNM"}},
		{"a first name that is also a city; a body between the country and the title",
			"Paraguay and Brazil issued a statement. India's Ministry of External Affairs spokesperson, Randhir Jaiswal, said Presidents Santiago Peña and Luiz Inácio Lula da Silva will meet.",
			[]string{"Randhir Jaiswal|Spokesperson|IND", "Santiago Peña|President|PRY", "Luiz Inácio Lula da Silva|President|BRA"}},
		{"no title, no person",
			"Gwadar and Main Line-1 were discussed by Pakistan and China at the Joint Cooperation Committee.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(tt.text, entente.NewDate(2025, 1, 1))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range d.People {
				got = append(got, p.Name+"|"+p.Role+"|"+p.Party)
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("people\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestParties(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a venue is not a party", "Belarusian President Aleksandr Lukashenko and Pakistan's Prime Minister Shehbaz Sharif held talks on 4 July in Astana.",
			[]string{"BLR", "PAK"}},
		{"a city and its country are a venue", "Greece and Turkey held talks on the margins of the NATO Summit in Vilnius, Lithuania.",
			[]string{"GRC", "TUR"}},
		{"a country discussed is not a party", "Egypt and Saudi Arabia discussed the coalition that brings together Egypt, Turkey and the Gulf States. Egypt welcomed the Saudi delegation; the Egyptian and Saudi ministers signed.",
			[]string{"EGY", "SAU"}},
		{"three parties named together", "The foreign ministers of Azerbaijan, Georgia and Türkiye met. Azerbaijan, Georgia and Türkiye agreed to expand the railway. Georgia and Türkiye will host the next meetings with Azerbaijan.",
			[]string{"AZE", "GEO", "TUR"}},
		{"hyphenated pair", "The Pakistan-Belarus Joint Ministerial Commission met in Minsk.",
			[]string{"PAK", "BLR"}},
		{"capitals standing for governments", "Islamabad and Minsk agreed to expand trade.",
			[]string{"PAK", "BLR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(tt.text, entente.NewDate(2025, 1, 1))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(d.Parties, tt.want) {
				t.Errorf("parties = %v, want %v", d.Parties, tt.want)
			}
		})
	}
}

func TestSectorsFollowTheConventions(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"They agreed on cooperation in agricultural machinery and tractors.", []string{"agriculture", "heavy_machinery"}},
		{"They agreed on labour migration and food security.", []string{"food_security", "other"}},
		{"They agreed on cyber security and pharmaceuticals.", []string{"security", "health"}},
		{"The Minister for Energy co-chaired the trade commission.", []string{"trade"}},
		{"They agreed on a roadmap and a climate of trust.", []string{"political_dialogue"}},
	}
	for _, tt := range tests {
		d, err := Read("Pakistan and Belarus met. "+tt.text, entente.NewDate(2025, 1, 1))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(d.Sectors, tt.want) {
			t.Errorf("%q: sectors = %v, want %v", tt.text, d.Sectors, tt.want)
		}
	}
}
