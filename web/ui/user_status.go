package ui

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web/internal/core"
)

// UserStatus disables or enables an account (form field disabled=1 or 0).
// Disabling ends the user's sessions at once. Admins cannot disable
// themselves, so that the last admin cannot lock everyone out.
func (s *Handler) UserStatus(w http.ResponseWriter, r *http.Request, rc *core.SignedIn) {
	u, ok := s.pathUser(w, r)
	if !ok {
		return
	}
	disable := r.PostFormValue("disabled") == "1"
	if disable && u.ID == rc.User.ID {
		s.renderUsers(w, r, http.StatusBadRequest, userForm{Role: access.RoleParalegal}, []string{"You cannot disable your own account."})
		return
	}
	if u.Disabled == disable {
		http.Redirect(w, r, "/admin/users?notice=unchanged", http.StatusSeeOther)
		return
	}
	u.Disabled = disable
	if err := s.Store.UpdateUser(r.Context(), u); err != nil {
		s.ServerError(w, r, err)
		return
	}
	detail := "enabled"
	if disable {
		detail = "disabled"
		if err := s.Store.DeleteUserSessions(r.Context(), u.ID); err != nil {
			s.ServerError(w, r, err)
			return
		}
	}
	if err := s.Audit(r, access.AuditUserUpdate, "", u.ID, detail); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users?notice=saved", http.StatusSeeOther)
}
