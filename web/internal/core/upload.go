package core

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"strings"
	"syscall"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
)

// Upload is what a multipart upload carried: its form fields and its
// files, each streamed into the store as it arrived (Pipeline.Take) or
// refused with a reason.
type Upload struct {
	Fields map[string]string
	Stored []pipeline.Stored
	Bad    []*pipeline.FileError
	Files  int // file parts seen
}

// maxFieldBytes bounds a form field of an upload.
const maxFieldBytes = 1024

// ErrUploadRead reports an upload whose body could not be read to its end.
var ErrUploadRead = errors.New("the upload could not be read; it may be too large or was interrupted")

// ReceiveUpload is the one reader of uploads, the API's and the matter
// page's: it opens r's multipart stream (answering notMultipart, with 400,
// to any other body), checks the CSRF token of rc's session when rc is
// not nil (from the X-CSRF-Token header or the stream's first part, a
// field named csrf), takes a free upload slot (503 when none), reads the
// parts (readUpload) and hands the upload to use while it holds the slot.
// Every refusal is answered here; use is called only with an upload read
// to its end.
func (s *Core) ReceiveUpload(w http.ResponseWriter, r *http.Request, rc *SignedIn, fields map[string]bool, notMultipart string, use func(*Upload)) {
	mr, err := r.MultipartReader()
	if err != nil {
		s.Error(w, r, http.StatusBadRequest, notMultipart)
		return
	}
	if rc != nil && !streamCSRFOK(r, mr, rc) {
		s.Error(w, r, http.StatusForbidden, "This form has expired. Go back, reload the page and try again.")
		return
	}
	release, err := s.Uploads.Take(r.Context(), 0)
	if err != nil {
		s.Busy(w, r, "with other uploads")
		return
	}
	defer release()
	up, err := s.readUpload(r.Context(), mr, fields)
	if err != nil {
		s.uploadFailed(w, r, err)
		return
	}
	use(up)
}

// ReceiveFile reads the one file part named name of r's multipart
// stream, at most max bytes, after checking rc's CSRF token (header or
// first part, as ReceiveUpload does) and taking an upload slot. Every
// refusal is answered here (400, 403, 413, 503) and ok is false.
func (s *Core) ReceiveFile(w http.ResponseWriter, r *http.Request, rc *SignedIn, name string, max int64) (file string, data []byte, ok bool) {
	mr, err := r.MultipartReader()
	if err != nil {
		s.Error(w, r, http.StatusBadRequest, "Choose a file to upload.")
		return "", nil, false
	}
	if !streamCSRFOK(r, mr, rc) {
		s.Error(w, r, http.StatusForbidden, "This form has expired. Go back, reload the page and try again.")
		return "", nil, false
	}
	release, err := s.Uploads.Take(r.Context(), 0)
	if err != nil {
		s.Busy(w, r, "with other uploads")
		return "", nil, false
	}
	defer release()
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			s.Error(w, r, http.StatusBadRequest, "Choose a file to upload.")
			return "", nil, false
		}
		if err != nil {
			s.Error(w, r, http.StatusBadRequest, ErrUploadRead.Error())
			return "", nil, false
		}
		if part.FormName() != name || part.FileName() == "" {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, max+1))
		if err != nil {
			s.Error(w, r, http.StatusBadRequest, ErrUploadRead.Error())
			return "", nil, false
		}
		if int64(len(data)) > max {
			s.Error(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("The file is larger than %d MB.", max>>20))
			return "", nil, false
		}
		return part.FileName(), data, true
	}
}

// streamCSRFOK checks the session's CSRF token against the X-CSRF-Token
// header or, without one, the multipart stream's first part, which must be
// the csrf field.
func streamCSRFOK(r *http.Request, mr *multipart.Reader, rc *SignedIn) bool {
	token := r.Header.Get("X-CSRF-Token")
	if token == "" {
		if part, err := mr.NextPart(); err == nil && part.FormName() == "csrf" && part.FileName() == "" {
			b, _ := io.ReadAll(io.LimitReader(part, 256))
			token = strings.TrimSpace(string(b))
		}
	}
	return token != "" && subtle.ConstantTimeCompare([]byte(token), []byte(rc.Session.CSRF)) == 1
}

