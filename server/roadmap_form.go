package server

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/entente/entente"
)

// RoadmapFormPage is the form to start a roadmap or change one. On an existing roadmap it also
// holds the roadmap's tracks: a form to add one, and the form of the track being edited.
type RoadmapFormPage struct {
	Page
	Form      *Form            // the roadmap's own fields; nil when the caller may not change them
	Edit      *entente.Roadmap // the roadmap being edited; nil for a new one
	Parties   Checks
	Statuses  []string // the current status and those it may change to
	Tracks    []TrackRow
	NewTrack  *TrackForm // nil when the caller may not change tracks
	CanTracks bool
}

// TrackRow is a track on the roadmap's edit page.
type TrackRow struct {
	T       *entente.Track
	Leads   []LeadName // in the order of the roadmap's parties
	Form    *TrackForm // set while this track is being edited
	Problem string     // why it could not be deleted
}

// LeadName is the body that leads a track for one party.
type LeadName struct {
	Party, Body string
}

// TrackForm is the form of one track. Its fields carry a prefix, so that the form adding a
// track and the form of the track being edited can share the page.
type TrackForm struct {
	*Form
	Prefix      string
	Sector      Field
	TitleField  Field
	Description Field
	Leads       []Field // one lead body per party of the roadmap
	LeadProblem string
	Action      string // where the form posts
	Cancel      string // where "cancel" leads, for the form of an existing track
	Row         string // the id of the track's row on the page, which htmx swaps back on cancel
}

// The prefixes of the two track forms of the edit page.
const (
	newTrackPrefix  = "new_"
	editTrackPrefix = "track_"
)

// roadmapEdit is what the edit page shows besides the stored roadmap: forms that failed and
// the track being edited or refused deletion.
type roadmapEdit struct {
	form       *Form // the roadmap's fields as typed, after a refusal
	newTrack   *Form
	trackID    int64 // the track whose form is open
	trackForm  *Form
	refusedID  int64 // the track that could not be deleted
	refusedMsg string
	status     int
}

func (s *Server) handleRoadmapNew(w http.ResponseWriter, r *http.Request) {
	c := entente.CallerFrom(r.Context())
	if !entente.CanCreateRoadmap(c) {
		s.pageError(w, r, entente.Denied(c, "start a roadmap"))
		return
	}
	v := url.Values{"status": {entente.RoadmapDraft}}
	if entente.ValidPartyCode(c.Party) {
		v.Set("parties", c.Party)
	}
	s.roadmapNewForm(w, r, newForm(s.locale(r), v), http.StatusOK)
}

func (s *Server) roadmapNewForm(w http.ResponseWriter, r *http.Request, f *Form, status int) {
	p := RoadmapFormPage{Page: s.page(r, "roadmapform.new"), Form: f, Statuses: entente.RoadmapStatuses}
	p.Section = "home"
	d, err := s.loadDirectory(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p.Parties = checkGroup(f, "parties", "roadmapform.parties", d.partyChoices())
	s.render(w, r, "roadmap-form", status, p)
}

// roadmapFromForm reads the roadmap's own fields.
func roadmapFromForm(v url.Values, probs entente.Problems) *entente.Roadmap {
	return &entente.Roadmap{Title: strings.TrimSpace(v.Get("title")), Description: v.Get("description"),
		Parties: v["parties"], Status: v.Get("status"), Horizon: formWhen(v, "horizon", probs), Public: v.Get("public") == "true"}
}

// roadmapValues writes a roadmap's own fields into form values.
func roadmapValues(rm *entente.Roadmap) url.Values {
	v := url.Values{"title": {rm.Title}, "description": {rm.Description}, "parties": rm.Parties, "status": {rm.Status}}
	whenValues(v, "horizon", rm.Horizon)
	if rm.Public {
		v.Set("public", "true")
	}
	return v
}

// roadmapFieldLabels names the roadmap's fields, for the conflict table.
var roadmapFieldLabels = [][2]string{{"title", "roadmapform.title_field"}, {"description", "roadmapform.description"},
	{"status", "roadmapform.status"}, {"horizon.value", "roadmapform.horizon"}, {"public", "roadmapform.public"}}

func (s *Server) handleRoadmapCreate(w http.ResponseWriter, r *http.Request) {
	probs := entente.Problems{}
	rm := roadmapFromForm(r.PostForm, probs)
	err := parsed(probs, rm, "roadmap")
	if err == nil {
		err = s.svc.Roadmaps.CreateRoadmap(r.Context(), rm)
	}
	if err != nil {
		s.createFailed(w, r, err, func(f *Form) { s.roadmapNewForm(w, r, f, http.StatusUnprocessableEntity) })
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(rm.ID)+"/edit", "notice.created"))
}

