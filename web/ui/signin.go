package ui

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/web/internal/core"
)

// signInView is the sign-in form's data.
type signInView struct {
	Username string
	Next     string
	Error    string
}

// SignInForm shows the sign-in form; a signed-in user goes on to the page
// asked for.
func (s *Handler) SignInForm(w http.ResponseWriter, r *http.Request) {
	next := safeNext(r.URL.Query().Get("next"))
	if _, ok := s.Session(w, r); ok {
		http.Redirect(w, r, orMatters(next), http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "signin", view{Title: "Sign in", Data: signInView{Next: next}})
}

// SignIn checks a username and password. An unknown user, a wrong
// password and a disabled account get the same answer; failures are
// audited (never the password) and throttled per username and address,
// per address and per username, counted before the password is hashed.
// Hashing waits for one of Config.Hashes slots (each hash takes 64 MiB),
// so sign-ins cannot exhaust memory however many arrive. Success starts
// a new session, replacing any the browser had.
func (s *Handler) SignIn() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !sameOrigin(r) {
			s.Error(w, r, http.StatusForbidden, "Sign in from this site's own sign-in page.")
			return
		}
		username := strings.ToLower(strings.TrimSpace(r.PostFormValue("username")))
		password := r.PostFormValue("password")
		next := safeNext(r.PostFormValue("next"))
		form := signInView{Username: username, Next: next}
		if len(username) > 200 || len(password) > 1024 {
			form.Error = "Wrong username or password."
			s.render(w, r, http.StatusUnauthorized, "signin", view{Title: "Sign in", Data: form})
			return
		}
		now := s.Now()
		u, err := s.Store.UserByName(r.Context(), username)
		found := err == nil
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			s.ServerError(w, r, err)
			return
		}
		// Only an existing username is written to the audit log: what a
		// person types into the field may be their password.
		object := ""
		if found {
			object = u.Username
		}
		try, ok := s.signIns.Begin(signInKeys(username, core.ClientIP(r)), now)
		if !ok {
			if err := s.Audit(r, access.AuditSignInFailed, "", object, "throttled"); err != nil {
				s.ServerError(w, r, err)
				return
			}
			form.Error = "Too many failed sign-ins. Wait a few minutes, then try again."
			s.render(w, r, http.StatusTooManyRequests, "signin", view{Title: "Sign in", Data: form})
			return
		}
		release, err := s.hashes.Take(r.Context(), hashWait)
		if err != nil {
			try.Cancel()
			s.Busy(w, r, "signing other people in")
			return
		}
		authentic := username != "" && access.Authenticate(u, found, password)
		release()
		if !authentic {
			try.End(false, s.Now())
			detail := "unknown username"
			if found {
				detail = "wrong password or disabled account"
			}
			if err := s.Audit(r, access.AuditSignInFailed, "", object, detail); err != nil {
				s.ServerError(w, r, err)
				return
			}
			form.Error = "Wrong username or password."
			s.render(w, r, http.StatusUnauthorized, "signin", view{Title: "Sign in", Data: form})
			return
		}
		try.End(true, s.Now())
		if c, err := r.Cookie(core.SessionCookie); err == nil && c.Value != "" && len(c.Value) <= 100 {
			_ = s.Store.DeleteSession(r.Context(), access.HashToken(c.Value))
		}
		sess, token := access.NewSession(u.ID, now)
		if err := s.Store.CreateSession(r.Context(), sess); err != nil {
			s.ServerError(w, r, err)
			return
		}
		r = r.WithContext(core.WithSignedIn(r.Context(), &core.SignedIn{User: u, Session: sess}))
		if err := s.Audit(r, access.AuditSignIn, "", u.Username, ""); err != nil {
			_ = s.Store.DeleteSession(r.Context(), sess.TokenHash)
			s.ServerError(w, r, err)
			return
		}
		s.SetSessionCookie(w, token)
		http.Redirect(w, r, orMatters(next), http.StatusSeeOther)
	})
}

// sameOrigin refuses a sign-in posted from another site (login CSRF:
// signing the victim into the attacker's account). It trusts the
// browser's Sec-Fetch-Site header first: under this site's
// Referrer-Policy (no-referrer) browsers send "Origin: null" even on a
// same-origin POST. Without Sec-Fetch-Site the Origin's host must be
// ours; a request with neither header (a script) passes.
func sameOrigin(r *http.Request) bool {
	var cop http.CrossOriginProtection
	return cop.Check(r) == nil
}

// safeNext returns next when it is a path on this site ("/..." but not
// "//host" or "/\host"), else "".
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, `/\`) || len(next) > 2000 {
		return ""
	}
	if strings.ContainsAny(next, "\r\n\t\\") {
		return ""
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return ""
	}
	return next
}

func orMatters(next string) string {
	if next == "" {
		return "/matters"
	}
	return next
}
