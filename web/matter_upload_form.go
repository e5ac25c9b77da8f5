package web

import (
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/pipeline"
)

// matterUploadForm takes the matter page's upload: multipart "file"
// parts, sent by the page's script (with the CSRF token in a header,
// answered with JSON like the API's upload) or by the plain form
// (answered with the matter page). Each stored document is audited.
func (s *Server) matterUploadForm(w http.ResponseWriter, r *http.Request, rc *reqCtx, m chronology.Matter) {
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	wantJSON := r.Header.Get("X-Requested-With") != "" || strings.Contains(r.Header.Get("Accept"), "application/json")
	files, err := uploadedFiles(r)
	if err != nil {
		s.uploadRefused(w, r, wantJSON, http.StatusBadRequest, "The upload could not be read; it may be too large or was interrupted.")
		return
	}
	if len(files) == 0 {
		s.uploadRefused(w, r, wantJSON, http.StatusBadRequest, "Choose at least one PDF file.")
		return
	}
	res, status, err := s.submit(r, m, files)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	switch {
	case wantJSON:
		writeJSON(w, status, res)
	case len(res.Errors) == 0:
		http.Redirect(w, r, "/matters/"+m.ID+"?notice=uploaded", http.StatusSeeOther)
	default:
		if status == http.StatusAccepted {
			status = http.StatusOK
		}
		s.renderMatter(w, r, rc, m, status, res.Errors)
	}
}

// uploadRefused answers an upload that carried nothing usable.
func (s *Server) uploadRefused(w http.ResponseWriter, r *http.Request, wantJSON bool, status int, msg string) {
	if wantJSON {
		writeError(w, status, msg)
		return
	}
	s.httpError(w, r, status, msg)
}

// uploadedFiles reads the request's "file" parts: from the parsed form
// when the CSRF check parsed it (a plain form post), else streamed.
func uploadedFiles(r *http.Request) ([]pipeline.Input, error) {
	var files []pipeline.Input
	if r.MultipartForm != nil {
		for _, fh := range r.MultipartForm.File["file"] {
			data, err := readFileHeader(fh)
			if err != nil {
				return nil, err
			}
			files = append(files, pipeline.Input{Name: filepath.Base(fh.Filename), Data: data})
		}
		return files, nil
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, fmt.Errorf("upload: %w", err)
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, fmt.Errorf("upload: %w", err)
		}
		if part.FormName() != "file" || part.FileName() == "" {
			continue // the csrf field and anything else
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return nil, fmt.Errorf("upload %s: %w", filepath.Base(part.FileName()), err)
		}
		files = append(files, pipeline.Input{Name: filepath.Base(part.FileName()), Data: data})
	}
}

func readFileHeader(fh *multipart.FileHeader) ([]byte, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("upload %s: %w", filepath.Base(fh.Filename), err)
	}
	defer f.Close()
	return io.ReadAll(f)
}
