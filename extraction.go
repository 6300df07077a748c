package entente

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Extraction is the draft read from a source's text and stored with it: the parties, the
// people who spoke, the sectors, the dated events, the commitments and the offers and requests
// between the parties. Every item has an id within the draft (e1, c1, i1, p1) and points at the
// sentence it came from (Evidence, a byte span of the source's text). Its JSON is the draft
// format of the statements corpus, with the ids and a few fields the product adds (an event's
// host party and invitation state).
type Extraction struct {
	Parties     []string              `json:"parties"`
	People      []ExtractedPerson     `json:"people"`
	Sectors     []string              `json:"sectors"`
	Events      []ExtractedEvent      `json:"events"`
	Commitments []ExtractedCommitment `json:"commitments"`
	Interests   []ExtractedInterest   `json:"interests"`
	Notes       []string              `json:"notes,omitempty"`
}

// Span is a byte range [Start, End) of a source's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// ExtractedPerson is an official named in a source.
type ExtractedPerson struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Role     string `json:"role"`
	Party    string `json:"party"`
	Evidence Span   `json:"evidence"`
}

// Kinds of extracted events, as the statements corpus names them.
const (
	EventMeeting           = "meeting"
	EventVisit             = "visit"
	EventSigning           = "signing"
	EventDeadline          = "deadline"
	EventCommissionSession = "commission_session"
	EventCall              = "call"
	EventForum             = "forum"
	EventOther             = "other"
)

// Statuses of extracted events; they map to meeting statuses (ongoing is held).
const (
	EventHeld      = "held"
	EventPlanned   = "planned"
	EventOngoing   = "ongoing"
	EventPostponed = "postponed"
)

// ExtractedEvent is a dated occasion found in a source: a meeting, visit, signing, commission
// session, call, forum or deadline, with its time as said and as resolved.
type ExtractedEvent struct {
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	MeetingKind string `json:"meeting_kind,omitempty"` // leaders_talks, delegation_talks, working_group
	Description string `json:"description"`
	TimePhrase  string `json:"time_phrase"` // the words that give the time ("in two weeks")
	Value       string `json:"value"`       // TIMEX3: 2024-12-10, 2025-02, 2024-11-26TAF, FUTURE_REF
	Granularity string `json:"granularity"`
	Approximate bool   `json:"approximate"`
	Mod         string `json:"mod,omitempty"`
	EndValue    string `json:"end_value,omitempty"`
	Location    string `json:"location"`
	HostParty   string `json:"host_party,omitempty"` // the party whose territory Location is in
	Status      string `json:"status"`
	Invitation  string `json:"invitation,omitempty"` // for a visit: extended or accepted
	Evidence    Span   `json:"evidence"`
}

// When returns the event's date as said, or the zero When when it has none or its value is
// not a valid TIMEX3 date.
func (e ExtractedEvent) When() When {
	w, err := ParseWhen(e.Value, e.EndValue, e.Mod, e.Approximate)
	if err != nil {
		return When{}
	}
	return w
}

// ExtractedCommitment is something a party (or both) said it would do.
type ExtractedCommitment struct {
	ID          string   `json:"id"`
	Statement   string   `json:"statement"`
	Sectors     []string `json:"sector"`
	Responsible string   `json:"responsible"` // a party code, both or all
	Due         string   `json:"due"`         // TIMEX3, or ""
	DueMod      string   `json:"due_mod,omitempty"`
	DuePhrase   string   `json:"due_phrase,omitempty"`
	Evidence    Span     `json:"evidence"`
}

// DueWhen returns the commitment's due date as said, or the zero When.
func (c ExtractedCommitment) DueWhen() When {
	w, err := ParseWhen(c.Due, "", c.DueMod, false)
	if err != nil {
		return When{}
	}
	return w
}

// ExtractedInterest is an offer or a request between parties found in a source.
type ExtractedInterest struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"` // offer or request
	From      string   `json:"from"`
	To        string   `json:"to"`
	Statement string   `json:"statement"`
	Sectors   []string `json:"sectors"`
	Products  []string `json:"products,omitempty"`
	Evidence  Span     `json:"evidence"`
}

