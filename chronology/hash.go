package chronology

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// shortHash is a stable 10-hex-digit digest of parts, for ids.
func shortHash(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return hex.EncodeToString(sum[:])[:10]
}
