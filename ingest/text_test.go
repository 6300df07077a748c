package ingest

import (
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"full stops", "The talks were held. The sides agreed.", []string{"The talks were held.", "The sides agreed."}},
		{"abbreviations and initials", "Mr. Sharif met Dr. Khan in the U.S. Capitol. J. Smith attended.",
			[]string{"Mr. Sharif met Dr. Khan in the U.S. Capitol.", "J. Smith attended."}},
		{"month abbreviation", "The session opened on Nov. 26 in Minsk. It ended.", []string{"The session opened on Nov. 26 in Minsk.", "It ended."}},
		{"paragraphs", "ISLAMABAD - Talks were held\n\nThe sides agreed", []string{"ISLAMABAD - Talks were held", "The sides agreed"}},
		{"dateline line", "Wednesday August 25 2021\nKenyan officials met.", []string{"Wednesday August 25 2021", "Kenyan officials met."}},
		{"hard-wrapped line runs on", "The ministers agreed to\nmeet again in March.", []string{"The ministers agreed to\nmeet again in March."}},
		{"quotes", `He said "we agree." They left.`, []string{`He said "we agree."`, "They left."}},
		{"decimal", "Trade grew by 2.5 percent. Good.", []string{"Trade grew by 2.5 percent.", "Good."}},
		{"truncated", "The council's remit is to supervise the drafting betw", []string{"The council's remit is to supervise the drafting betw"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range splitSentences(tt.text) {
				got = append(got, tt.text[sp.Start:sp.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSplitSentencesCutsVeryLongOnes(t *testing.T) {
	text := strings.Repeat("word ", 2000) + strings.Repeat("ж", 3000)
	for _, sp := range splitSentences(text) {
		if sp.End-sp.Start > maxSentence {
			t.Fatalf("sentence of %d bytes, limit %d", sp.End-sp.Start, maxSentence)
		}
		if !strings.HasPrefix(text[sp.Start:], strings.TrimSpace(text[sp.Start:sp.End])) {
			t.Fatalf("span %v is not on a character boundary", sp)
		}
	}
}

func TestSplitWords(t *testing.T) {
	tests := []struct {
		text        string
		joinHyphens bool
		want        string
	}{
		{"Pakistan's Prime Minister", true, "Pakistan|'s|Prime|Minister"},
		{"Belarus’s two-way trade", true, "Belarus|’s|two-way|trade"},
		{"two-way trade", false, "two|way|trade"},
		{"US$150 billion, 2.5% and 150,000 workers", true, "US|150|billion|2.5|and|150,000|workers"},
		{"Côte d’Ivoire and Al-Sisi", true, "Côte|d’Ivoire|and|Al-Sisi"},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range splitWords(tt.text, 0, tt.joinHyphens) {
			if tt.text[w.start:w.end] != w.text {
				t.Errorf("%q: word %q has span %d:%d", tt.text, w.text, w.start, w.end)
			}
			got = append(got, w.text)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("splitWords(%q, %v) = %q, want %q", tt.text, tt.joinHyphens, strings.Join(got, "|"), tt.want)
		}
	}
}

func TestPhraseTable(t *testing.T) {
	tab := newPhraseTable[string]()
	tab.add("information technology", "it")
	tab.add("IT", "it-acronym")
	tab.add("agricultur*", "agriculture")
	tab.add("food security", "food")
	tab.add("security", "security")
	tab.add("high-level contacts", "dialogue")
	tests := []struct {
		text string
		want string
	}{
		{"Information Technology and agricultural machinery", "it agriculture"},
		{"it is food security, not security", "food security"},
		{"the IT sector and it", "it-acronym"},
		{"regular high-level contacts", "dialogue"},
		{"agriculture agribusiness", "agriculture"},
	}
	for _, tt := range tests {
		ws := splitWords(tt.text, 0, false)
		var got []string
		for _, h := range tab.findAll(ws) {
			got = append(got, h.val)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("findAll(%q) = %q, want %q", tt.text, strings.Join(got, " "), tt.want)
		}
	}
}

func TestContentWordsAndOverlap(t *testing.T) {
	a := contentWords("Sign agreements in February")
	b := contentWords("The agreements are to be signed")
	if o := overlap(a, b); o != 1 {
		t.Errorf("overlap(%v, %v) = %v, want 1 (sign/signed, agreements)", a, b, o)
	}
	if o := overlap(contentWords("Visit Pakistan"), contentWords("Raise trade")); o != 0 {
		t.Errorf("overlap of unrelated statements = %v", o)
	}
}
