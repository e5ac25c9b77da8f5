package ui

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// bulkPage is the confirmation page of a bulk verification.
type bulkPage struct {
	ProviderID, Provider string
	Selected             []string            // the selection's entry ids, when verifying a selection
	Entries              []*chronology.Entry // to verify
	Skipped              int                 // quote not found: check one by one
	Unknown              int                 // under "Unknown provider": refused
	Flagged              []*chronology.Entry // with an open flag: verified only when confirmed
	FlagKinds            []string
	Error                string
}

// ReviewBulk verifies, in one step, the unreviewed entries of one provider
// (provider=) or of a selection (entry=…) whose quotes were found on their
// pages. Without confirm=yes it shows what it would verify and asks for
// confirmation. Entries under "Unknown provider" are refused (name their
// provider first); entries with a flag nobody dismissed are verified only
// when the reviewer also confirms flags=yes. Entries whose quote was not
// found are left for a one-by-one check.
func (s *Handler) ReviewBulk(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, http.StatusBadRequest, "The form could not be read.")
		return
	}
	provider, selected := r.PostFormValue("provider"), r.PostForm["entry"]
	c, ok := s.chronologyOr404(w, r, m.ID)
	if !ok {
		return
	}
	states, err := s.flagStates(r, m.ID, c.Flags)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	var rs []chronology.EntryReview
	var skipped int
	back := fmt.Sprintf("/matters/%s/chronology?provider=%s", url.PathEscape(m.ID), url.QueryEscape(provider))
	if len(selected) > 0 {
		rs, skipped = chronology.BulkVerifyEntries(c, selected, rc.User.ID, rc.User.Username, s.Now())
		back = fmt.Sprintf("/matters/%s/chronology?review=unreviewed", url.PathEscape(m.ID))
	} else {
		rs, skipped = chronology.BulkVerify(c, provider, rc.User.ID, rc.User.Username, s.Now())
	}
	p := bulkPage{ProviderID: provider, Selected: selected, Skipped: skipped}
	rs = p.sortRisks(&c, rs, states)
	if len(selected) == 0 && p.Provider == "" {
		s.NotFound(w, r)
		return
	}
	confirmed := r.PostFormValue("confirm") == "yes"
	flagsUnconfirmed := len(p.Flagged) > 0 && r.PostFormValue("flags") != "yes"
	if !confirmed || flagsUnconfirmed || (p.Unknown > 0 && len(rs) == 0) {
		status := http.StatusOK
		switch {
		case confirmed && flagsUnconfirmed:
			status, p.Error = http.StatusConflict, "Some entries carry flags nobody has dismissed: tick the box to say you checked them, or deal with the flags first."
		case confirmed:
			status = http.StatusConflict
		}
		s.render(w, r, status, "review_bulk", view{Title: "Verify entries in bulk", Matter: &m, Nav: "chronology", Data: p})
		return
	}
	if len(rs) == 0 {
		http.Redirect(w, r, back+"&notice=unchanged", http.StatusSeeOther)
		return
	}
	for i := range rs {
		rs[i].MatterID = m.ID
		if err := rs[i].Validate(); err != nil {
			s.ServerError(w, r, fmt.Errorf("bulk verify: %w", err))
			return
		}
	}
	if err := s.Store.AddEntryReviews(r.Context(), rs); err != nil {
		s.ServerError(w, r, fmt.Errorf("store bulk verification: %w", err))
		return
	}
	for _, rv := range rs {
		if err := s.Audit(r, access.AuditEntryVerify, m.ID, "entry "+rv.EntryID, "bulk"); err != nil {
			s.ServerError(w, r, err)
			return
		}
	}
	http.Redirect(w, r, back+"&notice=bulk", http.StatusSeeOther)
}

// sortRisks fills the page's entries from the reviews a bulk verification
// would store, refuses those under "Unknown provider", notes those with an
// open flag, and returns the reviews left.
func (p *bulkPage) sortRisks(c *chronology.Chronology, rs []chronology.EntryReview, states map[string]chronology.FlagDecision) []chronology.EntryReview {
	ids := make([]string, 0, len(rs))
	for _, rv := range rs {
		ids = append(ids, rv.EntryID)
	}
	risk := chronology.Risks(c, ids, states)
	unknown, flagged := map[string]bool{}, map[string]bool{}
	for _, id := range risk.Unknown {
		unknown[id] = true
	}
	for _, id := range risk.Flagged {
		flagged[id] = true
	}
	for _, k := range risk.Kinds {
		p.FlagKinds = append(p.FlagKinds, flagKindLabel(k))
	}
	p.Unknown = len(risk.Unknown)
	for i := range c.Entries {
		e := &c.Entries[i]
		if e.ProviderID == p.ProviderID && p.Provider == "" {
			p.Provider = e.Provider
		}
	}
	keep := rs[:0]
	for _, rv := range rs {
		if unknown[rv.EntryID] {
			continue
		}
		keep = append(keep, rv)
		e := findEntry(c, rv.EntryID)
		p.Entries = append(p.Entries, e)
		if flagged[rv.EntryID] {
			p.Flagged = append(p.Flagged, e)
		}
	}
	return keep
}
