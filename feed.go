package entente

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// FeedLink is a user's secret address of their calendar feed, for calendar programs that
// subscribe by URL and cannot sign in. The secret is shown once when the link is made and
// stored only as a hash; a revoked link answers "not found". A feed shows what its owner may
// read, as if they read it with a read-only API token.
type FeedLink struct {
	ID         int64      `json:"id"`
	UserID     int64      `json:"user_id"`
	Name       string     `json:"name"` // which calendar program it was made for
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
}

// Limits of a calendar file to import: larger files are refused before they are read.
const (
	MaxCalendarFileSize   = 2 << 20
	MaxCalendarFileEvents = 2000
)

// CalendarEvent is one event read from a calendar file, to become a meeting of a roadmap or to
// update the meeting imported from it before.
type CalendarEvent struct {
	UID      string
	Sequence int // the event's revision (SEQUENCE): only a higher one changes a meeting
	Line     int // the line of the file where the event begins, for errors
	// MeetingID is the meeting of this installation the UID names, when the file is one of
	// entente's own feeds; 0 otherwise.
	MeetingID int64
	// Meeting holds what the event says: kind, title, description, when, starts_at, ends_at,
	// time_zone, location and status.
	Meeting Meeting
}

// Name says which event of a file this is, for messages: its title, UID and line.
func (e *CalendarEvent) Name() string {
	title := strings.TrimSpace(e.Meeting.Title)
	if title == "" {
		title = "(no SUMMARY)"
	}
	return "the event “" + title + "” (UID " + e.UID + ", line " + strconv.Itoa(e.Line) + ")"
}

// MaxCalendarSequence is the highest SEQUENCE an imported event may have, so that the
// meeting's version (SEQUENCE + 1) fits every database's integer.
const MaxCalendarSequence = 1 << 30

// Validate checks the event as a meeting of the roadmap. Each problem is reported under
// events[i] (i counting from 0) and the message names the event, so that the person
// importing a file with a thousand events can find the one at fault.
func (e *CalendarEvent) Validate(i int) error {
	probs := Problems{}
	if e.UID == "" {
		probs.Add("uid", "is required: every event needs a UID")
	} else if len(e.UID) > 500 {
		probs.Add("uid", "is longer than 500 characters")
	} else if strings.IndexFunc(e.UID, unicode.IsControl) >= 0 || !utf8.ValidString(e.UID) {
		probs.Add("uid", "contains control characters or is not UTF-8")
	}
	if e.Sequence < 0 || e.Sequence > MaxCalendarSequence {
		probs.Addf("sequence", "must be between 0 and %d", MaxCalendarSequence)
	}
	m := e.Meeting
	m.ID, m.RoadmapID = 0, 1 // the roadmap is the import's, not the event's
	if m.Kind == "" {
		m.Kind = "other"
	}
	if m.Status == "" {
		m.Status = MeetingPlanned
	}
	if err := m.Validate(); err != nil {
		probs.Merge("", ErrorFields(err))
	}
	return e.Problems(i, probs)
}

// Problems turns problems of the event's fields into the EINVALID error naming the event, or
// nil when there are none.
func (e *CalendarEvent) Problems(i int, probs Problems) error {
	if len(probs) == 0 {
		return nil
	}
	named := Problems{}
	for field, problem := range probs {
		named.Add(eventProperty(field), problem)
	}
	out := Problems{}
	out.Merge("events["+strconv.Itoa(i)+"]", named)
	return &Error{Code: EINVALID, Message: "The calendar file was not imported: " + e.Name() + " has invalid fields.",
		Fields: map[string]string(out)}
}

// eventProperty names the iCalendar property a meeting's field comes from, so that a problem
// is reported where the person who made the file can find it.
func eventProperty(field string) string {
	switch field {
	case "title":
		return "summary"
	case "starts_at", "time_zone", "when", "when.value", "when.end":
		return "dtstart"
	case "ends_at":
		return "dtend"
	case "kind":
		return "x-entente-kind"
	}
	return field
}

// CalendarImport says what importing a calendar file did, meeting by meeting.
type CalendarImport struct {
	Created   []int64 `json:"created"`
	Updated   []int64 `json:"updated"`
	Unchanged []int64 `json:"unchanged"`
}

// CalendarSequence is the SEQUENCE a meeting has in calendar feeds: its version less one, so
// that a new meeting starts at 0 as RFC 5545 asks and every change raises it.
func CalendarSequence(m *Meeting) int { return max(m.Version-1, 0) }

// CanMakeFeedLink reports whether the caller may make calendar feed links: a user signed in
// with their password (not a program with an API token, not the system).
func CanMakeFeedLink(c *Caller) bool {
	return !c.IsAnonymous() && !c.System && c.TokenScope == ""
}

// FeedService keeps users' calendar feed links and imports calendar files into meetings.
//
// CreateFeedLink, FindFeedLinks and RevokeFeedLink act on the caller's own links (EFORBIDDEN
// for API tokens and visitors; a link of another user is ENOTFOUND). CallerForFeed finds the
// owner of a feed secret as a read-only caller; an unknown or revoked secret, or a disabled
// owner, is ENOTFOUND. ImportMeetings needs the editor role in the roadmap (EFORBIDDEN); it
// creates a meeting for each new UID, updates the meeting of a known UID when the event's
// SEQUENCE is higher than the meeting's, and leaves it alone otherwise. An event that breaks
// a rule is EINVALID naming the event and its field, and then nothing is imported.
type FeedService interface {
	CreateFeedLink(ctx context.Context, name string) (secret string, link *FeedLink, err error)
	FindFeedLinks(ctx context.Context) ([]*FeedLink, error)
	RevokeFeedLink(ctx context.Context, id int64) error
	CallerForFeed(ctx context.Context, secret string) (*Caller, error)
	ImportMeetings(ctx context.Context, roadmapID int64, events []*CalendarEvent) (*CalendarImport, error)
}
