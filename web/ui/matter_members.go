package ui

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// MatterMemberAdd assigns a user (form field user, an id) to the matter.
func (s *Handler) MatterMemberAdd(w http.ResponseWriter, r *http.Request, _ *core.SignedIn, m chronology.Matter) {
	u, ok := s.formUser(w, r)
	if !ok {
		return
	}
	if u.Disabled {
		s.Error(w, r, http.StatusBadRequest, "That account is disabled; enable it first.")
		return
	}
	if err := s.Store.AddMember(r.Context(), m.ID, u.ID); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Audit(r, access.AuditMatterAssign, m.ID, u.ID, "added "+u.Username); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/matters/"+m.ID+"?notice=membership#members", http.StatusSeeOther)
}

// MatterMemberRemove takes a user (form field user) off the matter. A
// user cannot remove themselves: they would lose the page they are on.
func (s *Handler) MatterMemberRemove(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	u, ok := s.formUser(w, r)
	if !ok {
		return
	}
	if u.ID == rc.User.ID {
		s.Error(w, r, http.StatusBadRequest, "You cannot remove yourself from a matter; ask another attorney or an administrator.")
		return
	}
	if err := s.Store.RemoveMember(r.Context(), m.ID, u.ID); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Audit(r, access.AuditMatterAssign, m.ID, u.ID, "removed "+u.Username); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/matters/"+m.ID+"?notice=membership#members", http.StatusSeeOther)
}

// formUser loads the user named by the form field user.
func (s *Handler) formUser(w http.ResponseWriter, r *http.Request) (access.User, bool) {
	id := r.PostFormValue("user")
	if id == "" || len(id) > 100 {
		s.Error(w, r, http.StatusBadRequest, "Choose a user.")
		return access.User{}, false
	}
	u, err := s.Store.User(r.Context(), id)
	if err != nil {
		s.Fail(w, r, err, http.StatusBadRequest, "There is no such user.")
		return access.User{}, false
	}
	return u, true
}
