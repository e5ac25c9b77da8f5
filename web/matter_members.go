package web

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
)

// matterMemberAdd assigns a user (form field user, an id) to the matter.
func (s *Server) matterMemberAdd(w http.ResponseWriter, r *http.Request, _ *reqCtx, m chronology.Matter) {
	u, ok := s.formUser(w, r)
	if !ok {
		return
	}
	if u.Disabled {
		s.errs.Error(w, r, http.StatusBadRequest, "That account is disabled; enable it first.")
		return
	}
	if err := s.cfg.Store.AddMember(r.Context(), m.ID, u.ID); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	if err := s.audit(r, access.AuditMatterAssign, m.ID, u.ID, "added "+u.Username); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/matters/"+m.ID+"?notice=membership#members", http.StatusSeeOther)
}

// matterMemberRemove takes a user (form field user) off the matter. A
// user cannot remove themselves: they would lose the page they are on.
func (s *Server) matterMemberRemove(w http.ResponseWriter, r *http.Request, rc *reqCtx, m chronology.Matter) {
	u, ok := s.formUser(w, r)
	if !ok {
		return
	}
	if u.ID == rc.User.ID {
		s.errs.Error(w, r, http.StatusBadRequest, "You cannot remove yourself from a matter; ask another attorney or an administrator.")
		return
	}
	if err := s.cfg.Store.RemoveMember(r.Context(), m.ID, u.ID); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	if err := s.audit(r, access.AuditMatterAssign, m.ID, u.ID, "removed "+u.Username); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/matters/"+m.ID+"?notice=membership#members", http.StatusSeeOther)
}

// formUser loads the user named by the form field user.
func (s *Server) formUser(w http.ResponseWriter, r *http.Request) (access.User, bool) {
	id := r.PostFormValue("user")
	if id == "" || len(id) > 100 {
		s.errs.Error(w, r, http.StatusBadRequest, "Choose a user.")
		return access.User{}, false
	}
	u, err := s.cfg.Store.User(r.Context(), id)
	if err != nil {
		if isMissing(err) {
			s.errs.Error(w, r, http.StatusBadRequest, "There is no such user.")
		} else {
			s.errs.ServerError(w, r, err)
		}
		return access.User{}, false
	}
	return u, true
}
