package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/credential"
)

// UserService implements entente.UserService.
type UserService struct{ db *DB }

// NewUserService returns the user service of db.
func NewUserService(db *DB) *UserService { return &UserService{db: db} }

const userColumns = "id, email, name, party, admin, disabled, version, created_at, updated_at"

func scanUser(s rowScanner) (*entente.User, error) {
	var u entente.User
	err := s.Scan(&u.ID, &u.Email, &u.Name, &u.Party, &u.Admin, &u.Disabled, &u.Version, timeCol{&u.CreatedAt}, timeCol{&u.UpdatedAt})
	return &u, err
}

// loadUser reads a user with memberships and bodies, whatever the caller.
func (tx *Tx) loadUser(cond string, arg any) (*entente.User, error) {
	u, err := scanUser(tx.queryRow("SELECT "+userColumns+" FROM users WHERE "+cond, arg))
	if err != nil {
		return nil, notFoundIfNoRows(err, "user", arg)
	}
	return u, tx.fillUser(u)
}

func (tx *Tx) fillUser(u *entente.User) error {
	ms, err := scanAll(tx, "SELECT roadmap_id, role FROM memberships WHERE user_id = ? ORDER BY roadmap_id", []any{u.ID},
		func(s rowScanner) (entente.Membership, error) {
			var m entente.Membership
			err := s.Scan(&m.RoadmapID, &m.Role)
			return m, err
		})
	if err != nil {
		return err
	}
	u.Memberships = append([]entente.Membership{}, ms...)
	bodies, err := scanAll(tx, "SELECT body_id FROM user_bodies WHERE user_id = ? ORDER BY body_id", []any{u.ID},
		func(s rowScanner) (int64, error) {
			var id int64
			err := s.Scan(&id)
			return id, err
		})
	u.BodyIDs = append([]int64{}, bodies...)
	return err
}

// canSeeUser: users see themselves, administrators see everyone, and members of a roadmap see
// its other members.
func (tx *Tx) canSeeUser(u *entente.User) bool {
	c := tx.caller
	if c.System || c.Admin || c.UserID == u.ID {
		return true
	}
	for _, m := range u.Memberships {
		if c.RoleIn(m.RoadmapID) != "" {
			return true
		}
	}
	return false
}

// FindUserByID returns a user the caller may see.
func (s *UserService) FindUserByID(ctx context.Context, id int64) (*entente.User, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.User, error) {
		u, err := tx.loadUser("id = ?", id)
		if err != nil || !tx.canSeeUser(u) {
			return nil, entente.NotFound("user", id)
		}
		return u, nil
	})
}

// FindUserByEmail finds an account by its exact address for administrators of the installation
// or of a roadmap.
func (s *UserService) FindUserByEmail(ctx context.Context, email string) (*entente.User, error) {
	return view(ctx, s.db, func(tx *Tx) (*entente.User, error) {
		c := tx.caller
		manages := c.System || c.Admin
		for id := range c.Roles {
			manages = manages || entente.CanManageRoadmap(c, id)
		}
		if !manages {
			return nil, entente.Denied(c, "look up accounts")
		}
		return tx.loadUser("email = ?", strings.ToLower(strings.TrimSpace(email)))
	})
}

