package server

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// MeetingPage shows one meeting: its facts and times in each party's zone, the meeting it
// follows up and those that follow it, the invitation of a visit, its participants, agenda,
// minutes and decisions, and its notes and history.
type MeetingPage struct {
	Page
	M            *entente.Meeting
	CanEdit      bool
	Starts       []string // the start in each zone: the venue's, then each party's
	Ends         []string
	FollowsUp    *entente.Meeting
	FollowedBy   []*entente.Meeting
	Invitation   []InvitationStep
	Minutes      template.HTML
	Participants ParticipantSection
	Agenda       AgendaSection
	Decisions    DecisionSection
	Panels       Panels
}

// InvitationStep is one step of a visit's invitation: extended, accepted, scheduled, held.
type InvitationStep struct {
	Label   string
	Reached bool
	Current bool
}

// ParticipantSection is the list of who takes part, with the form to add someone; htmx swaps
// it whole after a change.
type ParticipantSection struct {
	L         *i18n.Locale
	MeetingID int64
	CanEdit   bool
	Rows      []*entente.Participant
	Form      *Form
	People    []Choice // people of the roadmap's parties, from the directory
	Parties   []string
}

// AgendaSection is the agenda with a form to add a point and one to edit each point.
type AgendaSection struct {
	L         *i18n.Locale
	MeetingID int64
	CanEdit   bool
	Rows      []AgendaRow
	Form      *Form
}

// AgendaRow is one point of the agenda with its edit form, open when a change to it failed.
type AgendaRow struct {
	Item *entente.AgendaItem
	Form *Form
	Open bool
}

// DecisionSection is the list of decisions, each of which can become an action.
type DecisionSection struct {
	L         *i18n.Locale
	MeetingID int64
	CanEdit   bool
	Rows      []DecisionRow
	Form      *Form
	Tracks    []Choice
	Bodies    []Choice
	Parties   []Choice
}

// DecisionRow is one decision: the action made from it, or the form that makes one.
type DecisionRow struct {
	D      *entente.Decision
	Action *entente.Action
	Form   *Form
	Open   bool
}

// RowField is a field of a form repeated on every row of a list: its id carries the row's so
// that the labels of several rows' forms on one page each name their own input.
type RowField struct {
	Field
	ID string
}

// Field returns a field of the agenda point's edit form.
func (r AgendaRow) Field(name, labelID, typ string) RowField {
	fl := r.Form.field(name, labelID, typ, name == "title")
	if typ == "textarea" {
		fl.Type, fl.Rows = "", 3
	}
	return RowField{Field: fl, ID: fmt.Sprintf("agenda-%d-%s", r.Item.ID, name)}
}

// Field returns a text field of the decision's action form.
func (r DecisionRow) Field(name, labelID string) RowField {
	fl := r.Form.field(name, labelID, "text", false)
	if name == "due.value" {
		fl.Problem, fl.Hint = r.Form.Problems["due"], "2025-02"
	}
	return RowField{Field: fl, ID: fmt.Sprintf("decision-%d-%s", r.D.ID, name)}
}

// Select returns a select of the decision's action form.
func (r DecisionRow) Select(name, labelID string, choices []Choice) RowField {
	return RowField{Field: r.Form.Options(name, labelID, choices), ID: fmt.Sprintf("decision-%d-%s", r.D.ID, name)}
}

func (s *Server) handleMeetingView(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p, err := s.meetingPage(r, id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "meeting", http.StatusOK, p)
}

// meetingPage builds the page of a meeting with empty forms for its parts.
func (s *Server) meetingPage(r *http.Request, id int64) (*MeetingPage, error) {
	ctx := r.Context()
	m, rm, err := s.meetingWithRoadmap(ctx, id)
	if err != nil {
		return nil, err
	}
	p := &MeetingPage{Page: s.page(r, "meeting.page_title"), M: m, Minutes: minutesHTML(m.Minutes)}
	p.Roadmap, p.Section, p.Title = rm, "meetings", m.Title
	p.CanEdit = p.Page.CanEdit()
	if err := s.meetingTimes(ctx, rm, p); err != nil {
		return nil, err
	}
	byID, _, err := s.roadmapMeetings(ctx, rm)
	if err != nil {
		return nil, err
	}
	if m.FollowsUpID != 0 {
		p.FollowsUp = byID[m.FollowsUpID]
	}
	for _, f := range m.FollowedBy {
		if fm := byID[f]; fm != nil {
			p.FollowedBy = append(p.FollowedBy, fm)
		}
	}
	if m.Kind == "visit" || m.Invitation != "" {
		p.Invitation = invitationSteps(p.L, m.Invitation)
	}
	if err := s.meetingSections(ctx, rm, p); err != nil {
		return nil, err
	}
	p.Panels, err = s.panels(r, rm, "meeting", m.ID, p.CanEdit || entente.CanWriteNote(p.Caller, rm.ID))
	return p, err
}

