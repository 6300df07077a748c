package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// MeetingService implements entente.MeetingService.
type MeetingService struct{ db *DB }

// NewMeetingService returns the meeting service of db.
func NewMeetingService(db *DB) *MeetingService { return &MeetingService{db: db} }

const meetingColumns = `id, roadmap_id, kind, title, description, ` + "when_value, when_end, when_mod, when_approx" + `,
	starts_at, ends_at, time_zone, location, host_party, status, invitation, follows_up_id, minutes, uid,
	version, created_at, updated_at`

func scanMeeting(s rowScanner) (*entente.Meeting, error) {
	var m entente.Meeting
	var w whenScan
	dest := append([]any{&m.ID, &m.RoadmapID, &m.Kind, &m.Title, &m.Description}, w.dest()...)
	dest = append(dest, optTimeCol{&m.StartsAt}, optTimeCol{&m.EndsAt}, &m.TimeZone, &m.Location,
		textCol{&m.HostParty}, &m.Status, &m.Invitation, idCol{&m.FollowsUpID}, &m.Minutes, &m.UID,
		&m.Version, timeCol{&m.CreatedAt}, timeCol{&m.UpdatedAt})
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	m.When = w.when()
	return &m, nil
}

func meetingValues(m *entente.Meeting) []colval {
	cols := []colval{{"roadmap_id", m.RoadmapID}, {"kind", m.Kind}, {"title", m.Title},
		{"description", m.Description}, {"starts_at", timeArg(m.StartsAt)}, {"ends_at", timeArg(m.EndsAt)},
		{"time_zone", m.TimeZone}, {"location", m.Location}, {"host_party", textArg(m.HostParty)},
		{"status", m.Status}, {"invitation", m.Invitation}, {"follows_up_id", idArg(m.FollowsUpID)},
		{"minutes", m.Minutes}, {"uid", m.UID},
		{"search", searchText(m.Title, m.Description, m.Location, m.Minutes)}, {"updated_at", formatTime(m.UpdatedAt)}}
	return append(cols, whenValues("when", m.When)...)
}

// findMeeting loads a meeting of a roadmap the caller may read.
func (tx *Tx) findMeeting(id int64) (*entente.Meeting, error) {
	m, err := scanMeeting(tx.queryRow("SELECT "+meetingColumns+" FROM meetings WHERE id = ?", id))
	if err != nil {
		return nil, notFoundIfNoRows(err, "meeting", id)
	}
	if _, err := tx.findRoadmap(m.RoadmapID); err != nil {
		return nil, entente.NotFound("meeting", id)
	}
	return m, nil
}

// meetingForWrite loads a meeting the caller may change.
func (tx *Tx) meetingForWrite(id int64, what string) (*entente.Meeting, error) {
	m, err := tx.findMeeting(id)
	if err != nil {
		return nil, err
	}
	if !entente.CanEditRoadmap(tx.caller, m.RoadmapID) {
		return nil, entente.Denied(tx.caller, what)
	}
	return m, nil
}

// FindMeetingByID returns a meeting with participants, agenda, decisions and follow-ups.
func (s *MeetingService) FindMeetingByID(ctx context.Context, id int64) (*entente.Meeting, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.Meeting, error) {
		m, err := tx.findMeeting(id)
		if err != nil {
			return nil, err
		}
		return m, tx.fillMeeting(m)
	})
}

func (tx *Tx) fillMeeting(m *entente.Meeting) error {
	var err error
	if m.Participants, err = tx.participants(m.ID); err != nil {
		return err
	}
	if m.Agenda, err = tx.agendaItems(m.ID); err != nil {
		return err
	}
	if m.Decisions, err = tx.decisions(m.ID); err != nil {
		return err
	}
	rows, err := tx.query("SELECT id FROM meetings WHERE follows_up_id = ? ORDER BY id", m.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var f int64
		if err := rows.Scan(&f); err != nil {
			return err
		}
		m.FollowedBy = append(m.FollowedBy, f)
	}
	return rows.Err()
}

var meetingSorts = map[string]string{
	"":        "COALESCE(when_earliest, '9999-12-31')",
	"when":    "COALESCE(when_earliest, '9999-12-31')",
	"title":   "title",
	"updated": "updated_at",
}

