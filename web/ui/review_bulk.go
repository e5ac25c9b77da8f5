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
	Entries              []*chronology.Entry // to verify
	Skipped              int                 // quote not found: check one by one
}

// ReviewBulk verifies every unreviewed entry of one provider whose quotes
// were found on their pages. Without confirm=yes it shows what it would
// verify and asks for confirmation; entries whose quote was not found are
// left for a one-by-one check.
func (s *Handler) ReviewBulk(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	ctx := r.Context()
	provider := r.PostFormValue("provider")
	c, ok := s.chronologyOr404(w, r, m.ID)
	if !ok {
		return
	}
	rs, skipped := chronology.BulkVerify(c, provider, rc.User.ID, rc.User.Username, s.Now())
	back := fmt.Sprintf("/matters/%s/chronology?provider=%s", url.PathEscape(m.ID), url.QueryEscape(provider))
	if r.PostFormValue("confirm") != "yes" {
		p := bulkPage{ProviderID: provider, Skipped: skipped}
		want := map[string]bool{}
		for _, rv := range rs {
			want[rv.EntryID] = true
		}
		for i := range c.Entries {
			e := &c.Entries[i]
			if e.ProviderID == provider && p.Provider == "" {
				p.Provider = e.Provider
			}
			if want[e.ID] {
				p.Entries = append(p.Entries, e)
			}
		}
		if p.Provider == "" {
			s.NotFound(w, r)
			return
		}
		s.render(w, r, http.StatusOK, "review_bulk", view{Title: "Verify all entries of a provider", Matter: &m, Nav: "chronology", Data: p})
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
	if err := s.Store.AddEntryReviews(ctx, rs); err != nil {
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
