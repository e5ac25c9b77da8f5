package ui

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// overrideNotices is the notice shown after each kind of override.
var overrideNotices = map[string]string{
	chronology.OverrideRename:   "renamed",
	chronology.OverrideMerge:    "merged",
	chronology.OverrideReassign: "reassigned",
}

// ProviderOverride renames a provider, merges one into another, or moves
// the selected entries to a provider by name (a split when the name is
// new), from the providers page or the chronology's selection. The change
// is stored as a matter-level override, applied wherever the chronology is
// read, and audited; it is undone from the providers page.
func (s *Handler) ProviderOverride(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	if err := r.ParseForm(); err != nil {
		s.Error(w, r, http.StatusBadRequest, "The form could not be read.")
		return
	}
	o := chronology.ProviderOverride{MatterID: m.ID, Kind: r.PathValue("kind"),
		ProviderID: r.PostFormValue("provider"), IntoID: r.PostFormValue("into"), Name: formText(r.PostFormValue("name")),
		EntryIDs: r.PostForm["entry"], UserID: rc.User.ID, Username: rc.User.Username, At: s.Now().UTC()}
	if _, ok := overrideNotices[o.Kind]; !ok {
		s.NotFound(w, r)
		return
	}
	if err := o.Validate(); err != nil {
		s.Error(w, r, http.StatusUnprocessableEntity, sentence(err.Error())+".")
		return
	}
	c, ok := s.chronologyOr404(w, r, m.ID)
	if !ok {
		return
	}
	if err := o.CheckTargets(&c); err != nil {
		s.Error(w, r, http.StatusUnprocessableEntity, sentence(err.Error())+".")
		return
	}
	id, err := s.Store.AddProviderOverride(r.Context(), o)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("store provider override: %w", err))
		return
	}
	if err := s.Audit(r, access.AuditProviderOverride, m.ID, "provider override "+strconv.FormatInt(id, 10), o.AuditDetail()); err != nil {
		s.ServerError(w, r, err)
		return
	}
	back := r.PostFormValue("back")
	if back != "chronology" {
		back = "providers"
	}
	http.Redirect(w, r, fmt.Sprintf("/matters/%s/%s?notice=%s", url.PathEscape(m.ID), back, overrideNotices[o.Kind]), http.StatusSeeOther)
}

// ProviderOverrideUndo deletes an override; the providers, entries and
// summaries are as they were without it at once. Audited.
func (s *Handler) ProviderOverrideUndo(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.NotFound(w, r)
		return
	}
	o, err := s.Store.DeleteProviderOverride(r.Context(), m.ID, id)
	if err != nil {
		s.Fail(w, r, err, http.StatusNotFound, "There is no such provider change to undo.")
		return
	}
	if err := s.Audit(r, access.AuditProviderUndo, m.ID, "provider override "+strconv.FormatInt(id, 10), o.AuditDetail()); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/matters/"+url.PathEscape(m.ID)+"/providers?notice=undone", http.StatusSeeOther)
}