// meetingTimes fills in the start and end in the venue's zone and in each party's.
func (s *Server) meetingTimes(ctx context.Context, rm *entente.Roadmap, p *MeetingPage) error {
	zones, err := s.partyZones(ctx, rm)
	if err != nil {
		return err
	}
	if venue, err := time.LoadLocation(p.M.TimeZone); err == nil && p.M.TimeZone != "" {
		known := false
		for _, z := range zones {
			known = known || z.String() == venue.String()
		}
		if !known {
			zones = append([]*time.Location{venue}, zones...)
		}
	}
	p.Starts, p.Ends = partyTimes(p.L, zones, p.M.StartsAt), partyTimes(p.L, zones, p.M.EndsAt)
	return nil
}

// invitationSteps shows how far a visit's invitation has come; a declined one is one step.
func invitationSteps(l *i18n.Locale, state string) []InvitationStep {
	if state == entente.InvitationDeclined {
		return []InvitationStep{{Label: l.T("invitation.declined"), Reached: true, Current: true}}
	}
	var out []InvitationStep
	reached := state != ""
	for _, st := range []string{entente.InvitationExtended, entente.InvitationAccepted, entente.InvitationScheduled, entente.InvitationHeld} {
		out = append(out, InvitationStep{Label: l.T("invitation." + st), Reached: reached, Current: st == state})
		if st == state {
			reached = false
		}
	}
	return out
}

// meetingSections builds the participants, agenda and decisions of the page, with empty forms.
func (s *Server) meetingSections(ctx context.Context, rm *entente.Roadmap, p *MeetingPage) error {
	m, l := p.M, p.L
	p.Participants = ParticipantSection{L: l, MeetingID: m.ID, CanEdit: p.CanEdit, Rows: m.Participants,
		Form: newForm(l, nil), Parties: rm.Parties}
	p.Agenda = AgendaSection{L: l, MeetingID: m.ID, CanEdit: p.CanEdit, Form: newForm(l, nil)}
	for _, a := range m.Agenda {
		v := url.Values{"title": {a.Title}, "notes": {a.Notes}, "position": {strconv.Itoa(a.Position)}, "version": {strconv.Itoa(a.Version)}}
		p.Agenda.Rows = append(p.Agenda.Rows, AgendaRow{Item: a, Form: newForm(l, v)})
	}
	p.Decisions = DecisionSection{L: l, MeetingID: m.ID, CanEdit: p.CanEdit, Form: newForm(l, nil)}
	for _, d := range m.Decisions {
		row := DecisionRow{D: d, Form: newForm(l, nil)}
		if d.ActionID != 0 {
			if a, err := s.svc.Actions.FindActionByID(ctx, d.ActionID); err == nil {
				row.Action = a
			} else if entente.ErrorCode(err) != entente.ENOTFOUND {
				return err
			}
		}
		p.Decisions.Rows = append(p.Decisions.Rows, row)
	}
	if !p.CanEdit {
		return nil
	}
	lk, err := s.lookups(ctx, rm)
	if err != nil {
		return err
	}
	p.Decisions.Tracks, p.Decisions.Bodies = lk.trackChoices(rm), lk.bodyChoices(ctx, s, rm)
	for _, party := range rm.Parties {
		p.Decisions.Parties = append(p.Decisions.Parties, Choice{Value: party, Label: party})
		people, _, err := s.svc.People.FindPeople(ctx, entente.PersonFilter{Party: party, Page: entente.Page{Limit: entente.MaxPageLimit, Sort: "name"}})
		if err != nil {
			return err
		}
		for _, pe := range people {
			label := pe.Name + " (" + party + ")"
			if pe.Role != "" {
				label = pe.Name + ", " + pe.Role + " (" + party + ")"
			}
			p.Participants.People = append(p.Participants.People, Choice{Value: itoa(pe.ID), Label: label})
		}
	}
	return nil
}
