package access

import (
	"fmt"
	"strings"
	"time"

	"github.com/medchron/medchron/internal/lazyre"
)

// Role is what a user is in the firm.
type Role string

// Roles. An admin manages users and sees every matter; attorneys and
// paralegals see only the matters they are assigned to.
const (
	RoleAdmin     Role = "admin"
	RoleAttorney  Role = "attorney"
	RoleParalegal Role = "paralegal"
)

// Roles lists the valid roles.
var Roles = []Role{RoleAdmin, RoleAttorney, RoleParalegal}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// User is a person who signs in. PasswordHash is an argon2id hash in the
// PHC string format (see HashPassword).
type User struct {
	ID           string    `json:"id"`
	Username     string    `json:"username"`
	Name         string    `json:"name"`
	Role         Role      `json:"role"`
	PasswordHash string    `json:"-"`
	Disabled     bool      `json:"disabled"`
	CreatedAt    time.Time `json:"created_at"`
}

// Display returns the name to show for the user.
func (u User) Display() string {
	if u.Name != "" {
		return u.Name
	}
	return u.Username
}

var validUsername = lazyre.New(`^[a-z0-9][a-z0-9._@-]{1,63}$`)

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 12

// NewUser validates the fields and returns a user with a hashed password.
func NewUser(username, name string, role Role, password string, now time.Time) (User, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	if !validUsername.MatchString(username) {
		return User{}, fmt.Errorf("username %q: use 2–64 lower-case letters, digits, '.', '_', '-' or '@'", username)
	}
	if !role.Valid() {
		return User{}, fmt.Errorf("role %q: must be admin, attorney or paralegal", role)
	}
	if err := CheckPasswordPolicy(password); err != nil {
		return User{}, err
	}
	h, err := HashPassword(password)
	if err != nil {
		return User{}, err
	}
	return User{ID: "usr-" + RandomToken()[:16], Username: username, Name: strings.TrimSpace(name), Role: role, PasswordHash: h, CreatedAt: now.UTC()}, nil
}

// CheckPasswordPolicy rejects passwords too short to resist guessing.
func CheckPasswordPolicy(pw string) error {
	if len([]rune(pw)) < MinPasswordLen {
		return fmt.Errorf("password: at least %d characters", MinPasswordLen)
	}
	return nil
}
