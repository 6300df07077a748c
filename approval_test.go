package entente_test

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// pakSteps is Pakistan's chain for an MoU: the line ministry, then three bodies.
var pakSteps = []entente.ApprovalStep{
	{Party: "PAK", Kind: "mou", Position: 1, Name: "Line ministry"},
	{Party: "PAK", Kind: "mou", Position: 2, Name: "Ministry of Foreign Affairs", BodyID: 20},
	{Party: "PAK", Kind: "mou", Position: 3, Name: "Ministry of Law and Justice", BodyID: 30},
	{Party: "PAK", Kind: "mou", Position: 4, Name: "Cabinet", BodyID: 40},
}

func decision(step int, body int64, version int, d string) *entente.Approval {
	return &entente.Approval{Party: "PAK", Step: step, BodyID: body, TextVersion: version, Decision: d}
}

func TestApprovalChain(t *testing.T) {
	lineBodies := []int64{11, 12}
	tests := []struct {
		name      string
		approvals []*entente.Approval
		states    string // one letter per step: p pending, a approved, r returned
		complete  bool
	}{
		{"nothing yet", nil, "pppp", false},
		{"line ministry by either lead body", []*entente.Approval{decision(1, 12, 5, "approved")}, "appp", false},
		{"another version does not count", []*entente.Approval{decision(1, 11, 4, "approved")}, "pppp", false},
		{"a body that does not hold the step", []*entente.Approval{decision(2, 99, 5, "approved")}, "pppp", false},
		{"returned then approved: the latest counts", []*entente.Approval{
			decision(1, 11, 5, "approved"), decision(2, 20, 5, "returned"), decision(2, 20, 5, "approved")}, "aapp", false},
		{"returned after approval", []*entente.Approval{decision(1, 11, 5, "approved"), decision(1, 11, 5, "returned")}, "rppp", false},
		{"complete", []*entente.Approval{decision(1, 11, 5, "approved"), decision(2, 20, 5, "approved"),
			decision(3, 30, 5, "approved"), decision(4, 40, 5, "approved")}, "aaaa", true},
	}
	letter := map[string]string{entente.StepPending: "p", entente.StepApproved: "a", entente.StepReturned: "r"}
	for _, tt := range tests {
		ch := entente.NewApprovalChain("PAK", 5, pakSteps, lineBodies, tt.approvals)
		var got strings.Builder
		for _, st := range ch.Steps {
			got.WriteString(letter[st.State])
		}
		if got.String() != tt.states || ch.Complete != tt.complete {
			t.Errorf("%s: states %s complete %v, want %s %v", tt.name, got.String(), ch.Complete, tt.states, tt.complete)
		}
	}
	if ch := entente.NewApprovalChain("BLR", 5, nil, nil, nil); ch.Complete {
		t.Error("a chain without steps is complete")
	}
}

func TestApprovalChainCheckDecision(t *testing.T) {
	ch := entente.NewApprovalChain("PAK", 5, pakSteps, []int64{11}, []*entente.Approval{decision(1, 11, 5, "approved")})
	tests := []struct {
		step int
		code string
		want string
	}{
		{2, "", ""},
		{1, entente.ECONFLICT, "has already approved version 5"},
		{3, entente.EINVALID, "Step 3 (Ministry of Law and Justice) waits for step 2 (Ministry of Foreign Affairs)"},
		{5, entente.EINVALID, "steps 1 to 4"},
	}
	for _, tt := range tests {
		st, err := ch.CheckDecision(tt.step)
		if tt.code == "" {
			if err != nil || st.Position != tt.step {
				t.Errorf("step %d: %v", tt.step, err)
			}
			continue
		}
		if entente.ErrorCode(err) != tt.code || !strings.Contains(entente.ErrorMessage(err), tt.want) {
			t.Errorf("step %d: %v, want %s with %q", tt.step, err, tt.code, tt.want)
		}
	}
	empty := entente.NewApprovalChain("BLR", 5, nil, nil, nil)
	if _, err := empty.CheckDecision(1); !strings.Contains(entente.ErrorMessage(err), "no approval steps") {
		t.Errorf("no steps: %v", err)
	}
}

func TestWithheldChainTellsOnlyWhetherItIsComplete(t *testing.T) {
	ch := entente.NewApprovalChain("PAK", 5, pakSteps, []int64{11}, []*entente.Approval{
		decision(1, 11, 5, "approved"), {Party: "PAK", Step: 2, BodyID: 20, TextVersion: 5, Decision: "returned", Note: "Article 4 needs vetting"}})
	w := ch.Withhold()
	if !w.Withheld || w.Complete {
		t.Fatalf("withheld %v complete %v", w.Withheld, w.Complete)
	}
	for _, st := range w.Steps {
		if st.State != entente.StepWithheld || st.Decision != nil {
			t.Fatalf("step %d shows %s %v", st.Position, st.State, st.Decision)
		}
	}
	if ch.Steps[1].Decision == nil {
		t.Fatal("withholding changed the party's own chain")
	}
}

