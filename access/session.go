package access

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// Session lifetimes.
const (
	// IdleTimeout ends a session nobody used for this long.
	IdleTimeout = 30 * time.Minute
	// MaxLifetime ends any session this long after sign-in.
	MaxLifetime = 12 * time.Hour
)

// Session is a signed-in browser. The store keeps only the SHA-256 of the
// token (TokenHash), so a copy of the database cannot be used to sign in;
// CSRF is the per-session token forms must echo.
type Session struct {
	TokenHash string
	UserID    string
	CSRF      string
	CreatedAt time.Time
	LastSeen  time.Time
}

// RandomToken returns 32 random bytes, URL-safe base64 encoded.
func RandomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("access: crypto/rand failed: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken returns the hex SHA-256 of a session token, as stored.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// NewSession returns a session for userID and the token to give the
// browser (never stored).
func NewSession(userID string, now time.Time) (Session, string) {
	tok := RandomToken()
	now = now.UTC()
	return Session{TokenHash: HashToken(tok), UserID: userID, CSRF: RandomToken(), CreatedAt: now, LastSeen: now}, tok
}

// Expired reports whether s has ended at now: idle for IdleTimeout or
// older than MaxLifetime.
func (s Session) Expired(now time.Time) bool {
	return now.Sub(s.LastSeen) > IdleTimeout || now.Sub(s.CreatedAt) > MaxLifetime
}

// NeedsTouch reports whether LastSeen is old enough to be worth writing
// again (at most once a minute per session).
func (s Session) NeedsTouch(now time.Time) bool { return now.Sub(s.LastSeen) > time.Minute }
