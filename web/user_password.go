package web

import (
	"net/http"

	"github.com/medchron/medchron/access"
)

// userPassword sets a new password for an account and ends its sessions.
// Resetting one's own password signs oneself out too.
func (s *Server) userPassword(w http.ResponseWriter, r *http.Request, rc *reqCtx) {
	u, ok := s.pathUser(w, r)
	if !ok {
		return
	}
	pw := r.PostFormValue("password")
	if err := access.CheckPasswordPolicy(pw); err != nil {
		s.renderUsers(w, r, http.StatusBadRequest, userForm{Role: access.RoleParalegal}, []string{u.Username + ": " + err.Error()})
		return
	}
	release, err := s.hashes.take(r.Context(), hashWait)
	if err != nil {
		s.errs.Busy(w, r, "checking passwords")
		return
	}
	h, err := access.HashPassword(pw)
	release()
	if err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	u.PasswordHash = h
	if err := s.cfg.Store.UpdateUser(r.Context(), u); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	if err := s.audit(r, access.AuditUserUpdate, "", u.ID, "password reset"); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	if err := s.cfg.Store.DeleteUserSessions(r.Context(), u.ID); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	if u.ID == rc.User.ID {
		s.clearCookie(w)
		http.Redirect(w, r, "/signin", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/admin/users?notice=password", http.StatusSeeOther)
}
