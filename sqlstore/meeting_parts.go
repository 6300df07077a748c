package sqlstore

import (
	"context"

	"github.com/entente/entente"
)

// The parts of a meeting: participants, agenda items and decisions. Each change to a part is
// audited as a change of its own kind, under the meeting's roadmap.

func (tx *Tx) participants(meetingID int64) ([]*entente.Participant, error) {
	return scanAll(tx, `SELECT p.id, p.meeting_id, p.person_id, p.party, COALESCE(NULLIF(p.name, ''), pe.name, ''), p.role
		FROM meeting_participants p LEFT JOIN people pe ON pe.id = p.person_id
		WHERE p.meeting_id = ? ORDER BY p.id`, []any{meetingID}, func(s rowScanner) (*entente.Participant, error) {
		var p entente.Participant
		err := s.Scan(&p.ID, &p.MeetingID, idCol{&p.PersonID}, &p.Party, &p.Name, &p.Role)
		return &p, err
	})
}

func (tx *Tx) agendaItems(meetingID int64) ([]*entente.AgendaItem, error) {
	return scanAll(tx, "SELECT id, meeting_id, position, title, notes, version FROM agenda_items WHERE meeting_id = ? ORDER BY position, id",
		[]any{meetingID}, scanAgendaItem)
}

func scanAgendaItem(s rowScanner) (*entente.AgendaItem, error) {
	var a entente.AgendaItem
	err := s.Scan(&a.ID, &a.MeetingID, &a.Position, &a.Title, &a.Notes, &a.Version)
	return &a, err
}

func (tx *Tx) decisions(meetingID int64) ([]*entente.Decision, error) {
	return scanAll(tx, "SELECT id, meeting_id, text, action_id, version FROM decisions WHERE meeting_id = ? ORDER BY id",
		[]any{meetingID}, scanDecision)
}

func scanDecision(s rowScanner) (*entente.Decision, error) {
	var d entente.Decision
	err := s.Scan(&d.ID, &d.MeetingID, &d.Text, idCol{&d.ActionID}, &d.Version)
	return &d, err
}

// scanAll runs a query and scans every row.
func scanAll[T any](tx *Tx, query string, args []any, scan func(rowScanner) (T, error)) ([]T, error) {
	rows, err := tx.query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// AddParticipant adds a person or a party's delegation to a meeting.
func (s *MeetingService) AddParticipant(ctx context.Context, p *entente.Participant) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) { return struct{}{}, tx.addParticipant(p) })
	return err
}

func (tx *Tx) addParticipant(p *entente.Participant) error {
	m, err := tx.meetingForWrite(p.MeetingID, "change who takes part in this meeting")
	if err != nil {
		return err
	}
	if p.PersonID != 0 {
		person, err := tx.findPerson(p.PersonID)
		if err != nil {
			return fieldError("person_id", "no person with this id")
		}
		if p.Party == "" {
			p.Party = person.Party
		} else if p.Party != person.Party {
			return fieldError("party", person.Name+" belongs to "+person.Party)
		}
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if err := tx.checkParties("party", []string{p.Party}); err != nil {
		return err
	}
	if p.ID, err = tx.insert("meeting_participants", []colval{{"meeting_id", p.MeetingID}, {"person_id", idArg(p.PersonID)},
		{"party", p.Party}, {"name", p.Name}, {"role", p.Role}}); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "participant", entityID: p.ID, roadmapID: m.RoadmapID, after: p})
}

// RemoveParticipant removes a participant from a meeting.
func (s *MeetingService) RemoveParticipant(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		var meetingID int64
		if err := tx.queryRow("SELECT meeting_id FROM meeting_participants WHERE id = ?", id).Scan(&meetingID); err != nil {
			return struct{}{}, notFoundIfNoRows(err, "participant", id)
		}
		m, err := tx.meetingForWrite(meetingID, "change who takes part in this meeting")
		if err != nil {
			return struct{}{}, notFoundIfCode(err, "participant", id)
		}
		if err := tx.deleteRow("meeting_participants", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "participant", entityID: id, roadmapID: m.RoadmapID})
	})
	return err
}

// notFoundIfCode names the part rather than its meeting when the meeting cannot be read.
func notFoundIfCode(err error, kind string, id int64) error {
	if entente.ErrorCode(err) == entente.ENOTFOUND {
		return entente.NotFound(kind, id)
	}
	return err
}

// CreateAgendaItem adds a point to a meeting's agenda; position 0 appends it.
func (s *MeetingService) CreateAgendaItem(ctx context.Context, a *entente.AgendaItem) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		if err := a.Validate(); err != nil {
			return struct{}{}, err
		}
		m, err := tx.meetingForWrite(a.MeetingID, "change this meeting's agenda")
		if err != nil {
			return struct{}{}, err
		}
		if a.Position == 0 {
			if err := tx.queryRow("SELECT COALESCE(MAX(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?", a.MeetingID).Scan(&a.Position); err != nil {
				return struct{}{}, err
			}
		}
		a.Version = 1
		if a.ID, err = tx.insert("agenda_items", []colval{{"meeting_id", a.MeetingID}, {"position", a.Position},
			{"title", a.Title}, {"notes", a.Notes}}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "create", entityType: "agenda_item", entityID: a.ID, roadmapID: m.RoadmapID, after: a})
	})
	return err
}