// FindMeetings lists meetings of the roadmaps the caller may read, by date.
func (s *MeetingService) FindMeetings(ctx context.Context, f entente.MeetingFilter) ([]*entente.Meeting, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.Meeting], error) {
		var w where
		tx.visibleRoadmaps(&w, "roadmap_id")
		w.andIf(f.RoadmapID != 0, "roadmap_id = ?", f.RoadmapID)
		w.andIf(f.Kind != "", "kind = ?", f.Kind)
		w.andIf(f.Status != "", "status = ?", f.Status)
		w.andIf(f.Party != "", "host_party = ?", f.Party)
		w.andIf(!f.From.IsZero(), "when_latest >= ?", f.From.String())
		w.andIf(!f.To.IsZero(), "when_earliest <= ?", f.To.String())
		w.text(f.Q)
		var res listResult[*entente.Meeting]
		var err error
		res.total, err = tx.list(listSpec{table: "meetings", columns: meetingColumns, sorts: meetingSorts}, w, f.Page,
			func(rs rowScanner) error {
				m, err := scanMeeting(rs)
				res.items = append(res.items, m)
				return err
			})
		return res, err
	})
	return r.items, r.total, err
}

// CreateMeeting adds a meeting to a roadmap.
func (s *MeetingService) CreateMeeting(ctx context.Context, m *entente.Meeting) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.createMeeting(m) })
	return err
}

func (tx *Tx) createMeeting(m *entente.Meeting) error {
	if m.Status == "" {
		m.Status = entente.MeetingPlanned
	}
	if err := m.Validate(); err != nil {
		return err
	}
	r, err := tx.roadmapForWrite(m.RoadmapID, "add meetings to this roadmap")
	if err != nil {
		return err
	}
	if err := tx.checkMeetingRefs(r, m); err != nil {
		return err
	}
	m.CreatedAt, m.UpdatedAt, m.Version = tx.now, tx.now, 1
	if m.ID, err = tx.insert("meetings", append(meetingValues(m), colval{"created_at", formatTime(m.CreatedAt)})); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "meeting", entityID: m.ID, roadmapID: m.RoadmapID, after: m})
}

func (tx *Tx) checkMeetingRefs(r *entente.Roadmap, m *entente.Meeting) error {
	if m.HostParty != "" && !r.HasParty(m.HostParty) {
		return fieldError("host_party", m.HostParty+" is not a party of this roadmap")
	}
	if m.FollowsUpID != 0 {
		return tx.checkInRoadmap("meetings", "follows_up_id", m.FollowsUpID, r.ID)
	}
	return nil
}

// UpdateMeeting changes a meeting.
func (s *MeetingService) UpdateMeeting(ctx context.Context, id int64, upd entente.MeetingUpdate) (*entente.Meeting, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Meeting, error) {
		m, err := tx.meetingForWrite(id, "change this meeting")
		if err != nil {
			return nil, err
		}
		if err := checkVersion("meeting", m.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *m
		if err := upd.Apply(m); err != nil {
			return nil, err
		}
		if err := m.Validate(); err != nil {
			return nil, err
		}
		r, err := tx.findRoadmap(m.RoadmapID)
		if err != nil {
			return nil, err
		}
		if err := tx.checkMeetingRefs(r, m); err != nil {
			return nil, err
		}
		if err := tx.checkFollowUpChain(m); err != nil {
			return nil, err
		}
		m.UpdatedAt = tx.now
		if err := tx.updateVersioned("meetings", "meeting", id, upd.Version, meetingValues(m)); err != nil {
			return nil, err
		}
		m.Version++
		return m, tx.audit(auditRecord{action: "update", entityType: "meeting", entityID: id, roadmapID: m.RoadmapID, before: &before, after: m})
	})
}

// checkFollowUpChain refuses a follow-up link that would make a meeting follow itself.
func (tx *Tx) checkFollowUpChain(m *entente.Meeting) error {
	seen := map[int64]bool{m.ID: true}
	for next := m.FollowsUpID; next != 0; {
		if seen[next] {
			return fieldError("follows_up_id", "would make the meetings follow each other in a circle")
		}
		seen[next] = true
		if err := tx.queryRow("SELECT COALESCE(follows_up_id, 0) FROM meetings WHERE id = ?", next).Scan(&next); err != nil {
			return notFoundIfNoRows(err, "meeting", next)
		}
	}
	return nil
}

// DeleteMeeting deletes a meeting with its agenda, decisions and participants.
func (s *MeetingService) DeleteMeeting(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		m, err := tx.meetingForWrite(id, "delete this meeting")
		if err != nil {
			return struct{}{}, err
		}
		if err := tx.deleteEntity("meetings", "meeting", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "meeting", entityID: id, roadmapID: m.RoadmapID, before: m})
	})
	return err
}
