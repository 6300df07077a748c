package ingest

import (
	"testing"

	"github.com/entente/entente"
)

// TestTimeRules checks the time rules of the statements guidelines where they differ from
// TimeML, and the tense, anchor and status rules, on one sentence each.
func TestTimeRules(t *testing.T) {
	tests := []struct {
		name, text, date string
		kind, value      string
		approx           bool
		mod, anchor      string
		status           string
	}{
		{"in two weeks", "Pakistan and Belarus agreed that a further meeting is scheduled in two weeks.", "2024-11-26",
			KindMeeting, "2024-12-10", true, "", "", StatusPlanned},
		{"this afternoon", "Pakistan and Belarus met today and will meet again this afternoon.", "2024-11-26",
			KindMeeting, "2024-11-26TAF", false, "", "", StatusPlanned},
		{"February of the following year", "Pakistan and Belarus will sign the agreements in February of the following year.", "2024-11-26",
			KindSigning, "2025-02", false, "", "", StatusPlanned},
		{"first week of a month", "The China-Pakistan Joint Cooperation Committee will meet in China during 1st week of December.", "2018-09-15",
			KindCommissionSession, "2018-12", true, "START", "", StatusPlanned},
		{"second week of a month", "Prime Minister Imran Khan's trip to China, planned during second week of November, was discussed by Pakistan and China.", "2018-09-15",
			KindVisit, "2018-11", true, "", "", StatusPlanned},
		{"later this year", "Japan and the Philippines will hold a dialogue on critical minerals later this year.", "2025-07-09",
			KindMeeting, "2025", true, "", "", StatusPlanned},
		{"by the end of the year", "Lukashenko said he would travel to Pakistan by the end of the year, Belarus and Pakistan said.", "2024-07-04",
			KindVisit, "2024", false, "END", "", StatusPlanned},
		{"no later than", "South Africa and Nigeria agreed that the MoU would be signed no later than March 2025.", "2024-12-04",
			KindSigning, "2025-03", false, "ON_OR_BEFORE", "", StatusPlanned},
		{"season follows the tense", "Greece and Turkey agreed that the next meeting of the High-Level Cooperation Council will be held in Thessaloniki in the fall.", "2023-07-12",
			KindCommissionSession, "2023-FA", false, "", "", StatusPlanned},
		{"past weekday", "Egypt and Saudi Arabia held talks on Tuesday in Cairo.", "2015-12-17",
			KindMeeting, "2015-12-15", false, "", "", StatusHeld},
		{"reported speech anchors relative dates", "Brazil's Foreign Minister said at a press conference on Tuesday after talks with Argentina that the two ministers would meet again in two weeks.", "2025-08-20",
			KindMeeting, "2025-09-02", true, "", "2025-08-19", StatusPlanned},
		{"dateline before publication", "BAKU, 8 October 2025 – Azerbaijan and Georgia held the tenth meeting of their intergovernmental commission here today.", "2025-10-09",
			KindCommissionSession, "2025-10-08", false, "", "2025-10-08", StatusHeld},
		{"a month after", "In June, a month after the Tanzanian President's visit to Kenya, Kenya and Tanzania drew up a list of barriers.", "2021-08-25",
			KindVisit, "2021-05", true, "", "2021-06", StatusHeld},
		{"postponed", "A visit to Djibouti by Ethiopia's Prime Minister, planned for 15 December, has been postponed until January.", "2025-12-09",
			KindVisit, "2025-12-15", false, "", "", StatusPostponed},
		{"new date of a postponed visit", "A visit to Djibouti by Ethiopia's Prime Minister, planned for 15 December, has been postponed until January.", "2025-12-09",
			KindVisit, "2026-01", false, "", "", StatusPlanned},
		{"target with an amount", "Viet Nam and South Korea pledged to raise two-way trade to $150 billion by 2030.", "2022-07-05",
			KindDeadline, "2030", false, "ON_OR_BEFORE", "", StatusPlanned},
		{"vague future", "Japan and the Philippines said their foreign ministers will hold a strategic dialogue in the coming months.", "2025-07-09",
			KindMeeting, "FUTURE_REF", false, "", "", StatusPlanned},
		{"the day before an occasion", "Chile and Peru held their joint cabinet session in Lima on 12 May. The day before the session, the two ministers of trade opened a business forum.", "2025-05-14",
			KindForum, "2025-05-11", false, "", "2025-05-12", StatusHeld},
		{"a month after an occasion", "Ghana and Togo will sign the border agreement in Accra in May. The ministers agreed to convene the joint commission a month after the signing.", "2026-03-11",
			KindCommissionSession, "2026-06", true, "", "2026-05", StatusPlanned},
		{"a week after, anchored on the sentence's subject", "The Chilean and Peruvian ministers held a phone call on Tuesday. The call came a week after the two presidents met in Lima.", "2025-04-17",
			KindMeeting, "2025-04-08", true, "", "2025-04-15", StatusHeld},
		{"prior to a held meeting, not a planned one", "The consultations between Nepal and Bangladesh were held in Kathmandu on 25 June 2025. They agreed to convene a meeting within three months. Prior to the meeting, the Foreign Secretary called on Foreign Minister Arzu Rana Deuba.", "2025-06-26",
			KindMeeting, "2025-06-25", true, "", "2025-06-25", StatusHeld},
		{"within is a deadline", "Nepal and Bangladesh agreed to convene the Joint Working Group on trade within the next three months.", "2025-06-26",
			KindMeeting, "2025-09", true, "ON_OR_BEFORE", "", StatusPlanned},
		{"a signing in the clause after a planned meeting", "New Zealand's Prime Minister will hold talks with Fiji's Prime Minister in Suva on Monday, and the two leaders are expected to sign a Status of Forces Agreement.", "2025-08-14",
			KindSigning, "2025-08-18", false, "", "", StatusPlanned},
		{"the date of what an agreement is to do", "Greece and Egypt signed an agreement to open direct flights from April.", "2024-11-19",
			KindOther, "2025-04", false, "", "", StatusPlanned},
		{"an item of a list of decisions", "Kyrgyzstan and Uzbekistan agreed:\n– to start building the hydropower plant in the spring of next year;\n– to bring trade to USD 5 billion by 2030.", "2025-10-21",
			KindDeadline, "2026-SP", false, "", "", StatusPlanned},
		{"a relative clause of planning dates the occasion before it", "Senegal and Mauritania have postponed the signing of the agreement on the second phase of the offshore gas project near their border, which had been planned for the end of March.", "2026-03-11",
			KindSigning, "2026-03", false, "END", "", StatusPostponed},
		{"talks before an agreement", "JAKARTA – Indonesia and Viet Nam agreed on Wednesday to raise trade to USD 18 billion by 2028, after talks between the two presidents.", "2025-11-05",
			KindMeeting, "2025-11-05", false, "", "", StatusHeld},
		{"what a visit is for", "India's Prime Minister will travel to Tokyo on Monday for the annual India–Japan summit.", "2025-08-21",
			KindMeeting, "2025-08-25", false, "", "", StatusPlanned},
		{"eight months after", "Kenya and the United Arab Emirates signed an agreement yesterday, eight months after negotiations were launched in Abu Dhabi.", "2026-01-15",
			KindMeeting, "2025-05-14", true, "", "2026-01-14", StatusHeld},
		{"closing talks is a target", "Paraguay and Brazil hope to close the talks within a month.", "2026-02-27",
			KindDeadline, "2026-03", true, "ON_OR_BEFORE", "", StatusPlanned},
		{"a present moment is not an event's date", "Senegal and Mauritania said the signing will now take place in Dakar in May.", "2026-03-11",
			KindSigning, "2026-05", false, "", "", StatusPlanned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref, _ := entente.ParseDate(tt.date)
			d, err := Read(tt.text, ref)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range d.Events {
				if e.Kind == tt.kind && string(e.Value) == tt.value && e.Approximate == tt.approx && e.Mod == tt.mod &&
					e.Anchor == tt.anchor && e.Status == tt.status {
					return
				}
			}
			t.Errorf("want a %s event %s (approximate %v, mod %q, anchor %q, %s); got %+v",
				tt.kind, tt.value, tt.approx, tt.mod, tt.anchor, tt.status, d.Events)
		})
	}
}

// TestEarlierTakesTheDateOfTheHeldEvent checks "Earlier, …": the date of the event held
// before it, approximately, not of the planned ones named in between.
func TestEarlierTakesTheDateOfTheHeldEvent(t *testing.T) {
	text := "Prime Minister Sharif met President Lukashenko today in Islamabad. They will sign agreements in February of the following year. Earlier, the two delegations held talks."
	d, err := Read(text, entente.NewDate(2024, 11, 26))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Events {
		if e.TimePhrase == "Earlier" {
			if e.Value != "2024-11-26" || !e.Approximate || e.Status != StatusHeld || e.MeetingKind != "delegation_talks" {
				t.Errorf("Earlier event = %+v", e)
			}
			return
		}
	}
	t.Errorf("no event dated by Earlier in %+v", d.Events)
}
