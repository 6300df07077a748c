package sqlstore

import (
	"context"
	"strings"

	"github.com/entente/entente"
)

var _ entente.SourceApplier = (*SourceService)(nil)

// ApplySource applies the accepted items of a source's draft to a roadmap in one transaction:
// nothing is written unless every item is. See entente.SourceApplier.
func (s *SourceService) ApplySource(ctx context.Context, sourceID int64, app entente.SourceApplication) (*entente.SourceApplied, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.SourceApplied, error) { return tx.applySource(sourceID, app) })
}

func (tx *Tx) applySource(sourceID int64, app entente.SourceApplication) (*entente.SourceApplied, error) {
	src, err := tx.findSource(sourceID)
	if err != nil {
		return nil, err
	}
	if !tx.canWriteSource(src) {
		return nil, entente.Denied(tx.caller, "apply this source")
	}
	x, err := entente.ParseExtraction(src.Extraction, src.Text)
	if err != nil {
		return nil, err
	}
	rm, err := tx.applicationTarget(src, x, app)
	if err != nil {
		return nil, err
	}
	have, err := tx.holdings(rm)
	if err != nil {
		return nil, err
	}
	plan, err := entente.PlanApplication(src, x, app, have)
	if err != nil {
		return nil, err
	}
	res := &entente.SourceApplied{Source: src, Roadmap: rm, Items: []entente.AppliedItem{}}
	for _, step := range plan.Steps {
		item, err := tx.carryOut(src, rm, step)
		if err != nil {
			return nil, err
		}
		res.Items = append(res.Items, item)
	}
	res.Count()
	if src.RoadmapID == 0 {
		if err := tx.attachSource(src, rm.ID); err != nil {
			return nil, err
		}
	}
	if plan.Writes() {
		if err := tx.audit(auditRecord{action: "apply", entityType: "source", entityID: src.ID, roadmapID: rm.ID,
			scope: src.Scope, after: appliedSummary(res)}); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// applicationTarget returns the roadmap an application goes to: the one named, a new one, or
// the one the source was applied to before. A source applied to one roadmap is not applied
// to another.
func (tx *Tx) applicationTarget(src *entente.Source, x *entente.Extraction, app entente.SourceApplication) (*entente.Roadmap, error) {
	id := app.RoadmapID
	switch {
	case id != 0 && app.NewRoadmap != nil:
		return nil, fieldError("new_roadmap", "give either roadmap_id or new_roadmap, not both")
	case app.NewRoadmap != nil && src.RoadmapID != 0:
		id = 0
	case app.NewRoadmap != nil:
		return tx.newRoadmapFor(x, *app.NewRoadmap)
	case id == 0 && src.RoadmapID == 0:
		return nil, fieldError("roadmap_id", "is required: say which roadmap to apply the source to, or ask for a new_roadmap")
	case id == 0:
		id = src.RoadmapID
	}
	if src.RoadmapID != 0 && id != src.RoadmapID {
		return nil, &entente.Error{Code: entente.ECONFLICT,
			Message: "This source was applied to roadmap " + itoa(src.RoadmapID) + "; read the statement again to apply it to another roadmap.",
			Fields:  map[string]string{"roadmap_id": "the source belongs to roadmap " + itoa(src.RoadmapID)}}
	}
	return tx.roadmapForWrite(id, "apply sources to this roadmap")
}

// newRoadmapFor creates the roadmap of an application, for the draft's parties unless told
// others, titled after the parties unless told otherwise.
func (tx *Tx) newRoadmapFor(x *entente.Extraction, nr entente.NewRoadmap) (*entente.Roadmap, error) {
	if !entente.CanCreateRoadmap(tx.caller) {
		return nil, entente.Denied(tx.caller, "create a roadmap")
	}
	parties := nr.Parties
	if len(parties) == 0 {
		parties = x.Parties
	}
	title := strings.TrimSpace(nr.Title)
	if title == "" {
		names, err := tx.partyNames(parties)
		if err != nil {
			return nil, err
		}
		title = strings.Join(names, "–") + " cooperation roadmap"
	}
	rm := &entente.Roadmap{Title: title, Parties: parties, Status: entente.RoadmapDraft}
	if err := tx.createRoadmap(rm); err != nil {
		return nil, prefixFields("new_roadmap", err)
	}
	return rm, nil
}

// partyNames returns the names of parties, or their codes for parties the database lacks.
func (tx *Tx) partyNames(codes []string) ([]string, error) {
	names := make([]string, len(codes))
	for i, code := range codes {
		names[i] = code
		var name string
		if err := tx.queryRow("SELECT name FROM parties WHERE code = ?", code).Scan(&name); err == nil {
			names[i] = name
		} else if err := notFoundIfNoRows(err, "party", code); entente.ErrorCode(err) != entente.ENOTFOUND {
			return nil, err
		}
	}
	return names, nil
}

// prefixFields puts the field problems of an error under a prefix ("parties" becomes
// "new_roadmap.parties").
func prefixFields(prefix string, err error) error {
	fields := entente.ErrorFields(err)
	if len(fields) == 0 {
		return err
	}
	out := &entente.Error{Code: entente.ErrorCode(err), Message: entente.ErrorMessage(err), Fields: map[string]string{}}
	for k, v := range fields {
		out.Fields[prefix+"."+k] = v
	}
	return out
}

// holdings loads what a roadmap holds that an application is matched against. Tracks come
// without their counts, which matching does not need.
func (tx *Tx) holdings(rm *entente.Roadmap) (entente.Holdings, error) {
	h := entente.Holdings{Roadmap: rm}
	var err error
	if h.Meetings, err = scanAll(tx, "SELECT "+meetingColumns+" FROM meetings WHERE roadmap_id = ? ORDER BY id", []any{rm.ID}, scanMeeting); err != nil {
		return h, err
	}
	if h.Commitments, err = scanAll(tx, "SELECT "+commitments.columns+" FROM commitments WHERE roadmap_id = ? ORDER BY id", []any{rm.ID}, scanCommitment); err != nil {
		return h, err
	}
	if h.Interests, err = scanAll(tx, "SELECT "+interests.columns+" FROM interests WHERE roadmap_id = ? ORDER BY id", []any{rm.ID}, scanInterest); err != nil {
		return h, err
	}
	if h.Tracks, err = scanAll(tx, "SELECT "+trackColumns+" FROM tracks WHERE roadmap_id = ? ORDER BY id", []any{rm.ID}, scanTrack); err != nil {
		return h, err
	}
	links, err := scanAll(tx, "SELECT "+sourceLinkColumns+" FROM source_links WHERE roadmap_id = ? ORDER BY id", []any{rm.ID}, scanSourceLink)
	for _, l := range links {
		h.Links = append(h.Links, *l)
	}
	return h, err
}

const sourceLinkColumns = "source_id, ref, entity_type, entity_id, quote"

func scanSourceLink(s rowScanner) (*entente.SourceLink, error) {
	var l entente.SourceLink
	err := s.Scan(&l.SourceID, &l.Ref, &l.EntityType, &l.EntityID, &l.Quote)
	return &l, err
}

// FindSourceLinks returns what the items of a source became: a link per applied item, in the
// order they were applied.
func (s *SourceService) FindSourceLinks(ctx context.Context, sourceID int64) ([]entente.SourceLink, error) {
	return view(ctx, s.db, func(tx *Tx) ([]entente.SourceLink, error) {
		if _, err := tx.findSource(sourceID); err != nil {
			return nil, err
		}
		links, err := scanAll(tx, "SELECT "+sourceLinkColumns+" FROM source_links WHERE source_id = ? ORDER BY id", []any{sourceID}, scanSourceLink)
		out := make([]entente.SourceLink, len(links))
		for i, l := range links {
			out[i] = *l
		}
		return out, err
	})
}

// carryOut writes one step of a plan: creates or updates its row and records its link.
func (tx *Tx) carryOut(src *entente.Source, rm *entente.Roadmap, step entente.PlanStep) (entente.AppliedItem, error) {
	item := entente.AppliedItem{Ref: step.Ref, EntityType: step.EntityType, EntityID: step.ExistingID, Title: step.Title,
		Outcome: step.Outcome, Changes: step.Changes, Problem: step.Problem}
	var err error
	switch step.Outcome {
	case entente.OutcomeSkipped:
		return item, nil
	case entente.OutcomeCreated:
		item.EntityID, err = tx.createFromStep(step)
	case entente.OutcomeUpdated:
		err = tx.updateFromStep(step)
	}
	if err != nil {
		return item, prefixFields(step.EntityType+" "+step.Ref, err)
	}
	if step.NewLink {
		err = tx.writeSourceLink(src, rm.ID, step.Ref, step.EntityType, item.EntityID, step.Quote)
	}
	return item, err
}

// createFromStep creates the row of a step and returns its id.
func (tx *Tx) createFromStep(step entente.PlanStep) (int64, error) {
	switch {
	case step.Meeting != nil:
		m := step.Meeting
		if m.HostParty != "" && m.TimeZone == "" {
			if err := tx.queryRow("SELECT time_zone FROM parties WHERE code = ?", m.HostParty).Scan(&m.TimeZone); err != nil {
				return 0, err
			}
		}
		err := tx.createMeeting(m)
		return m.ID, err
	case step.Commitment != nil:
		err := tx.createCommitment(step.Commitment)
		return step.Commitment.ID, err
	case step.Interest != nil:
		err := tx.createInterest(step.Interest)
		return step.Interest.ID, err
	case step.Track != nil:
		err := tx.createTrack(step.Track)
		return step.Track.ID, err
	}
	return 0, entente.Errorf(entente.EINTERNAL, "a plan step creates nothing")
}

// updateFromStep moves a matched row on as a later source says: a meeting held, postponed or
// dated, a commitment's due date, an interest's products. Each update checks the row's version
// and is audited like any other change.
func (tx *Tx) updateFromStep(step entente.PlanStep) error {
	id := step.ExistingID
	switch {
	case step.MeetingUpdate != nil:
		m, err := tx.meetingForWrite(id, "change this meeting")
		if err != nil {
			return err
		}
		before := *m
		if err := step.MeetingUpdate.Apply(m); err != nil {
			return err
		}
		if err := m.Validate(); err != nil {
			return err
		}
		m.UpdatedAt = tx.now
		if err := tx.updateVersioned("meetings", "meeting", id, step.MeetingUpdate.Version, meetingValues(m)); err != nil {
			return err
		}
		m.Version++
		return tx.audit(auditRecord{action: "update", entityType: "meeting", entityID: id, roadmapID: m.RoadmapID, before: &before, after: m})
	case step.CommitmentUpdate != nil:
		c, err := commitments.forWrite(tx, id, "change this commitment")
		if err != nil {
			return err
		}
		before := *c
		step.CommitmentUpdate.Apply(c)
		c.UpdatedAt = tx.now
		if err := tx.updateVersioned("commitments", "commitment", id, step.CommitmentUpdate.Version, commitmentValues(c)); err != nil {
			return err
		}
		c.Version++
		return tx.audit(auditRecord{action: "update", entityType: "commitment", entityID: id, roadmapID: c.RoadmapID, before: &before, after: c})
	case step.InterestUpdate != nil:
		i, err := interests.forWrite(tx, id, "change this offer or request")
		if err != nil {
			return err
		}
		before := *i
		step.InterestUpdate.Apply(i)
		i.UpdatedAt = tx.now
		if err := tx.updateVersioned("interests", "interest", id, step.InterestUpdate.Version, interestValues(i)); err != nil {
			return err
		}
		i.Version++
		return tx.audit(auditRecord{action: "update", entityType: "interest", entityID: id, roadmapID: i.RoadmapID, before: &before, after: i})
	}
	return entente.Errorf(entente.EINTERNAL, "a plan step updates nothing")
}

// writeSourceLink records that an item of the source became, or matched, a row; a link the
// item had to a row since deleted is replaced.
func (tx *Tx) writeSourceLink(src *entente.Source, roadmapID int64, ref, entityType string, entityID int64, quote string) error {
	if _, err := tx.exec("DELETE FROM source_links WHERE source_id = ? AND entity_type = ? AND ref = ?", src.ID, entityType, ref); err != nil {
		return err
	}
	_, err := tx.insert("source_links", []colval{{"source_id", src.ID}, {"roadmap_id", roadmapID}, {"ref", ref},
		{"entity_type", entityType}, {"entity_id", entityID}, {"quote", quote}, {"created_at", formatTime(tx.now)}})
	return err
}

// attachSource links a source to the roadmap it was first applied to.
func (tx *Tx) attachSource(src *entente.Source, roadmapID int64) error {
	before := sourceSummary(src)
	src.RoadmapID, src.UpdatedAt = roadmapID, tx.now
	if err := tx.updateVersioned("sources", "source", src.ID, src.Version, sourceValues(src)); err != nil {
		return err
	}
	src.Version++
	return tx.audit(auditRecord{action: "update", entityType: "source", entityID: src.ID, roadmapID: roadmapID,
		scope: src.Scope, before: before, after: sourceSummary(src)})
}

// appliedSummary is what the audit trail keeps of an application: the outcome of each item.
func appliedSummary(res *entente.SourceApplied) map[string]any {
	items := make([]map[string]any, 0, len(res.Items))
	for _, it := range res.Items {
		items = append(items, map[string]any{"ref": it.Ref, "entity_type": it.EntityType, "entity_id": it.EntityID, "outcome": it.Outcome})
	}
	return map[string]any{"roadmap_id": res.Roadmap.ID, "created": res.Created, "matched": res.Matched,
		"updated": res.Updated, "skipped": res.Skipped, "items": items}
}
