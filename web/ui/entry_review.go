package ui

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// reviewActions maps the review form's action to the state it sets, the
// audit action and the notice shown after.
var reviewActions = map[string]struct{ state, audit, notice string }{
	"verify":  {chronology.ReviewVerified, access.AuditEntryVerify, "verified"},
	"correct": {chronology.ReviewCorrected, access.AuditEntryCorrect, "corrected"},
	"reject":  {chronology.ReviewRejected, access.AuditEntryReject, "rejected"},
	"reset":   {chronology.ReviewUnreviewed, access.AuditEntryReset, "reset"},
}

// EntryReview records a reviewer's decision on an entry: verify, correct
// (only the fields changed from their current values), reject (with a
// reason) or reset. A refused review shows the entry again with the reason.
func (s *Handler) EntryReview(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	ctx := r.Context()
	id := r.PathValue("entry")
	cite, _ := strconv.Atoi(r.PostFormValue("cite"))
	act, ok := reviewActions[r.PostFormValue("action")]
	if !ok {
		s.Error(w, r, http.StatusBadRequest, "Unknown review action.")
		return
	}
	c, e, ok := s.entryOr404(w, r, m.ID)
	if !ok {
		return
	}
	rv := chronology.EntryReview{MatterID: m.ID, EntryID: id, Anchor: chronology.EntryAnchor(*e), State: act.state, UserID: rc.User.ID, Username: rc.User.Username, At: s.Now().UTC()}
	switch act.state {
	case chronology.ReviewRejected:
		rv.Reason = formText(r.PostFormValue("reason"))
	case chronology.ReviewCorrected:
		rv.Fields = changedFields(r, e)
		if v, ok := rv.Fields["diagnoses"]; ok {
			book, err := s.codeBook(ctx)
			if err != nil {
				s.ServerError(w, r, err)
				return
			}
			if rv.Fields["diagnoses"], err = checkDiagnoses(book, v); err != nil {
				s.showEntry(w, r, m, http.StatusUnprocessableEntity, cite, sentence(err.Error()), "")
				return
			}
		}
	}
	if err := rv.Validate(); err != nil {
		s.showEntry(w, r, m, http.StatusUnprocessableEntity, cite, sentence(err.Error()), rv.Reason)
		return
	}
	if err := s.Store.AddEntryReviews(ctx, []chronology.EntryReview{rv}); err != nil {
		s.ServerError(w, r, fmt.Errorf("store review of entry %s: %w", id, err))
		return
	}
	detail := ""
	if len(rv.Fields) > 0 {
		names := make([]string, 0, len(rv.Fields))
		for f := range rv.Fields {
			names = append(names, f)
		}
		sort.Strings(names)
		detail = "fields: " + strings.Join(names, ", ")
	}
	if err := s.Audit(r, act.audit, m.ID, "entry "+id, detail); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if r.PostFormValue("next") == "1" {
		if next := nextToReview(c, id); next != "" {
			http.Redirect(w, r, fmt.Sprintf("/matters/%s/entries/%s?notice=%s", url.PathEscape(m.ID), url.PathEscape(next), act.notice), http.StatusSeeOther)
		} else {
			http.Redirect(w, r, fmt.Sprintf("/matters/%s/chronology?review=unreviewed&notice=%s", url.PathEscape(m.ID), act.notice), http.StatusSeeOther)
		}
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/matters/%s/entries/%s?cite=%d&notice=%s", url.PathEscape(m.ID), url.PathEscape(id), cite, act.notice), http.StatusSeeOther)
}

// nextToReview returns the first unreviewed entry after id in the
// chronology's order, then from the start; "" when none is left.
func nextToReview(c *chronology.Chronology, id string) string {
	at := -1
	for i := range c.Entries {
		if c.Entries[i].ID == id {
			at = i
		}
	}
	n := len(c.Entries)
	for k := 1; k < n; k++ {
		e := &c.Entries[(at+k+n)%n]
		if e.ID != id && reviewState(e) == chronology.ReviewUnreviewed {
			return e.ID
		}
	}
	return ""
}

// changedFields returns the correction form's fields whose value differs
// from the entry's current one.
func changedFields(r *http.Request, e *chronology.Entry) map[string]string {
	out := map[string]string{}
	for _, f := range chronology.CorrectableFields {
		vs, ok := r.PostForm["f_"+f]
		if !ok || len(vs) == 0 {
			continue
		}
		if v := formText(vs[0]); v != e.FieldValue(f) {
			out[f] = v
		}
	}
	return out
}

// formText normalises a submitted text: browsers send CRLF line ends.
func formText(v string) string {
	return strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
}

// sentence capitalises a domain error message for display.
func sentence(msg string) string {
	if msg == "" {
		return msg
	}
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}
