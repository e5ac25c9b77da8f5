package ui

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/demand/llmdraft"
	"github.com/medchron/medchron/web/internal/core"
)

// llmSections maps the letter's sections to the prompts that draft them
// (prompts/demand): the sections an LLM may write.
var llmSections = map[string]string{
	demand.KeyFacts:         "liability",
	demand.KeyInjuries:      "injuries",
	demand.KeyTreatment:     "treatment",
	demand.KeyPainSuffering: "damages",
}

// DemandSectionLLM drafts a section with the configured LLM endpoint
// (demand/llmdraft) from the entries a person reviewed and the ledger,
// and saves the draft as the section's next version. Every sentence cites
// its entries and is checked against the chronology and the ledger; a
// failing sentence is kept, marked in brackets, so the section cannot be
// approved until someone corrects it.
func (s *Handler) DemandSectionLLM(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	ctx := r.Context()
	key := r.PathValue("section")
	section, ok := llmSections[key]
	if s.Drafter == nil || !ok {
		s.NotFound(w, r)
		return
	}
	rec, latest, ok := s.demandSectionOr404(w, r, m.ID)
	if !ok {
		return
	}
	c, err := s.ReviewedChronology(ctx, m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	d, err := s.Drafter.Draft(ctx, llmdraft.Request{Section: section, Chronology: c,
		Eligible: func(e chronology.Entry) bool { b, _ := demand.Eligible(e); return b == demand.BasisReviewed },
		Inputs:   demand.CheckOptions(rec.Generation.Inputs, rec.Generation.At)})
	if err != nil {
		s.Logger.Warn("llm demand draft failed", "matter", m.ID, "section", key, "error", err)
		s.showSection(w, r, m, http.StatusBadGateway, "", "The LLM could not draft this section (nothing was saved): "+sentence(err.Error()))
		return
	}
	back := "/matters/" + url.PathEscape(m.ID) + "/demand/" + url.PathEscape(key)
	v, err := rec.Edit(key, latest.N, d.Body, rc.User.ID, rc.User.Username, s.Now())
	if err == nil {
		err = s.Store.AddDemandVersion(ctx, m.ID, v)
	}
	switch {
	case errors.Is(err, demand.ErrUnchanged):
		http.Redirect(w, r, back+"?notice=unchanged", http.StatusSeeOther)
		return
	case err != nil:
		s.ServerError(w, r, fmt.Errorf("save llm draft of demand section %s: %w", key, err))
		return
	}
	failed := 0
	for _, st := range d.Sentences {
		if st.Failed() {
			failed++
		}
	}
	detail := fmt.Sprintf("v%d sha256 %s drafted by %s (%s), %d of %d sentences failed the check", v.N, v.SHA256, d.Model, d.PromptVersion, failed, len(d.Sentences))
	if err := s.Audit(r, access.AuditDemandEdit, m.ID, "demand "+key, detail); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, back+"?notice=drafted", http.StatusSeeOther)
}
