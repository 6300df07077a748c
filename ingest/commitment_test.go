package ingest

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestCommitmentRules checks what is and is not a commitment, who owes it and when it is due,
// on one short statement each.
func TestCommitmentRules(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // a word sequence of the commitment's statement; "" when none may exist
		absent     string // a word sequence no commitment may hold
		resp, due  string
	}{
		{"an official's trip is an event, not a promise",
			"New Zealand and Fiji issued a statement. Prime Minister Christopher Luxon will travel to Fiji next week.",
			"", "travel to Fiji", "", ""},
		{"a delegation's programme is not a promise",
			"New Zealand and Fiji issued a statement. The delegation will then travel to Nadi.",
			"", "travel to Nadi", "", ""},
		{"a joint plan to meet is a promise",
			"Brazil and Argentina said the two ministers would meet again in Buenos Aires next month.",
			"meet again in Buenos Aires", "", "both", "2026-02"},
		{"a reported question promises nothing",
			"Senegal and Mauritania postponed the signing to settle how costs will be shared.",
			"", "costs will be shared", "", ""},
		{"the remit of a body is not a promise",
			"Egypt and Saudi Arabia set up a council. The council's remit is to supervise the drafting of agreements.",
			"", "supervise the drafting", "", ""},
		{"a purpose is part of its promise",
			"Viet Nam and South Korea agreed to draw on cooperation mechanisms, such as RCEP, to boost two-way trade.",
			"draw on cooperation mechanisms", "", "both", ""},
		{"a long subject keeps both its people",
			"Senegal's Prime Minister Ousmane Sonko and Mauritanian Prime Minister Mokhtar Ould Djay met in Nouakchott last week and agreed to convene the joint commission on fisheries.",
			"convene the joint commission", "", "both", ""},
		{"he after a time phrase is the speaker",
			"New Zealand's Prime Minister Christopher Luxon met Fiji's Prime Minister Sitiveni Rabuka. Luxon said New Zealand would help Fiji, and that during the visit he would announce NZ$20 million for climate projects.",
			"announce NZ$20 million", "", "NZL", ""},
		{"a signed contract is not due on the day it was signed",
			"WARSAW – Poland and South Korea signed a contract on Wednesday for a second batch of K2 tanks.",
			"contract", "", "both", ""},
		{"a meeting on two days is due when it starts",
			"Indonesia's Minister of Trade and Viet Nam's Minister of Industry and Trade will co-chair the Joint Trade Committee in Hanoi on 28 and 29 January.",
			"co-chair the Joint Trade Committee", "", "both", "2026-01-28"},
		{"a leader's own word that he would visit is a pledge",
			"Kenya and the United Arab Emirates signed an agreement. President William Ruto said he would visit Abu Dhabi in April to attend an investment conference.",
			"visit Abu Dhabi", "", "KEN", "2026-04"},
		{"an invitation the invitee said he would attend",
			"Uzbekistan and South Korea signed a memorandum. Uzbekistan's Minister Asilbek Khudayarov invited Korea's Minister Cho Kyu-hong to the opening of the Tashkent Medical Forum on 20 May, and Cho said he would attend.",
			"opening of the Tashkent Medical Forum", "", "KOR", "2026-05-20"},
		{"a signing put off is due on its new date",
			"Paraguay and Brazil have put off the signing of the revised Annex C of the Itaipu Treaty, which was scheduled for 5 March, until late April.",
			"Annex C of the Itaipu Treaty", "", "both", "2026-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(tt.text, entente.NewDate(2026, 1, 22))
			if err != nil {
				t.Fatal(err)
			}
			found := tt.want == ""
			for _, c := range d.Commitments {
				st := strings.ToLower(c.Statement)
				if tt.absent != "" && strings.Contains(st, strings.ToLower(tt.absent)) {
					t.Errorf("unexpected commitment %+v", c)
				}
				if tt.want != "" && strings.Contains(st, strings.ToLower(tt.want)) {
					found = true
					if c.Responsible != tt.resp || string(c.Due) != tt.due {
						t.Errorf("commitment %q: responsible %s, due %q; want %s, %q", c.Statement, c.Responsible, c.Due, tt.resp, tt.due)
					}
				}
			}
			if !found {
				t.Errorf("no commitment with %q in %+v", tt.want, d.Commitments)
			}
		})
	}
}
