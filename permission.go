package entente

// The permission rules. Services call these before they read or write; a caller who may not
// read an item is told it does not exist (ENOTFOUND), so that ids of another party's internal
// items reveal nothing.

// CanSeeScope reports whether the caller may read an item of the given scope: shared items are
// for everyone who may read the roadmap, internal ones only for their own party.
func CanSeeScope(c *Caller, scope string) bool {
	return scope == ScopeShared || c.System || (c.Party != "" && c.Party == scope)
}

// CanReadRoadmap reports whether the caller may read a roadmap: the system, the installation's
// administrators, any member, and everyone when the roadmap is public.
func CanReadRoadmap(c *Caller, r *Roadmap) bool {
	return r.Public || c.System || c.Admin || c.RoleIn(r.ID) != ""
}

// CanWrite reports whether the caller may change anything at all: signed in, and not with a
// read-only token.
func CanWrite(c *Caller) bool {
	return c.System || (!c.IsAnonymous() && c.TokenScope != TokenScopeRead)
}

// CanEditRoadmap reports whether the caller may change the items of a roadmap (tracks,
// meetings, agreements, commitments, interests): its administrators and editors.
func CanEditRoadmap(c *Caller, roadmapID int64) bool {
	if !CanWrite(c) {
		return false
	}
	role := c.RoleIn(roadmapID)
	return c.System || role == RoleAdministrator || role == RoleEditor
}

// CanManageRoadmap reports whether the caller may change a roadmap itself, its members and
// their roles, or delete it: the roadmap's administrators and the installation's.
func CanManageRoadmap(c *Caller, roadmapID int64) bool {
	return CanWrite(c) && (c.System || c.Admin || c.RoleIn(roadmapID) == RoleAdministrator)
}

// CanCreateRoadmap reports whether the caller may start a new roadmap: any signed-in user who
// may write; the creator becomes its administrator.
func CanCreateRoadmap(c *Caller) bool { return CanWrite(c) }

// CanEditAction reports whether the caller may change an action: editors, and contributors
// who belong to the action's lead body.
func CanEditAction(c *Caller, a *Action) bool {
	if CanEditRoadmap(c, a.RoadmapID) {
		return true
	}
	return CanWrite(c) && c.RoleIn(a.RoadmapID) == RoleContributor && a.LeadBodyID != 0 && c.InBody(a.LeadBodyID)
}

// CanEditNote reports whether the caller may change or delete a note: its author, or an
// editor of the roadmap from the note's own party when the note is internal.
func CanEditNote(c *Caller, n *Note) bool {
	if !CanWrite(c) || !CanSeeScope(c, n.Scope) {
		return false
	}
	return c.System || (n.AuthorID != 0 && n.AuthorID == c.UserID) || CanEditRoadmap(c, n.RoadmapID)
}

// CanWriteNote reports whether the caller may attach a new note to an item of a roadmap: any
// member who may write, except viewers; contributors only on actions they may edit, which the
// caller of this rule checks with CanEditAction.
func CanWriteNote(c *Caller, roadmapID int64) bool {
	role := c.RoleIn(roadmapID)
	return CanWrite(c) && (c.System || role == RoleAdministrator || role == RoleEditor || role == RoleContributor)
}

// CanEditDirectory reports whether the caller may change the directory of a party (its bodies
// and people): the system, the installation's administrators, and editors of that party. Joint
// bodies (party "") may be edited by any editor.
func CanEditDirectory(c *Caller, party string) bool {
	return CanWrite(c) && (c.System || c.Admin || ((party == "" || c.Party == party) && editsSomewhere(c)))
}

// editsSomewhere reports whether the caller is an editor or administrator of some roadmap:
// viewers and contributors read the shared directory and calendars but do not change them.
func editsSomewhere(c *Caller) bool {
	for _, r := range c.Roles {
		if r == RoleEditor || r == RoleAdministrator {
			return true
		}
	}
	return false
}

// CanEditCalendar reports whether the caller may change a party's calendar overrides: the
// system, the installation's administrators, and editors of that party, who read its official
// notices first.
func CanEditCalendar(c *Caller, party string) bool {
	return CanWrite(c) && (c.System || c.Admin || (party != "" && c.Party == party && editsSomewhere(c)))
}

// CanDraftSource reports whether the caller may read statements in and change them before they
// are applied to a roadmap: editors of some roadmap (the statement is then internal to their
// party or shared).
func CanDraftSource(c *Caller) bool { return CanWrite(c) && (c.System || c.Admin || editsSomewhere(c)) }

// CanAdminister reports whether the caller administers the installation: users, parties and
// calendars.
func CanAdminister(c *Caller) bool { return CanWrite(c) && (c.System || c.Admin) }

// Denied returns the error for a refused change: EUNAUTHORIZED for a visitor who is not signed
// in, EFORBIDDEN otherwise.
func Denied(c *Caller, what string) error {
	if c.IsAnonymous() {
		return Errorf(EUNAUTHORIZED, "Sign in to %s.", what)
	}
	if c.TokenScope == TokenScopeRead {
		return Errorf(EFORBIDDEN, "This API token may only read; it may not %s.", what)
	}
	return Errorf(EFORBIDDEN, "You may not %s.", what)
}
