package entente

import "context"

// Role is what a user may do in one roadmap.
type Role string

// Roles, from the most to the least powerful.
const (
	RoleAdministrator Role = "administrator" // everything, including members and roles
	RoleEditor        Role = "editor"        // edit every item of the roadmap
	RoleContributor   Role = "contributor"   // edit actions and notes of the bodies the user belongs to
	RoleViewer        Role = "viewer"        // read only
)

// Valid reports whether r is one of the four roles.
func (r Role) Valid() bool {
	switch r {
	case RoleAdministrator, RoleEditor, RoleContributor, RoleViewer:
		return true
	}
	return false
}

// ScopeShared marks an item every party of its roadmap may read. Any other scope is the code of
// the one party whose users alone may read the item (an internal note, a negotiating position).
const ScopeShared = "shared"

// JointSecretariat is the "party" of users who work for the joint secretariat of a roadmap
// rather than for one government. Internal items of a government are hidden from them too.
const JointSecretariat = "JOINT"

// Token scopes limit what a request authenticated by an API token may do.
const (
	TokenScopeRead  = "read"
	TokenScopeWrite = "write"
)

// Caller is who is making a request: a signed-in user, an API token's owner, an anonymous
// visitor of a public roadmap, or the system itself (the command line acting on its own
// database). Services take the caller from the context and decide with the permission rules in
// this package; the HTTP layer does not decide.
type Caller struct {
	UserID int64
	Name   string
	Party  string         // the user's party code, or JointSecretariat
	Admin  bool           // administers the installation: users and parties
	Roles  map[int64]Role // role per roadmap id
	Bodies []int64        // the bodies the user belongs to (for contributors)
	// TokenScope is TokenScopeRead or TokenScopeWrite when the request came with an API token,
	// "" for a browser session.
	TokenScope string
	// System is the command line working directly on its database: it reads and writes
	// everything, and its audit entries say "system".
	System bool
}

// SystemCaller is the caller of command-line work on the database (migrate, import, demo).
var SystemCaller = &Caller{Name: "system", System: true}

// Anonymous is the caller of a request with no session and no token.
var Anonymous = &Caller{Name: "anonymous"}

// IsAnonymous reports whether nobody is signed in.
func (c *Caller) IsAnonymous() bool { return c == nil || (c.UserID == 0 && !c.System) }

// RoleIn returns the caller's role in a roadmap, or "" when the caller has none.
func (c *Caller) RoleIn(roadmapID int64) Role {
	if c == nil {
		return ""
	}
	return c.Roles[roadmapID]
}

// InBody reports whether the caller belongs to a body.
func (c *Caller) InBody(bodyID int64) bool {
	for _, b := range c.Bodies {
		if b == bodyID {
			return true
		}
	}
	return false
}

type callerKey struct{}

// WithCaller returns a context carrying the caller.
func WithCaller(ctx context.Context, c *Caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

// CallerFrom returns the caller carried by ctx, or Anonymous.
func CallerFrom(ctx context.Context) *Caller {
	if c, ok := ctx.Value(callerKey{}).(*Caller); ok && c != nil {
		return c
	}
	return Anonymous
}

type requestIDKey struct{}

// WithRequestID returns a context carrying the id of the HTTP request being served, which
// audit entries and logs record.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestIDFrom returns the request id carried by ctx, or "".
func RequestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}
