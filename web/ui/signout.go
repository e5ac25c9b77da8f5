package ui

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web/internal/core"
)

// SignOut ends the session: the stored session is deleted, so the cookie
// is worthless even if it was copied.
func (s *Handler) SignOut(w http.ResponseWriter, r *http.Request, rc *core.SignedIn) {
	if err := s.Audit(r, access.AuditSignOut, "", rc.User.Username, ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Store.DeleteSession(r.Context(), rc.Session.TokenHash); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.ClearCookie(w)
	http.Redirect(w, r, "/signin?notice=signedout", http.StatusSeeOther)
}
