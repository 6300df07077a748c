package server

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
)

// MeetingFormPage is the form to create a meeting, schedule a meeting's follow-up, or edit one.
type MeetingFormPage struct {
	Page
	Form           *Form
	Meeting        *entente.Meeting // nil for a new meeting
	FollowsUp      *entente.Meeting // the meeting a new one follows up, when scheduling a follow-up
	Kinds          []string
	Hosts          []string
	Status         Field
	Invitation     Field
	TimeZone       Field
	FollowsUpField Field
	StartsAt       Field
	EndsAt         Field
}

// localLayout is the value of a datetime-local input: a day and a time of day at the venue.
const localLayout = "2006-01-02T15:04"

// meetingInvitations are the states of a visit's invitation, in their usual order.
var meetingInvitations = []string{entente.InvitationExtended, entente.InvitationAccepted,
	entente.InvitationScheduled, entente.InvitationHeld, entente.InvitationDeclined}

func (s *Server) handleMeetingNew(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if !s.mayEditMeetings(w, r, rm) {
		return
	}
	v := url.Values{"kind": {"delegation_talks"}, "status": {entente.MeetingPlanned}}
	if zone := s.partyZone(r.Context(), entente.CallerFrom(r.Context()).Party, rm); zone != "" {
		v.Set("time_zone", zone)
	}
	slotValues(r.URL.Query(), v)
	s.meetingForm(w, r, rm, nil, nil, newForm(s.locale(r), v), http.StatusOK)
}

// slotValues fills the form from a slot chosen on the find-a-time page (date, start, zone and
// duration in minutes); anything that does not parse is left for the user to fill.
func slotValues(q, v url.Values) {
	day, err := entente.ParseDate(q.Get("date"))
	if err != nil {
		return
	}
	v.Set("when.value", day.String())
	loc, err := time.LoadLocation(q.Get("zone"))
	if err != nil || q.Get("zone") == "" || q.Get("zone") == "Local" {
		return
	}
	start, err := time.ParseInLocation("2006-01-02 15:04", day.String()+" "+q.Get("start"), loc)
	if err != nil {
		return
	}
	v.Set("time_zone", loc.String())
	v.Set("starts_at", start.Format("2006-01-02T15:04"))
	if minutes, err := strconv.Atoi(q.Get("duration")); err == nil && minutes > 0 && minutes <= 24*60 {
		v.Set("ends_at", start.Add(time.Duration(minutes)*time.Minute).Format("2006-01-02T15:04"))
	}
}

// handleMeetingFollowUp shows the form of a new meeting that follows up this one, with its
// kind, host, place and time zone.
func (s *Server) handleMeetingFollowUp(w http.ResponseWriter, r *http.Request) {
	m, rm, err := s.meetingOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if !s.mayEditMeetings(w, r, rm) {
		return
	}
	l := s.locale(r)
	v := url.Values{"kind": {m.Kind}, "status": {entente.MeetingPlanned}, "host_party": {m.HostParty},
		"location": {m.Location}, "time_zone": {m.TimeZone}, "follows_up_id": {itoa(m.ID)},
		"title": {l.T("meeting.followup_title", "Title", m.Title)}}
	s.meetingForm(w, r, rm, nil, m, newForm(l, v), http.StatusOK)
}

// mayEditMeetings shows the refusal page, and reports false, when the caller may not change
// the roadmap's meetings; a form they could not send is not shown.
func (s *Server) mayEditMeetings(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap) bool {
	c := entente.CallerFrom(r.Context())
	if entente.CanEditRoadmap(c, rm.ID) {
		return true
	}
	s.pageError(w, r, entente.Denied(c, "change the meetings of this roadmap"))
	return false
}

