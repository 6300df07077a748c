package sqlstore

import (
	"github.com/entente/entente"
)

// agreementLifecycleColumns are the agreement's columns that the lifecycle sets: the agreed
// version, the entry-into-force rule and the superseding agreement.
const agreementLifecycleColumns = `agreed_version, entry_rule, entry_days, entry_fixed_on, superseded_by`

// agreementLifecycleDest are the scan targets of agreementLifecycleColumns.
func agreementLifecycleDest(a *entente.Agreement) []any {
	return []any{&a.AgreedVersion, &a.EntryIntoForce.Rule, &a.EntryIntoForce.Days, dateCol{&a.EntryIntoForce.FixedOn},
		idCol{&a.SupersededBy}}
}

// agreementLifecycleValues are the values of agreementLifecycleColumns.
func agreementLifecycleValues(a *entente.Agreement) []colval {
	return []colval{{"agreed_version", a.AgreedVersion}, {"entry_rule", a.EntryIntoForce.Rule},
		{"entry_days", a.EntryIntoForce.Days}, {"entry_fixed_on", dateArg(a.EntryIntoForce.FixedOn)},
		{"superseded_by", idArg(a.SupersededBy)}}
}

// settleAgreedVersion keeps the agreed version in step with a status set by hand: an agreement
// moved to "text agreed" agrees its latest shared version (none while no version is shared).
func (tx *Tx) settleAgreedVersion(before, a *entente.Agreement) error {
	if a.Status != entente.AgreementTextAgreed || before.Status == entente.AgreementTextAgreed ||
		before.Status == entente.AgreementInitialled {
		return nil
	}
	latest, err := tx.latestVersion(a.ID, entente.ScopeShared)
	if err != nil || latest == nil {
		return err
	}
	a.AgreedVersion = latest.Number
	return nil
}

// agreementForChange loads an agreement the caller may read and locks it for the rest of the
// transaction, so that versions, signatures and procedures of one agreement are written one
// after the other (PostgreSQL takes the row lock; SQLite has a single writer anyway).
func (tx *Tx) agreementForChange(id int64) (*entente.Agreement, *entente.Roadmap, error) {
	if _, err := tx.exec("UPDATE agreements SET updated_at = updated_at WHERE id = ?", id); err != nil {
		return nil, nil, err
	}
	a, err := tx.findAgreement(id)
	if err != nil {
		return nil, nil, err
	}
	r, err := tx.findRoadmap(a.RoadmapID)
	if err != nil {
		return nil, nil, entente.NotFound("agreement", id)
	}
	return a, r, nil
}

// saveAgreementState writes what the lifecycle changed on an agreement (status, days, ceremony,
// agreed version, rule, superseding agreement), moves its version on and records the change.
func (tx *Tx) saveAgreementState(before, a *entente.Agreement, action string) error {
	if err := a.Validate(); err != nil {
		return err
	}
	a.UpdatedAt = tx.now
	cols := append([]colval{{"status", a.Status}, {"signed_on", dateArg(a.SignedOn)}, {"in_force_on", dateArg(a.InForceOn)},
		{"meeting_id", idArg(a.MeetingID)}, {"updated_at", formatTime(a.UpdatedAt)}}, agreementLifecycleValues(a)...)
	if err := tx.updateVersioned("agreements", "agreement", a.ID, before.Version, cols); err != nil {
		return err
	}
	a.Version = before.Version + 1
	return tx.audit(auditRecord{action: action, entityType: "agreement", entityID: a.ID, roadmapID: a.RoadmapID,
		before: before, after: a})
}

// settleInForce recomputes the day of entry into force from the rule and the procedures and
// moves the agreement into force when that day has come.
func (tx *Tx) settleInForce(a *entente.Agreement, r *entente.Roadmap) error {
	procs, err := tx.procedures(a.ID)
	if err != nil {
		return err
	}
	return a.SettleEntryIntoForce(r.Parties, procs, tx.today())
}
