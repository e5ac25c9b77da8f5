// Package respond writes medchron's HTTP answers: JSON bodies, and errors
// as a JSON object or as an error page, with one kind of reference for
// errors that are logged instead of shown.
package respond

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strings"
)

// JSON writes v, indented, with status.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// IsAPI reports whether r is a call of the JSON API (/api/...).
func IsAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// IsScript reports whether r comes from a page's script (fetch or
// XMLHttpRequest), which sets X-Requested-With.
func IsScript(r *http.Request) bool { return r.Header.Get("X-Requested-With") != "" }

// WantsJSON reports whether an answer to r, error or not, is JSON: API
// calls, calls from a page's script, calls that accept JSON and the
// pages' .json resources; anything else is answered with a page.
func WantsJSON(r *http.Request) bool {
	return IsAPI(r) || IsScript(r) || strings.HasSuffix(r.URL.Path, ".json") ||
		strings.Contains(r.Header.Get("Accept"), "application/json")
}

// Errors answers errors. The zero value is not usable: Logger and Page
// must be set.
type Errors struct {
	Logger *slog.Logger
	// Page writes the error page of a browser request.
	Page func(w http.ResponseWriter, r *http.Request, status int, msg string)
}

// Error answers status with msg: {"error": msg} when the request wants
// JSON, else the error page.
func (e Errors) Error(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if WantsJSON(r) {
		JSON(w, status, map[string]string{"error": msg})
		return
	}
	e.Page(w, r, status, msg)
}

// NotFoundText is the answer to anything missing or not the user's to
// see: the two are never told apart.
const NotFoundText = "There is nothing here, or you do not have access to it."

// NotFound answers 404 the same way whether the thing is missing or the
// user may not see it.
func (e Errors) NotFound(w http.ResponseWriter, r *http.Request) {
	e.Error(w, r, http.StatusNotFound, NotFoundText)
}

// ServerError logs err under a reference and answers 500 with the
// reference only: internal errors may quote record text.
func (e Errors) ServerError(w http.ResponseWriter, r *http.Request, err error) {
	ref := Reference()
	e.Logger.Error("request failed", "ref", ref, "method", r.Method, "path", r.URL.Path, "error", err)
	if IsAPI(r) {
		e.Error(w, r, http.StatusInternalServerError, "internal error (ref "+ref+")")
		return
	}
	e.Error(w, r, http.StatusInternalServerError, "Something went wrong (reference "+ref+"). Nothing was lost; try again or tell your administrator the reference.")
}

// Busy answers a request refused for lack of a free slot (uploads,
// password hashes, page renders); what says what the server is busy with.
func (e Errors) Busy(w http.ResponseWriter, r *http.Request, what string) {
	w.Header().Set("Retry-After", "10")
	e.Error(w, r, http.StatusServiceUnavailable, "The server is busy "+what+"; try again in a few seconds.")
}

// Reference returns a new error reference: eight hexadecimal digits that
// tie an answer to its log line.
func Reference() string { return fmt.Sprintf("%08x", rand.Uint32()) }
