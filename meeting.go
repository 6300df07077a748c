package entente

import (
	"context"
	"time"
)

// Kinds of meeting.
var MeetingKinds = []string{"leaders_talks", "delegation_talks", "commission_session", "working_group",
	"visit", "call", "signing_ceremony", "forum", "other"}

// Meeting statuses.
const (
	MeetingPlanned   = "planned"
	MeetingHeld      = "held"
	MeetingPostponed = "postponed"
	MeetingCancelled = "cancelled"
)

// MeetingStatuses lists the statuses in their usual order.
var MeetingStatuses = []string{MeetingPlanned, MeetingHeld, MeetingPostponed, MeetingCancelled}

var meetingTransitions = map[string][]string{
	MeetingPlanned:   {MeetingHeld, MeetingPostponed, MeetingCancelled},
	MeetingPostponed: {MeetingPlanned, MeetingHeld, MeetingCancelled},
	MeetingCancelled: {MeetingPlanned},
	MeetingHeld:      {},
}

// Invitation states of a visit: extended → accepted → scheduled → held (or declined).
const (
	InvitationExtended  = "extended"
	InvitationAccepted  = "accepted"
	InvitationScheduled = "scheduled"
	InvitationHeld      = "held"
	InvitationDeclined  = "declined"
)

var invitationTransitions = map[string][]string{
	InvitationExtended:  {InvitationAccepted, InvitationDeclined},
	InvitationAccepted:  {InvitationScheduled, InvitationDeclined},
	InvitationScheduled: {InvitationHeld, InvitationAccepted, InvitationDeclined},
	InvitationHeld:      {},
	InvitationDeclined:  {InvitationExtended},
}

