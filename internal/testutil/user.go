package testutil

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"

	"github.com/medchron/medchron/access"
)

// Cheap argon2id parameters for test accounts: the smallest argon2 allows
// (8 KiB, one pass, one lane). access.HashPassword's production parameters
// (64 MiB, three passes) cost a fraction of a second per hash, and the web
// tests create and sign in dozens of accounts; what sign-in does with a
// hash does not depend on its parameters, which CheckPassword reads from
// the hash itself. access's tests pin the production parameters, and
// web's TestAccountAdmin checks that an account made through the pages is
// hashed with them.
const (
	cheapTime    = 1
	cheapMemory  = 8 // KiB
	cheapThreads = 1
)

// CheapHash returns an argon2id PHC hash of pw that access.CheckPassword
// accepts, made with the cheap test parameters.
func CheapHash(tb testing.TB, pw string) string {
	tb.Helper()
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		tb.Fatal(err)
	}
	key := argon2.IDKey([]byte(pw), salt, cheapTime, cheapMemory, cheapThreads, 32)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, cheapMemory, cheapTime, cheapThreads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// User returns the account access.NewUser would make (its username folded
// the same way, its role and password checked), the password hashed with
// CheapHash. The username is not validated: tests pass valid ones.
func User(tb testing.TB, username, name string, role access.Role, password string) access.User {
	tb.Helper()
	username = strings.ToLower(strings.TrimSpace(username))
	if err := access.CheckPasswordPolicy(password); err != nil {
		tb.Fatal(err)
	}
	if !role.Valid() {
		tb.Fatalf("role %q", role)
	}
	return access.User{ID: "usr-" + access.RandomToken()[:16], Username: username, Name: strings.TrimSpace(name),
		Role: role, PasswordHash: CheapHash(tb, password), CreatedAt: time.Now().UTC()}
}
