package web

import (
	"errors"
	"net/http"

	"github.com/medchron/medchron/access"
)

// usersView is the users page: every account and the create form.
type usersView struct {
	Users []access.User
	Roles []access.Role
	Form  userForm
	// Errors are the create or update form's problems, if any.
	Errors []string
}

// userForm is what the create form was filled with (never the password).
type userForm struct {
	Username, Name string
	Role           access.Role
}

// userList shows the users page.
func (s *Server) userList(w http.ResponseWriter, r *http.Request, _ *reqCtx) {
	s.renderUsers(w, r, http.StatusOK, userForm{Role: access.RoleParalegal}, nil)
}

// renderUsers renders the users page with a form and its errors.
func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, f userForm, errs []string) {
	us, err := s.cfg.Store.Users(r.Context())
	if err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	s.render(w, r, status, "users", view{Title: "Users", Nav: "users", Data: usersView{Users: us, Roles: access.Roles, Form: f, Errors: errs}})
}

// pathUser loads the path's {user}, answering 404 when there is none.
func (s *Server) pathUser(w http.ResponseWriter, r *http.Request) (access.User, bool) {
	u, err := s.cfg.Store.User(r.Context(), r.PathValue("user"))
	if err != nil {
		if isMissing(err) {
			s.errs.NotFound(w, r)
		} else {
			s.errs.ServerError(w, r, err)
		}
		return access.User{}, false
	}
	return u, true
}

// isMissing reports a missing row of either store family.
func isMissing(err error) bool {
	return errors.Is(err, access.ErrNotFound) || isNotFound(err)
}
