package ui

import (
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// matterView is the matter page: its records and their processing, the
// upload area, members and exports.
type matterView struct {
	Progress core.ProgressReport
	// Poll is set while processing runs: the page follows progress.json.
	Poll          bool
	Members       []access.User
	Candidates    []access.User // active users who are not members
	CanUpload     bool
	CanManage     bool
	CanEdit       bool // change the matter's settings
	CanAudit      bool
	HasChronology bool
	HasDemand     bool
	Exports       []exportFormat
	// UploadErrors are the files a form upload (without JavaScript) refused.
	UploadErrors []core.FailedFile
}

// MatterShow shows the matter page.
func (s *Handler) MatterShow(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	if err := s.Audit(r, access.AuditMatterView, m.ID, m.ID, ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.renderMatter(w, r, rc, m, http.StatusOK, nil)
}

// renderMatter renders the matter page; a matter route has checked that
// the user may view it, so the role alone decides the rest.
func (s *Handler) renderMatter(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter, status int, uploadErrors []core.FailedFile) {
	ctx := r.Context()
	p, err := s.Progress(ctx, m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	v := matterView{
		Progress: p, Poll: p.Documents > 0 && !p.Done,
		CanUpload: access.Can(rc.User, access.UploadRecords, true), CanManage: access.Can(rc.User, access.ManageMatter, true),
		CanEdit:  access.Can(rc.User, access.EditMatter, true),
		CanAudit: access.Can(rc.User, access.ViewAudit, true), Exports: exportFormats, UploadErrors: uploadErrors,
	}
	if _, err := s.Store.ChronologyVersion(ctx, m.ID); err == nil {
		v.HasChronology = true
	} else if !core.IsNotFound(err) {
		s.ServerError(w, r, err)
		return
	}
	if _, err := s.Store.DemandRecord(ctx, m.ID); err == nil {
		v.HasDemand = true
	} else if !core.IsNotFound(err) {
		s.ServerError(w, r, err)
		return
	}
	memberIDs, err := s.Store.MatterMembers(ctx, m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	isMember := map[string]bool{}
	for _, id := range memberIDs {
		isMember[id] = true
	}
	users, err := s.Store.Users(ctx)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	for _, u := range users {
		switch {
		case isMember[u.ID]:
			v.Members = append(v.Members, u)
		case !u.Disabled && v.CanManage:
			v.Candidates = append(v.Candidates, u)
		}
	}
	s.render(w, r, status, "matter", view{Title: matterTitle(m), Matter: &m, Nav: "overview", Data: v})
}

// matterTitle names a matter in page titles.
func matterTitle(m chronology.Matter) string {
	if m.Name != "" {
		return m.Name
	}
	return m.ID
}