// FindUsers lists the users the caller may see.
func (s *UserService) FindUsers(ctx context.Context, f entente.UserFilter) ([]*entente.User, int, error) {
	r, err := view(ctx, s.db, func(tx *Tx) (listResult[*entente.User], error) {
		var w where
		c := tx.caller
		if c.IsAnonymous() {
			return listResult[*entente.User]{}, entente.Denied(c, "list users")
		}
		if !c.System && !c.Admin {
			ids := memberOf(c)
			cond := "id = ?"
			args := []any{c.UserID}
			if len(ids) > 0 {
				cond = "(id = ? OR id IN (SELECT user_id FROM memberships WHERE roadmap_id IN (" + marks(len(ids)) + ")))"
				args = append(args, ids...)
			}
			w.and(cond, args...)
		}
		w.andIf(f.Party != "", "party = ?", f.Party)
		w.andIf(f.RoadmapID != 0, "id IN (SELECT user_id FROM memberships WHERE roadmap_id = ?)", f.RoadmapID)
		if q := strings.TrimSpace(f.Q); q != "" {
			w.and(`(LOWER(name) LIKE ? ESCAPE '\' OR LOWER(email) LIKE ? ESCAPE '\')`, likePattern(q), likePattern(q))
		}
		var res listResult[*entente.User]
		var err error
		res.total, err = tx.list(listSpec{table: "users", columns: userColumns, sorts: map[string]string{"": "id", "name": "name"}}, w, f.Page,
			func(rs rowScanner) error {
				u, err := scanUser(rs)
				res.items = append(res.items, u)
				return err
			})
		for _, u := range res.items {
			if err == nil {
				err = tx.fillUser(u)
			}
		}
		return res, err
	})
	return r.items, r.total, err
}

// CreateUser creates an account; administrators of the installation may.
func (s *UserService) CreateUser(ctx context.Context, u *entente.User, password string) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		if !entente.CanAdminister(tx.caller) {
			return struct{}{}, entente.Denied(tx.caller, "create accounts")
		}
		return struct{}{}, tx.createUser(u, password)
	})
	return err
}

func (tx *Tx) createUser(u *entente.User, password string) error {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	if err := u.Validate(); err != nil {
		return err
	}
	if err := entente.CheckPassword("password", password); err != nil {
		return err
	}
	if u.Party != entente.JointSecretariat {
		if err := tx.checkParties("party", []string{u.Party}); err != nil {
			return err
		}
	}
	if n, err := tx.count("SELECT COUNT(*) FROM users WHERE email = ?", u.Email); err != nil {
		return err
	} else if n > 0 {
		return &entente.Error{Code: entente.ECONFLICT, Message: "An account with this e-mail address exists.", Fields: map[string]string{"email": "is taken"}}
	}
	hash, err := credential.HashPassword(password)
	if err != nil {
		return err
	}
	u.CreatedAt, u.UpdatedAt, u.Version = tx.now, tx.now, 1
	if u.ID, err = tx.insert("users", []colval{{"email", u.Email}, {"name", u.Name}, {"party", u.Party}, {"admin", u.Admin},
		{"disabled", u.Disabled}, {"password_hash", hash}, {"password_changed_at", formatTime(tx.wallClock())},
		{"created_at", formatTime(tx.now)}, {"updated_at", formatTime(tx.now)}}); err != nil {
		return err
	}
	if err := tx.writeUserLinks(u); err != nil {
		return err
	}
	return tx.audit(auditRecord{action: "create", entityType: "user", entityID: u.ID, after: u})
}

// writeUserLinks replaces a user's memberships and bodies, checking that they exist.
func (tx *Tx) writeUserLinks(u *entente.User) error {
	if _, err := tx.exec("DELETE FROM memberships WHERE user_id = ?", u.ID); err != nil {
		return err
	}
	if _, err := tx.exec("DELETE FROM user_bodies WHERE user_id = ?", u.ID); err != nil {
		return err
	}
	for _, m := range u.Memberships {
		if ok, err := tx.exists("roadmaps", m.RoadmapID); err != nil || !ok {
			return firstErr(err, fieldError("memberships", "no roadmap "+itoa(m.RoadmapID)))
		}
		if _, err := tx.exec("INSERT INTO memberships (user_id, roadmap_id, role) VALUES (?, ?, ?)", u.ID, m.RoadmapID, m.Role); err != nil {
			return err
		}
	}
	for _, b := range u.BodyIDs {
		if err := tx.checkUserBody(u, b); err != nil {
			return err
		}
		if _, err := tx.exec("INSERT INTO user_bodies (user_id, body_id) VALUES (?, ?)", u.ID, b); err != nil {
			return err
		}
	}
	return nil
}

