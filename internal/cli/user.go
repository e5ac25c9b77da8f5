package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/sqlite"
)

// runUser manages the web application's accounts: "user add" creates one
// (the first admin, typically), "user list" lists them, and "user
// password", "user role", "user disable" and "user enable" change one —
// the way back in for an administrator locked out of the browser.
func runUser(ctx context.Context, env *Env, args []string) error {
	return userCommand(ctx, env, os.Stdin, args)
}

const userUsage = `Usage:
  medchron user add USERNAME --role admin|attorney|paralegal [--name "Full Name"] [--db PATH | --database-url DSN]
  medchron user list [--db PATH | --database-url DSN]
  medchron user password USERNAME [--db PATH | --database-url DSN]
  medchron user role USERNAME --role admin|attorney|paralegal [--db PATH | --database-url DSN]
  medchron user disable|enable USERNAME [--db PATH | --database-url DSN]

"user add" and "user password" read the password from standard input (first
line), or ask for it twice without echo when standard input is a terminal.
Passwords have at least 12 characters. A new password, a new role or
disabling ends the user's sessions.`

// userCommand is runUser reading passwords from in.
func userCommand(ctx context.Context, env *Env, in io.Reader, args []string) error {
	if len(args) == 0 || !userSubcommands[args[0]] {
		fmt.Fprintln(env.Stderr, userUsage)
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			return nil
		}
		return exitError{2}
	}
	sub := args[0]
	fs := flag.NewFlagSet("user "+sub, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), userUsage); fs.PrintDefaults() }
	var db dbFlags
	db.register(fs)
	role := fs.String("role", "", "admin, attorney or paralegal (add, role)")
	name := fs.String("name", "", "the user's full name, shown in the application (add)")
	pos, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return err
	}
	if (sub == "list") != (len(pos) == 0) || len(pos) > 1 {
		fs.Usage()
		return exitError{2}
	}
	if err := db.check(); err != nil {
		return err
	}
	if sub == "role" && !access.Role(*role).Valid() {
		return fmt.Errorf("--role %q: must be admin, attorney or paralegal", *role)
	}
	var u access.User
	var newPassword string
	switch sub {
	case "password":
		pw, err := readNewPassword(env, in)
		if err != nil {
			return err
		}
		if err := access.CheckPasswordPolicy(pw); err != nil {
			return err
		}
		newPassword = pw
	case "add":
		// Check everything but the database before asking for a password.
		if !access.Role(*role).Valid() {
			return fmt.Errorf("--role %q: must be admin, attorney or paralegal", *role)
		}
		pw, err := readNewPassword(env, in)
		if err != nil {
			return err
		}
		if u, err = access.NewUser(pos[0], *name, access.Role(*role), pw, time.Now()); err != nil {
			return err
		}
	}
	opts := env.Settings.Apply(db.options())
	opts.Logger, opts.NoOCR = env.Log, true
	h, err := app.Open(ctx, opts)
	if err != nil {
		if errors.Is(err, sqlite.ErrInUse) {
			return fmt.Errorf("%w: stop \"medchron serve\" or \"medchron process\" on this database first", err)
		}
		return err
	}
	defer h.Close(context.Background())
	var st any = h.Store
	as, ok := st.(access.Store)
	if !ok {
		return fmt.Errorf("the %s store does not keep users", h.Kind)
	}
	switch sub {
	case "list":
		return listUsers(ctx, env.Stdout, as)
	case "add":
		return addUser(ctx, env.Stdout, as, u)
	}
	return changeUser(ctx, env.Stdout, as, sub, pos[0], access.Role(*role), newPassword)
}

// userSubcommands are the words "medchron user" takes.
var userSubcommands = map[string]bool{"add": true, "list": true, "password": true, "role": true, "disable": true, "enable": true}

// changeUser applies "password", "role", "disable" or "enable" to the
// user, ends their sessions unless the change is "enable", and audits it.
func changeUser(ctx context.Context, w io.Writer, st access.Store, sub, username string, role access.Role, password string) error {
	u, err := st.UserByName(ctx, strings.ToLower(strings.TrimSpace(username)))
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no user named %s (medchron user list shows them)", username)
	}
	if err != nil {
		return err
	}
	detail := sub
	switch sub {
	case "password":
		if u.PasswordHash, err = access.HashPassword(password); err != nil {
			return err
		}
		detail = "password set"
	case "role":
		detail = "role " + string(u.Role) + " -> " + string(role)
		u.Role = role
	case "disable":
		u.Disabled = true
	case "enable":
		u.Disabled = false
	}
	if err := st.UpdateUser(ctx, u); err != nil {
		return err
	}
	if sub != "enable" {
		if err := st.DeleteUserSessions(ctx, u.ID); err != nil {
			return err
		}
	}
	ev := access.Event{At: time.Now().UTC(), UserID: "cli", Username: "command-line", Action: access.AuditUserUpdate, Object: u.ID, Detail: detail}
	if err := st.AppendAudit(ctx, ev); err != nil {
		return fmt.Errorf("user %s changed, but the audit row failed: %w", u.Username, err)
	}
	fmt.Fprintf(w, "user %s: %s\n", u.Username, detail)
	return nil
}

// addUser stores u and audits its creation by the command line.
func addUser(ctx context.Context, w io.Writer, st access.Store, u access.User) error {
	if err := st.CreateUser(ctx, u); err != nil {
		if errors.Is(err, store.ErrExists) {
			return fmt.Errorf("a user named %s already exists", u.Username)
		}
		return err
	}
	ev := access.Event{At: time.Now().UTC(), UserID: "cli", Username: "command-line", Action: access.AuditUserCreate,
		Object: u.ID, Detail: "username " + u.Username + ", role " + string(u.Role)}
	if err := st.AppendAudit(ctx, ev); err != nil {
		return fmt.Errorf("user %s created, but the audit row failed: %w", u.Username, err)
	}
	fmt.Fprintf(w, "created user %s (%s)\n", u.Username, u.Role)
	return nil
}

func listUsers(ctx context.Context, w io.Writer, st access.Store) error {
	us, err := st.Users(ctx)
	if err != nil {
		return err
	}
	if len(us) == 0 {
		fmt.Fprintln(w, "no users yet; create the first admin with: medchron user add NAME --role admin")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "USERNAME\tROLE\tSTATUS\tCREATED\tNAME")
	for _, u := range us {
		status := "active"
		if u.Disabled {
			status = "disabled"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Username, u.Role, status, u.CreatedAt.UTC().Format("2006-01-02"), u.Name)
	}
	return tw.Flush()
}

// readNewPassword asks twice without echo on a terminal; otherwise it
// reads the first line of in.
func readNewPassword(env *Env, in io.Reader) (string, error) {
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(env.Stderr, "Password (at least 12 characters): ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.Stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		fmt.Fprint(env.Stderr, "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(env.Stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(a) != string(b) {
			return "", errors.New("the passwords differ")
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(io.LimitReader(in, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password from standard input: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New("no password on standard input")
	}
	return pw, nil
}
