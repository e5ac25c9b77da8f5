package ui

import (
	"context"
	"net/http"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/demand/check"
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
		if !ok && p.Inputs.Occupation == "" {
			// Before the first generation, pre-fill what the records print.
			p.Inputs.Occupation = demand.Occupation(c)
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
