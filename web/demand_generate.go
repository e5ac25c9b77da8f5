package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
)

// demandGenerate drafts the demand letter from the reviewed chronology,
// using only entries a person verified or corrected (the others are listed
// as excluded), and stores it as the letter's new generation: sections
// whose text changed get a new version, the others keep theirs and their
// approvals.
func (s *Server) demandGenerate(w http.ResponseWriter, r *http.Request, rc *reqCtx, m chronology.Matter) {
	ctx := r.Context()
	c, err := s.reviewedChronology(ctx, m.ID)
	if err != nil {
		if isNotFound(err) {
			s.errs.Error(w, r, http.StatusConflict, "There is no chronology to draft from yet: wait for the records to be processed.")
			return
		}
		s.errs.ServerError(w, r, err)
		return
	}
	now := s.cfg.Now()
	d := demand.Generate(chronology.ForDemand(c), demand.Options{Now: now})
	rec, _, err := s.demandRecord(ctx, m.ID)
	if err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	g, vs := rec.Regenerate(d, rc.User.ID, rc.User.Username, now)
	if err := s.cfg.Store.PutDemandGeneration(ctx, m.ID, g, vs); err != nil {
		if errors.Is(err, demand.ErrConflict) {
			// Someone saved a section while this draft was generated:
			// nothing was stored; their version stands.
			s.errs.Error(w, r, http.StatusConflict, "A section was saved by someone else while the draft was being generated; nothing was changed. Reload the demand page and generate again.")
			return
		}
		s.errs.ServerError(w, r, fmt.Errorf("store demand generation: %w", err))
		return
	}
	detail := fmt.Sprintf("%d sections, %d new versions, %d entries excluded", len(g.Keys), len(vs), len(g.Excluded))
	if err := s.audit(r, access.AuditDemandGen, m.ID, "demand", detail); err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/matters/"+url.PathEscape(m.ID)+"/demand?notice=generated", http.StatusSeeOther)
}
