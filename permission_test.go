package entente_test

import (
	"testing"

	"github.com/entente/entente"
)

func TestPermissions(t *testing.T) {
	const rm = 7
	pakEditor := &entente.Caller{UserID: 1, Party: "PAK", Roles: map[int64]entente.Role{rm: entente.RoleEditor}}
	blrAdmin := &entente.Caller{UserID: 2, Party: "BLR", Roles: map[int64]entente.Role{rm: entente.RoleAdministrator}}
	viewer := &entente.Caller{UserID: 3, Party: "PAK", Roles: map[int64]entente.Role{rm: entente.RoleViewer}}
	contributor := &entente.Caller{UserID: 4, Party: "BLR", Roles: map[int64]entente.Role{rm: entente.RoleContributor}, Bodies: []int64{40}}
	readToken := &entente.Caller{UserID: 5, Party: "PAK", Roles: map[int64]entente.Role{rm: entente.RoleEditor}, TokenScope: entente.TokenScopeRead}
	joint := &entente.Caller{UserID: 6, Party: entente.JointSecretariat, Admin: true}
	stranger := &entente.Caller{UserID: 8, Party: "CHN"}
	anon := entente.Anonymous
	ownAction := &entente.Action{RoadmapID: rm, LeadBodyID: 40}
	otherAction := &entente.Action{RoadmapID: rm, LeadBodyID: 41}
	pakNote := &entente.Note{RoadmapID: rm, Scope: "PAK", AuthorID: 1}
	public := &entente.Roadmap{ID: rm, Public: true}
	private := &entente.Roadmap{ID: rm}

	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"a PAK editor edits the roadmap", entente.CanEditRoadmap(pakEditor, rm), true},
		{"a viewer does not", entente.CanEditRoadmap(viewer, rm), false},
		{"a read token does not, whatever the role", entente.CanEditRoadmap(readToken, rm), false},
		{"a stranger does not", entente.CanEditRoadmap(stranger, rm), false},
		{"a visitor does not", entente.CanEditRoadmap(anon, rm), false},
		{"the system does", entente.CanEditRoadmap(entente.SystemCaller, rm), true},
		{"only a roadmap administrator manages it", entente.CanManageRoadmap(blrAdmin, rm), true},
		{"an editor does not manage it", entente.CanManageRoadmap(pakEditor, rm), false},
		{"an installation administrator manages every roadmap", entente.CanManageRoadmap(joint, rm), true},
		{"a contributor edits an action of their body", entente.CanEditAction(contributor, ownAction), true},
		{"a contributor does not edit another body's action", entente.CanEditAction(contributor, otherAction), false},
		{"a viewer does not edit actions", entente.CanEditAction(viewer, ownAction), false},
		{"a contributor writes notes", entente.CanWriteNote(contributor, rm), true},
		{"a viewer does not write notes", entente.CanWriteNote(viewer, rm), false},
		{"the PAK author edits their internal note", entente.CanEditNote(pakEditor, pakNote), true},
		{"BLR never edits a PAK internal note", entente.CanEditNote(blrAdmin, pakNote), false},
		{"the joint secretariat never edits a PAK internal note", entente.CanEditNote(joint, pakNote), false},
		{"PAK sees its internal scope", entente.CanSeeScope(pakEditor, "PAK"), true},
		{"BLR does not see PAK's", entente.CanSeeScope(blrAdmin, "PAK"), false},
		{"the joint secretariat does not see PAK's", entente.CanSeeScope(joint, "PAK"), false},
		{"a visitor sees shared items", entente.CanSeeScope(anon, entente.ScopeShared), true},
		{"a visitor reads a public roadmap", entente.CanReadRoadmap(anon, public), true},
		{"a visitor does not read a private one", entente.CanReadRoadmap(anon, private), false},
		{"a stranger does not read a private one", entente.CanReadRoadmap(stranger, private), false},
		{"a member reads a private one", entente.CanReadRoadmap(viewer, private), true},
		{"a PAK editor edits PAK's directory", entente.CanEditDirectory(pakEditor, "PAK"), true},
		{"a PAK editor does not edit BLR's", entente.CanEditDirectory(pakEditor, "BLR"), false},
		{"a viewer does not edit the directory", entente.CanEditDirectory(viewer, "PAK"), false},
		{"an editor edits joint bodies", entente.CanEditDirectory(blrAdmin, ""), true},
		{"a PAK editor edits PAK's calendar", entente.CanEditCalendar(pakEditor, "PAK"), true},
		{"a viewer does not edit a calendar", entente.CanEditCalendar(viewer, "PAK"), false},
		{"an installation administrator administers", entente.CanAdminister(joint), true},
		{"a roadmap administrator does not administer the installation", entente.CanAdminister(blrAdmin), false},
		{"any signed-in writer starts a roadmap", entente.CanCreateRoadmap(viewer), true},
		{"a read token does not", entente.CanCreateRoadmap(readToken), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v", tt.name, tt.got)
		}
	}
}

func TestDeniedSaysWhy(t *testing.T) {
	tests := []struct {
		c    *entente.Caller
		code string
	}{
		{entente.Anonymous, entente.EUNAUTHORIZED},
		{&entente.Caller{UserID: 1, TokenScope: entente.TokenScopeRead}, entente.EFORBIDDEN},
		{&entente.Caller{UserID: 1}, entente.EFORBIDDEN},
	}
	for _, tt := range tests {
		if got := entente.ErrorCode(entente.Denied(tt.c, "do this")); got != tt.code {
			t.Errorf("Denied(%+v) = %s, want %s", tt.c, got, tt.code)
		}
	}
}
