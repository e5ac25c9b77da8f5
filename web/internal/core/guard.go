package core

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/store"
)

// Bearer reports whether the request presents the service token. The
// token is for scripts and operators: it has every right on every matter.
// Without a configured token, API calls need a signed-in session.
func (s *Core) Bearer(r *http.Request) bool {
	if s.Token == "" {
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.Token)) == 1
}

// API guards a JSON route: the service token, or a signed-in user allowed
// to do a on the path's matter (404 when the user may not see the matter).
func (s *Core) API(a access.Action, fn http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.Bearer(r) {
			fn(w, r)
			return
		}
		rc, ok := s.Session(w, r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="medchron"`)
			s.Error(w, r, http.StatusUnauthorized, "sign in or present a valid bearer token")
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !s.CSRFOK(r, rc) {
			s.Error(w, r, http.StatusForbidden, "missing or invalid CSRF token")
			return
		}
		if _, ok := s.MatterAccess(w, r.WithContext(WithSignedIn(r.Context(), rc)), rc, a, true); !ok {
			return
		}
		fn(w, r.WithContext(WithSignedIn(r.Context(), rc)))
	})
}

// Operator guards River's UI: the service token or an admin session.
func (s *Core) Operator(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.Bearer(r) {
			next.ServeHTTP(w, r)
			return
		}
		rc, ok := s.Session(w, r)
		if !ok {
			s.ToSignIn(w, r)
			return
		}
		if !access.CanGlobal(rc.User, access.OperateJobs) {
			s.NotFound(w, r)
			return
		}
		// River's UI has no CSRF tokens of its own: its writes (cancel,
		// retry, delete jobs) must come from this site.
		var cop http.CrossOriginProtection
		if err := cop.Check(r); err != nil {
			s.Error(w, r, http.StatusForbidden, "cross-origin request refused")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ValidMatter matches a valid matter id.
var ValidMatter = lazyre.New(`^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$`)

// MatterID returns the path's matter id, answering 400 when it is invalid.
func (s *Core) MatterID(w http.ResponseWriter, r *http.Request) (string, bool) {
	id := r.PathValue("matter")
	if !ValidMatter.MatchString(id) {
		s.Error(w, r, http.StatusBadRequest, "invalid matter id")
		return "", false
	}
	return id, true
}

// IsNotFound reports a missing row, of the pipeline's records or of
// accounts: the one not-found check of the web application.
func IsNotFound(err error) bool {
	return errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrNotFound)
}

// Fail answers err: status with msg when err reports a missing row
// (IsNotFound), else 500 by reference.
func (s *Core) Fail(w http.ResponseWriter, r *http.Request, err error, status int, msg string) {
	if IsNotFound(err) {
		s.Error(w, r, status, msg)
		return
	}
	s.ServerError(w, r, err)
}

// MatterAccess checks that the signed-in user may do a on the path's
// matter. A matter the user is not assigned to answers 404 exactly like a
// matter that does not exist, on every route; a matter they see but an
// action their role lacks answers 403. With mustExist false a missing
// matter passes (the API creates matters on Upload).
func (s *Core) MatterAccess(w http.ResponseWriter, r *http.Request, rc *SignedIn, a access.Action, mustExist bool) (chronology.Matter, bool) {
	id := r.PathValue("matter")
	if !ValidMatter.MatchString(id) {
		s.NotFound(w, r)
		return chronology.Matter{}, false
	}
	member := false
	if rc.User.Role != access.RoleAdmin {
		var err error
		member, err = s.Store.IsMember(r.Context(), id, rc.User.ID)
		if err != nil {
			s.ServerError(w, r, err)
			return chronology.Matter{}, false
		}
		if !member {
			s.NotFound(w, r)
			return chronology.Matter{}, false
		}
	}
	m, err := s.Store.Matter(r.Context(), id)
	if err != nil {
		if !IsNotFound(err) {
			s.ServerError(w, r, err)
			return chronology.Matter{}, false
		}
		if mustExist {
			s.NotFound(w, r)
			return chronology.Matter{}, false
		}
		m = chronology.Matter{ID: id}
	}
	if !access.Can(rc.User, a, member) {
		if !access.Can(rc.User, access.ViewMatter, member) {
			s.NotFound(w, r)
			return chronology.Matter{}, false
		}
		s.Error(w, r, http.StatusForbidden, "Your role does not allow this.")
		return chronology.Matter{}, false
	}
	return m, true
}

// MatterPage guards a browser route under /matters/{matter}: signed in,
// CSRF on writes, and allowed to do a on the matter.
func (s *Core) MatterPage(a access.Action, fn func(http.ResponseWriter, *http.Request, *SignedIn, chronology.Matter)) http.Handler {
	return s.Page(func(w http.ResponseWriter, r *http.Request, rc *SignedIn) {
		m, ok := s.MatterAccess(w, r, rc, a, true)
		if !ok {
			return
		}
		fn(w, r, rc, m)
	})
}

// GlobalUpload guards a global upload form: a signed-in user allowed a
// (404 otherwise). The CSRF token is checked by ReceiveFile, from the
// stream, as UploadPage leaves it to ReceiveUpload.
func (s *Core) GlobalUpload(a access.Action, fn func(http.ResponseWriter, *http.Request, *SignedIn)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc, ok := s.Session(w, r)
		if !ok {
			s.ToSignIn(w, r)
			return
		}
		if !access.CanGlobal(rc.User, a) {
			s.NotFound(w, r)
			return
		}
		fn(w, r.WithContext(WithSignedIn(r.Context(), rc)), rc)
	})
}

// UploadPage guards the matter page's upload: a signed-in user with the
// right to upload to the matter (404 for a matter they cannot see). The
// CSRF token is checked by ReceiveUpload, which reads it from the
// X-CSRF-Token header (the page's script) or from the form's first part
// (the plain form puts its hidden csrf field first), so that the body is
// never parsed into memory or a temporary file.
func (s *Core) UploadPage(fn func(http.ResponseWriter, *http.Request, *SignedIn, chronology.Matter)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc, ok := s.Session(w, r)
		if !ok {
			s.ToSignIn(w, r)
			return
		}
		r = r.WithContext(WithSignedIn(r.Context(), rc))
		m, ok := s.MatterAccess(w, r, rc, access.UploadRecords, true)
		if !ok {
			return
		}
		fn(w, r, rc, m)
	})
}
