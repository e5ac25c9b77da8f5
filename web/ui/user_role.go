package ui

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web/internal/core"
)

// UserRole changes an account's role (form field role). The user's
// sessions end, so that the new rights apply from their next sign-in.
// Admins cannot change their own role, so that the last admin cannot
// demote everyone out of user management.
func (s *Handler) UserRole(w http.ResponseWriter, r *http.Request, rc *core.SignedIn) {
	u, ok := s.pathUser(w, r)
	if !ok {
		return
	}
	role := access.Role(r.PostFormValue("role"))
	if !role.Valid() {
		s.renderUsers(w, r, http.StatusBadRequest, userForm{Role: access.RoleParalegal}, []string{"Choose admin, attorney or paralegal."})
		return
	}
	if u.ID == rc.User.ID {
		s.renderUsers(w, r, http.StatusBadRequest, userForm{Role: access.RoleParalegal}, []string{"You cannot change your own role."})
		return
	}
	if u.Role == role {
		http.Redirect(w, r, "/admin/users?notice=unchanged", http.StatusSeeOther)
		return
	}
	detail := "role " + string(u.Role) + " -> " + string(role)
	u.Role = role
	if err := s.Store.UpdateUser(r.Context(), u); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Store.DeleteUserSessions(r.Context(), u.ID); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Audit(r, access.AuditUserUpdate, "", u.ID, detail); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users?notice=saved", http.StatusSeeOther)
}