// agendaItemForWrite loads an agenda item the caller may change, with its meeting.
func (tx *Tx) agendaItemForWrite(id int64) (*entente.AgendaItem, *entente.Meeting, error) {
	a, err := scanAgendaItem(tx.queryRow("SELECT id, meeting_id, position, title, notes, version FROM agenda_items WHERE id = ?", id))
	if err != nil {
		return nil, nil, notFoundIfNoRows(err, "agenda item", id)
	}
	m, err := tx.meetingForWrite(a.MeetingID, "change this meeting's agenda")
	return a, m, notFoundIfCode(err, "agenda item", id)
}

// UpdateAgendaItem changes a point of an agenda.
func (s *MeetingService) UpdateAgendaItem(ctx context.Context, id int64, upd entente.AgendaItemUpdate) (*entente.AgendaItem, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.AgendaItem, error) {
		a, m, err := tx.agendaItemForWrite(id)
		if err != nil {
			return nil, err
		}
		if err := checkVersion("agenda item", a.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *a
		upd.Apply(a)
		if err := a.Validate(); err != nil {
			return nil, err
		}
		if err := tx.updateVersioned("agenda_items", "agenda item", id, upd.Version,
			[]colval{{"position", a.Position}, {"title", a.Title}, {"notes", a.Notes}}); err != nil {
			return nil, err
		}
		a.Version++
		return a, tx.audit(auditRecord{action: "update", entityType: "agenda_item", entityID: id, roadmapID: m.RoadmapID, before: &before, after: a})
	})
}

// DeleteAgendaItem removes a point from an agenda.
func (s *MeetingService) DeleteAgendaItem(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		a, m, err := tx.agendaItemForWrite(id)
		if err != nil {
			return struct{}{}, err
		}
		if err := tx.deleteRow("agenda_items", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "agenda_item", entityID: id, roadmapID: m.RoadmapID, before: a})
	})
	return err
}

// CreateDecision records a decision of a meeting.
func (s *MeetingService) CreateDecision(ctx context.Context, d *entente.Decision) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		if err := d.Validate(); err != nil {
			return struct{}{}, err
		}
		m, err := tx.meetingForWrite(d.MeetingID, "record decisions of this meeting")
		if err != nil {
			return struct{}{}, err
		}
		d.Version, d.ActionID = 1, 0
		if d.ID, err = tx.insert("decisions", []colval{{"meeting_id", d.MeetingID}, {"text", d.Text}}); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "create", entityType: "decision", entityID: d.ID, roadmapID: m.RoadmapID, after: d})
	})
	return err
}

// decisionForWrite loads a decision the caller may change, with its meeting.
func (tx *Tx) decisionForWrite(id int64) (*entente.Decision, *entente.Meeting, error) {
	d, err := scanDecision(tx.queryRow("SELECT id, meeting_id, text, action_id, version FROM decisions WHERE id = ?", id))
	if err != nil {
		return nil, nil, notFoundIfNoRows(err, "decision", id)
	}
	m, err := tx.meetingForWrite(d.MeetingID, "change this meeting's decisions")
	return d, m, notFoundIfCode(err, "decision", id)
}

// UpdateDecision changes the text of a decision.
func (s *MeetingService) UpdateDecision(ctx context.Context, id int64, upd entente.DecisionUpdate) (*entente.Decision, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.Decision, error) {
		d, m, err := tx.decisionForWrite(id)
		if err != nil {
			return nil, err
		}
		if err := checkVersion("decision", d.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *d
		if upd.Text != nil {
			d.Text = *upd.Text
		}
		if err := d.Validate(); err != nil {
			return nil, err
		}
		if err := tx.updateVersioned("decisions", "decision", id, upd.Version, []colval{{"text", d.Text}}); err != nil {
			return nil, err
		}
		d.Version++
		return d, tx.audit(auditRecord{action: "update", entityType: "decision", entityID: id, roadmapID: m.RoadmapID, before: &before, after: d})
	})
}

// DeleteDecision removes a decision; an action made from it stays.
func (s *MeetingService) DeleteDecision(ctx context.Context, id int64) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		d, m, err := tx.decisionForWrite(id)
		if err != nil {
			return struct{}{}, err
		}
		if err := tx.deleteRow("decisions", id); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, tx.audit(auditRecord{action: "delete", entityType: "decision", entityID: id, roadmapID: m.RoadmapID, before: d})
	})
	return err
}

// CreateActionFromDecision turns a decision into an action of the meeting's roadmap and links
// them, in one transaction.
func (s *MeetingService) CreateActionFromDecision(ctx context.Context, decisionID int64, a *entente.Action) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		d, m, err := tx.decisionForWrite(decisionID)
		if err != nil {
			return struct{}{}, err
		}
		if d.ActionID != 0 {
			return struct{}{}, entente.Errorf(entente.ECONFLICT, "This decision already has action #%d.", d.ActionID)
		}
		a.RoadmapID = m.RoadmapID
		if a.Title == "" {
			a.Title = truncateRunes(d.Text, 300)
		}
		if a.Evidence == "" {
			a.Evidence = "Decided at " + m.Title
		}
		if err := tx.createAction(a); err != nil {
			return struct{}{}, err
		}
		before := *d
		d.ActionID = a.ID
		if err := tx.updateVersioned("decisions", "decision", d.ID, d.Version, []colval{{"action_id", a.ID}}); err != nil {
			return struct{}{}, err
		}
		d.Version++
		return struct{}{}, tx.audit(auditRecord{action: "update", entityType: "decision", entityID: d.ID, roadmapID: m.RoadmapID, before: &before, after: d})
	})
	return err
}

// truncateRunes shortens s to at most n characters.
func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
