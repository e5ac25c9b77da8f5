package ui

import (
	"context"
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/web/internal/core"
)

// mattersView is the matters page: the user's matters and the create form.
type mattersView struct {
	Matters   []matterRow
	CanCreate bool
	Form      matterForm
	Errors    []string
}

// matterRow is one matter with its documents' state.
type matterRow struct {
	M          chronology.Matter
	Documents  int
	Pages      int
	Processing int // documents queued or being read
	Failed     int
}

// Status is a one-word state of the matter's processing: empty,
// processing, failed (done, some files refused) or done.
func (m matterRow) Status() string {
	switch {
	case m.Documents == 0:
		return "empty"
	case m.Processing > 0:
		return "processing"
	case m.Failed > 0:
		return "failed"
	}
	return "done"
}

// matterForm is what the create form was filled with.
type matterForm struct {
	ID, Name, Client, IncidentDate, GapDays string
}

// MatterList shows the matters the user is assigned to (an admin: all).
func (s *Handler) MatterList(w http.ResponseWriter, r *http.Request, rc *core.SignedIn) {
	s.renderMatters(w, r, rc, http.StatusOK, matterForm{}, nil)
}

func (s *Handler) renderMatters(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, status int, f matterForm, errs []string) {
	ms, err := s.visibleMatters(r.Context(), rc.User)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	v := mattersView{CanCreate: access.CanGlobal(rc.User, access.CreateMatter), Form: f, Errors: errs}
	for _, m := range ms {
		docs, err := s.Store.MatterDocuments(r.Context(), m.ID)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		row := matterRow{M: m, Documents: len(docs)}
		for _, d := range docs {
			row.Pages += d.Pages
			switch d.Status {
			case store.StatusFailed:
				row.Failed++
			case store.StatusQueued, store.StatusReading:
				row.Processing++
			}
		}
		v.Matters = append(v.Matters, row)
	}
	s.render(w, r, status, "matters", view{Title: "Matters", Nav: "matters", Data: v})
}

// visibleMatters lists the matters u may open, ordered by id.
func (s *Handler) visibleMatters(ctx context.Context, u access.User) ([]chronology.Matter, error) {
	if u.Role == access.RoleAdmin {
		return s.Store.Matters(ctx)
	}
	ids, err := s.Store.UserMatters(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	var ms []chronology.Matter
	for _, id := range ids {
		m, err := s.Store.Matter(ctx, id)
		if core.IsNotFound(err) {
			continue // assigned before it was created: nothing to show
		}
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms, nil
}