// Meeting is any interaction with a date: leaders' talks, a commission session, a visit, a
// call, a signing ceremony. When is the date as said ("2025-02", "2024-11-26TAF"); StartsAt and
// EndsAt are instants for when a time is known, shown in every party's zone.
type Meeting struct {
	ID          int64      `json:"id"`
	RoadmapID   int64      `json:"roadmap_id"`
	Kind        string     `json:"kind"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	When        When       `json:"when,omitzero"`
	StartsAt    *time.Time `json:"starts_at,omitempty"`
	EndsAt      *time.Time `json:"ends_at,omitempty"`
	TimeZone    string     `json:"time_zone,omitempty"` // the venue's zone
	Location    string     `json:"location,omitempty"`
	HostParty   string     `json:"host_party,omitempty"`
	Status      string     `json:"status"`
	Invitation  string     `json:"invitation,omitempty"` // for visits
	FollowsUpID int64      `json:"follows_up_id,omitempty"`
	Minutes     string     `json:"minutes,omitempty"`
	UID         string     `json:"uid,omitempty"` // iCalendar UID when imported from a calendar
	Version     int        `json:"version"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`

	// Filled by FindMeetingByID.
	Participants []*Participant `json:"participants,omitempty"`
	Agenda       []*AgendaItem  `json:"agenda,omitempty"`
	Decisions    []*Decision    `json:"decisions,omitempty"`
	FollowedBy   []int64        `json:"followed_by,omitempty"`
}

// Validate checks the meeting's fields.
func (m *Meeting) Validate() error {
	probs := Problems{}
	if m.RoadmapID <= 0 {
		probs.Add("roadmap_id", "is required")
	}
	checkOneOf(probs, "kind", m.Kind, MeetingKinds)
	checkText(probs, "title", m.Title, true, 300)
	checkText(probs, "description", m.Description, false, 20000)
	checkText(probs, "location", m.Location, false, 200)
	checkText(probs, "minutes", m.Minutes, false, 200000)
	checkOneOf(probs, "status", m.Status, MeetingStatuses)
	if m.HostParty != "" && !ValidPartyCode(m.HostParty) {
		probs.Add("host_party", "is not a party code")
	}
	if m.TimeZone != "" {
		if _, err := time.LoadLocation(m.TimeZone); err != nil {
			probs.Addf("time_zone", "%q is not a known IANA time zone", m.TimeZone)
		}
	}
	if m.StartsAt != nil && m.EndsAt != nil && !m.EndsAt.After(*m.StartsAt) {
		probs.Add("ends_at", "must be after starts_at")
	}
	if m.EndsAt != nil && m.StartsAt == nil {
		probs.Add("starts_at", "is required when ends_at is given")
	}
	if m.Invitation != "" {
		checkOneOf(probs, "invitation", m.Invitation, []string{InvitationExtended, InvitationAccepted,
			InvitationScheduled, InvitationHeld, InvitationDeclined})
		if m.Kind != "visit" {
			probs.Add("invitation", "only a visit has an invitation")
		}
	}
	if m.FollowsUpID != 0 && m.FollowsUpID == m.ID {
		probs.Add("follows_up_id", "a meeting cannot follow up itself")
	}
	return probs.Err("meeting")
}

// MeetingUpdate holds the fields of a meeting to change.
type MeetingUpdate struct {
	Version     int        `json:"version"`
	Kind        *string    `json:"kind"`
	Title       *string    `json:"title"`
	Description *string    `json:"description"`
	When        *When      `json:"when"`
	StartsAt    *time.Time `json:"starts_at"`
	EndsAt      *time.Time `json:"ends_at"`
	ClearTimes  bool       `json:"clear_times,omitempty"` // remove starts_at and ends_at
	TimeZone    *string    `json:"time_zone"`
	Location    *string    `json:"location"`
	HostParty   *string    `json:"host_party"`
	Status      *string    `json:"status"`
	Invitation  *string    `json:"invitation"`
	FollowsUpID *int64     `json:"follows_up_id"`
	Minutes     *string    `json:"minutes"`
}

// Apply copies the set fields onto m, checking the status and invitation transitions.
func (u MeetingUpdate) Apply(m *Meeting) error {
	probs := Problems{}
	if u.Status != nil {
		checkTransition(probs, "status", m.Status, *u.Status, meetingTransitions)
	}
	if u.Invitation != nil {
		checkTransition(probs, "invitation", m.Invitation, *u.Invitation, invitationTransitions)
	}
	setIf(&m.Kind, u.Kind)
	setIf(&m.Title, u.Title)
	setIf(&m.Description, u.Description)
	setIf(&m.When, u.When)
	if u.ClearTimes {
		m.StartsAt, m.EndsAt = nil, nil
	}
	if u.StartsAt != nil {
		m.StartsAt = u.StartsAt
	}
	if u.EndsAt != nil {
		m.EndsAt = u.EndsAt
	}
	setIf(&m.TimeZone, u.TimeZone)
	setIf(&m.Location, u.Location)
	setIf(&m.HostParty, u.HostParty)
	setIf(&m.Status, u.Status)
	setIf(&m.Invitation, u.Invitation)
	setIf(&m.FollowsUpID, u.FollowsUpID)
	setIf(&m.Minutes, u.Minutes)
	return probs.Err("meeting")
}

// Participant is a person, or a party's delegation, taking part in a meeting.
type Participant struct {
	ID        int64  `json:"id"`
	MeetingID int64  `json:"meeting_id"`
	PersonID  int64  `json:"person_id,omitempty"`
	Party     string `json:"party"`
	Name      string `json:"name,omitempty"` // the person's name, or a delegation's description
	Role      string `json:"role,omitempty"` // head of delegation, note-taker
}

// Validate checks the participant's fields.
func (p *Participant) Validate() error {
	probs := Problems{}
	if !ValidPartyCode(p.Party) {
		probs.Add("party", "is required: a party code")
	}
	checkText(probs, "name", p.Name, p.PersonID == 0, 200)
	checkText(probs, "role", p.Role, false, 200)
	return probs.Err("participant")
}

// AgendaItem is one point of a meeting's agenda.
type AgendaItem struct {
	ID        int64  `json:"id"`
	MeetingID int64  `json:"meeting_id"`
	Position  int    `json:"position"`
	Title     string `json:"title"`
	Notes     string `json:"notes,omitempty"`
	Version   int    `json:"version"`
}

// Validate checks the agenda item's fields.
func (a *AgendaItem) Validate() error {
	probs := Problems{}
	checkText(probs, "title", a.Title, true, 500)
	checkText(probs, "notes", a.Notes, false, 20000)
	if a.Position < 0 {
		probs.Add("position", "must not be negative")
	}
	return probs.Err("agenda item")
}

// AgendaItemUpdate holds the fields of an agenda item to change.
type AgendaItemUpdate struct {
	Version  int     `json:"version"`
	Position *int    `json:"position"`
	Title    *string `json:"title"`
	Notes    *string `json:"notes"`
}

// Apply copies the set fields onto a.
func (u AgendaItemUpdate) Apply(a *AgendaItem) {
	setIf(&a.Position, u.Position)
	setIf(&a.Title, u.Title)
	setIf(&a.Notes, u.Notes)
}

// Decision is something a meeting decided; it can become an action in one step.
type Decision struct {
	ID        int64  `json:"id"`
	MeetingID int64  `json:"meeting_id"`
	Text      string `json:"text"`
	ActionID  int64  `json:"action_id,omitempty"` // the action created from it
	Version   int    `json:"version"`
}

// Validate checks the decision's fields.
func (d *Decision) Validate() error {
	probs := Problems{}
	checkText(probs, "text", d.Text, true, 5000)
	return probs.Err("decision")
}

// DecisionUpdate holds the fields of a decision to change.
type DecisionUpdate struct {
	Version int     `json:"version"`
	Text    *string `json:"text"`
}

// MeetingFilter selects meetings.
type MeetingFilter struct {
	RoadmapID int64
	Kind      string
	Status    string
	Party     string // host party
	From      Date   // meetings whose dates reach on or after this day
	To        Date   // meetings whose dates start on or before this day
	Q         string
	Page      Page // sorts: when (default), title, updated
}

// MeetingService manages meetings with their participants, agenda and decisions. Reading needs
// read access to the roadmap (ENOTFOUND otherwise); changes need the editor role (EFORBIDDEN).
// A stale version is ECONFLICT. A follow-up link to a meeting of another roadmap is EINVALID.
type MeetingService interface {
	FindMeetingByID(ctx context.Context, id int64) (*Meeting, error)
	FindMeetings(ctx context.Context, filter MeetingFilter) ([]*Meeting, int, error)
	CreateMeeting(ctx context.Context, m *Meeting) error
	UpdateMeeting(ctx context.Context, id int64, upd MeetingUpdate) (*Meeting, error)
	DeleteMeeting(ctx context.Context, id int64) error

	AddParticipant(ctx context.Context, p *Participant) error
	RemoveParticipant(ctx context.Context, id int64) error
	CreateAgendaItem(ctx context.Context, a *AgendaItem) error
	UpdateAgendaItem(ctx context.Context, id int64, upd AgendaItemUpdate) (*AgendaItem, error)
	DeleteAgendaItem(ctx context.Context, id int64) error
	CreateDecision(ctx context.Context, d *Decision) error
	UpdateDecision(ctx context.Context, id int64, upd DecisionUpdate) (*Decision, error)
	DeleteDecision(ctx context.Context, id int64) error
	// CreateActionFromDecision creates the action and links the decision to it in one
	// transaction; a decision that already has an action is ECONFLICT.
	CreateActionFromDecision(ctx context.Context, decisionID int64, a *Action) error
}
