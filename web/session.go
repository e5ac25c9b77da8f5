package web

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/web/internal/respond"
)

// sessionCookie names the browser's session cookie. Its value is the
// session token; the store keeps only its hash.
const sessionCookie = "medchron_session"

// reqCtx is the signed-in user of a request and their session.
type reqCtx struct {
	User    access.User
	Session access.Session
}

type ctxKey struct{}

func withRequest(ctx context.Context, rc *reqCtx) context.Context {
	return context.WithValue(ctx, ctxKey{}, rc)
}

// current returns the request's signed-in user, or nil.
func current(r *http.Request) *reqCtx {
	rc, _ := r.Context().Value(ctxKey{}).(*reqCtx)
	return rc
}

// session loads the request's session: a valid, unexpired cookie of an
// enabled user. It refreshes LastSeen at most once a minute.
func (s *Server) session(w http.ResponseWriter, r *http.Request) (*reqCtx, bool) {
	if rc := current(r); rc != nil {
		return rc, true
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" || len(c.Value) > 100 {
		return nil, false
	}
	ctx := r.Context()
	hash := access.HashToken(c.Value)
	sess, err := s.cfg.Store.Session(ctx, hash)
	if err != nil {
		if !errors.Is(err, access.ErrNotFound) {
			s.cfg.Logger.Error("session lookup failed", "error", err)
		}
		s.clearCookie(w)
		return nil, false
	}
	now := s.cfg.Now()
	if sess.Expired(now) {
		_ = s.cfg.Store.DeleteSession(ctx, hash)
		s.clearCookie(w)
		return nil, false
	}
	u, err := s.cfg.Store.User(ctx, sess.UserID)
	if err != nil || u.Disabled {
		_ = s.cfg.Store.DeleteSession(ctx, hash)
		s.clearCookie(w)
		return nil, false
	}
	if sess.NeedsTouch(now) {
		if err := s.cfg.Store.TouchSession(ctx, hash, now); err == nil {
			sess.LastSeen = now
		}
	}
	return &reqCtx{User: u, Session: sess}, true
}

func (s *Server) setSessionCookie(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode,
		MaxAge: int(access.MaxLifetime.Seconds()),
	})
}

func (s *Server) clearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.cfg.SecureCookies, SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

// toSignIn redirects a browser to the sign-in page, coming back to the
// page asked for; API and XHR calls get 401 instead.
func (s *Server) toSignIn(w http.ResponseWriter, r *http.Request) {
	if respond.IsAPI(r) || respond.IsScript(r) {
		s.errs.Error(w, r, http.StatusUnauthorized, "sign in first")
		return
	}
	next := ""
	if r.Method == http.MethodGet {
		next = r.URL.RequestURI()
	}
	http.Redirect(w, r, "/signin?next="+url.QueryEscape(next), http.StatusSeeOther)
}

// csrfOK checks the request's CSRF token (form field "csrf" or header
// X-CSRF-Token) against the session's, in constant time.
func (s *Server) csrfOK(r *http.Request, rc *reqCtx) bool {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" && !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		// A multipart body is never parsed here: it could spool files to
		// disk. Upload routes read their token from the stream.
		got = r.PostFormValue("csrf")
	}
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(rc.Session.CSRF)) == 1
}

// page guards a browser route: a signed-in user (else a redirect to sign
// in) and, for anything but GET and HEAD, a valid CSRF token.
func (s *Server) page(fn func(http.ResponseWriter, *http.Request, *reqCtx)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc, ok := s.session(w, r)
		if !ok {
			s.toSignIn(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !s.csrfOK(r, rc) {
			s.errs.Error(w, r, http.StatusForbidden, "This form has expired. Go back, reload the page and try again.")
			return
		}
		fn(w, r.WithContext(withRequest(r.Context(), rc)), rc)
	})
}

// global guards a route that needs a global permission: 404 without it,
// so that the route's existence is not revealed.
func (s *Server) global(a access.Action, fn func(http.ResponseWriter, *http.Request, *reqCtx)) http.Handler {
	return s.page(func(w http.ResponseWriter, r *http.Request, rc *reqCtx) {
		if !access.CanGlobal(rc.User, a) {
			s.errs.NotFound(w, r)
			return
		}
		fn(w, r, rc)
	})
}
