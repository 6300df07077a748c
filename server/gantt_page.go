package server

import (
	"context"
	"net/http"
	"net/url"

	"github.com/entente/entente"
)

// GanttPage is a roadmap's schedule to a target: the Gantt chart, the critical paths, and the
// "what must happen by when" list with each action's latest allowed finish.
type GanttPage struct {
	Page
	Schedule   *entente.Schedule
	Gantt      *Gantt
	Problem    string // why the schedule cannot be computed
	Target     string // the target in words, with its last day
	Finish     string // the projected finish in words
	Paths      []GanttPath
	MorePaths  bool
	ByWhen     []ByWhenRow
	Form       *Form
	Targets    Field  // the meetings and agreements to schedule to
	TargetDate string // the date asked for, when the target is a date
}

// GanttPath is one critical path in words.
type GanttPath struct {
	Slack string
	Late  bool
	Steps []GanttStep
}

// GanttStep is one action of a critical path.
type GanttStep struct {
	Href, Title, Dates string
}

// ByWhenRow is one line of the "what must happen by when" list.
type ByWhenRow struct {
	D                       entente.ScheduleDeadline
	LatestFinish, Projected string
	LeadParty               string
	Slack                   string
	Flags                   []Flag
}

func (s *Server) handleGanttView(w http.ResponseWriter, r *http.Request) {
	rm, err := s.roadmapFor(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	p := GanttPage{Page: s.page(r, "schedule.title"), Form: newForm(s.locale(r), url.Values{"target": {r.URL.Query().Get("target")}})}
	p.Roadmap, p.Section = rm, "gantt"
	status := http.StatusOK
	target, err := entente.ParseScheduleTarget("target", r.URL.Query().Get("target"))
	if err == nil {
		p.Schedule, err = s.svc.Schedules.RoadmapSchedule(ctx, rm.ID, target)
	}
	if err == nil {
		err = s.describeSchedule(ctx, &p, rm)
	}
	if entente.ErrorCode(err) == entente.EINVALID {
		p.Problem, p.Schedule, status = entente.ErrorMessage(err), nil, http.StatusUnprocessableEntity
		p.Form.fail(err)
	} else if err != nil {
		s.pageError(w, r, err)
		return
	}
	if p.Targets, err = s.targetField(ctx, p.Form, rm); err != nil {
		s.pageError(w, r, err)
		return
	}
	if target.Kind == entente.TargetDate {
		p.TargetDate = target.Date.String()
	}
	s.render(w, r, "gantt", status, p)
}

// describeSchedule fills the page from its computed schedule.
func (s *Server) describeSchedule(ctx context.Context, p *GanttPage, rm *entente.Roadmap) error {
	l, sch, w := p.L, p.Schedule, newScheduleWords(p.L)
	deps, err := s.svc.Actions.FindDependencies(ctx, rm.ID)
	if err != nil {
		return err
	}
	p.Gantt = buildGantt(w, ganttInput{schedule: sch, deps: deps, tracks: rm.Tracks})
	if t := sch.Target; t != nil {
		p.Target = l.T("schedule.target_line", "Name", isolate(targetName(l, t)), "When", l.When(t.When), "Date", l.Date(t.Date))
	}
	if !sch.Finish.IsZero() {
		p.Finish = l.Date(sch.Finish)
	}
	by := sch.ByAction()
	for _, cp := range sch.CriticalPaths {
		path := GanttPath{Slack: w.slackText(cp.Slack), Late: cp.Slack < 0}
		for _, id := range cp.Actions {
			if a := by[id]; a != nil {
				path.Steps = append(path.Steps, GanttStep{Href: "/actions/" + itoa(id), Title: a.Title,
					Dates: projectedDates(l, a)})
			}
		}
		p.Paths = append(p.Paths, path)
	}
	p.MorePaths = sch.MorePaths
	p.ByWhen = make([]ByWhenRow, 0, len(sch.Deadlines))
	for _, d := range sch.Deadlines {
		row := ByWhenRow{D: d, LatestFinish: w.date(d.LatestFinish), Projected: w.date(d.ProjectedFinish), Slack: w.slackText(d.Slack)}
		if a := by[d.ID]; a != nil {
			row.LeadParty, row.Flags = a.LeadParty, w.marks(a)
		}
		p.ByWhen = append(p.ByWhen, row)
	}
	return nil
}

// targetField offers the roadmap's dated meetings and agreements, and its horizon, as targets.
func (s *Server) targetField(ctx context.Context, f *Form, rm *entente.Roadmap) (Field, error) {
	l := f.L
	choices := []Choice{{Value: "", Label: l.T("schedule.target.default")}}
	meetings, _, err := s.svc.Meetings.FindMeetings(ctx, entente.MeetingFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return Field{}, err
	}
	for _, m := range meetings {
		if !m.When.Latest.IsZero() && m.Status != entente.MeetingCancelled {
			choices = append(choices, Choice{Value: "meeting:" + itoa(m.ID), Label: l.T("schedule.target.meeting", "Title", isolate(m.Title), "When", l.When(m.When))})
		}
	}
	agreements, _, err := s.svc.Agreements.FindAgreements(ctx, entente.AgreementFilter{RoadmapID: rm.ID, Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		return Field{}, err
	}
	for _, a := range agreements {
		if !a.Target.Latest.IsZero() || !a.SignedOn.IsZero() {
			choices = append(choices, Choice{Value: "agreement:" + itoa(a.ID), Label: l.T("schedule.target.agreement", "Title", isolate(a.Title))})
		}
	}
	if !rm.Horizon.Latest.IsZero() {
		choices = append(choices, Choice{Value: entente.TargetHorizon, Label: l.T("schedule.target.horizon_when", "When", l.When(rm.Horizon))})
	}
	fl := f.field("target", "schedule.target", "", false)
	for i := range choices {
		choices[i].Selected = choices[i].Value == fl.Value
	}
	fl.Choices = choices
	return fl, nil
}
