package ui

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/web/internal/core"
)

// DemandGenerate drafts the demand letter from the reviewed chronology and
// the attorney's inputs, and stores it as the letter's new generation:
// sections whose text changed get a new version, the others keep theirs
// and their approvals. The inputs come from the form when it carries them
// (inputs=1), else the stored ones are used again. Which entries are used
// is demand.Eligible's decision: reviewed entries, and grounded ones
// nobody reviewed yet, marked in the text and blocking approval.
func (s *Handler) DemandGenerate(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	ctx := r.Context()
	rec, _, err := s.demandRecord(ctx, m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	in := rec.Generation.Inputs
	if r.PostFormValue("inputs") == "1" {
		if in, err = demandInputsForm(r); err != nil {
			s.Error(w, r, http.StatusBadRequest, "The letter inputs are not valid: "+err.Error()+". Go back, correct them and generate again.")
			return
		}
	}
	c, err := s.ReviewedChronology(ctx, m.ID)
	if err != nil {
		s.Fail(w, r, err, http.StatusConflict, "There is no chronology to draft from yet: wait for the records to be processed.")
		return
	}
	now := s.Now()
	d := demand.Generate(c, demand.Options{Now: now, Inputs: in})
	g, vs := rec.Regenerate(d, rc.User.ID, rc.User.Username, now)
	if err := s.Store.PutDemandGeneration(ctx, m.ID, g, vs); err != nil {
		if errors.Is(err, demand.ErrConflict) {
			// Someone saved a section while this draft was generated:
			// nothing was stored; their version stands.
			s.Error(w, r, http.StatusConflict, "A section was saved by someone else while the draft was being generated; nothing was changed. Reload the demand page and generate again.")
			return
		}
		s.ServerError(w, r, fmt.Errorf("store demand generation: %w", err))
		return
	}
	unreviewed := map[string]bool{}
	for _, sec := range d.Sections {
		for _, id := range sec.Unreviewed {
			unreviewed[id] = true
		}
	}
	detail := fmt.Sprintf("%s, %d sections, %d new versions, %d entries excluded, %d unreviewed entries used",
		demand.VariantTitle(in.Variant), len(g.Keys), len(vs), len(g.Excluded), len(unreviewed))
	if err := s.Audit(r, access.AuditDemandGen, m.ID, "demand", detail); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/matters/"+url.PathEscape(m.ID)+"/demand?notice=generated", http.StatusSeeOther)
}
