package ui

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/web/internal/core"
)

// MatterSettings changes the matter's name, client, date of incident, gap
// threshold and Bates numbering from the settings form: every field is validated before
// anything changes, and the change is audited with its before and after
// values.
func (s *Handler) MatterSettings(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, http.StatusBadRequest, "The settings could not be read.")
		return
	}
	fields := map[string]string{}
	for name := range core.SettingsFields {
		// The last value: a checkbox follows a hidden "off" of its name,
		// so that unticking it is sent too.
		if vs := r.PostForm[name]; len(vs) > 0 {
			fields[name] = strings.TrimSpace(vs[len(vs)-1])
		}
	}
	apply, errs := core.ParseSettings(fields)
	if errs != nil {
		s.Error(w, r, http.StatusBadRequest, "The settings were not saved: "+strings.Join(errs, "; ")+".")
		return
	}
	changed, err := s.ChangeMatter(r, m.ID, apply)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	notice := "unchanged"
	if changed {
		notice = "saved"
	}
	http.Redirect(w, r, "/matters/"+m.ID+"?notice="+notice, http.StatusSeeOther)
}

// MatterRetry processes the matter's failed documents again.
func (s *Handler) MatterRetry(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	n, err := s.Pipeline.RetryFailed(r.Context(), m.ID, pipeline.RetryOptions{})
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if n > 0 {
		if err := s.Audit(r, access.AuditRetry, m.ID, m.ID, fmt.Sprintf("%d document(s)", n)); err != nil {
			s.ServerError(w, r, err)
			return
		}
	}
	http.Redirect(w, r, "/matters/"+m.ID+"?notice=retried", http.StatusSeeOther)
}
