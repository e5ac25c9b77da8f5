package ui

import (
	"net/http"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
	"github.com/medchron/medchron/web/internal/respond"
)

// MatterUploadForm takes the matter page's upload: multipart "file"
// parts, sent by the page's script (answered with JSON like the API's
// upload) or by the plain form (answered with the matter page). Files
// stream into the store as they arrive; each stored document is audited.
func (s *Handler) MatterUploadForm(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	s.ReceiveUpload(w, r, rc, nil, "Choose at least one PDF file.", func(up *core.Upload) {
		if up.Files == 0 {
			s.Error(w, r, http.StatusBadRequest, "Choose at least one PDF file.")
			return
		}
		res, status, err := s.AddUploaded(r, m.ID, up)
		if err != nil {
			s.ServerError(w, r, err)
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
	})
}
