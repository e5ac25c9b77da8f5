package web

import (
	"errors"
	"net/http"

	"github.com/medchron/medchron/access"
)

// userCreate creates an account with an initial password.
func (s *Server) userCreate(w http.ResponseWriter, r *http.Request, _ *reqCtx) {
	f := userForm{Username: r.PostFormValue("username"), Name: r.PostFormValue("name"), Role: access.Role(r.PostFormValue("role"))}
	release, err := s.hashes.take(r.Context(), hashWait)
	if err != nil {
		s.errs.Busy(w, r, "checking passwords")
		return
	}
	u, err := access.NewUser(f.Username, f.Name, f.Role, r.PostFormValue("password"), s.cfg.Now())
	release()
	if err != nil {
		s.renderUsers(w, r, http.StatusBadRequest, f, []string{err.Error()})
		return
	}
	if err := s.cfg.Store.CreateUser(r.Context(), u); err != nil {
		if errors.Is(err, access.ErrExists) {
			s.renderUsers(w, r, http.StatusConflict, f, []string{"The username " + u.Username + " is taken."})
			return
		}
		s.errs.ServerError(w, r, err)
		return
	}
	if err := s.audit(r, access.AuditUserCreate, "", u.ID, "username "+u.Username+", role "+string(u.Role)); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users?notice=created", http.StatusSeeOther)
}
