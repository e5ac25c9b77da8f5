// Package ui is medchron's browser application: signing in, users,
// matters and their uploads, the chronology, each entry beside its page,
// the demand editor, exports and the audit log. One file per page and
// action, in the manner of miniflux's ui package; templates and static
// files are embedded. Its routes are registered in web's route table.
package ui

import (
	"time"

	"github.com/medchron/medchron/web/internal/core"
)

// Waits for a free slot before a request is refused with 503.
const (
	// hashWait is how long a sign-in waits for a free hashing slot.
	hashWait = 5 * time.Second
	// renderWait is how long a page image waits for a free render slot.
	renderWait = 15 * time.Second
)

// Handler answers the pages' routes.
type Handler struct {
	*core.Core
	pages *pages
	// pageImages caches rendered page images (document ids derive from
	// the file's SHA-256, so a key always names the same image);
	// renderSlots bounds concurrent renders.
	pageImages  *pngCache
	renderSlots core.Slots
	// cleaned caches originals without active content, as the browser is
	// shown them; hashes bounds concurrent password hashes; signIns
	// throttles failed sign-ins.
	cleaned *pngCache
	hashes  core.Slots
	signIns *signInLimiter
	// codes keeps the imported ICD-10-CM table for the code look-up.
	codes codeBooks
}

// New returns the pages' handlers over c, with at most hashes password
// hashes at once. It sets c's error page.
func New(c *core.Core, hashes int) *Handler {
	h := &Handler{Core: c, pages: parsePages(c.TimeZone),
		pageImages: newPNGCache(pageCacheEntries, pageCacheBytes), renderSlots: make(core.Slots, renderers),
		cleaned: newPNGCache(cleanCacheEntries, cleanCacheBytes), hashes: make(core.Slots, hashes),
		signIns: newSignInLimiter()}
	c.Errors.Page = h.ErrorPage
	return h
}