// UpdateUser changes an account; administrators of the installation may, and users may change
// their own name.
func (s *UserService) UpdateUser(ctx context.Context, id int64, upd entente.UserUpdate) (*entente.User, error) {
	return change(ctx, s.db, func(tx *Tx) (*entente.User, error) {
		u, err := tx.loadUser("id = ?", id)
		if err != nil || !tx.canSeeUser(u) {
			return nil, entente.NotFound("user", id)
		}
		self := tx.caller.UserID == id && upd.Admin == nil && upd.Disabled == nil && upd.Memberships == nil && upd.BodyIDs == nil
		if !entente.CanAdminister(tx.caller) && !(self && entente.CanWrite(tx.caller)) {
			return nil, entente.Denied(tx.caller, "change this account")
		}
		if err := checkVersion("user", u.Version, upd.Version); err != nil {
			return nil, err
		}
		before := *u
		upd.Apply(u)
		if err := u.Validate(); err != nil {
			return nil, err
		}
		u.UpdatedAt = tx.now
		if err := tx.updateVersioned("users", "user", id, upd.Version, []colval{{"name", u.Name}, {"admin", u.Admin},
			{"disabled", u.Disabled}, {"updated_at", formatTime(u.UpdatedAt)}}); err != nil {
			return nil, err
		}
		u.Version++
		if err := tx.writeUserLinks(u); err != nil {
			return nil, err
		}
		return u, tx.audit(auditRecord{action: "update", entityType: "user", entityID: id, before: &before, after: u})
	})
}

// SetRole gives a user a role in a roadmap, or takes it away; administrators of the roadmap may.
func (s *UserService) SetRole(ctx context.Context, userID, roadmapID int64, role entente.Role) error {
	_, err := change(ctx, s.db, func(tx *Tx) (struct{}, error) {
		if _, err := tx.findRoadmap(roadmapID); err != nil {
			return struct{}{}, err
		}
		if !entente.CanManageRoadmap(tx.caller, roadmapID) {
			return struct{}{}, entente.Denied(tx.caller, "change who works on this roadmap")
		}
		if role != "" && !role.Valid() {
			return struct{}{}, fieldError("role", "must be administrator, editor, contributor or viewer")
		}
		u, err := tx.loadUser("id = ?", userID)
		if err != nil {
			return struct{}{}, err
		}
		before := u.Memberships
		if _, err := tx.exec("DELETE FROM memberships WHERE user_id = ? AND roadmap_id = ?", userID, roadmapID); err != nil {
			return struct{}{}, err
		}
		if role != "" {
			if _, err := tx.exec("INSERT INTO memberships (user_id, roadmap_id, role) VALUES (?, ?, ?)", userID, roadmapID, role); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, tx.audit(auditRecord{action: "permission", entityType: "user", entityID: userID, roadmapID: roadmapID,
			before: before, after: map[string]any{"roadmap_id": roadmapID, "role": role}})
	})
	return err
}

// checkUserBody refuses a body the user cannot work in: one that does not exist, or one of
// another party. A joint body takes anyone, and the joint secretariat's staff work anywhere.
// The rule matters because working in a body is what lets a user decide its approval steps.
func (tx *Tx) checkUserBody(u *entente.User, bodyID int64) error {
	var party sql.NullString
	err := tx.queryRow("SELECT party FROM bodies WHERE id = ?", bodyID).Scan(&party)
	if errors.Is(err, sql.ErrNoRows) {
		return fieldError("body_ids", "no body "+itoa(bodyID))
	}
	if err != nil {
		return err
	}
	if party.Valid && party.String != "" && u.Party != entente.JointSecretariat && party.String != u.Party {
		return fieldError("body_ids", "body "+itoa(bodyID)+" belongs to "+party.String+", not to the user's party "+u.Party)
	}
	return nil
}