// ParseExtraction reads the stored draft of a text. An empty one is an empty draft. It gives
// missing ids (p1, e1, c1, i1 in order), drops spans that do not fit the text or cut one of its
// characters, and refuses ids used twice.
func ParseExtraction(raw json.RawMessage, text string) (*Extraction, error) {
	x := &Extraction{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, x); err != nil {
			return nil, &Error{Code: EINVALID, Message: "The draft is not a draft object: " + err.Error(),
				Fields: map[string]string{"extraction": "is not a draft: " + err.Error()}}
		}
	}
	x.normalize(text)
	if id := x.duplicateID(); id != "" {
		return nil, &Error{Code: EINVALID, Message: "The draft names two items " + id + ".",
			Fields: map[string]string{"extraction": "two items have the id " + id}}
	}
	return x, nil
}

// normalize gives every item an id and a span within the text, and every list a value.
func (x *Extraction) normalize(text string) {
	fit := func(s *Span) {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End || !onRune(text, s.Start) || !onRune(text, s.End) {
			*s = Span{}
		}
	}
	for i := range x.People {
		setID(&x.People[i].ID, "p", i)
		fit(&x.People[i].Evidence)
	}
	for i := range x.Events {
		setID(&x.Events[i].ID, "e", i)
		fit(&x.Events[i].Evidence)
	}
	for i := range x.Commitments {
		setID(&x.Commitments[i].ID, "c", i)
		fit(&x.Commitments[i].Evidence)
	}
	for i := range x.Interests {
		setID(&x.Interests[i].ID, "i", i)
		fit(&x.Interests[i].Evidence)
	}
	x.Parties, x.Sectors = orEmpty(x.Parties), orEmpty(x.Sectors)
	x.People, x.Events = orEmpty(x.People), orEmpty(x.Events)
	x.Commitments, x.Interests = orEmpty(x.Commitments), orEmpty(x.Interests)
}

// onRune reports whether offset i of text starts a character (or is its end).
func onRune(text string, i int) bool { return i == len(text) || isRuneStart(text[i]) }

func setID(id *string, prefix string, i int) {
	if strings.TrimSpace(*id) == "" {
		*id = prefix + strconv.Itoa(i+1)
	}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// duplicateID returns an id two items share, or "".
func (x *Extraction) duplicateID() string {
	seen := map[string]bool{}
	var ids []string
	for _, p := range x.People {
		ids = append(ids, p.ID)
	}
	for _, e := range x.Events {
		ids = append(ids, e.ID)
	}
	for _, c := range x.Commitments {
		ids = append(ids, c.ID)
	}
	for _, i := range x.Interests {
		ids = append(ids, i.ID)
	}
	for _, id := range ids {
		if seen[id] {
			return id
		}
		seen[id] = true
	}
	return ""
}

// Quote returns the words of a span of text, trimmed, as valid UTF-8; "" for an empty or
// impossible span.
func Quote(text string, s Span) string {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return ""
	}
	q := strings.ToValidUTF8(strings.TrimSpace(text[s.Start:s.End]), "\uFFFD")
	if len(q) > maxQuote {
		q = truncateText(q, maxQuote)
	}
	return q
}

// maxQuote is the longest quote items keep (their Validate allows 5000 characters).
const maxQuote = 4000

// truncateText cuts s to at most n bytes at a rune boundary and marks the cut with "…".
func truncateText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return strings.TrimSpace(s[:cut]) + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// event returns the draft's event with the id.
func (x *Extraction) event(id string) (ExtractedEvent, bool) {
	for _, e := range x.Events {
		if e.ID == id {
			return e, true
		}
	}
	return ExtractedEvent{}, false
}

func (x *Extraction) commitment(id string) (ExtractedCommitment, bool) {
	for _, c := range x.Commitments {
		if c.ID == id {
			return c, true
		}
	}
	return ExtractedCommitment{}, false
}

func (x *Extraction) interest(id string) (ExtractedInterest, bool) {
	for _, i := range x.Interests {
		if i.ID == id {
			return i, true
		}
	}
	return ExtractedInterest{}, false
}

// String summarises the draft for logs and tests.
func (x *Extraction) String() string {
	return fmt.Sprintf("%d parties, %d people, %d sectors, %d events, %d commitments, %d interests",
		len(x.Parties), len(x.People), len(x.Sectors), len(x.Events), len(x.Commitments), len(x.Interests))
}
