package ui

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web/internal/core"
	"github.com/medchron/medchron/web/internal/respond"
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

// UserList shows the users page.
func (s *Handler) UserList(w http.ResponseWriter, r *http.Request, _ *core.SignedIn) {
	s.renderUsers(w, r, http.StatusOK, userForm{Role: access.RoleParalegal}, nil)
}

// renderUsers renders the users page with a form and its errors.
func (s *Handler) renderUsers(w http.ResponseWriter, r *http.Request, status int, f userForm, errs []string) {
	us, err := s.Store.Users(r.Context())
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.render(w, r, status, "users", view{Title: "Users", Nav: "users", Data: usersView{Users: us, Roles: access.Roles, Form: f, Errors: errs}})
}

// pathUser loads the path's {user}, answering 404 when there is none.
func (s *Handler) pathUser(w http.ResponseWriter, r *http.Request) (access.User, bool) {
	u, err := s.Store.User(r.Context(), r.PathValue("user"))
	if err != nil {
		s.Fail(w, r, err, http.StatusNotFound, respond.NotFoundText)
		return access.User{}, false
	}
	return u, true
}
