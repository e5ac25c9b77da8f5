package web

import (
	"crypto/subtle"
	"io"
	"mime/multipart"
	"net/http"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/respond"
)

// uploadPage guards the matter page's upload without parsing the body
// into memory or a temporary file: a signed-in user with the right to
// upload to the matter (404 for a matter they cannot see), the CSRF token
// from the X-CSRF-Token header (the page's script) or from the form's
// first part (the plain form puts its hidden csrf field first), and a
// free upload slot. fn gets the multipart stream positioned after the
// token.
func (s *Server) uploadPage(fn func(http.ResponseWriter, *http.Request, *reqCtx, chronology.Matter, *multipart.Reader)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc, ok := s.session(w, r)
		if !ok {
			s.toSignIn(w, r)
			return
		}
		r = r.WithContext(withRequest(r.Context(), rc))
		m, ok := s.matterAccess(w, r, rc, access.UploadRecords, true)
		if !ok {
			return
		}
		mr, err := r.MultipartReader()
		if err != nil {
			s.errs.Error(w, r, http.StatusBadRequest, "Choose at least one PDF file.")
			return
		}
		token := r.Header.Get("X-CSRF-Token")
		if token == "" {
			if part, err := mr.NextPart(); err == nil && part.FormName() == "csrf" && part.FileName() == "" {
				b, _ := io.ReadAll(io.LimitReader(part, 256))
				token = strings.TrimSpace(string(b))
			}
		}
		if token == "" || subtle.ConstantTimeCompare([]byte(token), []byte(rc.Session.CSRF)) != 1 {
			s.errs.Error(w, r, http.StatusForbidden, "This form has expired. Go back, reload the page and try again.")
			return
		}
		release, err := s.uploads.take(r.Context(), 0)
		if err != nil {
			s.errs.Busy(w, r, "with other uploads")
			return
		}
		defer release()
		fn(w, r, rc, m, mr)
	})
}

// matterUploadForm takes the matter page's upload: multipart "file"
// parts, sent by the page's script (answered with JSON like the API's
// upload) or by the plain form (answered with the matter page). Files
// stream into the store as they arrive; each stored document is audited.
func (s *Server) matterUploadForm(w http.ResponseWriter, r *http.Request, rc *reqCtx, m chronology.Matter, mr *multipart.Reader) {
	up, err := s.readUpload(r.Context(), mr, nil)
	if err != nil {
		s.uploadFailed(w, r, err)
		return
	}
	if up.files == 0 {
		s.errs.Error(w, r, http.StatusBadRequest, "Choose at least one PDF file.")
		return
	}
	res, status, err := s.addUploaded(r, m.ID, up)
	if err != nil {
		s.errs.ServerError(w, r, err)
		return
	}
	switch {
	case respond.WantsJSON(r):
		respond.JSON(w, status, res)
	case len(res.Errors) == 0:
		http.Redirect(w, r, "/matters/"+m.ID+"?notice=uploaded", http.StatusSeeOther)
	default:
		if status == http.StatusAccepted {
			status = http.StatusOK
		}
		s.renderMatter(w, r, rc, m, status, res.Errors)
	}
}