// meetingForm renders the meeting form; current is the meeting being edited, and follows the
// meeting a new one follows up.
func (s *Server) meetingForm(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap, current, follows *entente.Meeting, f *Form, status int) {
	p := MeetingFormPage{Page: s.page(r, "meeting.new"), Form: f, Meeting: current, FollowsUp: follows,
		Kinds: entente.MeetingKinds, Hosts: rm.Parties}
	p.Roadmap, p.Section = rm, "meetings"
	if current == nil && follows == nil && f.Values.Get("follows_up_id") != "" {
		id, _ := strconv.ParseInt(f.Values.Get("follows_up_id"), 10, 64)
		p.FollowsUp, _ = s.svc.Meetings.FindMeetingByID(r.Context(), id)
	}
	switch {
	case current != nil:
		p.Title = p.L.T("meeting.edit_title")
	case p.FollowsUp != nil:
		p.Title = p.L.T("meeting.followup")
	}
	zones, err := s.zoneChoices(r.Context(), rm, f.Values.Get("time_zone"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	_, all, err := s.roadmapMeetings(r.Context(), rm)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var others []Choice
	for _, m := range all {
		if current == nil || m.ID != current.ID {
			others = append(others, Choice{Value: itoa(m.ID), Label: m.Title + " — " + p.L.When(m.When)})
		}
	}
	p.Status = choiceField(f, "status", "meeting.status", stateChoices(p.L, current, entente.MeetingStatuses, "meeting.status.", false))
	p.Invitation = choiceField(f, "invitation", "meeting.invitation", stateChoices(p.L, current, meetingInvitations, "invitation.", true))
	p.TimeZone = choiceField(f, "time_zone", "meeting.time_zone", zones)
	p.FollowsUpField = f.Options("follows_up_id", "meeting.follows_up", others)
	p.StartsAt = f.field("starts_at", "meeting.starts_at", "datetime-local", false)
	p.EndsAt = f.field("ends_at", "meeting.ends_at", "datetime-local", false)
	s.render(w, r, "meeting-form", status, p)
}

// choiceField is a select over given choices, with no blank choice of its own.
func choiceField(f *Form, name, labelID string, choices []Choice) Field {
	fl := f.field(name, labelID, "", false)
	for _, c := range choices {
		c.Selected = c.Value == fl.Value
		fl.Choices = append(fl.Choices, c)
	}
	return fl
}

// stateChoices offers the states a meeting may move to from its current one (any state for a
// new meeting); the domain's transition rules decide, by trying each change on a copy.
func stateChoices(l interface{ T(string, ...any) string }, current *entente.Meeting, states []string, prefix string, blank bool) []Choice {
	if blank {
		states = append([]string{""}, states...)
	}
	var out []Choice
	for _, st := range states {
		if current != nil {
			c, upd := *current, entente.MeetingUpdate{}
			if prefix == "invitation." {
				upd.Invitation = &st
			} else {
				upd.Status = &st
			}
			if upd.Apply(&c) != nil {
				continue
			}
		}
		label := "—"
		if st != "" {
			label = l.T(prefix + st)
		}
		out = append(out, Choice{Value: st, Label: label})
	}
	return out
}

// partyZone returns the time zone of a party of the roadmap, or "".
func (s *Server) partyZone(ctx context.Context, party string, rm *entente.Roadmap) string {
	if party == "" || !rm.HasParty(party) {
		return ""
	}
	p, err := s.svc.Parties.FindPartyByCode(ctx, party)
	if err != nil {
		return ""
	}
	return p.TimeZone
}

// zoneChoices offers the time zones of the roadmap's parties, UTC, and the zone already chosen.
func (s *Server) zoneChoices(ctx context.Context, rm *entente.Roadmap, chosen string) ([]Choice, error) {
	parties, _, err := s.svc.Parties.FindParties(ctx, entente.PartyFilter{Codes: rm.Parties})
	if err != nil {
		return nil, err
	}
	out := []Choice{{Value: "", Label: "—"}}
	seen := map[string]bool{"": true}
	for _, p := range parties {
		if !seen[p.TimeZone] {
			seen[p.TimeZone] = true
			out = append(out, Choice{Value: p.TimeZone, Label: p.TimeZone + " (" + p.Code + ")"})
		}
	}
	for _, z := range []string{"UTC", chosen} {
		if !seen[z] {
			seen[z] = true
			out = append(out, Choice{Value: z, Label: z})
		}
	}
	return out, nil
}

// meetingFromForm reads the fields of the meeting form onto m. Times are read as a day and
// time of day at the venue, in the chosen time zone, and kept as instants. A meeting given a
// start but no date as said is on the start's day.
func meetingFromForm(v url.Values, m *entente.Meeting) entente.Problems {
	probs := entente.Problems{}
	m.Kind = v.Get("kind")
	m.Title = strings.TrimSpace(v.Get("title"))
	m.Description = v.Get("description")
	m.When = formWhen(v, "when", probs)
	m.TimeZone = v.Get("time_zone")
	m.Location = strings.TrimSpace(v.Get("location"))
	m.HostParty = v.Get("host_party")
	m.Status = v.Get("status")
	m.Invitation = v.Get("invitation")
	m.FollowsUpID = formID(v, "follows_up_id", probs)
	m.Minutes = v.Get("minutes")
	m.StartsAt, m.EndsAt = nil, nil
	start, end := strings.TrimSpace(v.Get("starts_at")), strings.TrimSpace(v.Get("ends_at"))
	if start == "" && end == "" {
		return probs
	}
	loc, err := time.LoadLocation(m.TimeZone)
	if m.TimeZone == "" || err != nil {
		probs.Add("time_zone", "choose the time zone of the venue to give a time")
		return probs
	}
	m.StartsAt = localTime(start, loc, "starts_at", probs)
	m.EndsAt = localTime(end, loc, "ends_at", probs)
	if m.When.IsZero() && m.StartsAt != nil && probs["when"] == "" {
		m.When = entente.WhenOfDate(entente.DateOf(m.StartsAt.In(loc)))
	}
	return probs
}

// localTime reads a day and time of day in a zone as an instant in UTC.
func localTime(s string, loc *time.Location, name string, probs entente.Problems) *time.Time {
	if s == "" {
		return nil
	}
	for _, layout := range []string{localLayout, "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			t = t.UTC()
			return &t
		}
	}
	probs.Add(name, "is not a day and time")
	return nil
}

// meetingFormValues writes a meeting into form values, its times at the venue.
func meetingFormValues(m *entente.Meeting) url.Values {
	v := url.Values{}
	v.Set("kind", m.Kind)
	v.Set("title", m.Title)
	v.Set("description", m.Description)
	whenValues(v, "when", m.When)
	v.Set("time_zone", m.TimeZone)
	v.Set("location", m.Location)
	v.Set("host_party", m.HostParty)
	v.Set("status", m.Status)
	v.Set("invitation", m.Invitation)
	v.Set("follows_up_id", itoa64(m.FollowsUpID))
	v.Set("minutes", m.Minutes)
	loc, err := time.LoadLocation(m.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	for name, t := range map[string]*time.Time{"starts_at": m.StartsAt, "ends_at": m.EndsAt} {
		if t != nil {
			v.Set(name, t.In(loc).Format(localLayout))
		}
	}
	return v
}

// meetingFieldLabels names the fields of the meeting form, for the conflict table.
var meetingFieldLabels = [][2]string{{"kind", "meeting.kind"}, {"title", "meeting.title_field"},
	{"description", "meeting.description"}, {"when.value", "meeting.when"}, {"starts_at", "meeting.starts_at"},
	{"ends_at", "meeting.ends_at"}, {"time_zone", "meeting.time_zone"}, {"location", "meeting.location"},
	{"host_party", "meeting.host"}, {"status", "meeting.status"}, {"invitation", "meeting.invitation"},
	{"follows_up_id", "meeting.follows_up"}, {"minutes", "meeting.minutes"}}

// withDomainProblems adds the domain's own problems of m to those the form found, so that the
// user sees every problem at once rather than one round at a time.
func withDomainProblems(probs entente.Problems, m *entente.Meeting) error {
	if len(probs) == 0 {
		return nil
	}
	for k, p := range entente.ErrorFields(m.Validate()) {
		probs.Add(k, p)
	}
	return probs.Err("meeting")
}

func (s *Server) handleMeetingCreate(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	m := &entente.Meeting{RoadmapID: rm.ID}
	if err = withDomainProblems(meetingFromForm(r.PostForm, m), m); err == nil {
		err = s.svc.Meetings.CreateMeeting(r.Context(), m)
	}
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) { s.meetingForm(w, r, rm, nil, nil, f, http.StatusUnprocessableEntity) })
		return
	}
	redirect(w, r, withNotice("/meetings/"+itoa(m.ID), "notice.created"))
}

