// Package api is medchron's JSON API for scripts: uploading records to a
// matter, following their processing, reading the chronology and
// searching a matter. Its routes are registered in web's route table,
// under /api/, behind core.Core.API (a session or the service token).
package api

import "github.com/medchron/medchron/web/internal/core"

// Handler answers the API's routes.
type Handler struct {
	*core.Core
}

// New returns the API's handlers over c.
func New(c *core.Core) *Handler { return &Handler{Core: c} }
