package ui

import (
	"fmt"
	"net/http"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// providersPage is the providers page's data: each provider with its
// names and counts, and the overrides in force, newest first, to undo.
type providersPage struct {
	Providers []managedProvider
	Overrides []overrideRow
}

// managedProvider is a provider as the providers page lists it.
type managedProvider struct {
	chronology.Provider
	Entries, Bills int
	Unknown        bool
}

// overrideRow describes an override in force for people.
type overrideRow struct {
	ID       int64
	Text     string
	Username string
	At       time.Time
}

// ProvidersPage lists the matter's providers as every view shows them
// (overrides applied), with forms to rename and merge them, and the
// overrides in force with an undo button each.
func (s *Handler) ProvidersPage(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	c, ok := s.chronologyOr404(w, r, m.ID)
	if !ok {
		return
	}
	os, err := s.Store.ProviderOverrides(r.Context(), m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	raw, _, err := s.Store.Chronology(r.Context(), m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Audit(r, access.AuditMatterView, m.ID, "providers", ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "providers", view{Title: "Providers", Matter: &m, Nav: "providers",
		Data: providersPage{Providers: managedProviders(&c), Overrides: overrideRows(&raw, &c, os)}})
}

func managedProviders(c *chronology.Chronology) []managedProvider {
	n := map[string]*managedProvider{}
	out := make([]managedProvider, len(c.Providers))
	for i, p := range c.Providers {
		out[i] = managedProvider{Provider: p, Unknown: p.Name == chronology.UnknownProvider}
		n[p.ID] = &out[i]
	}
	for _, e := range c.AllEntries() {
		if p := n[e.ProviderID]; p != nil {
			p.Entries++
		}
	}
	for _, b := range c.Bills {
		if p := n[b.ProviderID]; p != nil {
			p.Bills++
		}
	}
	return out
}

// overrideRows describes the overrides, newest first, naming providers as
// the stored chronology (raw) or the current one calls them.
func overrideRows(raw, c *chronology.Chronology, os []chronology.ProviderOverride) []overrideRow {
	names := map[string]string{}
	for _, p := range raw.Providers {
		names[p.ID] = p.Name
	}
	for _, p := range c.Providers {
		if _, ok := names[p.ID]; !ok {
			names[p.ID] = p.Name
		}
	}
	name := func(id string) string {
		if n, ok := names[id]; ok {
			return fmt.Sprintf("%q", n)
		}
		return "a provider no longer in the records"
	}
	out := make([]overrideRow, 0, len(os))
	for i := len(os) - 1; i >= 0; i-- {
		o := os[i]
		row := overrideRow{ID: o.ID, Username: o.Username, At: o.At}
		switch o.Kind {
		case chronology.OverrideRename:
			row.Text = fmt.Sprintf("Renamed %s to %q", name(o.ProviderID), o.Name)
		case chronology.OverrideMerge:
			row.Text = fmt.Sprintf("Merged %s into %s", name(o.ProviderID), name(o.IntoID))
		default:
			row.Text = fmt.Sprintf("Moved %d entries to %q", len(o.EntryIDs), o.Name)
		}
		out = append(out, row)
	}
	return out
}
