package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/web/internal/core"
	"github.com/medchron/medchron/web/internal/respond"
)

// UploadDocuments takes multipart "file" parts (and optional form fields
// incident_date, gap_days, name, client, bates_prefix, keep_sender_bates) and queues their processing.
// Files stream into the store as they arrive. Nothing changes unless at
// least one file is taken: the settings, validated first, are then
// applied as an audited change (which needs the EditMatter right on an
// existing matter), or create the matter (with the service token). Each
// document is stored with its jobs in one transaction.
func (s *Handler) UploadDocuments(w http.ResponseWriter, r *http.Request) {
	id, ok := s.MatterID(w, r)
	if !ok {
		return
	}
	s.ReceiveUpload(w, r, nil, core.SettingsFields, "expected a multipart/form-data upload", func(up *core.Upload) {
		s.addUpload(w, r, id, up)
	})
}

// addUpload applies the upload's settings to the matter (creating it when
// it does not exist yet) and adds its files, or drops them again when the
// upload is refused.
func (s *Handler) addUpload(w http.ResponseWriter, r *http.Request, id string, up *core.Upload) {
	apply, errs := core.ParseSettings(up.Fields)
	switch {
	case errs != nil:
		s.DropStored(r.Context(), up)
		s.Error(w, r, http.StatusBadRequest, strings.Join(errs, "; "))
		return
	case up.Files == 0:
		s.Error(w, r, http.StatusBadRequest, "no file in the upload")
		return
	}
	m, err := s.Store.Matter(r.Context(), id)
	exists := err == nil
	if err != nil && !core.IsNotFound(err) {
		s.DropStored(r.Context(), up)
		s.ServerError(w, r, err)
		return
	}
	if exists && len(up.Fields) > 0 && !s.mayEditSettings(r, m, apply) {
		s.DropStored(r.Context(), up)
		s.Error(w, r, http.StatusForbidden, "your role does not allow changing this matter's settings (name, client, incident_date, gap_days, bates_prefix, keep_sender_bates): upload without them")
		return
	}
	if len(up.Stored) == 0 {
		respond.JSON(w, http.StatusUnprocessableEntity, core.UploadAnswer(id, nil, up.Bad))
		return
	}
	if !exists {
		m = chronology.Matter{ID: id}
		apply(&m)
		if err := s.Store.CreateMatter(r.Context(), m); err != nil && !errors.Is(err, store.ErrExists) {
			s.DropStored(r.Context(), up)
			s.ServerError(w, r, err)
			return
		} else if err == nil {
			if err := s.Audit(r, access.AuditMatterCreate, id, id, "by upload"); err != nil {
				s.ServerError(w, r, err)
				return
			}
		}
	} else if len(up.Fields) > 0 {
		if _, err := s.ChangeMatter(r, id, apply); err != nil {
			s.DropStored(r.Context(), up)
			s.ServerError(w, r, err)
			return
		}
	}
	res, status, err := s.AddUploaded(r, id, up)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	respond.JSON(w, status, res)
}

// mayEditSettings reports whether the request may apply the settings to
// m: always when they change nothing, else with the service token or the
// EditMatter right.
func (s *Handler) mayEditSettings(r *http.Request, m chronology.Matter, apply func(*chronology.Matter)) bool {
	after := m
	apply(&after)
	if core.SettingsDiff(m, after) == "" || s.Bearer(r) {
		return true
	}
	rc := core.Current(r)
	return rc != nil && access.Can(rc.User, access.EditMatter, true)
}
