package ui

import (
	"context"
	"net/http"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/demand/check"
	"github.com/medchron/medchron/extract/claimref"
	"github.com/medchron/medchron/web/internal/core"
)

// demandPageData is the demand overview: one line per section.
type demandPageData struct {
	Generated  bool
	Generation demand.Generation
	Sections   []sectionRow
	Final      bool // every section's latest version is approved
	Approved   int
	// Inputs are the attorney's inputs as the form shows them; Variants
	// the letter variants offered.
	Inputs   inputFields
	Variants []variantOption
	// Incident warns that the records print another date of incident.
	Incident *incidentWarning
	// Points are the adjuster's read: what an insurer would attack, each
	// with the attorney's answer.
	Points []adjusterPoint
	// Printed are the claim numbers and payers the records print, by
	// kind (claimref.KindClaimNumber, KindPayer), offered beside the
	// claim fields.
	Printed map[string]*printedGroup
}

// printedGroup is what the records print for one field of the form.
type printedGroup struct {
	ID   string // of the note, for aria-describedby
	Refs []printedRef
	// Prefilled is set when the form's field was filled from Refs[0]
	// (before the first generation, when the field was empty).
	Prefilled bool
}

// printedRef is a claim number or payer the records print, with the page
// that prints it.
type printedRef struct {
	Label, Value string
	Pages        int
	Page         citeLink
}

// printedRefs groups the chronology's claim references by kind, each
// linked to its first page.
func printedRefs(matterID string, c *chronology.Chronology) map[string]*printedGroup {
	out := map[string]*printedGroup{}
	ix := indexDocuments(c)
	for _, r := range c.ClaimReferences {
		if len(r.Citations) == 0 {
			continue
		}
		ct := r.Citations[0]
		g := out[r.Kind]
		if g == nil {
			g = &printedGroup{ID: "printed-" + r.Kind}
			out[r.Kind] = g
		}
		g.Refs = append(g.Refs, printedRef{Label: r.Label, Value: r.Value, Pages: r.Pages,
			Page: citeLink{Label: ix.pageLabel(ct.DocumentID, ct.Page, ct.Bates), Quote: ct.Quote, Href: pagePath(matterID, ct.DocumentID, ct.Page), Found: true}})
	}
	return out
}

// sectionRow is a section's state: its latest version and the approval in
// force, if any.
type sectionRow struct {
	Key, Title string
	Latest     demand.Version
	Approval   *demand.Approval
	Hash       string // prefix of the approved text's SHA-256
	// Unfinished says why the section cannot be approved yet (a
	// placeholder, facts nobody reviewed); empty when it can.
	Unfinished string
}

// hashPrefix shortens a SHA-256 for display.
func hashPrefix(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// demandRecord returns the matter's letter, ok false before the first
// generation.
func (s *Handler) demandRecord(ctx context.Context, matterID string) (demand.Record, bool, error) {
	rec, err := s.Store.DemandRecord(ctx, matterID)
	if err != nil {
		if core.IsNotFound(err) {
			return demand.Record{MatterID: matterID}, false, nil
		}
		return demand.Record{}, false, err
	}
	return rec, true, nil
}

// DemandPage shows the demand letter's sections with their status, latest
// version, approvals, and whether the letter can be exported as final.
func (s *Handler) DemandPage(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	rec, ok, err := s.demandRecord(r.Context(), m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	p := demandPageData{Generated: ok, Generation: rec.Generation, Final: rec.Approved(),
		Inputs: fieldsOf(rec.Generation.Inputs), Variants: variantOptions()}
	if p.Incident, err = s.incidentWarning(r, m.ID); err != nil {
		s.ServerError(w, r, err)
		return
	}
	c, err := s.ReviewedChronology(r.Context(), m.ID)
	if err != nil && !core.IsNotFound(err) {
		s.ServerError(w, r, err)
		return
	}
	if err == nil {
		p.Points = adjusterPoints(m.ID, c, rec.Generation.Inputs)
		p.Printed = printedRefs(m.ID, &c)
		if !ok {
			// Before the first generation, pre-fill what the records print.
			if p.Inputs.Occupation == "" {
				p.Inputs.Occupation = demand.Occupation(c)
			}
			if g := p.Printed[claimref.KindClaimNumber]; g != nil && p.Inputs.ClaimNumber == "" {
				p.Inputs.ClaimNumber, g.Prefilled = g.Refs[0].Value, true
			}
			if g := p.Printed[claimref.KindPayer]; g != nil && p.Inputs.Carrier == "" {
				p.Inputs.Carrier, g.Prefilled = g.Refs[0].Value, true
			}
		}
	}
	for _, k := range rec.Generation.Keys {
		v, ok := rec.Latest(k)
		if !ok {
			continue
		}
		row := sectionRow{Key: k, Title: v.Title, Latest: v, Unfinished: unfinished(v)}
		if row.Unfinished == "" {
			row.Unfinished = unreconciled(demand.Reconcile(c, rec.Generation.Inputs, rec.Generation.At, v.Body))
		}
		if a, ok := rec.ApprovalOf(k); ok {
			row.Approval, row.Hash = &a, hashPrefix(a.SHA256)
			p.Approved++
		}
		p.Sections = append(p.Sections, row)
	}
	s.render(w, r, http.StatusOK, "demand", view{Title: "Demand letter", Matter: &m, Nav: "demand", Data: p})
}

// demandSectionOr404 loads the letter and the latest version of the
// section the path names ({section}), answering 404 when there is none.
func (s *Handler) demandSectionOr404(w http.ResponseWriter, r *http.Request, matterID string) (demand.Record, demand.Version, bool) {
	rec, _, err := s.demandRecord(r.Context(), matterID)
	if err != nil {
		s.ServerError(w, r, err)
		return rec, demand.Version{}, false
	}
	latest, ok := rec.Latest(r.PathValue("section"))
	if !ok {
		s.NotFound(w, r)
	}
	return rec, latest, ok
}

// unreconciled says why a checked text cannot be approved (figures the
// records do not support), for people: empty when every figure reconciles.
func unreconciled(r check.Report) string {
	err := demand.Reconciled(r)
	if err == nil {
		return ""
	}
	return sentence(strings.TrimPrefix(err.Error(), demand.ErrNotFinished.Error()+": "))
}

// unfinished says why a version cannot be approved, for people: empty
// when it can.
func unfinished(v demand.Version) string {
	err := demand.Finished(v.Body, v.Unreviewed)
	if err == nil {
		return ""
	}
	return sentence(strings.TrimPrefix(err.Error(), demand.ErrNotFinished.Error()+": "))
}
