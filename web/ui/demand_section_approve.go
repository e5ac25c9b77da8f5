package ui

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/web/internal/core"
)

// DemandSectionApprove records an attorney's approval of the version of
// the section they were shown, by the hash of its text. A version that is
// no longer the latest cannot be approved, nor one that is not finished
// (a placeholder, facts nobody reviewed): the section page then says why.
func (s *Handler) DemandSectionApprove(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	ctx := r.Context()
	key := r.PathValue("section")
	n, err := strconv.Atoi(r.PostFormValue("version"))
	if err != nil {
		s.Error(w, r, http.StatusBadRequest, "The form is missing the version to approve. Reload the page.")
		return
	}
	rec, _, ok := s.demandSectionOr404(w, r, m.ID)
	if !ok {
		return
	}
	back := "/matters/" + url.PathEscape(m.ID) + "/demand/" + url.PathEscape(key)
	a, err := rec.Approve(key, n, rc.User.ID, rc.User.Username, s.Now())
	if errors.Is(err, demand.ErrConflict) {
		http.Redirect(w, r, back+"?notice=conflict", http.StatusSeeOther)
		return
	}
	if errors.Is(err, demand.ErrNotFinished) {
		latest, _ := rec.Latest(key)
		s.showSection(w, r, m, http.StatusConflict, "", "Not approved: "+unfinished(latest))
		return
	}
	if err != nil {
		s.Error(w, r, http.StatusConflict, sentence(err.Error()))
		return
	}
	// Every figure the section states must reconcile with the chronology,
	// its ledger and the attorney's inputs (demand.Reconcile).
	c, err := s.ReviewedChronology(ctx, m.ID)
	if err != nil && !core.IsNotFound(err) {
		s.ServerError(w, r, err)
		return
	}
	latest, _ := rec.Latest(key)
	if why := unreconciled(demand.Reconcile(c, rec.Generation.Inputs, rec.Generation.At, latest.Body)); why != "" {
		s.showSection(w, r, m, http.StatusConflict, "", "Not approved: "+why)
		return
	}
	if err := s.Store.AddDemandApproval(ctx, m.ID, a); err != nil {
		s.ServerError(w, r, fmt.Errorf("store approval of demand section %s: %w", key, err))
		return
	}
	if err := s.Audit(r, access.AuditDemandApprove, m.ID, "demand "+key, fmt.Sprintf("v%d sha256 %s", a.Version, a.SHA256)); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, back+"?notice=approved", http.StatusSeeOther)
}
