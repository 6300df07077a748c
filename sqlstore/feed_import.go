package sqlstore

import (
	"context"
	"strconv"

	"github.com/entente/entente"
)

// ImportMeetings imports the events of a calendar file into a roadmap's meetings in one
// transaction: the first event that cannot be imported leaves the roadmap as it was.
func (s *FeedService) ImportMeetings(ctx context.Context, roadmapID int64, events []*entente.CalendarEvent) (*entente.CalendarImport, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.CalendarImport, error) {
		r, err := tx.findRoadmap(roadmapID)
		if err != nil {
			return nil, err
		}
		if !entente.CanEditRoadmap(tx.caller, r.ID) {
			return nil, entente.Denied(tx.caller, "import meetings into this roadmap")
		}
		if err := checkEvents(events); err != nil {
			return nil, err
		}
		res := &entente.CalendarImport{Created: []int64{}, Updated: []int64{}, Unchanged: []int64{}}
		for i, ev := range events {
			if err := tx.importEvent(r, i, ev, res); err != nil {
				return nil, err
			}
		}
		return res, tx.audit(auditRecord{action: "import", entityType: "roadmap", entityID: r.ID, roadmapID: r.ID,
			after: map[string]any{"events": len(events), "created": res.Created, "updated": res.Updated, "unchanged": res.Unchanged}})
	})
}

// checkEvents refuses an empty or oversized file, events that break the meeting rules, and a
// UID given to two events.
func checkEvents(events []*entente.CalendarEvent) error {
	if len(events) == 0 {
		return entente.Errorf(entente.EINVALID, "The calendar file holds no events to import.")
	}
	if len(events) > entente.MaxCalendarFileEvents {
		return entente.Errorf(entente.EINVALID, "The calendar file holds %d events; at most %d are imported at once.",
			len(events), entente.MaxCalendarFileEvents)
	}
	first := map[string]int{}
	for i, ev := range events {
		if err := ev.Validate(i); err != nil {
			return err
		}
		if j, dup := first[ev.UID]; dup {
			return ev.Problems(i, entente.Problems{"uid": "is the UID of event " + strconv.Itoa(j+1) +
				" (line " + strconv.Itoa(events[j].Line) + ") too: each event of the file needs its own"})
		}
		first[ev.UID] = i
	}
	return nil
}

// importEvent creates, updates or keeps the meeting of one event.
func (tx *Tx) importEvent(r *entente.Roadmap, i int, ev *entente.CalendarEvent, res *entente.CalendarImport) error {
	m, err := tx.meetingOfEvent(r.ID, ev)
	if err != nil {
		return err
	}
	switch {
	case m == nil:
		id, err := tx.createImportedMeeting(r, i, ev)
		res.Created = append(res.Created, id)
		return err
	case ev.Sequence > entente.CalendarSequence(m):
		res.Updated = append(res.Updated, m.ID)
		return tx.updateImportedMeeting(m, i, ev)
	default:
		res.Unchanged = append(res.Unchanged, m.ID)
		return nil
	}
}

// meetingOfEvent finds the meeting of the roadmap an event was imported into before, or, for
// an event of entente's own feeds, the roadmap's meeting the feed was made from; nil if none.
func (tx *Tx) meetingOfEvent(roadmapID int64, ev *entente.CalendarEvent) (*entente.Meeting, error) {
	ms, err := scanAll(tx, "SELECT "+meetingColumns+" FROM meetings WHERE roadmap_id = ? AND uid = ? ORDER BY id LIMIT 1",
		[]any{roadmapID, ev.UID}, scanMeeting)
	if err != nil || len(ms) > 0 || ev.MeetingID == 0 {
		return firstOf(ms), err
	}
	ms, err = scanAll(tx, "SELECT "+meetingColumns+" FROM meetings WHERE id = ? AND roadmap_id = ? AND uid = ''",
		[]any{ev.MeetingID, roadmapID}, scanMeeting)
	return firstOf(ms), err
}

// firstOf returns the first item of a list, or nil.
func firstOf[T any](xs []*T) *T {
	if len(xs) == 0 {
		return nil
	}
	return xs[0]
}

// createImportedMeeting adds the event's meeting. Its version is the event's SEQUENCE + 1, so
// that feeds give the meeting the event's SEQUENCE back.
func (tx *Tx) createImportedMeeting(r *entente.Roadmap, i int, ev *entente.CalendarEvent) (int64, error) {
	m := ev.Meeting
	m.ID, m.RoadmapID, m.UID = 0, r.ID, ev.UID
	if m.Kind == "" {
		m.Kind = "other"
	}
	if m.Status == "" {
		m.Status = entente.MeetingPlanned
	}
	if err := m.Validate(); err != nil {
		return 0, ev.Problems(i, entente.ErrorFields(err))
	}
	m.CreatedAt, m.UpdatedAt, m.Version = tx.now, tx.now, ev.Sequence+1
	var err error
	m.ID, err = tx.insert("meetings", append(meetingValues(&m),
		colval{"created_at", formatTime(m.CreatedAt)}, colval{"version", m.Version}))
	if err != nil {
		return 0, err
	}
	return m.ID, tx.audit(auditRecord{action: "create", entityType: "meeting", entityID: m.ID, roadmapID: r.ID, after: &m})
}

// updateImportedMeeting rewrites what the event says of the meeting (title, description,
// dates, place, kind, and whether it is cancelled) and keeps what only entente knows
// (participants, agenda, minutes, decisions, host, follow-ups). The status moves only where
// the domain allows: a held meeting is not cancelled by a calendar.
func (tx *Tx) updateImportedMeeting(m *entente.Meeting, i int, ev *entente.CalendarEvent) error {
	before := *m
	e := ev.Meeting
	upd := entente.MeetingUpdate{Title: &e.Title, Description: &e.Description, When: &e.When,
		StartsAt: e.StartsAt, EndsAt: e.EndsAt, ClearTimes: true, TimeZone: &e.TimeZone, Location: &e.Location}
	if e.Kind != "" {
		upd.Kind = &e.Kind
	}
	status := m.Status
	if e.Status == entente.MeetingCancelled {
		status = entente.MeetingCancelled
	} else if m.Status == entente.MeetingCancelled {
		status = entente.MeetingPlanned
	}
	if status != m.Status {
		upd.Status = &status
	}
	if err := upd.Apply(m); err != nil {
		return ev.Problems(i, entente.ErrorFields(err))
	}
	if err := m.Validate(); err != nil {
		return ev.Problems(i, entente.ErrorFields(err))
	}
	m.UpdatedAt, m.Version = tx.now, ev.Sequence+1
	sets, args := setSQL(append(meetingValues(m), colval{"version", m.Version}))
	res, err := tx.exec("UPDATE meetings SET "+sets+" WHERE id = ? AND version = ?", append(args, m.ID, before.Version)...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return staleVersion("meeting")
	}
	return tx.audit(auditRecord{action: "update", entityType: "meeting", entityID: m.ID, roadmapID: m.RoadmapID, before: &before, after: m})
}
