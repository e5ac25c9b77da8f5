package demand

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/medchron/medchron/extract"
)

// ErrConflict is returned by a store when a version number is taken: someone
// else saved the section since the editor loaded it.
var ErrConflict = errors.New("the section was changed by someone else; reload it")

// ErrUnchanged is returned by Edit when the body is the same as the latest version.
var ErrUnchanged = errors.New("the section is unchanged")

// Version is one saved text of a section. Versions are numbered from 1 per
// section and never change once stored.
type Version struct {
	Key       string             `json:"key"`
	N         int                `json:"n"`
	Title     string             `json:"title"`
	Body      string             `json:"body"`
	Citations []extract.Citation `json:"citations,omitempty"`
	// Unreviewed lists the entries nobody had reviewed whose facts the
	// generated text stated; edits keep it.
	Unreviewed []string  `json:"unreviewed,omitempty"`
	UserID     string    `json:"user_id"`
	Username   string    `json:"username"`
	At         time.Time `json:"at"`
	SHA256     string    `json:"sha256"` // of Body
}

// Approval records that an attorney approved one version of a section, by
// the hash of its text.
type Approval struct {
	Key      string    `json:"key"`
	Version  int       `json:"version"`
	SHA256   string    `json:"sha256"`
	UserID   string    `json:"user_id"`
	Username string    `json:"username"`
	At       time.Time `json:"at"`
}

// Generation is the metadata of the draft's latest generation.
type Generation struct {
	At       time.Time   `json:"at"`
	UserID   string      `json:"user_id"`
	Username string      `json:"username"`
	Keys     []string    `json:"keys"` // section order
	Excluded []Exclusion `json:"excluded,omitempty"`
	// Inputs are the attorney's inputs the letter was generated with.
	Inputs Inputs `json:"inputs"`
}

// Record is a matter's stored demand letter: its generation, every
// version of every section and every approval.
type Record struct {
	MatterID   string               `json:"matter_id"`
	Generation Generation           `json:"generation"`
	Versions   map[string][]Version `json:"versions"`  // by key, ascending N
	Approvals  []Approval           `json:"approvals"` // ascending time
}

// TextHash returns the hex SHA-256 of a section text.
func TextHash(body string) string {
	h := sha256.Sum256([]byte(body))
	return hex.EncodeToString(h[:])
}

// Latest returns the newest version of a section.
func (r Record) Latest(key string) (Version, bool) {
	vs := r.Versions[key]
	if len(vs) == 0 {
		return Version{}, false
	}
	return vs[len(vs)-1], true
}

// Version returns version n of a section.
func (r Record) Version(key string, n int) (Version, bool) {
	for _, v := range r.Versions[key] {
		if v.N == n {
			return v, true
		}
	}
	return Version{}, false
}

// ApprovalOf returns the approval in force for a section: one of its
// latest version whose hash matches that version's text. An edit after an
// approval makes a new version, so the approval no longer applies.
func (r Record) ApprovalOf(key string) (Approval, bool) {
	v, ok := r.Latest(key)
	if !ok {
		return Approval{}, false
	}
	for i := len(r.Approvals) - 1; i >= 0; i-- {
		a := r.Approvals[i]
		if a.Key == key && a.Version == v.N && a.SHA256 == v.SHA256 && TextHash(v.Body) == v.SHA256 {
			return a, true
		}
	}
	return Approval{}, false
}

// Approved reports whether every section's latest version is approved.
func (r Record) Approved() bool {
	if len(r.Generation.Keys) == 0 {
		return false
	}
	for _, k := range r.Generation.Keys {
		if _, ok := r.ApprovalOf(k); !ok {
			return false
		}
	}
	return true
}

// Draft returns the letter as it stands: the latest version of each
// section, approved when its approval is in force.
func (r Record) Draft() Draft {
	d := Draft{GeneratedAt: r.Generation.At, Excluded: r.Generation.Excluded, Inputs: r.Generation.Inputs}
	for _, k := range r.Generation.Keys {
		v, ok := r.Latest(k)
		if !ok {
			continue
		}
		s := Section{Key: k, Title: v.Title, Body: v.Body, Citations: v.Citations, Unreviewed: v.Unreviewed, Status: StatusDraft}
		if _, ok := r.ApprovalOf(k); ok {
			s.Status = StatusApproved
		}
		d.Sections = append(d.Sections, s)
	}
	return d
}

// Regenerate returns the generation and the versions to store for a newly
// generated draft: a section whose text is unchanged keeps its version (and
// its approval); any other gets a new version.
func (r Record) Regenerate(d Draft, userID, username string, at time.Time) (Generation, []Version) {
	g := Generation{At: at.UTC(), UserID: userID, Username: username, Excluded: d.Excluded, Inputs: d.Inputs}
	var out []Version
	for _, s := range d.Sections {
		g.Keys = append(g.Keys, s.Key)
		last, ok := r.Latest(s.Key)
		if ok && last.Body == s.Body && last.Title == s.Title && slices.Equal(last.Unreviewed, s.Unreviewed) {
			continue
		}
		v := newVersion(s.Key, last.N+1, s.Title, s.Body, s.Citations, userID, username, at)
		v.Unreviewed = s.Unreviewed
		out = append(out, v)
	}
	return g, out
}

// Edit returns the next version of a section with body, by the user.
// base is the version the editor started from: when it is not the latest,
// someone else saved meanwhile and Edit returns ErrConflict. The version
// keeps the citations the edited text still refers to (stillCited).
func (r Record) Edit(key string, base int, body, userID, username string, at time.Time) (Version, error) {
	last, ok := r.Latest(key)
	if !ok {
		return Version{}, fmt.Errorf("edit demand section %q: no such section", key)
	}
	if base != last.N {
		return Version{}, ErrConflict
	}
	if body == last.Body {
		return Version{}, ErrUnchanged
	}
	v := newVersion(key, last.N+1, last.Title, body, stillCited(body, last.Citations), userID, username, at)
	v.Unreviewed = last.Unreviewed
	return v, nil
}

// Approve returns the approval of a section's version n by the user. Only
// the latest version can be approved, only once, and only when it is
// Finished (an error wrapping ErrNotFinished says why not).
func (r Record) Approve(key string, n int, userID, username string, at time.Time) (Approval, error) {
	last, ok := r.Latest(key)
	if !ok {
		return Approval{}, fmt.Errorf("approve demand section %q: no such section", key)
	}
	if n != last.N {
		return Approval{}, ErrConflict
	}
	if a, ok := r.ApprovalOf(key); ok {
		return Approval{}, fmt.Errorf("approve demand section %q: version %d was already approved by %s", key, a.Version, a.Username)
	}
	if err := Finished(last.Body, last.Unreviewed); err != nil {
		return Approval{}, fmt.Errorf("approve demand section %q: %w", key, err)
	}
	return Approval{Key: key, Version: last.N, SHA256: last.SHA256, UserID: userID, Username: username, At: at.UTC()}, nil
}

func newVersion(key string, n int, title, body string, cits []extract.Citation, userID, username string, at time.Time) Version {
	return Version{Key: key, N: n, Title: title, Body: body, Citations: cits, UserID: userID, Username: username, At: at.UTC(), SHA256: TextHash(body)}
}
