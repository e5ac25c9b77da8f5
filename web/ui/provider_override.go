package ui

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

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
	if msg := overrideTargetsMissing(&c, o); msg != "" {
		s.Error(w, r, http.StatusUnprocessableEntity, msg)
		return
	}
	id, err := s.Store.AddProviderOverride(r.Context(), o)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("store provider override: %w", err))
		return
	}
	if err := s.Audit(r, access.AuditProviderOverride, m.ID, "provider override "+strconv.FormatInt(id, 10), overrideDetail(o)); err != nil {
		s.ServerError(w, r, err)
		return
	}
	back := r.PostFormValue("back")
	if back != "chronology" {
		back = "providers"
	}
	http.Redirect(w, r, fmt.Sprintf("/matters/%s/%s?notice=%s", url.PathEscape(m.ID), back, overrideNotices[o.Kind]), http.StatusSeeOther)
}

// overrideTargetsMissing says what the override names that the
// chronology does not hold ("" when everything is there).
func overrideTargetsMissing(c *chronology.Chronology, o chronology.ProviderOverride) string {
	provs := map[string]bool{}
	for _, p := range c.Providers {
		provs[p.ID] = true
	}
	switch o.Kind {
	case chronology.OverrideRename:
		if !provs[o.ProviderID] {
			return "That provider is not in this chronology."
		}
	case chronology.OverrideMerge:
		if !provs[o.ProviderID] || !provs[o.IntoID] {
			return "Choose two providers of this chronology to merge."
		}
	case chronology.OverrideReassign:
		for _, id := range o.EntryIDs {
			if findEntry(c, id) == nil {
				return "A selected entry is not in this chronology."
			}
		}
	}
	return ""
}

// overrideDetail describes an override for the audit log: kind and ids,
// never a provider's name (names can identify a patient's care).
func overrideDetail(o chronology.ProviderOverride) string {
	switch o.Kind {
	case chronology.OverrideRename:
		return "rename " + o.ProviderID
	case chronology.OverrideMerge:
		return "merge " + o.ProviderID + " into " + o.IntoID
	}
	return fmt.Sprintf("reassign %d entries: %s", len(o.EntryIDs), strings.Join(o.EntryIDs, " "))
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
	if err := s.Audit(r, access.AuditProviderUndo, m.ID, "provider override "+strconv.FormatInt(id, 10), overrideDetail(o)); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/matters/"+url.PathEscape(m.ID)+"/providers?notice=undone", http.StatusSeeOther)
}
