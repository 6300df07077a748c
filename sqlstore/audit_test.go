package sqlstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func TestAuditChainDetectsTampering(t *testing.T) {
	tamper := []struct {
		name   string
		sql    string
		detail string
	}{
		{"edited entry", "UPDATE audit_entries SET user_name = 'someone else' WHERE id = 3", "entry 3 was changed"},
		{"edited snapshot", "UPDATE audit_entries SET after = REPLACE(after, 'Cooperation', 'Competition') WHERE id = 5", "entry 5 was changed"},
		{"deleted entry", "DELETE FROM audit_entries WHERE id = 4", "entries 4 to 4 are missing"},
		{"deleted last entries", "DELETE FROM audit_entries WHERE id >= 5", ""},
		{"inserted entry", "UPDATE audit_entries SET prev_hash = 'x' WHERE id = 6", "entry 6 does not follow entry 5"},
	}
	for _, tt := range tamper {
		eachDB(t, func(t *testing.T, db *sqlstore.DB) {
			newFixture(t, db)
			rep, err := db.VerifyAudit(context.Background())
			must(t, err)
			if rep.Problem != nil || rep.Entries < 6 {
				t.Fatalf("fresh chain: %d entries, problem %+v", rep.Entries, rep.Problem)
			}
			_, err = db.ExecForTest(context.Background(), tt.sql)
			must(t, err)
			rep, err = db.VerifyAudit(context.Background())
			must(t, err)
			problem := rep.Problem
			if tt.detail == "" {
				// Cutting off the tail leaves a shorter valid chain; only an external anchor of
				// the last hash (the CLI prints it) can show that.
				if problem != nil {
					t.Fatalf("truncated chain reported %+v", problem)
				}
				return
			}
			if problem == nil || !strings.Contains(problem.Reason, tt.detail) {
				t.Fatalf("%s: problem = %+v, want %q", tt.name, problem, tt.detail)
			}
		})
	}
}

func TestAuditRecordsBeforeAndAfter(t *testing.T) {
	eachDB(t, func(t *testing.T, db *sqlstore.DB) {
		f := newFixture(t, db)
		a := f.action(t, "Prepare", "")
		progress := 40
		_, err := f.services.actions.UpdateAction(system(), a.ID, entente.ActionUpdate{Version: 1, Progress: &progress})
		must(t, err)
		entries, n, err := f.services.audit.FindAuditEntries(system(), entente.AuditFilter{EntityType: "action", EntityID: itoa64(a.ID)})
		must(t, err)
		if n != 2 || entries[0].Action != "update" {
			t.Fatalf("entries = %d, first %+v", n, entries[0])
		}
		if !strings.Contains(string(entries[0].Before), `"progress":0`) || !strings.Contains(string(entries[0].After), `"progress":40`) {
			t.Fatalf("update entry before %s after %s", entries[0].Before, entries[0].After)
		}
	})
}
