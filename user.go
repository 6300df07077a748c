package entente

import (
	"context"
	"net/mail"
	"time"
)

// User is a person who signs in to entente. A user belongs to one party (or to the joint
// secretariat), holds a role in each roadmap they work on, and belongs to bodies.
type User struct {
	ID          int64        `json:"id"`
	Email       string       `json:"email"`
	Name        string       `json:"name"`
	Party       string       `json:"party"` // a party code, or JointSecretariat
	Admin       bool         `json:"admin"` // administers the installation
	Disabled    bool         `json:"disabled"`
	Memberships []Membership `json:"memberships"`
	BodyIDs     []int64      `json:"body_ids"`
	Version     int          `json:"version"`
	CreatedAt   time.Time    `json:"created_at"`
	UpdatedAt   time.Time    `json:"updated_at"`
}

// Membership is a user's role in one roadmap.
type Membership struct {
	RoadmapID int64 `json:"roadmap_id"`
	Role      Role  `json:"role"`
}

// Validate checks the user's fields.
func (u *User) Validate() error {
	probs := Problems{}
	if a, err := mail.ParseAddress(u.Email); err != nil || a.Address != u.Email {
		probs.Add("email", "must be an e-mail address such as name@mofa.gov.pk")
	}
	checkText(probs, "name", u.Name, true, 200)
	if u.Party != JointSecretariat && !ValidPartyCode(u.Party) {
		probs.Add("party", "must be a party code, or JOINT for the joint secretariat")
	}
	for _, m := range u.Memberships {
		if !m.Role.Valid() {
			probs.Addf("memberships", "%q is not a role", m.Role)
		}
	}
	return probs.Err("user")
}

// Caller returns the caller a signed-in user acts as.
func (u *User) Caller() *Caller {
	c := &Caller{UserID: u.ID, Name: u.Name, Party: u.Party, Admin: u.Admin, Roles: map[int64]Role{}, Bodies: u.BodyIDs}
	for _, m := range u.Memberships {
		c.Roles[m.RoadmapID] = m.Role
	}
	return c
}

// MinPasswordLength is the shortest password entente accepts (OWASP: at least 8; we ask 12).
const MinPasswordLength = 12

// CheckPassword refuses passwords that are too short or too long.
func CheckPassword(field, pw string) error {
	if len([]rune(pw)) < MinPasswordLength {
		return &Error{Code: EINVALID, Message: "The password is too short.",
			Fields: map[string]string{field: "must have at least 12 characters"}}
	}
	if len(pw) > 1024 {
		return &Error{Code: EINVALID, Message: "The password is too long.",
			Fields: map[string]string{field: "must have at most 1024 bytes"}}
	}
	return nil
}

// UserUpdate holds the fields of a user to change.
type UserUpdate struct {
	Version     int           `json:"version"`
	Name        *string       `json:"name"`
	Admin       *bool         `json:"admin"`
	Disabled    *bool         `json:"disabled"`
	Memberships *[]Membership `json:"memberships"`
	BodyIDs     *[]int64      `json:"body_ids"`
}

// Apply copies the set fields onto u.
func (up UserUpdate) Apply(u *User) {
	setIf(&u.Name, up.Name)
	setIf(&u.Admin, up.Admin)
	setIf(&u.Disabled, up.Disabled)
	setIf(&u.Memberships, up.Memberships)
	setIf(&u.BodyIDs, up.BodyIDs)
}

// UserFilter selects users.
type UserFilter struct {
	Party     string
	RoadmapID int64
	Q         string
	Page      Page
}

// APIToken is a credential for programs: sent as "Authorization: Bearer <token>", stored only
// as a hash, shown once when made, revocable, and limited to reading or to reading and writing.
type APIToken struct {
	ID         int64      `json:"id"`
	UserID     int64      `json:"user_id"`
	Name       string     `json:"name"`
	Scope      string     `json:"scope"`  // TokenScopeRead or TokenScopeWrite
	Prefix     string     `json:"prefix"` // the first characters, to recognise it in a list
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	RevokedAt  *time.Time `json:"revoked_at,omitempty"`
}

// UserService manages users, their roles and credentials. Administrators of the installation
// manage users; administrators of a roadmap manage its members' roles there; every user
// changes their own password and tokens. Others get EFORBIDDEN (or ENOTFOUND for users of
// roadmaps they cannot see).
type UserService interface {
	FindUserByID(ctx context.Context, id int64) (*User, error)
	FindUsers(ctx context.Context, filter UserFilter) ([]*User, int, error)
	// FindUserByEmail finds an account by its exact address, for administrators of the
	// installation and of roadmaps who add members (ENOTFOUND when there is none).
	FindUserByEmail(ctx context.Context, email string) (*User, error)
	CreateUser(ctx context.Context, u *User, password string) error
	UpdateUser(ctx context.Context, id int64, upd UserUpdate) (*User, error)
	// SetRole gives a user a role in a roadmap, or removes it when role is "".
	SetRole(ctx context.Context, userID, roadmapID int64, role Role) error
	ChangePassword(ctx context.Context, oldPassword, newPassword string) error
	// CreatePasswordReset makes a one-time secret with which the user sets a new password.
	CreatePasswordReset(ctx context.Context, userID int64) (secret string, err error)
	ResetPassword(ctx context.Context, secret, newPassword string) error
	CreateAPIToken(ctx context.Context, name, scope string) (secret string, t *APIToken, err error)
	FindAPITokens(ctx context.Context) ([]*APIToken, error)
	RevokeAPIToken(ctx context.Context, id int64) error
}

// AuthService signs users in and finds the caller behind a credential.
type AuthService interface {
	// SignIn checks a password. Failures are throttled per account and per address, and a
	// refusal never says whether the account exists.
	SignIn(ctx context.Context, email, password, address string) (*User, error)
	// CallerForUser loads the caller of a signed-in user; a disabled or deleted user, or a
	// session older than the user's last password change, is EUNAUTHORIZED.
	CallerForUser(ctx context.Context, userID int64, signedInAt time.Time) (*Caller, error)
	// CallerForToken loads the caller of an API token; an unknown or revoked token is
	// EUNAUTHORIZED.
	CallerForToken(ctx context.Context, secret string) (*Caller, error)
}
