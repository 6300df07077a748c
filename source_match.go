package entente

import (
	"fmt"
	"slices"
	"strings"
)

// pending is an accepted item made into the row it would create, with its plan step; row is
// nil for an item that is skipped.
type pending[T any] struct {
	index  int
	row    *T
	step   PlanStep
	linked int64          // the row an earlier application of this source linked it to
	quoted map[int64]bool // the rows earlier sources linked to the same sentence
}

// newPending makes the pending item of a step with its links.
func newPending[T any](pl *planner, index int, row *T, step PlanStep) pending[T] {
	return pending[T]{index: index, row: row, step: step, linked: pl.linked(step.EntityType, step.Ref),
		quoted: pl.quotedRows(step.EntityType, step.Quote)}
}

// matchRows scores every pending item against every row and assigns each item its best row
// (0 for none): see assign.
func matchRows[T, R any](todo []pending[T], rows []*R, id func(*R) int64, score func(p pending[T], have *R) int) []int64 {
	var cands []candidate
	for _, p := range todo {
		if p.row == nil {
			continue
		}
		for _, have := range rows {
			if sc := score(p, have); sc > 0 {
				cands = append(cands, candidate{p.index, id(have), sc})
			}
		}
	}
	return assign(len(todo), cands)
}

// meetings plans the accepted meetings.
func (pl *planner) meetings(items []MeetingItem) []PlanStep {
	var steps []PlanStep
	var todo []pending[Meeting]
	seen := map[string]bool{}
	for i, it := range items {
		prefix := fmt.Sprintf("meetings[%d]", i)
		if pl.duplicate(seen, prefix, it.Ref) {
			continue
		}
		m, step, ok := pl.meetingOf(prefix, it)
		if ok || step.Outcome == OutcomeSkipped {
			todo = append(todo, newPending(pl, len(todo), m, step))
		}
	}
	rows := matchRows(todo, pl.have.Meetings, func(m *Meeting) int64 { return m.ID }, func(p pending[Meeting], have *Meeting) int {
		return meetingScore(p.row, have, have.ID == p.linked, p.quoted[have.ID])
	})
	for _, p := range todo {
		step := p.step
		var changes []string
		if p.row == nil {
			steps = append(steps, step)
			continue
		}
		if rows[p.index] == 0 {
			step.Meeting = p.row
		} else {
			have := pl.meeting(rows[p.index])
			step.MeetingUpdate, changes = meetingChanges(p.row, have)
			step.Title = have.Title
		}
		pl.finish(&step, rows[p.index], changes)
		steps = append(steps, step)
	}
	return steps
}

