package web

import (
	"net/http"

	"github.com/medchron/medchron/access"
)

// signOut ends the session: the stored session is deleted, so the cookie
// is worthless even if it was copied.
func (s *Server) signOut(w http.ResponseWriter, r *http.Request, rc *reqCtx) {
	if err := s.audit(r, access.AuditSignOut, "", rc.User.Username, ""); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	if err := s.cfg.Store.DeleteSession(r.Context(), rc.Session.TokenHash); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	s.clearCookie(w)
	http.Redirect(w, r, "/signin?notice=signedout", http.StatusSeeOther)
}
