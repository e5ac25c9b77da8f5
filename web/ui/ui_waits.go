package ui

import "time"

const (
	// hashWait is how long a sign-in waits for a free hashing slot
	// before it is refused with 503.
	hashWait = 5 * time.Second
	// renderWait is how long a page image waits for a free render slot.
	renderWait = 15 * time.Second
)
