package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Draft is what Read finds in one statement: a draft roadmap for a desk officer to accept,
// correct or reject item by item. Its JSON is the "annotations" object of the statements
// corpus (parties, people, sectors, events, commitments), with every item pointing at the
// sentence it came from (evidence), plus interests and notes.
type Draft struct {
	// Parties are the ISO 3166-1 alpha-3 codes of the states that are parties to the meeting
	// or statement, in order of first mention; third countries merely discussed are not.
	Parties     []string     `json:"parties"`
	People      []Person     `json:"people"`
	Sectors     []string     `json:"sectors"` // codes of entente.Sectors, in that list's order
	Events      []Event      `json:"events"`
	Commitments []Commitment `json:"commitments"`
	// Interests are offers and requests between parties ("Belarus is ready to share its
	// technologies with Pakistan"), which the product stores as entente.Interest records.
	Interests []Interest `json:"interests"`
	// Notes say what the reader should know about the draft as a whole ("no time expressions
	// found: events have no dates").
	Notes []string `json:"notes,omitempty"`
}

// Person is a named official with a role and a party.
type Person struct {
	Name     string   `json:"name"`
	Role     string   `json:"role"`
	Party    string   `json:"party"` // ISO3, or "" when the text does not say
	Mentions []string `json:"mentions,omitempty"`
	Evidence Span     `json:"evidence"`
}

// Event kinds, as in the statements corpus.
const (
	KindMeeting           = "meeting"
	KindVisit             = "visit"
	KindSigning           = "signing"
	KindDeadline          = "deadline"
	KindCommissionSession = "commission_session"
	KindCall              = "call"
	KindForum             = "forum"
	KindOther             = "other"
)

// Event statuses.
const (
	StatusHeld      = "held"
	StatusPlanned   = "planned"
	StatusOngoing   = "ongoing"
	StatusPostponed = "postponed"
)

// Event is a meeting, visit, signing, commission session, call, forum, deadline or other
// dated occasion, with its time as said and as resolved.
type Event struct {
	ID          string `json:"id"` // e1, e2, … in order of appearance
	Kind        string `json:"kind"`
	Description string `json:"description"`
	// TimePhrase is the words that give the time ("in two weeks"), null when none do.
	TimePhrase Nullable `json:"time_phrase"`
	// Value is the TIMEX3 value (2024-12-10, 2025-02, 2024-11-26TAF, FUTURE_REF), null when
	// the time cannot be recovered.
	Value       Nullable `json:"value"`
	Granularity Nullable `json:"granularity"` // day, part_of_day, week, month, season, year
	Approximate bool     `json:"approximate"`
	Mod         string   `json:"mod,omitempty"`
	EndValue    string   `json:"end_value,omitempty"`
	// Anchor is the date relative expressions were resolved from when it is not the
	// publication date (reported speech, a dateline, the event an "Earlier" refers to).
	Anchor   string   `json:"anchor,omitempty"`
	Implicit bool     `json:"implicit,omitempty"` // dated by the publication, not by a phrase
	Location Nullable `json:"location"`
	Status   string   `json:"status"`
	// MeetingKind refines meetings for the product: leaders_talks, delegation_talks or
	// working_group, when the text says which.
	MeetingKind     string   `json:"meeting_kind,omitempty"`
	AlsoExpressedAs []Phrase `json:"also_expressed_as,omitempty"`
	Evidence        Span     `json:"evidence"`
}

// Phrase is another wording of the same event's time, with its value.
type Phrase struct {
	Phrase string `json:"phrase"`
	Value  string `json:"value"`
	Mod    string `json:"mod,omitempty"`
}

// Commitment is something a party (or both) said it would do.
type Commitment struct {
	Statement string   `json:"statement"`
	Sector    []string `json:"sector"`
	// Responsible is the ISO3 code of the acting party, "both" for a joint bilateral
	// commitment or "all" for a joint multilateral one.
	Responsible string   `json:"responsible"`
	Due         Nullable `json:"due"`
	DueMod      string   `json:"due_mod,omitempty"`
	DuePhrase   string   `json:"due_phrase,omitempty"`
	Evidence    Span     `json:"evidence"`
}

// Interest kinds.
const (
	InterestOffer   = "offer"
	InterestRequest = "request"
)

// Interest is an offer or a request between parties.
type Interest struct {
	Kind      string   `json:"kind"` // offer or request
	From      string   `json:"from"` // who offers, or who requests
	To        string   `json:"to"`   // to whom it is offered, or from whom it is requested
	Statement string   `json:"statement"`
	Sectors   []string `json:"sectors"`
	// Products are HS chapters or headings the wording names ("textiles" → 50–63), for the
	// trade analysis.
	Products []string `json:"products,omitempty"`
	Evidence Span     `json:"evidence"`
}

// Nullable is a string that is JSON null when empty, as the corpus writes absent values.
type Nullable string

// MarshalJSON writes null for the empty string.
func (n Nullable) MarshalJSON() ([]byte, error) {
	if n == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(n))
}

// UnmarshalJSON reads null as the empty string.
func (n *Nullable) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*n = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*n = Nullable(s)
	return nil
}

// WriteJSON writes the draft as indented JSON, the output of `entente ingest --json`.
func (d *Draft) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

// WriteText writes the draft for a person at a terminal: parties, people, sectors, then one
// line per event, commitment and interest with its time and the sentence it came from.
func (d *Draft) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Parties: %s\n", orNone(strings.Join(d.Parties, ", ")))
	fmt.Fprintf(&b, "Sectors: %s\n", orNone(strings.Join(d.Sectors, ", ")))
	fmt.Fprintf(&b, "\nPeople (%d)\n", len(d.People))
	for _, p := range d.People {
		fmt.Fprintf(&b, "  %-30s %-40s %s\n", p.Name, p.Role, orNone(p.Party))
	}
	fmt.Fprintf(&b, "\nEvents (%d)\n", len(d.Events))
	for _, e := range d.Events {
		fmt.Fprintf(&b, "  %-4s %-18s %-9s %-22s %s\n", e.ID, e.Kind, e.Status, whenText(e), e.Description)
		if e.TimePhrase != "" || e.Location != "" {
			fmt.Fprintf(&b, "       said: %q  where: %s\n", string(e.TimePhrase), orNone(string(e.Location)))
		}
	}
	fmt.Fprintf(&b, "\nCommitments (%d)\n", len(d.Commitments))
	for _, c := range d.Commitments {
		due := string(c.Due)
		if c.DueMod != "" {
			due += " " + c.DueMod
		}
		fmt.Fprintf(&b, "  %-5s by %-18s %s  [%s]\n", c.Responsible, orNone(due), c.Statement, strings.Join(c.Sector, ", "))
	}
	fmt.Fprintf(&b, "\nInterests (%d)\n", len(d.Interests))
	for _, i := range d.Interests {
		fmt.Fprintf(&b, "  %-7s %s→%s  %s  [%s]\n", i.Kind, i.From, orNone(i.To), i.Statement, strings.Join(i.Sectors, ", "))
	}
	for _, n := range d.Notes {
		fmt.Fprintf(&b, "\nNote: %s\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// whenText shows an event's value the way the interface does: "~" when approximate, the
// modifier and range end when present.
func whenText(e Event) string {
	if e.Value == "" {
		return "(no date)"
	}
	s := string(e.Value)
	if e.EndValue != "" {
		s += "/" + e.EndValue
	}
	if e.Mod != "" {
		s += " " + e.Mod
	}
	if e.Approximate {
		s = "~" + s
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
