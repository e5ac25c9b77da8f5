package ui

import (
	"context"
	"net/http"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/web/internal/core"
)

// demandPageData is the demand overview: one line per section.
type demandPageData struct {
	Generated  bool
	Generation demand.Generation
	Sections   []sectionRow
	Final      bool // every section's latest version is approved
	Approved   int
	// Incident warns that the records print another date of incident.
	Incident *incidentWarning
}

// sectionRow is a section's state: its latest version and the approval in
// force, if any.
type sectionRow struct {
	Key, Title string
	Latest     demand.Version
	Approval   *demand.Approval
	Hash       string // prefix of the approved text's SHA-256
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
	p := demandPageData{Generated: ok, Generation: rec.Generation, Final: rec.Approved()}
	if p.Incident, err = s.incidentWarning(r, m.ID); err != nil {
		s.ServerError(w, r, err)
		return
	}
	for _, k := range rec.Generation.Keys {
		v, ok := rec.Latest(k)
		if !ok {
			continue
		}
		row := sectionRow{Key: k, Title: v.Title, Latest: v}
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
