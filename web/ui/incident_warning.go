package ui

import (
	"net/http"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// incidentWarning is the warning the chronology and demand pages show
// while a date the records print for the incident disagrees with the
// matter's: the open incident_date flags with their pages.
type incidentWarning struct {
	MatterID string
	Rows     []flagRow
}

// incidentWarningOf returns the open incident_date flags of c; nil when
// there is none (or all were dismissed).
func incidentWarningOf(matterID string, c *chronology.Chronology, states map[string]chronology.FlagDecision) *incidentWarning {
	p := buildFlagsPage(matterID, c, chronology.FlagIncidentDate, states, nil)
	w := &incidentWarning{MatterID: matterID}
	for _, g := range p.Groups {
		for _, r := range g.Rows {
			if !r.Dismissed {
				w.Rows = append(w.Rows, r)
			}
		}
	}
	if len(w.Rows) == 0 {
		return nil
	}
	return w
}

// incidentWarning loads the matter's chronology and flag decisions and
// returns its incident warning; nil without a chronology or a warning.
func (s *Handler) incidentWarning(r *http.Request, matterID string) (*incidentWarning, error) {
	c, err := s.ReviewedChronology(r.Context(), matterID)
	if err != nil {
		if core.IsNotFound(err) {
			return nil, nil
		}
		return nil, err
	}
	states, err := s.flagStates(r, matterID, c.Flags)
	if err != nil {
		return nil, err
	}
	return incidentWarningOf(matterID, &c, states), nil
}