func TestApproverBody(t *testing.T) {
	ch := entente.NewApprovalChain("PAK", 5, pakSteps, []int64{11, 12}, nil)
	editor := map[int64]entente.Role{1: entente.RoleEditor}
	tests := []struct {
		name   string
		caller *entente.Caller
		step   int
		body   int64
		ok     bool
	}{
		{"member of a lead body holds the line ministry", &entente.Caller{UserID: 1, Party: "PAK", Roles: editor, Bodies: []int64{12}}, 1, 12, true},
		{"member of the Ministry of Law", &entente.Caller{UserID: 1, Party: "PAK", Roles: editor, Bodies: []int64{30}}, 3, 30, true},
		{"not a member of the body", &entente.Caller{UserID: 1, Party: "PAK", Roles: editor, Bodies: []int64{20}}, 3, 0, false},
		{"another party", &entente.Caller{UserID: 1, Party: "BLR", Roles: editor, Bodies: []int64{30}}, 3, 0, false},
		{"a viewer", &entente.Caller{UserID: 1, Party: "PAK", Roles: map[int64]entente.Role{1: entente.RoleViewer}, Bodies: []int64{30}}, 3, 0, false},
		{"a read-only token", &entente.Caller{UserID: 1, Party: "PAK", Roles: editor, Bodies: []int64{30}, TokenScope: entente.TokenScopeRead}, 3, 0, false},
		{"the system", entente.SystemCaller, 2, 20, true},
	}
	for _, tt := range tests {
		body, ok := entente.ApproverBody(tt.caller, 1, &ch.Steps[tt.step-1])
		if body != tt.body || ok != tt.ok {
			t.Errorf("%s: %d %v, want %d %v", tt.name, body, ok, tt.body, tt.ok)
		}
	}
}

func TestCheckApprovalSteps(t *testing.T) {
	steps := []entente.ApprovalStep{{Name: "Line ministry"}, {Name: "MFA", BodyID: 3}, {Name: "Council of Ministers", BodyID: 4}}
	if err := entente.CheckApprovalSteps("BLR", "mou", steps); err != nil {
		t.Fatal(err)
	}
	for i, s := range steps {
		if s.Position != i+1 || s.Party != "BLR" || s.Kind != "mou" {
			t.Fatalf("step %d: %+v", i, s)
		}
	}
	bad := []entente.ApprovalStep{{Name: "Line ministry"}, {Name: " "}, {Name: "Again"}}
	err := entente.CheckApprovalSteps("BLR", "pact", bad)
	for _, f := range []string{"kind", "steps[1].name", "steps[1].body_id"} {
		if _, ok := entente.ErrorFields(err)[f]; !ok {
			t.Errorf("no problem with %s: %v", f, err)
		}
	}
}

func TestCheckSignable(t *testing.T) {
	complete := entente.NewApprovalChain("BLR", 5, []entente.ApprovalStep{{Party: "BLR", Position: 1, Name: "MFA", BodyID: 3}}, nil,
		[]*entente.Approval{{Party: "BLR", Step: 1, BodyID: 3, TextVersion: 5, Decision: "approved"}})
	pakDone := entente.NewApprovalChain("PAK", 5, pakSteps, []int64{11}, []*entente.Approval{decision(1, 11, 5, "approved"),
		decision(2, 20, 5, "approved"), decision(3, 30, 5, "approved"), decision(4, 40, 5, "approved")})
	pakHalf := entente.NewApprovalChain("PAK", 5, pakSteps, []int64{11}, []*entente.Approval{decision(1, 11, 5, "approved")})
	none := entente.NewApprovalChain("BLR", 5, nil, nil, nil)
	tests := []struct {
		name    string
		status  string
		agreed  int
		version int
		party   string
		chains  []entente.ApprovalChain
		want    string
	}{
		{"ready", entente.AgreementTextAgreed, 5, 5, "PAK", []entente.ApprovalChain{pakDone, complete}, ""},
		{"initialled is ready", entente.AgreementInitialled, 5, 5, "PAK", []entente.ApprovalChain{pakDone, complete}, ""},
		{"not agreed", entente.AgreementNegotiating, 0, 5, "PAK", nil, "its text is not agreed (the agreement is negotiating)"},
		{"a further signatory", entente.AgreementSigned, 5, 5, "PAK", []entente.ApprovalChain{pakDone, complete}, ""},
		{"already in force", entente.AgreementInForce, 5, 5, "PAK", nil, "it is already in_force"},
		{"another version", entente.AgreementTextAgreed, 5, 4, "PAK", nil, "version 4 is not the agreed text; version 5 is"},
		{"own chain half way names the next step", entente.AgreementTextAgreed, 5, 5, "PAK", []entente.ApprovalChain{pakHalf, complete},
			"PAK has not approved version 5 at every step (next: step 2, Ministry of Foreign Affairs)"},
		{"other party's chain names nothing", entente.AgreementTextAgreed, 5, 5, "BLR", []entente.ApprovalChain{complete, pakHalf},
			"PAK has not approved version 5 at every step."},
		{"no steps", entente.AgreementTextAgreed, 5, 5, "PAK", []entente.ApprovalChain{pakDone, none}, "BLR has no approval steps"},
	}
	for _, tt := range tests {
		a := &entente.Agreement{ID: 3, Status: tt.status, AgreedVersion: tt.agreed}
		err := entente.CheckSignable(a, tt.version, tt.party, tt.chains)
		if tt.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err)
			}
		} else if !strings.Contains(entente.ErrorMessage(err), tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, entente.ErrorMessage(err), tt.want)
		}
	}
}