func (s *Server) handleRoadmapEdit(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	e := roadmapEdit{status: http.StatusOK}
	e.trackID = formID(r.URL.Query(), "track", entente.Problems{})
	s.roadmapEditPage(w, r, rm, e)
}

// roadmapEditPage shows the edit page of a roadmap to those who may change it or its tracks.
func (s *Server) roadmapEditPage(w http.ResponseWriter, r *http.Request, rm *entente.Roadmap, e roadmapEdit) {
	c := entente.CallerFrom(r.Context())
	manage, tracks := entente.CanManageRoadmap(c, rm.ID), entente.CanEditRoadmap(c, rm.ID)
	if !manage && !tracks {
		s.pageError(w, r, entente.Denied(c, "change this roadmap"))
		return
	}
	p := RoadmapFormPage{Page: s.page(r, "roadmapform.edit"), Edit: rm, CanTracks: tracks}
	p.Roadmap, p.Section = rm, "overview"
	d, err := s.loadDirectory(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if manage {
		p.Form = e.form
		if p.Form == nil {
			p.Form = newForm(p.L, roadmapValues(rm))
			p.Form.Version = rm.Version
		}
		p.Parties = checkGroup(p.Form, "parties", "roadmapform.parties", d.partyChoices())
		p.Statuses = nextRoadmapStatuses(rm)
	}
	for _, t := range rm.Tracks {
		row := TrackRow{T: t, Leads: trackLeads(d, rm, t)}
		if tracks && t.ID == e.trackID {
			f := e.trackForm
			if f == nil {
				f = newForm(p.L, trackValues(t, editTrackPrefix))
				f.Version = t.Version
			}
			row.Form = trackForm(f, editTrackPrefix, rm, d)
			row.Form.Row = "track-" + itoa(t.ID)
			row.Form.Action, row.Form.Cancel = "/tracks/"+itoa(t.ID), "/roadmaps/"+itoa(rm.ID)+"/edit#"+row.Form.Row
		}
		if t.ID == e.refusedID {
			row.Problem = e.refusedMsg
		}
		p.Tracks = append(p.Tracks, row)
	}
	if tracks {
		f := e.newTrack
		if f == nil {
			f = newForm(p.L, nil)
		}
		p.NewTrack = trackForm(f, newTrackPrefix, rm, d)
		p.NewTrack.Action = "/roadmaps/" + itoa(rm.ID) + "/tracks"
	}
	s.render(w, r, "roadmap-form", e.status, p)
}

// nextRoadmapStatuses lists the roadmap's status and those the domain lets it change to.
func nextRoadmapStatuses(rm *entente.Roadmap) []string {
	out := []string{rm.Status}
	for _, st := range entente.RoadmapStatuses {
		next := *rm
		if st != rm.Status && (entente.RoadmapUpdate{Status: &st}).Apply(&next) == nil {
			out = append(out, st)
		}
	}
	return out
}

func (s *Server) handleRoadmapUpdate(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	typed := roadmapFromForm(r.PostForm, probs)
	version := formInt(r.PostForm, "version", probs)
	upd := entente.RoadmapUpdate{Version: version, Title: &typed.Title, Description: &typed.Description,
		Parties: &typed.Parties, Status: &typed.Status, Horizon: &typed.Horizon, Public: &typed.Public}
	if err = parsed(probs, typed, "roadmap"); err == nil {
		_, err = s.svc.Roadmaps.UpdateRoadmap(r.Context(), rm.ID, upd)
	}
	if err != nil {
		s.updateFailed(w, r, err, roadmapValues(rm), roadmapFieldLabels, rm.Version, func(f *Form) {
			s.roadmapEditPage(w, r, rm, roadmapEdit{form: f, status: formStatus(err)})
		})
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(rm.ID), "notice.saved"))
}

// trackLeads names the lead body of each party of a track, in the roadmap's order of parties.
func trackLeads(d *directory, rm *entente.Roadmap, t *entente.Track) []LeadName {
	var out []LeadName
	for _, party := range rm.Parties {
		for _, l := range t.Leads {
			if l.Party == party {
				out = append(out, LeadName{Party: party, Body: d.bodyName(l.BodyID)})
			}
		}
	}
	return out
}

// trackForm builds the fields of a track form under a prefix.
func trackForm(f *Form, prefix string, rm *entente.Roadmap, d *directory) *TrackForm {
	tf := &TrackForm{Form: f, Prefix: prefix, LeadProblem: f.Problems[prefix+"leads"]}
	tf.Sector = f.Select(prefix+"sector", "roadmapform.sector", entente.Sectors, "sector.", false)
	tf.TitleField = f.Text(prefix+"title", "roadmapform.track_title", true)
	tf.Description = f.Area(prefix+"description", "roadmapform.track_description", 2)
	for _, party := range rm.Parties {
		fl := f.Options(prefix+"lead."+party, "roadmapform.lead", d.bodyChoices(f.L, party, true, 0))
		fl.Label = f.L.T("roadmapform.lead", "Party", party)
		tf.Leads = append(tf.Leads, fl)
	}
	return tf
}

