package entente

import (
	"fmt"
	"sort"
	"strings"
)

// Holdings is what a roadmap holds that an application is matched against: its meetings,
// commitments, interests and tracks, and the links of every source applied to it before.
type Holdings struct {
	Roadmap     *Roadmap
	Meetings    []*Meeting
	Commitments []*Commitment
	Interests   []*Interest
	Tracks      []*Track
	Links       []SourceLink
}

// Outcome of an accepted item that cannot be applied: only AcceptAll skips such items; an
// explicit application with one is refused.
const OutcomeSkipped = "skipped"

// PlanStep is what applying one accepted item does: create a row (Meeting, Commitment,
// Interest or Track holds it, ready to insert), update an existing one (the Update holds the
// changes, at the row's version), match it (nothing to write), or skip it (Problem says why).
type PlanStep struct {
	Ref        string
	EntityType string // meeting, commitment, interest, track
	Outcome    string
	Title      string
	Quote      string // the sentence of the source the item came from
	ExistingID int64  // the matched or updated row
	Changes    []string
	Problem    string
	// NewLink is set when the store must record that the item became, or matched, its row.
	NewLink bool

	Meeting          *Meeting
	MeetingUpdate    *MeetingUpdate
	Commitment       *Commitment
	CommitmentUpdate *CommitmentUpdate
	Interest         *Interest
	InterestUpdate   *InterestUpdate
	Track            *Track
}

// ApplyPlan is what applying a source does, step by step: tracks, meetings, commitments, then
// interests, each in the order the items were given.
type ApplyPlan struct {
	Steps []PlanStep
}

// Writes reports whether carrying out the plan changes anything.
func (p *ApplyPlan) Writes() bool {
	for _, s := range p.Steps {
		if s.NewLink || s.Outcome == OutcomeCreated || s.Outcome == OutcomeUpdated {
			return true
		}
	}
	return false
}

// PlanApplication decides, for each accepted item of a source's draft, whether it creates a
// row of the roadmap or matches one the roadmap already holds, and what a match changes. It is
// a pure function of its arguments; the store carries the plan out in one transaction.
//
// Matching: an item the same source made or matched before (a link) is that row again, so
// applying a source twice changes nothing. Otherwise a meeting is the same meeting when its
// kind is of the same family (talks, visits, signings, calls, forums) and its dates overlap
// (approximate dates by a margin), or when an earlier source said it in the same words; an
// undated meeting only matches one of its exact kind. Meetings hosted by different parties
// never match. A commitment matches one of the same party that says mostly the same words; an
// interest one of the same kind between the same parties that does. A track matches the track
// of its sector. Each row matches at most one item, the best one.
//
// A later source moves a matched meeting on: planned to held or postponed, postponed to held;
// it dates an undated or approximate meeting, and fills an empty place or host. A matched
// commitment without a due date gets the item's; an interest without products, the item's.
// Nothing else of an existing row changes: what people entered stays.
func PlanApplication(src *Source, x *Extraction, app SourceApplication, have Holdings) (*ApplyPlan, error) {
	if app.AcceptAll {
		p := x.Proposal()
		app.Meetings, app.Commitments, app.Interests, app.Tracks = p.Meetings, p.Commitments, p.Interests, p.Tracks
	}
	pl := &planner{src: src, x: x, have: have, skip: app.AcceptAll, probs: Problems{}, links: map[linkKey]int64{}, words: wordSets{}}
	for _, l := range have.Links {
		if l.SourceID == src.ID {
			pl.links[linkKey{l.EntityType, l.Ref}] = l.EntityID
		}
	}
	var steps []PlanStep
	steps = append(steps, pl.tracks(app.Tracks)...)
	steps = append(steps, pl.meetings(app.Meetings)...)
	steps = append(steps, pl.commitments(app.Commitments)...)
	steps = append(steps, pl.interests(app.Interests)...)
	if err := pl.probs.Err("application"); err != nil {
		e := err.(*Error)
		e.Message = "Some accepted items cannot be applied; see the items' fields."
		return nil, e
	}
	return &ApplyPlan{Steps: steps}, nil
}

type linkKey struct{ entityType, ref string }

// planner carries what PlanApplication works with.
type planner struct {
	src   *Source
	x     *Extraction
	have  Holdings
	skip  bool // skip items that cannot be applied instead of refusing them
	probs Problems
	links map[linkKey]int64 // this source's earlier links
	words wordSets
}

// invalid records the problems of an item: a skipped step under AcceptAll, field problems
// otherwise.
func (pl *planner) invalid(prefix string, err error, step *PlanStep) {
	if pl.skip {
		step.Outcome, step.Problem = OutcomeSkipped, ErrorMessage(err)
		if f := ErrorFields(err); len(f) > 0 {
			step.Problem = (&Error{Fields: f}).FieldList()
		}
		return
	}
	fields := ErrorFields(err)
	if len(fields) == 0 {
		pl.probs.Add(prefix, ErrorMessage(err))
	}
	for k, v := range fields {
		pl.probs.Add(prefix+"."+k, v)
	}
}

