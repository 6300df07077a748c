package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func cmdUser(ctx context.Context, e *env, args []string) error {
	sub := map[string]func(context.Context, *env, []string) error{"add": cmdUserAdd, "token": cmdUserToken, "reset": cmdUserReset}
	if len(args) == 0 || sub[args[0]] == nil {
		fmt.Fprintln(e.stderr, "Usage: entente user add|token|reset [flags]   (entente user add --help)")
		return errUsage
	}
	return sub[args[0]](ctx, e, args[1:])
}

// cmdUserAdd creates an account and prints its password once. The first account of a database
// administers the installation.
func cmdUserAdd(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "user add", "user add --email ADDRESS --party PAK [--name NAME] [--role editor] [--roadmap ID] [--admin] [--db …]")
	dsn := dbFlag(fs, e)
	email := fs.String("email", "", "the e-mail address the user signs in with")
	name := fs.String("name", "", "the user's name (default: the part of the address before @)")
	party := fs.String("party", "", "the user's party code, or JOINT for the joint secretariat")
	role := fs.String("role", "", "a role (administrator, editor, contributor, viewer) in --roadmap, or in every roadmap")
	roadmap := fs.Int64("roadmap", 0, "the roadmap the role is for (default: every roadmap)")
	admin := fs.Bool("admin", false, "make the user an administrator of the installation")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	if *email == "" || *party == "" {
		fs.Usage()
		return errUsage
	}
	db, err := openDB(ctx, *dsn, entente.SystemClock{})
	if err != nil {
		return err
	}
	defer db.Close()
	ctx = entente.WithCaller(ctx, entente.SystemCaller)
	svc := services(db)
	u := &entente.User{Email: *email, Name: *name, Party: strings.ToUpper(*party), Admin: *admin}
	if u.Name == "" {
		u.Name, _, _ = strings.Cut(*email, "@")
	}
	if _, n, err := svc.Users.FindUsers(ctx, entente.UserFilter{}); err != nil {
		return err
	} else if n == 0 {
		u.Admin = true
	}
	if *role != "" {
		if u.Memberships, err = membershipsFor(ctx, svc.Roadmaps, entente.Role(*role), *roadmap); err != nil {
			return err
		}
	}
	pw := newPassword()
	if err := svc.Users.CreateUser(ctx, u, pw); err != nil {
		return describe(err)
	}
	fmt.Fprintf(e.stdout, "Created %s (%s, user %d) with the password %s\n", u.Email, u.Party, u.ID, pw)
	if u.Admin {
		fmt.Fprintln(e.stdout, "The account administers this installation.")
	}
	return nil
}

// membershipsFor gives a role in one roadmap, or in every roadmap of the database.
func membershipsFor(ctx context.Context, roadmaps entente.RoadmapService, role entente.Role, id int64) ([]entente.Membership, error) {
	if !role.Valid() {
		return nil, fmt.Errorf("--role must be administrator, editor, contributor or viewer")
	}
	if id != 0 {
		return []entente.Membership{{RoadmapID: id, Role: role}}, nil
	}
	all, _, err := roadmaps.FindRoadmaps(ctx, entente.RoadmapFilter{Page: entente.Page{Limit: entente.MaxPageLimit}})
	var out []entente.Membership
	for _, r := range all {
		out = append(out, entente.Membership{RoadmapID: r.ID, Role: role})
	}
	return out, err
}

// cmdUserToken makes an API token for a user and prints it once.
func cmdUserToken(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "user token", "user token --email ADDRESS [--name NAME] [--scope read|write] [--db …]")
	dsn := dbFlag(fs, e)
	email := fs.String("email", "", "the user the token acts for")
	name := fs.String("name", "command line", "what the token is for")
	scope := fs.String("scope", entente.TokenScopeRead, "read, or write")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	db, u, err := openAsUser(ctx, e, *dsn, *email)
	if err != nil {
		return err
	}
	defer db.Close()
	secret, _, err := services(db).Users.CreateAPIToken(entente.WithCaller(ctx, u.Caller()), *name, *scope)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(e.stdout, "%s\n", secret)
	fmt.Fprintf(e.stderr, "This %s token for %s is shown once; send it as \"Authorization: Bearer <token>\".\n", *scope, u.Email)
	return nil
}

// cmdUserReset makes a one-time password-reset secret for a user.
func cmdUserReset(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "user reset", "user reset --email ADDRESS [--db …]")
	dsn := dbFlag(fs, e)
	email := fs.String("email", "", "the user whose password is reset")
	if ok, err := parse(fs, args); !ok || err != nil {
		return err
	}
	db, u, err := openAsUser(ctx, e, *dsn, *email)
	if err != nil {
		return err
	}
	defer db.Close()
	secret, err := services(db).Users.CreatePasswordReset(entente.WithCaller(ctx, entente.SystemCaller), u.ID)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(e.stdout, "Reset link (valid for a day, once): /reset?secret=%s\n", secret)
	return nil
}

// openAsUser opens the database and finds a user by e-mail address.
func openAsUser(ctx context.Context, e *env, dsn, email string) (*sqlstore.DB, *entente.User, error) {
	if email == "" {
		return nil, nil, fmt.Errorf("--email is required")
	}
	db, err := openDB(ctx, dsn, entente.SystemClock{})
	if err != nil {
		return nil, nil, err
	}
	sys := entente.WithCaller(ctx, entente.SystemCaller)
	users, _, err := services(db).Users.FindUsers(sys, entente.UserFilter{Q: email, Page: entente.Page{Limit: entente.MaxPageLimit}})
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	for _, u := range users {
		if strings.EqualFold(u.Email, email) {
			return db, u, nil
		}
	}
	db.Close()
	return nil, nil, fmt.Errorf("no user with the address %s", email)
}

// describe turns an entente error into a message for the terminal, with its field problems.
func describe(err error) error {
	var e *entente.Error
	if ok := asError(err, &e); ok && len(e.Fields) > 0 {
		return fmt.Errorf("%s (%s)", e.Message, e.FieldList())
	} else if ok {
		return fmt.Errorf("%s", e.Message)
	}
	return err
}
