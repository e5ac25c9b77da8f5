package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/web/internal/respond"
)

// uploadResult answers an upload.
type uploadResult struct {
	Matter    string         `json:"matter"`
	Documents []uploadedDoc  `json:"documents"`
	Errors    []uploadFailed `json:"errors"`
}

type uploadedDoc struct {
	ID     string `json:"id"`
	File   string `json:"file"`
	Pages  int    `json:"pages"`
	Status string `json:"status"`
}

type uploadFailed struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// uploadDocuments takes multipart "file" parts (and optional form fields
// incident_date, gap_days, name, client) and queues their processing.
// Files stream into the store as they arrive. Nothing changes unless at
// least one file is taken: the settings, validated first, are then
// applied as an audited change (which needs the EditMatter right on an
// existing matter), or create the matter (with the service token). Each
// document is stored with its jobs in one transaction.
func (s *Server) uploadDocuments(w http.ResponseWriter, r *http.Request) {
	id, ok := s.matterID(w, r)
	if !ok {
		return
	}
	release, err := s.uploads.take(r.Context(), 0)
	if err != nil {
		s.errs.Busy(w, r, "with other uploads")
		return
	}
	defer release()
	mr, err := r.MultipartReader()
	if err != nil {
		s.errs.Error(w, r, http.StatusBadRequest, "expected a multipart/form-data upload")
		return
	}
	up, err := s.readUpload(r.Context(), mr, settingsFields)
	if err != nil {
		s.uploadFailed(w, r, err)
		return
	}
	apply, errs := parseSettings(up.fields)
	switch {
	case errs != nil:
		s.dropStored(r.Context(), up)
		s.errs.Error(w, r, http.StatusBadRequest, strings.Join(errs, "; "))
		return
	case up.files == 0:
		s.errs.Error(w, r, http.StatusBadRequest, "no file in the upload")
		return
	}
	m, err := s.cfg.Store.Matter(r.Context(), id)
	exists := err == nil
	if err != nil && !isNotFound(err) {
		s.dropStored(r.Context(), up)
		s.errs.ServerError(w, r, err)
		return
	}
	if exists && len(up.fields) > 0 && !s.mayEditSettings(r, m, apply) {
		s.dropStored(r.Context(), up)
		s.errs.Error(w, r, http.StatusForbidden, "your role does not allow changing this matter's settings (name, client, incident_date, gap_days): upload without them")
		return
	}
	if len(up.stored) == 0 {
		respond.JSON(w, http.StatusUnprocessableEntity, uploadAnswer(id, nil, up.bad))
		return
	}
	if !exists {
		m = chronology.Matter{ID: id}
		apply(&m)
		if err := s.cfg.Store.CreateMatter(r.Context(), m); err != nil && !errors.Is(err, pipeline.ErrExists) {
			s.dropStored(r.Context(), up)
			s.errs.ServerError(w, r, err)
			return
		} else if err == nil {
			if err := s.audit(r, access.AuditMatterCreate, id, id, "by upload"); err != nil {
				s.errs.ServerError(w, r, err)
				return
			}
		}
	} else if len(up.fields) > 0 {
		if _, err := s.changeMatter(r, id, apply); err != nil {
			s.dropStored(r.Context(), up)
			s.errs.ServerError(w, r, err)
			return
		}
	}
	res, status, err := s.addUploaded(r, id, up)
	if err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	respond.JSON(w, status, res)
}

// mayEditSettings reports whether the request may apply the settings to
// m: always when they change nothing, else with the service token or the
// EditMatter right.
func (s *Server) mayEditSettings(r *http.Request, m chronology.Matter, apply func(*chronology.Matter)) bool {
	after := m
	apply(&after)
	if settingsDiff(m, after) == "" || s.bearer(r) {
		return true
	}
	rc := current(r)
	return rc != nil && access.Can(rc.User, access.EditMatter, true)
}

// addUploaded adds the stored files of an upload to the matter, audits
// each document, and answers with the documents under the names they
// have in this matter and the files refused: 202 when at least one file
// was taken, else 422.
func (s *Server) addUploaded(r *http.Request, matterID string, up *upload) (uploadResult, int, error) {
	docs, err := s.cfg.Pipeline.Add(r.Context(), matterID, up.stored)
	if err != nil {
		return uploadResult{}, 0, err
	}
	for _, d := range docs {
		// The file name stays out of the audit log: record file names
		// often carry the client's name.
		if err := s.audit(r, access.AuditUpload, matterID, d.ID, fmt.Sprintf("%d bytes", d.Size)); err != nil {
			return uploadResult{}, 0, err
		}
	}
	status := http.StatusAccepted
	if len(docs) == 0 {
		status = http.StatusUnprocessableEntity
	}
	return uploadAnswer(matterID, docs, up.bad), status, nil
}

// uploadAnswer is the JSON answer to an upload.
func uploadAnswer(matterID string, docs []pipeline.DocumentRecord, bad []*pipeline.FileError) uploadResult {
	res := uploadResult{Matter: matterID, Documents: []uploadedDoc{}, Errors: []uploadFailed{}}
	for _, d := range docs {
		res.Documents = append(res.Documents, uploadedDoc{ID: d.ID, File: d.File, Pages: d.Pages, Status: d.Status})
	}
	for _, b := range bad {
		res.Errors = append(res.Errors, uploadFailed{File: b.File, Error: pipeline.SafeText(b.Error())})
	}
	return res
}

// uploadFailed answers an upload that could not be read as a whole.
func (s *Server) uploadFailed(w http.ResponseWriter, r *http.Request, err error) {
	if !errors.Is(err, errUploadRead) {
		s.errs.ServerError(w, r, err)
		return
	}
	s.errs.Error(w, r, http.StatusBadRequest, "The upload could not be read; it may be too large or was interrupted.")
}