// duplicate refuses an item given twice.
func (pl *planner) duplicate(seen map[string]bool, prefix, ref string) bool {
	if ref == "" {
		return false
	}
	if seen[ref] {
		pl.probs.Add(prefix+".ref", "accepts "+ref+" a second time")
		return true
	}
	seen[ref] = true
	return false
}

// linked returns the row an earlier application of this source linked the item to.
func (pl *planner) linked(entityType, ref string) int64 {
	if ref == "" {
		return 0
	}
	return pl.links[linkKey{entityType, ref}]
}

// quotedRows returns the rows of a type that earlier sources linked to items said in quote.
func (pl *planner) quotedRows(entityType, quote string) map[int64]bool {
	rows := map[int64]bool{}
	if quote == "" {
		return rows
	}
	for _, l := range pl.have.Links {
		if l.EntityType == entityType && l.Quote == quote {
			rows[l.EntityID] = true
		}
	}
	return rows
}

// candidate is a possible match of an item (by index) to a row (by id) with its score.
type candidate struct {
	item  int
	row   int64
	score int
}

// assign matches items to rows greedily by score, each at most once, best first; ties go to
// the earlier item and the older row. It returns the row of each item, 0 for none.
func assign(n int, cands []candidate) []int64 {
	sort.Slice(cands, func(a, b int) bool {
		ca, cb := cands[a], cands[b]
		if ca.score != cb.score {
			return ca.score > cb.score
		}
		if ca.item != cb.item {
			return ca.item < cb.item
		}
		return ca.row < cb.row
	})
	out := make([]int64, n)
	used := map[int64]bool{}
	for _, c := range cands {
		if out[c.item] == 0 && !used[c.row] {
			out[c.item], used[c.row] = c.row, true
		}
	}
	return out
}

// finish fills a step's outcome and link once its row is known.
func (pl *planner) finish(step *PlanStep, row int64, changes []string) {
	step.ExistingID = row
	switch {
	case row == 0:
		step.Outcome = OutcomeCreated
	case len(changes) > 0:
		step.Outcome, step.Changes = OutcomeUpdated, changes
	default:
		step.Outcome = OutcomeMatched
	}
	step.NewLink = step.Ref != "" && (row == 0 || pl.linked(step.EntityType, step.Ref) != row)
}

// tracks plans the accepted sectors: the roadmap's track of the sector, or a new one.
func (pl *planner) tracks(items []TrackItem) []PlanStep {
	var steps []PlanStep
	seen := map[string]bool{}
	for i, it := range items {
		prefix := fmt.Sprintf("tracks[%d]", i)
		if it.Sector == "" {
			it.Sector = it.Ref
		}
		if it.Title == "" {
			it.Title = SectorName(it.Sector)
		}
		step := PlanStep{Ref: it.Ref, EntityType: "track", Title: it.Title}
		t := &Track{RoadmapID: pl.have.Roadmap.ID, Sector: it.Sector, Title: it.Title, Leads: []TrackLead{}}
		if err := t.Validate(); err != nil {
			if pl.invalid(prefix, err, &step); pl.skip {
				steps = append(steps, step)
			}
			continue
		}
		if seen[it.Sector] {
			pl.probs.Add(prefix+".sector", "accepts "+it.Sector+" a second time")
			continue
		}
		seen[it.Sector] = true
		row := pl.linked("track", it.Ref)
		for _, have := range pl.have.Tracks {
			if row == 0 && have.Sector == it.Sector {
				row = have.ID
			}
		}
		if row == 0 {
			step.Track = t
		}
		pl.finish(&step, row, nil)
		steps = append(steps, step)
	}
	return steps
}

// contentWords are the words of a text that carry its meaning: lower case, three letters or
// more, without the words every statement uses.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f)
	}) {
		if len(w) >= 3 && !commonWords[w] {
			out[w] = true
		}
	}
	return out
}

var commonWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and for with their its this that these those will would shall from into
		between both two sides side countries country agreed agree also have has been are was were which who
		whom our your they them such other all any each more most further new over under upon about after
		before during within without ready able continue continued including include`) {
		commonWords[w] = true
	}
}

// wordSets remembers the content words of the texts a plan compares, so that each text of a
// large roadmap is cut into words once per plan, not once per pair.
type wordSets map[string]map[string]bool

func (ws wordSets) of(s string) map[string]bool {
	w, ok := ws[s]
	if !ok {
		w = contentWords(s)
		ws[s] = w
	}
	return w
}

// sameWords reports whether two statements say mostly the same thing: at least two content
// words in common, and at least 60% of the shorter statement's. The second result grows with
// the share (0 to 50), to rank several matches.
func (ws wordSets) sameWords(a, b string) (bool, int) {
	wa, wb := ws.of(a), ws.of(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false, 0
	}
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	ratio := float64(shared) / float64(min(len(wa), len(wb)))
	return ratio >= 0.6 && shared >= 2, int(ratio * 50)
}
