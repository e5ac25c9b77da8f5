package ui

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/web/internal/core"
)

// maxTemplate bounds an uploaded Word template.
const maxTemplate = 10 << 20

// firmTemplateView is the firm template page: the template the Word
// downloads use and the form to replace or remove it.
type firmTemplateView struct {
	Stored *store.FirmFile // the uploaded template; nil when none
	KB     int             // its size
	ByName string          // who uploaded it, by full name
	Server bool            // the server was started with a template (MEDCHRON_DOCX_TEMPLATE)
	Error  string
}

// FirmTemplatePage shows which Word template the firm's Word downloads
// use, with the upload form.
func (s *Handler) FirmTemplatePage(w http.ResponseWriter, r *http.Request, _ *core.SignedIn) {
	s.renderFirmTemplate(w, r, http.StatusOK, "")
}

func (s *Handler) renderFirmTemplate(w http.ResponseWriter, r *http.Request, status int, msg string) {
	v := firmTemplateView{Server: s.DOCXTemplate != nil, Error: msg}
	f, err := s.Store.FirmFile(r.Context(), store.FirmTemplate)
	switch {
	case err == nil:
		v.Stored, v.KB, v.ByName = &f, (len(f.Data)+1023)/1024, f.By
		if u, err := s.Store.UserByName(r.Context(), f.By); err == nil && u.Name != "" {
			v.ByName = u.Name
		}
	case !errors.Is(err, store.ErrNotFound):
		s.ServerError(w, r, err)
		return
	}
	s.render(w, r, status, "firm_template", view{Title: "Word template", Nav: "template", Data: v})
}

// FirmTemplateUpload takes the firm's Word template (.docx or .dotx): it
// is checked as the Word downloads read it before it replaces the one in
// use, and the change is audited.
func (s *Handler) FirmTemplateUpload(w http.ResponseWriter, r *http.Request, rc *core.SignedIn) {
	name, data, ok := s.ReceiveFile(w, r, rc, "template", maxTemplate)
	if !ok {
		return
	}
	if _, err := docx.ParseTemplate(data); err != nil {
		s.renderFirmTemplate(w, r, http.StatusUnprocessableEntity, fmt.Sprintf("%s was not taken: %v.", pipeline.CleanName(name), err))
		return
	}
	f := store.FirmFile{Name: store.FirmTemplate, Data: data, By: rc.User.Username, At: s.Now().UTC()}
	if err := s.Store.PutFirmFile(r.Context(), f); err != nil {
		s.ServerError(w, r, fmt.Errorf("store the firm template: %w", err))
		return
	}
	if err := s.Audit(r, access.AuditFirmTemplate, "", store.FirmTemplate, fmt.Sprintf("uploaded %s, %d KB", pipeline.CleanName(name), (len(data)+1023)/1024)); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/template?notice=template", http.StatusSeeOther)
}

// FirmTemplateRemove removes the uploaded template: the Word downloads go
// back to the server's template, or to medchron's own styles.
func (s *Handler) FirmTemplateRemove(w http.ResponseWriter, r *http.Request, _ *core.SignedIn) {
	err := s.Store.DeleteFirmFile(r.Context(), store.FirmTemplate)
	if errors.Is(err, store.ErrNotFound) {
		http.Redirect(w, r, "/admin/template?notice=unchanged", http.StatusSeeOther)
		return
	}
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Audit(r, access.AuditFirmTemplate, "", store.FirmTemplate, "removed"); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/template?notice=template-removed", http.StatusSeeOther)
}
