package web_test

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
// (64 MiB, three passes) cost a fraction of a second per hash, and these
// tests create and sign in dozens of accounts; what sign-in does with a
// hash does not depend on its parameters, which access.CheckPassword reads
// from the hash itself. access's tests pin the production parameters, and
// TestAccountUsersAdmin checks that accounts made and reset through the
// pages carry them.
const (
	cheapTime    = 1
	cheapMemory  = 8 // KiB
	cheapThreads = 1
)

// cheapHash returns an argon2id PHC hash of pw, made with the cheap
// parameters, that access.CheckPassword accepts.
func cheapHash(tb testing.TB, pw string) string {
	tb.Helper()
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		tb.Fatal(err)
	}
	key := argon2.IDKey([]byte(pw), salt, cheapTime, cheapMemory, cheapThreads, 32)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, cheapMemory, cheapTime, cheapThreads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// testUser returns the account access.NewUser would make (its username
// folded the same way, its role and password checked), the password hashed
// with cheapHash. The username is not validated: tests pass valid ones.
func testUser(tb testing.TB, username, name string, role access.Role, password string) access.User {
	tb.Helper()
	if err := access.CheckPasswordPolicy(password); err != nil {
		tb.Fatal(err)
	}
	if !role.Valid() {
		tb.Fatalf("role %q", role)
	}
	return access.User{ID: "usr-" + access.RandomToken()[:16], Username: strings.ToLower(strings.TrimSpace(username)), Name: strings.TrimSpace(name),
		Role: role, PasswordHash: cheapHash(tb, password), CreatedAt: time.Now().UTC()}
}
