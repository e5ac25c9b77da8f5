package ui

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web/internal/core"
)

// UserPassword sets a new password for an account and ends its sessions.
// Resetting one's own password signs oneself out too.
func (s *Handler) UserPassword(w http.ResponseWriter, r *http.Request, rc *core.SignedIn) {
	u, ok := s.pathUser(w, r)
	if !ok {
		return
	}
	pw := r.PostFormValue("password")
	if err := access.CheckPasswordPolicy(pw); err != nil {
		s.renderUsers(w, r, http.StatusBadRequest, userForm{Role: access.RoleParalegal}, []string{u.Username + ": " + err.Error()})
		return
	}
	release, err := s.hashes.Take(r.Context(), hashWait)
	if err != nil {
		s.Busy(w, r, "checking passwords")
		return
	}
	h, err := access.HashPassword(pw)
	release()
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	u.PasswordHash = h
	if err := s.Store.UpdateUser(r.Context(), u); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Audit(r, access.AuditUserUpdate, "", u.ID, "password reset"); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Store.DeleteUserSessions(r.Context(), u.ID); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if u.ID == rc.User.ID {
		s.ClearCookie(w)
		http.Redirect(w, r, "/signin", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/admin/users?notice=password", http.StatusSeeOther)
}
