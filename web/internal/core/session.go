package core

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/web/internal/respond"
)

// SessionCookie names the browser's session cookie. Its value is the
// Session token; the store keeps only its hash.
const SessionCookie = "medchron_session"

// SignedIn is the signed-in user of a request and their session.
type SignedIn struct {
	User    access.User
	Session access.Session
}

type ctxKey struct{}

// WithSignedIn returns ctx carrying the request's signed-in user (Current).
func WithSignedIn(ctx context.Context, rc *SignedIn) context.Context {
	return context.WithValue(ctx, ctxKey{}, rc)
}

// Current returns the request's signed-in user, or nil.
func Current(r *http.Request) *SignedIn {
	rc, _ := r.Context().Value(ctxKey{}).(*SignedIn)
	return rc
}

// Session loads the request's session: a valid, unexpired cookie of an
// enabled user. It refreshes LastSeen at most once a minute.
func (s *Core) Session(w http.ResponseWriter, r *http.Request) (*SignedIn, bool) {
	if rc := Current(r); rc != nil {
		return rc, true
	}
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" || len(c.Value) > 100 {
		return nil, false
	}
	ctx := r.Context()
	hash := access.HashToken(c.Value)
	sess, err := s.Store.Session(ctx, hash)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			s.Logger.Error("session lookup failed", "error", err)
		}
		s.ClearCookie(w)
		return nil, false
	}
	now := s.Now()
	if sess.Expired(now) {
		_ = s.Store.DeleteSession(ctx, hash)
		s.ClearCookie(w)
		return nil, false
	}
	u, err := s.Store.User(ctx, sess.UserID)
	if err != nil || u.Disabled {
		_ = s.Store.DeleteSession(ctx, hash)
		s.ClearCookie(w)
		return nil, false
	}
	if sess.NeedsTouch(now) {
		if err := s.Store.TouchSession(ctx, hash, now); err == nil {
			sess.LastSeen = now
		}
	}
	return &SignedIn{User: u, Session: sess}, true
}

// SetSessionCookie gives the browser its session token.
func (s *Core) SetSessionCookie(w http.ResponseWriter, token string) {
	http.SetCookie(w, &http.Cookie{
		Name: SessionCookie, Value: token, Path: "/", HttpOnly: true,
		Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode,
		MaxAge: int(access.MaxLifetime.Seconds()),
	})
}

// ClearCookie makes the browser forget its session token.
func (s *Core) ClearCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: SessionCookie, Value: "", Path: "/", HttpOnly: true, Secure: s.SecureCookies, SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

// ToSignIn redirects a browser to the sign-in page, coming back to the
// Page asked for; API and XHR calls get 401 instead.
func (s *Core) ToSignIn(w http.ResponseWriter, r *http.Request) {
	if respond.IsAPI(r) || respond.IsScript(r) {
		s.Error(w, r, http.StatusUnauthorized, "sign in first")
		return
	}
	next := ""
	if r.Method == http.MethodGet {
		next = r.URL.RequestURI()
	}
	http.Redirect(w, r, "/signin?next="+url.QueryEscape(next), http.StatusSeeOther)
}

// CSRFOK checks the request's CSRF token (form field "csrf" or header
// X-CSRF-Token) against the session's, in constant time.
func (s *Core) CSRFOK(r *http.Request, rc *SignedIn) bool {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" && !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		// A multipart body is never parsed here: it could spool files to
		// disk. Upload routes read their token from the stream.
		got = r.PostFormValue("csrf")
	}
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(rc.Session.CSRF)) == 1
}

// Page guards a browser route: a signed-in user (else a redirect to sign
// in) and, for anything but GET and HEAD, a valid CSRF token.
func (s *Core) Page(fn func(http.ResponseWriter, *http.Request, *SignedIn)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc, ok := s.Session(w, r)
		if !ok {
			s.ToSignIn(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !s.CSRFOK(r, rc) {
			s.Error(w, r, http.StatusForbidden, "This form has expired. Go back, reload the page and try again.")
			return
		}
		fn(w, r.WithContext(WithSignedIn(r.Context(), rc)), rc)
	})
}

// Global guards a route that needs a global permission: 404 without it,
// so that the route's existence is not revealed.
func (s *Core) Global(a access.Action, fn func(http.ResponseWriter, *http.Request, *SignedIn)) http.Handler {
	return s.Page(func(w http.ResponseWriter, r *http.Request, rc *SignedIn) {
		if !access.CanGlobal(rc.User, a) {
			s.NotFound(w, r)
			return
		}
		fn(w, r, rc)
	})
}
