package entente

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// SourceApplication is what a user accepted of a source's draft, to apply to a roadmap: the
// existing roadmap (RoadmapID), or a new one for the draft's parties (NewRoadmap), and the
// accepted items, each as the user edited it. An item with a Ref stands for that item of the
// draft (e1, c2, i1, or a sector code for a track): its quote comes from the draft's evidence,
// and the fields it leaves empty are the draft's. AcceptAll accepts every item the draft
// proposes, as proposed.
type SourceApplication struct {
	RoadmapID   int64            `json:"roadmap_id,omitempty"`
	NewRoadmap  *NewRoadmap      `json:"new_roadmap,omitempty"`
	AcceptAll   bool             `json:"accept_all,omitempty"`
	Meetings    []MeetingItem    `json:"meetings"`
	Commitments []CommitmentItem `json:"commitments"`
	Interests   []InterestItem   `json:"interests"`
	Tracks      []TrackItem      `json:"tracks"`
}

// NewRoadmap describes the roadmap an application creates.
type NewRoadmap struct {
	Title   string   `json:"title"`
	Parties []string `json:"parties"` // default: the draft's parties
}

// MeetingItem is an event of the draft accepted as a meeting.
type MeetingItem struct {
	Ref         string `json:"ref,omitempty"`
	Kind        string `json:"kind,omitempty"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
	When        When   `json:"when,omitzero"`
	Location    string `json:"location,omitempty"`
	HostParty   string `json:"host_party,omitempty"`
	Status      string `json:"status,omitempty"`
	Invitation  string `json:"invitation,omitempty"`
}

// CommitmentItem is a commitment of the draft, accepted.
type CommitmentItem struct {
	Ref         string   `json:"ref,omitempty"`
	Statement   string   `json:"statement,omitempty"`
	Sectors     []string `json:"sectors,omitempty"`
	Responsible string   `json:"responsible,omitempty"`
	Due         When     `json:"due,omitzero"`
}

// InterestItem is an offer or request of the draft, accepted.
type InterestItem struct {
	Ref       string   `json:"ref,omitempty"`
	Kind      string   `json:"kind,omitempty"`
	FromParty string   `json:"from_party,omitempty"`
	ToParty   string   `json:"to_party,omitempty"`
	Title     string   `json:"title,omitempty"`
	Sectors   []string `json:"sectors,omitempty"`
	Products  []string `json:"products,omitempty"`
}

// TrackItem is a sector of the draft accepted as a track; its Ref is the sector code.
type TrackItem struct {
	Ref    string `json:"ref,omitempty"`
	Sector string `json:"sector,omitempty"`
	Title  string `json:"title,omitempty"`
}

// Outcomes of an applied item.
const (
	OutcomeCreated = "created" // a new row was made
	OutcomeMatched = "matched" // the roadmap already had it; nothing changed
	OutcomeUpdated = "updated" // the roadmap had it, and the source moved it on (held, postponed, dated)
)

// AppliedItem says what became of one accepted item.
type AppliedItem struct {
	Ref        string `json:"ref,omitempty"`
	EntityType string `json:"entity_type"` // meeting, commitment, interest, track
	EntityID   int64  `json:"entity_id"`
	Title      string `json:"title"`
	Outcome    string `json:"outcome"`
	// Changes names what an update changed: status, when, location, due, products.
	Changes []string `json:"changes,omitempty"`
	// Problem says why a skipped item could not be applied.
	Problem string `json:"problem,omitempty"`
}

// SourceApplied is the result of applying a source: the roadmap, and what became of each item.
type SourceApplied struct {
	Source  *Source       `json:"source"`
	Roadmap *Roadmap      `json:"roadmap"`
	Items   []AppliedItem `json:"items"`
	Created int           `json:"created"`
	Matched int           `json:"matched"`
	Updated int           `json:"updated"`
	Skipped int           `json:"skipped"`
}

// Count tallies the outcomes of the items.
func (a *SourceApplied) Count() {
	a.Created, a.Matched, a.Updated, a.Skipped = 0, 0, 0, 0
	for _, it := range a.Items {
		switch it.Outcome {
		case OutcomeSkipped:
			a.Skipped++
		case OutcomeCreated:
			a.Created++
		case OutcomeMatched:
			a.Matched++
		case OutcomeUpdated:
			a.Updated++
		}
	}
}

// SourceLink records that an item of a source's draft became, or was matched to, a row of a
// roadmap; applying the source again finds the same row through it.
type SourceLink struct {
	SourceID   int64  `json:"source_id"`
	Ref        string `json:"ref"`
	EntityType string `json:"entity_type"`
	EntityID   int64  `json:"entity_id"`
	Quote      string `json:"quote,omitempty"`
}

// Text formats of a statement given to ReadSource.
const (
	FormatText = "text"
	FormatHTML = "html"
)

// SourceApplier applies the accepted items of a source's draft to a roadmap, all or nothing,
// in one transaction: it makes the new roadmap when asked, plans with PlanApplication against
// what the roadmap holds, creates, updates and links the rows, records each change in the
// audit trail, and links the source to the roadmap. The caller needs the editor role of the
// roadmap (or may create roadmaps, for a new one) and write access to the source (EFORBIDDEN,
// ENOTFOUND when the source cannot be read). Bad items are EINVALID with per-item fields
// (meetings[2].when); a source applied to another roadmap is ECONFLICT. FindSourceLinks lists
// what the items of a source became, to whoever may read the source (ENOTFOUND otherwise).
type SourceApplier interface {
	ApplySource(ctx context.Context, sourceID int64, app SourceApplication) (*SourceApplied, error)
	FindSourceLinks(ctx context.Context, sourceID int64) ([]SourceLink, error)
}

// ReadingService reads statements and applies what users accept of them. ReadSource stores a
// statement with the draft read from its text (format FormatText or FormatHTML, whose markup is
// dropped); a draft given in Extraction is kept as given. Unreadable text (empty, binary, over
// 5 MiB, not English) and a missing publication date are EINVALID; otherwise it follows
// SourceService.CreateSource. PartyNamed describes a country a statement names (its name and
// time zone), for adding it as a party; ENOTFOUND for a code no country has.
type ReadingService interface {
	ReadSource(ctx context.Context, s *Source, format string) error
	PartyNamed(code string) (*Party, error)
	SourceApplier
}

// DefaultSourceTitle makes a title for a source that was given none: its first line, cut at a
// word boundary to at most 120 bytes.
func DefaultSourceTitle(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			if len(line) <= 120 {
				return line
			}
			cut := strings.LastIndexByte(line[:117], ' ')
			if cut < 40 {
				return truncateText(line, 120)
			}
			return line[:cut] + " …"
		}
	}
	return "Statement"
}

// Sector names in English, the default titles of tracks made from a draft's sectors.
var sectorNames = map[string]string{
	"agriculture": "Agriculture", "food_security": "Food security", "mining_minerals": "Mining and minerals",
	"energy": "Energy", "information_technology": "Information technology", "heavy_machinery": "Heavy machinery",
	"manufacturing": "Manufacturing", "defense": "Defence", "security": "Security", "trade": "Trade",
	"investment": "Investment", "textiles": "Textiles", "transport_logistics": "Transport and logistics",
	"health": "Health", "education": "Education", "science_technology": "Science and technology",
	"culture_tourism": "Culture and tourism", "parliamentary": "Parliamentary exchanges",
	"political_dialogue": "Political dialogue", "finance_banking": "Finance and banking",
	"environment_climate": "Environment and climate", "other": "Other",
}

// SectorName returns the English name of a sector code, or the code itself.
func SectorName(code string) string {
	if n, ok := sectorNames[code]; ok {
		return n
	}
	return code
}

// Proposal returns the items a draft proposes, each as the draft has it: a meeting for every
// event but deadlines, every commitment and interest, and a track for every sector but
// "other". A user accepts, edits or rejects them; AcceptAll applies them as they are.
func (x *Extraction) Proposal() SourceApplication {
	app := SourceApplication{Meetings: []MeetingItem{}, Commitments: []CommitmentItem{}, Interests: []InterestItem{}, Tracks: []TrackItem{}}
	for _, e := range x.Events {
		if m, ok := proposeMeeting(e); ok {
			app.Meetings = append(app.Meetings, m)
		}
	}
	for _, c := range x.Commitments {
		app.Commitments = append(app.Commitments, CommitmentItem{Ref: c.ID, Statement: c.Statement,
			Sectors: validSectors(c.Sectors), Responsible: c.Responsible, Due: c.DueWhen()})
	}
	for _, i := range x.Interests {
		app.Interests = append(app.Interests, InterestItem{Ref: i.ID, Kind: i.Kind, FromParty: i.From, ToParty: i.To,
			Title: i.Statement, Sectors: validSectors(i.Sectors), Products: slices.Clone(i.Products)})
	}
	for _, s := range x.Sectors {
		if s != "other" && ValidSector(s) {
			app.Tracks = append(app.Tracks, TrackItem{Ref: s, Sector: s, Title: SectorName(s)})
		}
	}
	return app
}

func validSectors(in []string) []string {
	out := []string{}
	for _, s := range in {
		if ValidSector(s) && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// proposeMeeting turns an event into a meeting; a deadline is no meeting.
func proposeMeeting(e ExtractedEvent) (MeetingItem, bool) {
	kind := meetingKindOf(e)
	if kind == "" {
		return MeetingItem{}, false
	}
	m := MeetingItem{Ref: e.ID, Kind: kind, Description: e.Description, When: e.When(), Location: e.Location,
		HostParty: e.HostParty, Status: meetingStatusOf(e.Status)}
	if kind == "visit" && (e.Invitation == InvitationExtended || e.Invitation == InvitationAccepted) {
		m.Invitation = e.Invitation
	}
	m.Title = MeetingTitle(kind, e.Location)
	return m, true
}

// meetingKindOf maps an event kind to a meeting kind; a meeting whose kind the text does not
// say is taken for talks between the delegations.
func meetingKindOf(e ExtractedEvent) string {
	switch e.Kind {
	case EventMeeting:
		if slices.Contains(MeetingKinds, e.MeetingKind) {
			return e.MeetingKind
		}
		return "delegation_talks"
	case EventVisit:
		return "visit"
	case EventSigning:
		return "signing_ceremony"
	case EventCommissionSession, EventCall, EventForum, EventOther:
		return e.Kind
	}
	return ""
}

func meetingStatusOf(status string) string {
	switch status {
	case EventHeld, EventOngoing:
		return MeetingHeld
	case EventPostponed:
		return MeetingPostponed
	}
	return MeetingPlanned
}

var meetingTitles = map[string]string{
	"leaders_talks": "Leaders' talks", "delegation_talks": "Delegation-level talks",
	"commission_session": "Commission session", "working_group": "Working group meeting",
	"visit": "Visit", "call": "Telephone call", "signing_ceremony": "Signing of agreements",
	"forum": "Forum", "other": "Meeting",
}

// MeetingTitle makes the English title of a meeting of a kind at a place: "Leaders' talks in
// Islamabad", "Visit to Belarus".
func MeetingTitle(kind, location string) string {
	t, ok := meetingTitles[kind]
	if !ok {
		t = "Meeting"
	}
	location = strings.TrimSpace(location)
	switch {
	case location == "" || len(location) > 100:
		return t
	case kind == "visit":
		return t + " to " + location
	}
	return t + " in " + location
}

// String names the application's target, for logs.
func (app SourceApplication) String() string {
	target := fmt.Sprintf("roadmap %d", app.RoadmapID)
	if app.NewRoadmap != nil {
		target = "a new roadmap of " + strings.Join(app.NewRoadmap.Parties, ", ")
	}
	return fmt.Sprintf("%d meetings, %d commitments, %d interests, %d tracks to %s",
		len(app.Meetings), len(app.Commitments), len(app.Interests), len(app.Tracks), target)
}