func (s *Server) handleMeetingEdit(w http.ResponseWriter, r *http.Request) {
	m, rm, err := s.meetingOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if !s.mayEditMeetings(w, r, rm) {
		return
	}
	f := newForm(s.locale(r), meetingFormValues(m))
	f.Version = m.Version
	s.meetingForm(w, r, rm, m, nil, f, http.StatusOK)
}

func (s *Server) handleMeetingUpdate(w http.ResponseWriter, r *http.Request) {
	current, rm, err := s.meetingOf(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	m := entente.Meeting{ID: current.ID, RoadmapID: rm.ID}
	probs := meetingFromForm(r.PostForm, &m)
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	upd := entente.MeetingUpdate{Version: version, Kind: &m.Kind, Title: &m.Title, Description: &m.Description,
		When: &m.When, StartsAt: m.StartsAt, EndsAt: m.EndsAt, ClearTimes: true, TimeZone: &m.TimeZone,
		Location: &m.Location, HostParty: &m.HostParty, Status: &m.Status, Invitation: &m.Invitation,
		FollowsUpID: &m.FollowsUpID, Minutes: &m.Minutes}
	if err = withDomainProblems(probs, &m); err == nil {
		_, err = s.svc.Meetings.UpdateMeeting(r.Context(), current.ID, upd)
	}
	if err != nil {
		s.formFailed(w, r, err, func(f *Form) {
			f.Version = version
			status := http.StatusUnprocessableEntity
			if entente.ErrorCode(err) == entente.ECONFLICT {
				f.Version, status = current.Version, http.StatusConflict
				f.Conflict = diffValues(f.L, s.readableMeetingValues(r, f, meetingFormValues(current)),
					s.readableMeetingValues(r, f, r.PostForm), meetingFieldLabels)
			}
			s.meetingForm(w, r, rm, current, nil, f, status)
		})
		return
	}
	redirect(w, r, withNotice("/meetings/"+itoa(current.ID), "notice.saved"))
}

func (s *Server) handleMeetingDelete(w http.ResponseWriter, r *http.Request) {
	m, _, err := s.meetingOf(r)
	if err == nil {
		err = s.svc.Meetings.DeleteMeeting(r.Context(), m.ID)
	}
	if err != nil {
		if entente.ErrorCode(err) == entente.ECONFLICT {
			redirect(w, r, withNotice("/meetings/"+itoa(m.ID), "notice.in_use"))
			return
		}
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(m.RoadmapID)+"/meetings", "notice.deleted"))
}

// readableMeetingValues writes the coded values of a meeting form the way the page shows
// them, for the conflict table: kinds and states in words, the followed-up meeting by title.
func (s *Server) readableMeetingValues(r *http.Request, f *Form, v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for name, prefix := range map[string]string{"kind": "meeting.kind.", "status": "meeting.status.", "invitation": "invitation."} {
		if x := v.Get(name); x != "" && f.L.Has(prefix+x) {
			out.Set(name, f.L.T(prefix+x))
		}
	}
	if id, err := strconv.ParseInt(v.Get("follows_up_id"), 10, 64); err == nil && id > 0 {
		if m, err := s.svc.Meetings.FindMeetingByID(r.Context(), id); err == nil {
			out.Set("follows_up_id", m.Title)
		}
	}
	return out
}