// trackFromForm reads a track form under a prefix: a lead for each party whose body is chosen.
func trackFromForm(v url.Values, prefix string, rm *entente.Roadmap, probs entente.Problems) *entente.Track {
	t := &entente.Track{RoadmapID: rm.ID, Sector: v.Get(prefix + "sector"), Title: strings.TrimSpace(v.Get(prefix + "title")),
		Description: v.Get(prefix + "description"), Leads: []entente.TrackLead{}}
	for _, party := range rm.Parties {
		if id := formID(v, prefix+"lead."+party, probs); id != 0 {
			t.Leads = append(t.Leads, entente.TrackLead{Party: party, BodyID: id})
		}
	}
	return t
}

// trackValues writes a track into form values under a prefix.
func trackValues(t *entente.Track, prefix string) url.Values {
	v := url.Values{prefix + "sector": {t.Sector}, prefix + "title": {t.Title}, prefix + "description": {t.Description}}
	for _, l := range t.Leads {
		v.Set(prefix+"lead."+l.Party, itoa64(l.BodyID))
	}
	return v
}

// prefixed moves the problems the domain names by field ("title", "leads") to the fields of a
// prefixed form, keeping the problems already named with the prefix.
func prefixed(f *Form, prefix string) *Form {
	moved := map[string]string{}
	for k, v := range f.Problems {
		if !strings.HasPrefix(k, prefix) {
			k = prefix + k
		}
		moved[k] = v
	}
	f.Problems = moved
	return f
}

func (s *Server) handleTrackCreate(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	t := trackFromForm(r.PostForm, newTrackPrefix, rm, probs)
	if err = parsed(probs, t, "track"); err == nil {
		err = s.svc.Tracks.CreateTrack(r.Context(), t)
	}
	if err != nil {
		s.createFailed(w, r, err, func(f *Form) {
			s.roadmapEditPage(w, r, rm, roadmapEdit{newTrack: prefixed(f, newTrackPrefix), status: http.StatusUnprocessableEntity})
		})
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(rm.ID)+"/edit", "notice.created")+"#track-"+itoa(t.ID))
}

// trackAndRoadmap loads the track of a request's {id} and its roadmap.
func (s *Server) trackAndRoadmap(r *http.Request) (*entente.Track, *entente.Roadmap, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	t, err := s.svc.Tracks.FindTrackByID(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(r.Context(), t.RoadmapID)
	return t, rm, err
}

// trackFieldLabels names the fields of a track form, for the conflict table.
func trackFieldLabels(prefix string) [][2]string {
	return [][2]string{{prefix + "sector", "roadmapform.sector"}, {prefix + "title", "roadmapform.track_title"},
		{prefix + "description", "roadmapform.track_description"}}
}

func (s *Server) handleTrackUpdate(w http.ResponseWriter, r *http.Request) {
	current, rm, err := s.trackAndRoadmap(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	probs := entente.Problems{}
	t := trackFromForm(r.PostForm, editTrackPrefix, rm, probs)
	upd := entente.TrackUpdate{Version: formInt(r.PostForm, "version", probs), Sector: &t.Sector, Title: &t.Title,
		Description: &t.Description, Leads: &t.Leads}
	if err = parsed(probs, t, "track"); err == nil {
		_, err = s.svc.Tracks.UpdateTrack(r.Context(), current.ID, upd)
	}
	if err != nil {
		s.updateFailed(w, r, err, trackValues(current, editTrackPrefix), trackFieldLabels(editTrackPrefix), current.Version, func(f *Form) {
			s.roadmapEditPage(w, r, rm, roadmapEdit{trackID: current.ID, trackForm: prefixed(f, editTrackPrefix), status: formStatus(err)})
		})
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(rm.ID)+"/edit", "notice.saved")+"#track-"+itoa(current.ID))
}

// handleTrackDelete deletes a track; a track that still has actions or agreements stays, and
// the edit page says why next to it.
func (s *Server) handleTrackDelete(w http.ResponseWriter, r *http.Request) {
	t, rm, err := s.trackAndRoadmap(r)
	if err == nil {
		err = s.svc.Tracks.DeleteTrack(r.Context(), t.ID)
	}
	if entente.ErrorCode(err) == entente.ECONFLICT {
		l := s.locale(r)
		s.roadmapEditPage(w, r, rm, roadmapEdit{refusedID: t.ID, refusedMsg: l.T("roadmapform.track_in_use", "Title", isolate(t.Title)), status: http.StatusConflict})
		return
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice("/roadmaps/"+itoa(rm.ID)+"/edit", "notice.deleted")+"#tracks")
}
