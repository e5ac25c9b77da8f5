package web

import (
	"net/http"
	"strconv"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
)

// matterAccess checks that the signed-in user may do a on the path's
// matter. A matter the user is not assigned to answers 404 exactly like a
// matter that does not exist, on every route; a matter they see but an
// action their role lacks answers 403. With mustExist false a missing
// matter passes (the API creates matters on upload).
func (s *Server) matterAccess(w http.ResponseWriter, r *http.Request, rc *reqCtx, a access.Action, mustExist bool) (chronology.Matter, bool) {
	id := r.PathValue("matter")
	if !validMatter.MatchString(id) {
		s.errs.NotFound(w, r)
		return chronology.Matter{}, false
	}
	member := false
	if rc.User.Role != access.RoleAdmin {
		var err error
		member, err = s.cfg.Store.IsMember(r.Context(), id, rc.User.ID)
		if err != nil {
			s.errs.ServerError(w, r, err)
			return chronology.Matter{}, false
		}
		if !member {
			s.errs.NotFound(w, r)
			return chronology.Matter{}, false
		}
	}
	m, err := s.cfg.Store.Matter(r.Context(), id)
	if err != nil {
		if !isNotFound(err) {
			s.errs.ServerError(w, r, err)
			return chronology.Matter{}, false
		}
		if mustExist {
			s.errs.NotFound(w, r)
			return chronology.Matter{}, false
		}
		m = chronology.Matter{ID: id}
	}
	if !access.Can(rc.User, a, member) {
		if !access.Can(rc.User, access.ViewMatter, member) {
			s.errs.NotFound(w, r)
			return chronology.Matter{}, false
		}
		s.errs.Error(w, r, http.StatusForbidden, "Your role does not allow this.")
		return chronology.Matter{}, false
	}
	return m, true
}

// matterPage guards a browser route under /matters/{matter}: signed in,
// CSRF on writes, and allowed to do a on the matter.
func (s *Server) matterPage(a access.Action, fn func(http.ResponseWriter, *http.Request, *reqCtx, chronology.Matter)) http.Handler {
	return s.page(func(w http.ResponseWriter, r *http.Request, rc *reqCtx) {
		m, ok := s.matterAccess(w, r, rc, a, true)
		if !ok {
			return
		}
		fn(w, r, rc, m)
	})
}

// matterDocument checks that the path's {doc} belongs to the matter,
// answering 404 otherwise.
func (s *Server) matterDocument(w http.ResponseWriter, r *http.Request, m chronology.Matter) (string, bool) {
	id := r.PathValue("doc")
	ms, err := s.cfg.Store.DocumentMatters(r.Context(), id)
	if err != nil && !isNotFound(err) {
		s.errs.ServerError(w, r, err)
		return "", false
	}
	for _, x := range ms {
		if x == m.ID {
			return id, true
		}
	}
	s.errs.NotFound(w, r)
	return "", false
}

// matterDocumentPage is matterDocument plus the path's {page}, a page
// number from 1; anything else answers 404.
func (s *Server) matterDocumentPage(w http.ResponseWriter, r *http.Request, m chronology.Matter) (string, int, bool) {
	docID, ok := s.matterDocument(w, r, m)
	if !ok {
		return "", 0, false
	}
	n, err := strconv.Atoi(r.PathValue("page"))
	if err != nil || n < 1 {
		s.errs.NotFound(w, r)
		return "", 0, false
	}
	return docID, n, true
}