func (pl *planner) meeting(id int64) *Meeting {
	for _, m := range pl.have.Meetings {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// meetingOf completes an item from its draft event and makes the meeting it would create.
func (pl *planner) meetingOf(prefix string, it MeetingItem) (*Meeting, PlanStep, bool) {
	step := PlanStep{Ref: it.Ref, EntityType: "meeting"}
	if it.Ref != "" {
		e, ok := pl.x.event(it.Ref)
		if !ok {
			pl.probs.Add(prefix+".ref", "is not an event of the source's draft")
			return nil, step, false
		}
		if def, ok := proposeMeeting(e); ok {
			it = completeMeeting(it, def)
		}
		step.Quote = Quote(pl.src.Text, e.Evidence)
	}
	if it.Status == "" {
		it.Status = MeetingPlanned
	}
	if it.Title == "" {
		it.Title = MeetingTitle(it.Kind, it.Location)
	}
	if it.HostParty != "" && ValidPartyCode(it.HostParty) && !pl.have.Roadmap.HasParty(it.HostParty) {
		it.HostParty = "" // a third country hosts it: the roadmap has no such host
	}
	m := &Meeting{RoadmapID: pl.have.Roadmap.ID, Kind: it.Kind, Title: it.Title, Description: it.Description,
		When: it.When, Location: it.Location, HostParty: it.HostParty, Status: it.Status, Invitation: it.Invitation}
	if m.Kind != "visit" {
		m.Invitation = ""
	}
	step.Title = m.Title
	if err := m.Validate(); err != nil {
		pl.invalid(prefix, err, &step)
		return nil, step, false
	}
	return m, step, true
}

// completeMeeting fills the fields an item leaves empty from the draft's proposal.
func completeMeeting(it, def MeetingItem) MeetingItem {
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&it.Kind, def.Kind)
	fill(&it.Description, def.Description)
	fill(&it.Location, def.Location)
	fill(&it.HostParty, def.HostParty)
	fill(&it.Status, def.Status)
	fill(&it.Invitation, def.Invitation)
	if it.Title == "" && it.Kind == def.Kind && it.Location == def.Location {
		it.Title = def.Title
	}
	if it.When.IsZero() {
		it.When = def.When
	}
	return it
}

// meetingFamilies groups the kinds of meeting that may be the same occasion told differently.
var meetingFamilies = map[string]string{
	"leaders_talks": "talks", "delegation_talks": "talks", "working_group": "talks", "commission_session": "talks",
	"visit": "visit", "signing_ceremony": "signing", "call": "call", "forum": "forum", "other": "other",
}

// meetingScore scores an item's meeting against a row: above 0 when they may be the same
// meeting, higher when more agrees. A linked row always matches.
func meetingScore(item, have *Meeting, linked, quoted bool) int {
	if linked {
		return 1000
	}
	if have.Status == MeetingCancelled || meetingFamilies[item.Kind] != meetingFamilies[have.Kind] {
		return 0
	}
	if item.HostParty != "" && have.HostParty != "" && item.HostParty != have.HostParty {
		return 0
	}
	score := 100
	switch {
	case quoted:
		score += 400
	case !datesAgree(item.When, have.When, item.Kind == have.Kind):
		return 0
	}
	if item.Kind == have.Kind {
		score += 40
	}
	if item.When.Value != "" && item.When.Value == have.When.Value {
		score += 40
	}
	if item.Location != "" && strings.EqualFold(item.Location, have.Location) {
		score += 20
	}
	if item.HostParty != "" && item.HostParty == have.HostParty {
		score += 10
	}
	return score
}

// datesAgree reports whether two dates as said may be the same occasion: dated ones overlap
// (approximate ones by a margin); an undated one agrees with any date only for the same kind.
func datesAgree(a, b When, sameKind bool) bool {
	da, db := dated(a), dated(b)
	if !da || !db {
		return sameKind
	}
	a1, a2 := widened(a)
	b1, b2 := widened(b)
	return (a1.IsZero() || b2.IsZero() || !a1.After(b2)) && (b1.IsZero() || a2.IsZero() || !b1.After(a2))
}

func dated(w When) bool {
	return !w.IsZero() && !w.IsVague() && !(w.Earliest.IsZero() && w.Latest.IsZero())
}

// widened returns the days a When covers, with a margin when it is approximate: a week for a
// day or a week, half a month for a month.
func widened(w When) (Date, Date) {
	first, last := w.Earliest, w.Latest
	if !w.Approximate {
		return first, last
	}
	margin := 0
	switch w.Granularity {
	case GranularityTime, GranularityPartOfDay, GranularityDay, GranularityWeekend, GranularityWeek:
		margin = 7
	case GranularityMonth:
		margin = 15
	}
	if !first.IsZero() {
		first = first.AddDays(-margin)
	}
	if !last.IsZero() {
		last = last.AddDays(margin)
	}
	return first, last
}

// meetingChanges returns the update a later source makes to a matched meeting, and the names
// of what it changes; nil when it changes nothing. The date said of a postponed meeting is
// the one it no longer has, so it changes no date.
func meetingChanges(item, have *Meeting) (*MeetingUpdate, []string) {
	upd := &MeetingUpdate{Version: have.Version}
	var changes []string
	if st := nextMeetingStatus(have.Status, item.Status); st != "" {
		upd.Status, changes = &st, append(changes, "status")
	}
	if item.Status != MeetingPostponed && betterWhen(item.When, have.When, item.Status == MeetingHeld) {
		w := item.When
		upd.When, changes = &w, append(changes, "when")
	}
	if have.Location == "" && item.Location != "" {
		upd.Location, changes = &item.Location, append(changes, "location")
	}
	if have.HostParty == "" && item.HostParty != "" {
		upd.HostParty, changes = &item.HostParty, append(changes, "host_party")
	}
	if inv := nextInvitation(have, item); inv != "" {
		upd.Invitation, changes = &inv, append(changes, "invitation")
	}
	if len(changes) == 0 {
		return nil, nil
	}
	return upd, changes
}

// nextMeetingStatus is the status a source moves a meeting to, or "": only forward, from
// planned to held or postponed and from postponed to held.
func nextMeetingStatus(have, said string) string {
	switch {
	case said == MeetingHeld && (have == MeetingPlanned || have == MeetingPostponed):
		return MeetingHeld
	case said == MeetingPostponed && have == MeetingPlanned:
		return MeetingPostponed
	}
	return ""
}

// betterWhen reports whether a source's date should replace a meeting's: the meeting has
// none, or the source's is exact where the meeting's is approximate, or the source's lies
// within the meeting's and is finer ("February" becomes "14 February"). The date a held
// meeting was held on replaces a planned approximation.
func betterWhen(said, have When, held bool) bool {
	switch {
	case !dated(said) || said.String() == have.String():
		return false
	case !dated(have):
		return true
	case have.Approximate && !said.Approximate && (held || datesAgree(said, have, true)):
		return true
	}
	within := !said.Earliest.IsZero() && !said.Latest.IsZero() && !have.Earliest.IsZero() && !have.Latest.IsZero() &&
		!said.Earliest.Before(have.Earliest) && !said.Latest.After(have.Latest)
	return within && said.Latest.DaysSince(said.Earliest) < have.Latest.DaysSince(have.Earliest)
}

// nextInvitation is the invitation state a source moves a visit to, or "": a scheduled visit
// that was held is held; an invitation the visit did not record is recorded; an extended one
// that was accepted is accepted.
func nextInvitation(have, item *Meeting) string {
	switch {
	case have.Kind != "visit":
		return ""
	case item.Status == MeetingHeld && have.Invitation == InvitationScheduled:
		return InvitationHeld
	case have.Invitation == "" && item.Invitation != "":
		return item.Invitation
	case have.Invitation == InvitationExtended && item.Invitation == InvitationAccepted:
		return InvitationAccepted
	}
	return ""
}

// commitments plans the accepted commitments.
func (pl *planner) commitments(items []CommitmentItem) []PlanStep {
	var steps []PlanStep
	var todo []pending[Commitment]
	seen := map[string]bool{}
	for i, it := range items {
		prefix := fmt.Sprintf("commitments[%d]", i)
		if pl.duplicate(seen, prefix, it.Ref) {
			continue
		}
		c, step, ok := pl.commitmentOf(prefix, it)
		if ok || step.Outcome == OutcomeSkipped {
			todo = append(todo, newPending(pl, len(todo), c, step))
		}
	}
	rows := matchRows(todo, pl.have.Commitments, func(c *Commitment) int64 { return c.ID }, func(p pending[Commitment], have *Commitment) int {
		sameQuote := p.quoted[have.ID] || p.step.Quote != "" && have.Quote == p.step.Quote
		return commitmentScore(p.row, have, have.ID == p.linked, sameQuote, pl.words)
	})
	for _, p := range todo {
		step := p.step
		var changes []string
		if p.row == nil {
			steps = append(steps, step)
			continue
		}
		if rows[p.index] == 0 {
			step.Commitment = p.row
		} else {
			have := pl.commitment(rows[p.index])
			step.Title = have.Statement
			if have.Due.IsZero() && !p.row.Due.IsZero() {
				step.CommitmentUpdate, changes = &CommitmentUpdate{Version: have.Version, Due: &p.row.Due}, []string{"due"}
			}
		}
		pl.finish(&step, rows[p.index], changes)
		steps = append(steps, step)
	}
	return steps
}

func (pl *planner) commitment(id int64) *Commitment {
	for _, c := range pl.have.Commitments {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// commitmentOf completes an item from its draft commitment and makes the row it would create.
func (pl *planner) commitmentOf(prefix string, it CommitmentItem) (*Commitment, PlanStep, bool) {
	step := PlanStep{Ref: it.Ref, EntityType: "commitment"}
	if it.Ref != "" {
		d, ok := pl.x.commitment(it.Ref)
		if !ok {
			pl.probs.Add(prefix+".ref", "is not a commitment of the source's draft")
			return nil, step, false
		}
		if it.Statement == "" {
			it.Statement = d.Statement
		}
		if it.Sectors == nil {
			it.Sectors = validSectors(d.Sectors)
		}
		if it.Responsible == "" {
			it.Responsible = d.Responsible
		}
		if it.Due.IsZero() {
			it.Due = d.DueWhen()
		}
		step.Quote = Quote(pl.src.Text, d.Evidence)
	}
	c := &Commitment{RoadmapID: pl.have.Roadmap.ID, Statement: it.Statement, Sectors: orEmpty(it.Sectors),
		Responsible: it.Responsible, Due: it.Due, Status: CommitmentPending, SourceID: pl.src.ID, Quote: step.Quote}
	step.Title = c.Statement
	err := c.Validate()
	if err == nil && c.Responsible != ResponsibleBoth && c.Responsible != ResponsibleAll && !pl.have.Roadmap.HasParty(c.Responsible) {
		err = &Error{Code: EINVALID, Fields: map[string]string{"responsible": c.Responsible + " is not a party of this roadmap"}}
	}
	if err != nil {
		pl.invalid(prefix, err, &step)
		return nil, step, false
	}
	return c, step, true
}

// commitmentScore scores an item's commitment against a row: the same party, and mostly the
// same words (or the same sentence of an earlier source).
func commitmentScore(item, have *Commitment, linked, quoted bool, words wordSets) int {
	if linked {
		return 1000
	}
	if item.Responsible != have.Responsible {
		return 0
	}
	same, closeness := words.sameWords(item.Statement, have.Statement)
	switch {
	case quoted && (same || strings.EqualFold(item.Statement, have.Statement)):
		return 500 + closeness
	case same:
		return 100 + closeness
	}
	return 0
}

// interests plans the accepted offers and requests.
func (pl *planner) interests(items []InterestItem) []PlanStep {
	var steps []PlanStep
	var todo []pending[Interest]
	seen := map[string]bool{}
	for i, it := range items {
		prefix := fmt.Sprintf("interests[%d]", i)
		if pl.duplicate(seen, prefix, it.Ref) {
			continue
		}
		in, step, ok := pl.interestOf(prefix, it)
		if ok || step.Outcome == OutcomeSkipped {
			todo = append(todo, newPending(pl, len(todo), in, step))
		}
	}
	rows := matchRows(todo, pl.have.Interests, func(i *Interest) int64 { return i.ID }, func(p pending[Interest], have *Interest) int {
		sameQuote := p.quoted[have.ID] || p.step.Quote != "" && have.Quote == p.step.Quote
		return interestScore(p.row, have, have.ID == p.linked, sameQuote, pl.words)
	})
	for _, p := range todo {
		step := p.step
		var changes []string
		if p.row == nil {
			steps = append(steps, step)
			continue
		}
		if rows[p.index] == 0 {
			step.Interest = p.row
		} else {
			have := pl.interest(rows[p.index])
			step.Title = have.Title
			if len(have.Products) == 0 && len(p.row.Products) > 0 {
				step.InterestUpdate, changes = &InterestUpdate{Version: have.Version, Products: &p.row.Products}, []string{"products"}
			}
		}
		pl.finish(&step, rows[p.index], changes)
		steps = append(steps, step)
	}
	return steps
}

func (pl *planner) interest(id int64) *Interest {
	for _, i := range pl.have.Interests {
		if i.ID == id {
			return i
		}
	}
	return nil
}

// interestOf completes an item from its draft interest and makes the row it would create.
func (pl *planner) interestOf(prefix string, it InterestItem) (*Interest, PlanStep, bool) {
	step := PlanStep{Ref: it.Ref, EntityType: "interest"}
	if it.Ref != "" {
		d, ok := pl.x.interest(it.Ref)
		if !ok {
			pl.probs.Add(prefix+".ref", "is not an offer or request of the source's draft")
			return nil, step, false
		}
		fillInterest(&it, d)
		step.Quote = Quote(pl.src.Text, d.Evidence)
	}
	in := &Interest{RoadmapID: pl.have.Roadmap.ID, Kind: it.Kind, FromParty: it.FromParty, ToParty: it.ToParty,
		Title: truncateText(it.Title, 300), Sectors: orEmpty(it.Sectors), Products: orEmpty(it.Products), Status: InterestStatuses[0],
		SourceID: pl.src.ID, Quote: step.Quote}
	step.Title = in.Title
	err := in.Validate()
	if err == nil {
		probs := Problems{}
		for field, party := range map[string]string{"from_party": in.FromParty, "to_party": in.ToParty} {
			if !pl.have.Roadmap.HasParty(party) {
				probs.Add(field, party+" is not a party of this roadmap")
			}
		}
		err = probs.Err("interest")
	}
	if err != nil {
		pl.invalid(prefix, err, &step)
		return nil, step, false
	}
	return in, step, true
}

func fillInterest(it *InterestItem, d ExtractedInterest) {
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&it.Kind, d.Kind)
	fill(&it.FromParty, d.From)
	fill(&it.ToParty, d.To)
	fill(&it.Title, d.Statement)
	if it.Sectors == nil {
		it.Sectors = validSectors(d.Sectors)
	}
	if it.Products == nil {
		it.Products = slices.Clone(d.Products)
	}
}

// interestScore scores an item's interest against a row: the same kind between the same
// parties, saying mostly the same words (or said in the same sentence of a source).
func interestScore(item, have *Interest, linked, quoted bool, words wordSets) int {
	if linked {
		return 1000
	}
	if item.Kind != have.Kind || item.FromParty != have.FromParty || item.ToParty != have.ToParty {
		return 0
	}
	if quoted || strings.EqualFold(item.Title, have.Title) {
		return 500
	}
	if same, closeness := words.sameWords(item.Title, have.Title); same {
		return 100 + closeness
	}
	return 0
}
