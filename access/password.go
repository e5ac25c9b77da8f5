package access

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters (RFC 9106's second recommended option, memory
// reduced to 64 MiB so that a small server can sign several people in at once).
const (
	argonTime    = 3
	argonMemory  = 64 * 1024 // KiB
	argonThreads = 2
	argonKeyLen  = 32
	argonSaltLen = 16
)

var b64 = base64.RawStdEncoding

// HashPassword returns the argon2id hash of pw in the PHC string format:
// $argon2id$v=19$m=65536,t=3,p=2$salt$hash.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// ErrBadHash is returned for a stored hash that is not argon2id PHC.
var ErrBadHash = errors.New("password hash is not in argon2id PHC format")

// CheckPassword reports whether pw matches the PHC-encoded argon2id hash,
// comparing in constant time.
func CheckPassword(hash, pw string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, ErrBadHash
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false, ErrBadHash
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<22 || t > 64 {
		return false, ErrBadHash
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, ErrBadHash
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, ErrBadHash
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// dummyHash is checked against when a username does not exist, so that
// sign-in takes the same time for unknown users and wrong passwords. It is
// made on first use: an argon2id hash takes 64 MiB and a fraction of a
// second, which every command of the binary would otherwise pay at start-up.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword("medchron-timing-equaliser")
	if err != nil {
		panic("access: " + err.Error())
	}
	return h
})

// Authenticate checks pw for u (which may be the zero User when the
// username was unknown) and reports whether the user may sign in.
func Authenticate(u User, found bool, pw string) bool {
	if !found {
		_, _ = CheckPassword(dummyHash(), pw)
		return false
	}
	ok, err := CheckPassword(u.PasswordHash, pw)
	return err == nil && ok && !u.Disabled
}
