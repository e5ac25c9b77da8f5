package ui

import (
	"errors"
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/web/internal/core"
)

// UserCreate creates an account with an initial password.
func (s *Handler) UserCreate(w http.ResponseWriter, r *http.Request, _ *core.SignedIn) {
	f := userForm{Username: r.PostFormValue("username"), Name: r.PostFormValue("name"), Role: access.Role(r.PostFormValue("role"))}
	release, err := s.hashes.Take(r.Context(), hashWait)
	if err != nil {
		s.Busy(w, r, "checking passwords")
		return
	}
	u, err := access.NewUser(f.Username, f.Name, f.Role, r.PostFormValue("password"), s.Now())
	release()
	if err != nil {
		s.renderUsers(w, r, http.StatusBadRequest, f, []string{err.Error()})
		return
	}
	if err := s.Store.CreateUser(r.Context(), u); err != nil {
		if errors.Is(err, store.ErrExists) {
			s.renderUsers(w, r, http.StatusConflict, f, []string{"The username " + u.Username + " is taken."})
			return
		}
		s.ServerError(w, r, err)
		return
	}
	if err := s.Audit(r, access.AuditUserCreate, "", u.ID, "username "+u.Username+", role "+string(u.Role)); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users?notice=created", http.StatusSeeOther)
}
