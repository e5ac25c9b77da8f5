package web

import (
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/pipeline"
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
// incident_date, gap_days, name, client) and queues their processing. The
// jobs are inserted in the same transaction as each document, so an upload
// exists with its jobs or not at all.
func (s *Server) uploadDocuments(w http.ResponseWriter, r *http.Request) {
	id, ok := matterID(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		writeError(w, http.StatusBadRequest, "expected a multipart/form-data upload")
		return
	}
	m := chronology.Matter{ID: id}
	var files []pipeline.Input
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			writeError(w, http.StatusBadRequest, "upload could not be read: "+err.Error())
			return
		}
		if part.FileName() == "" {
			v, _ := io.ReadAll(io.LimitReader(part, 1024))
			if msg := setMatterField(&m, part.FormName(), string(v)); msg != "" {
				writeError(w, http.StatusBadRequest, msg)
				return
			}
			continue
		}
		data, err := io.ReadAll(part)
		if err != nil {
			writeError(w, http.StatusRequestEntityTooLarge, "upload too large or interrupted")
			return
		}
		files = append(files, pipeline.Input{Name: filepath.Base(part.FileName()), Data: data})
	}
	if len(files) == 0 {
		writeError(w, http.StatusBadRequest, "no file in the upload")
		return
	}
	res, status, err := s.submit(r, m, files)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, status, res)
}

// submit stores uploaded files with their processing jobs and audits each
// stored document. Files that are not readable PDFs are listed in the
// result's Errors, naming the file; the status is 202 when at least one
// file was taken, else 422.
func (s *Server) submit(r *http.Request, m chronology.Matter, files []pipeline.Input) (uploadResult, int, error) {
	docs, bad, err := s.cfg.Pipeline.Submit(r.Context(), m, files)
	if err != nil {
		return uploadResult{}, 0, err
	}
	res := uploadResult{Matter: m.ID, Documents: []uploadedDoc{}, Errors: []uploadFailed{}}
	for _, d := range docs {
		// The file name stays out of the audit log: record file names
		// often carry the client's name.
		if err := s.audit(r, access.AuditUpload, m.ID, d.ID, fmt.Sprintf("%d pages", d.Pages)); err != nil {
			return uploadResult{}, 0, err
		}
		res.Documents = append(res.Documents, uploadedDoc{ID: d.ID, File: d.File, Pages: d.Pages, Status: d.Status})
	}
	for _, b := range bad {
		res.Errors = append(res.Errors, uploadFailed{File: b.File, Error: b.Error()})
	}
	status := http.StatusAccepted
	if len(docs) == 0 {
		status = http.StatusUnprocessableEntity
	}
	return res, status, nil
}

// setMatterField applies one form field; it returns a message when invalid.
func setMatterField(m *chronology.Matter, name, v string) string {
	switch name {
	case "incident_date":
		d, err := dates.ParseISO(v)
		if err != nil {
			return "incident_date: want YYYY-MM-DD"
		}
		m.DateOfIncident = d
	case "gap_days":
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return "gap_days: want a positive number"
		}
		m.GapDays = n
	case "name":
		m.Name = v
	case "client":
		m.Client = v
	default:
		return fmt.Sprintf("unknown field %q", name)
	}
	return ""
}
