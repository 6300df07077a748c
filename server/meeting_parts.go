package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// The parts of a meeting on its page: participants, agenda points and decisions. Each change
// answers htmx with its section alone, and a plain form post with the meeting page: after a
// success by going back to it, after a refusal by showing it with the form's problems.

// partChanged answers a change to a part of meeting {id}. A refused change is shown on the
// form that sent it (onFail puts the form in its place on the page).
func (s *Server) partChanged(w http.ResponseWriter, r *http.Request, section string, err error, onFail func(*MeetingPage, *Form)) {
	code := entente.ErrorCode(err)
	if err != nil && code != entente.EINVALID && code != entente.ECONFLICT {
		s.pageError(w, r, err)
		return
	}
	id, perr := pathID(r)
	if perr != nil {
		s.pageError(w, r, perr)
		return
	}
	if err == nil && !isHTMX(r) {
		redirect(w, r, withNotice("/meetings/"+itoa(id), "notice.saved")+"#"+section)
		return
	}
	p, perr := s.meetingPage(r, id)
	if perr != nil {
		s.pageError(w, r, perr)
		return
	}
	if err != nil {
		f := newForm(p.L, r.PostForm)
		f.fail(err)
		if code == entente.ECONFLICT {
			f.Message = p.L.T("meeting.part_conflict")
		}
		onFail(p, f)
	}
	if isHTMX(r) {
		// htmx swaps only successful responses, so a refusal comes back as 200 with its problems.
		var data any
		switch section {
		case "participants":
			data = p.Participants
		case "agenda":
			data = p.Agenda
		default:
			data = p.Decisions
		}
		s.renderFragment(w, r, "meeting", "meeting-"+section, data)
		return
	}
	s.render(w, r, "meeting", http.StatusUnprocessableEntity, p)
}

// partID reads the id of a meeting's part from the path.
func partID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("part"), 10, 64)
	if err != nil || id <= 0 {
		return 0, entente.Errorf(entente.ENOTFOUND, "%q is not an id.", r.PathValue("part"))
	}
	return id, nil
}

// handleParticipantAdd adds a person from the directory, or a party's delegation, to a meeting.
func (s *Server) handleParticipantAdd(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	pa := &entente.Participant{MeetingID: id, PersonID: formID(r.PostForm, "person_id", probs),
		Party: r.PostFormValue("party"), Name: strings.TrimSpace(r.PostFormValue("name")), Role: strings.TrimSpace(r.PostFormValue("role"))}
	if err = probs.Err("participant"); err == nil {
		err = s.svc.Meetings.AddParticipant(r.Context(), pa)
	}
	s.partChanged(w, r, "participants", err, func(p *MeetingPage, f *Form) { p.Participants.Form = f })
}

// handleParticipantRemove removes someone from a meeting.
func (s *Server) handleParticipantRemove(w http.ResponseWriter, r *http.Request) {
	part, err := partID(r)
	if err == nil {
		err = s.svc.Meetings.RemoveParticipant(r.Context(), part)
	}
	s.partChanged(w, r, "participants", err, func(p *MeetingPage, f *Form) { p.Participants.Form.Message = f.Message })
}

// handleAgendaCreate adds a point to a meeting's agenda, at the end unless a position is given.
func (s *Server) handleAgendaCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	a := &entente.AgendaItem{MeetingID: id, Title: strings.TrimSpace(r.PostFormValue("title")), Notes: r.PostFormValue("notes"),
		Position: formInt(r.PostForm, "position", probs)}
	if err = probs.Err("agenda item"); err == nil {
		err = s.svc.Meetings.CreateAgendaItem(r.Context(), a)
	}
	s.partChanged(w, r, "agenda", err, func(p *MeetingPage, f *Form) { p.Agenda.Form = f })
}

// handleAgendaUpdate changes a point of the agenda; a failure opens its form with the problems.
func (s *Server) handleAgendaUpdate(w http.ResponseWriter, r *http.Request) {
	part, err := partID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	title := strings.TrimSpace(r.PostFormValue("title"))
	notes := r.PostFormValue("notes")
	position := formInt(r.PostForm, "position", probs)
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	if err = probs.Err("agenda item"); err == nil {
		_, err = s.svc.Meetings.UpdateAgendaItem(r.Context(), part, entente.AgendaItemUpdate{Version: version,
			Title: &title, Notes: &notes, Position: &position})
	}
	s.partChanged(w, r, "agenda", err, func(p *MeetingPage, f *Form) {
		for i, row := range p.Agenda.Rows {
			if row.Item.ID == part {
				if entente.ErrorCode(err) == entente.ECONFLICT {
					f.Values.Set("version", strconv.Itoa(row.Item.Version))
				}
				p.Agenda.Rows[i].Form, p.Agenda.Rows[i].Open = f, true
				return
			}
		}
		p.Agenda.Form.Message = f.Message
	})
}

// handleAgendaDelete removes a point from the agenda.
func (s *Server) handleAgendaDelete(w http.ResponseWriter, r *http.Request) {
	part, err := partID(r)
	if err == nil {
		err = s.svc.Meetings.DeleteAgendaItem(r.Context(), part)
	}
	s.partChanged(w, r, "agenda", err, func(p *MeetingPage, f *Form) { p.Agenda.Form.Message = f.Message })
}

// handleDecisionCreate records a decision of the meeting.
func (s *Server) handleDecisionCreate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	err = s.svc.Meetings.CreateDecision(r.Context(), &entente.Decision{MeetingID: id, Text: strings.TrimSpace(r.PostFormValue("text"))})
	s.partChanged(w, r, "decisions", err, func(p *MeetingPage, f *Form) { p.Decisions.Form = f })
}

// handleDecisionDelete removes a decision; an action made from it stays.
func (s *Server) handleDecisionDelete(w http.ResponseWriter, r *http.Request) {
	part, err := partID(r)
	if err == nil {
		err = s.svc.Meetings.DeleteDecision(r.Context(), part)
	}
	s.partChanged(w, r, "decisions", err, func(p *MeetingPage, f *Form) { p.Decisions.Form.Message = f.Message })
}

// handleDecisionToAction makes a decision an action of the roadmap in one step, optionally
// with its track, lead and due date; the decision then links to the action.
func (s *Server) handleDecisionToAction(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	part, perr := partID(r)
	if err == nil {
		err = perr
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	a := &entente.Action{Title: strings.TrimSpace(r.PostFormValue("title")), TrackID: formID(r.PostForm, "track_id", probs),
		LeadParty: r.PostFormValue("lead_party"), LeadBodyID: formID(r.PostForm, "lead_body_id", probs), Due: formWhen(r.PostForm, "due", probs)}
	if err = probs.Err("action"); err == nil {
		err = s.svc.Meetings.CreateActionFromDecision(r.Context(), part, a)
	}
	if err == nil && !isHTMX(r) {
		redirect(w, r, withNotice("/meetings/"+itoa(id), "notice.meeting_action_created")+"#decision-"+itoa(part))
		return
	}
	s.partChanged(w, r, "decisions", err, func(p *MeetingPage, f *Form) {
		for i, row := range p.Decisions.Rows {
			if row.D.ID == part {
				if entente.ErrorCode(err) == entente.ECONFLICT {
					f.Message = f.L.T("meeting.decision_has_action")
				}
				p.Decisions.Rows[i].Form, p.Decisions.Rows[i].Open = f, true
				return
			}
		}
		p.Decisions.Form.Message = f.Message
	})
}