// readUpload reads the parts of mr: every part with a file name goes to
// the store through Pipeline.Take (never whole in memory, never to a
// temporary file), every field named in fields (at most maxFieldBytes)
// is kept, other fields are skipped. When the body breaks off, the files
// stored from it are dropped again and ErrUploadRead is returned.
func (s *Core) readUpload(ctx context.Context, mr *multipart.Reader, fields map[string]bool) (*Upload, error) {
	up := &Upload{Fields: map[string]string{}}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return up, nil
		}
		if err != nil {
			s.DropStored(ctx, up)
			return nil, ErrUploadRead
		}
		if part.FileName() == "" {
			v, err := io.ReadAll(io.LimitReader(part, maxFieldBytes+1))
			if err != nil {
				s.DropStored(ctx, up)
				return nil, ErrUploadRead
			}
			if fields[part.FormName()] {
				up.Fields[part.FormName()] = strings.TrimSpace(string(v))
			}
			continue
		}
		up.Files++
		st, err := s.Pipeline.Take(ctx, part.FileName(), part, s.MaxUpload)
		var fe *pipeline.FileError
		switch {
		case err == nil:
			up.Stored = append(up.Stored, st)
		case isBodyError(err):
			s.DropStored(ctx, up)
			return nil, ErrUploadRead
		case errors.As(err, &fe):
			up.Bad = append(up.Bad, fe)
		default:
			s.DropStored(ctx, up)
			return nil, err
		}
	}
}

// isBodyError reports whether err comes from reading the request body:
// too large, cut off, or too slow.
func isBodyError(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, multipart.ErrMessageTooLarge) ||
		errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, net.ErrClosed)
}

// DropStored removes the files of an upload that is refused as a whole
// from the store (unless a document refers to their content already).
func (s *Core) DropStored(ctx context.Context, up *Upload) {
	for _, st := range up.Stored {
		if err := s.Store.DropBlob(context.WithoutCancel(ctx), st.Blob.SHA256); err != nil {
			s.Logger.Warn("refused upload not removed from the store", "sha256", st.Blob.SHA256, "error", err)
		}
	}
	up.Stored = nil
}

// UploadResult answers an upload.
type UploadResult struct {
	Matter    string        `json:"matter"`
	Documents []UploadedDoc `json:"documents"`
	Errors    []FailedFile  `json:"errors"`
}

// UploadedDoc is a document an upload added to the matter.
type UploadedDoc struct {
	ID     string `json:"id"`
	File   string `json:"file"`
	Pages  int    `json:"pages"`
	Status string `json:"status"`
}

// FailedFile is a file of an upload that was refused, and why.
type FailedFile struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// AddUploaded adds the stored files of an upload to the matter, audits
// each document, and answers with the documents under the names they
// have in this matter and the files refused: 202 when at least one file
// was taken, else 422.
func (s *Core) AddUploaded(r *http.Request, matterID string, up *Upload) (UploadResult, int, error) {
	docs, err := s.Pipeline.Add(r.Context(), matterID, up.Stored)
	if err != nil {
		return UploadResult{}, 0, err
	}
	for _, d := range docs {
		// The file name stays out of the audit log: record file names
		// often carry the client's name.
		if err := s.Audit(r, access.AuditUpload, matterID, d.ID, fmt.Sprintf("%d bytes", d.Size)); err != nil {
			return UploadResult{}, 0, err
		}
	}
	status := http.StatusAccepted
	if len(docs) == 0 {
		status = http.StatusUnprocessableEntity
	}
	return UploadAnswer(matterID, docs, up.Bad), status, nil
}

// UploadAnswer is the JSON answer to an upload.
func UploadAnswer(matterID string, docs []store.Document, bad []*pipeline.FileError) UploadResult {
	res := UploadResult{Matter: matterID, Documents: []UploadedDoc{}, Errors: []FailedFile{}}
	for _, d := range docs {
		res.Documents = append(res.Documents, UploadedDoc{ID: d.ID, File: d.File, Pages: d.Pages, Status: d.Status})
	}
	for _, b := range bad {
		res.Errors = append(res.Errors, FailedFile{File: b.File, Error: pipeline.SafeText(b.Error())})
	}
	return res
}

// uploadFailed answers an upload that could not be read as a whole.
func (s *Core) uploadFailed(w http.ResponseWriter, r *http.Request, err error) {
	if !errors.Is(err, ErrUploadRead) {
		s.ServerError(w, r, err)
		return
	}
	s.Error(w, r, http.StatusBadRequest, "The upload could not be read; it may be too large or was interrupted.")
}
