package chronology

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Provider override kinds: a matter-level decision about providers, kept
// apart from the chronology (like reviews) so that a rebuild keeps it.
const (
	// OverrideRename gives provider ProviderID the name Name; a name that
	// another provider already has merges the two.
	OverrideRename = "rename"
	// OverrideMerge files every entry, bill and total of ProviderID under
	// IntoID, whose aliases keep ProviderID's names.
	OverrideMerge = "merge"
	// OverrideReassign files the entries EntryIDs under the provider named
	// Name, created when no provider has that name (a split).
	OverrideReassign = "reassign"
)

// ProviderOverride is one reviewer's decision about the matter's
// providers. Overrides are applied oldest first; undoing one deletes it.
type ProviderOverride struct {
	ID         int64     `json:"id,omitempty"`
	MatterID   string    `json:"matter_id"`
	Kind       string    `json:"kind"`
	ProviderID string    `json:"provider_id,omitempty"`
	IntoID     string    `json:"into_id,omitempty"`
	Name       string    `json:"name,omitempty"`
	EntryIDs   []string  `json:"entry_ids,omitempty"`
	UserID     string    `json:"user_id"`
	Username   string    `json:"username"`
	At         time.Time `json:"at"`
}

// maxOverrideName bounds a provider name typed by a reviewer.
const maxOverrideName = 200

// Validate checks an override before it is stored.
func (o ProviderOverride) Validate() error {
	if o.MatterID == "" || o.UserID == "" {
		return errors.New("provider override: matter and user are required")
	}
	name := strings.TrimSpace(o.Name)
	if len(name) > maxOverrideName {
		return fmt.Errorf("provider override: a name is at most %d characters", maxOverrideName)
	}
	switch o.Kind {
	case OverrideRename:
		if o.ProviderID == "" || name == "" {
			return errors.New("rename: the provider and its new name are required")
		}
	case OverrideMerge:
		if o.ProviderID == "" || o.IntoID == "" {
			return errors.New("merge: choose the providers to merge")
		}
		if o.ProviderID == o.IntoID {
			return errors.New("merge: a provider cannot be merged into itself")
		}
	case OverrideReassign:
		if len(o.EntryIDs) == 0 {
			return errors.New("reassign: select at least one entry")
		}
		if name == "" {
			return errors.New("reassign: the provider's name is required")
		}
	default:
		return fmt.Errorf("provider override: unknown kind %q", o.Kind)
	}
	if strings.EqualFold(name, UnknownProvider) {
		return fmt.Errorf("provider override: %q is not a provider's name", UnknownProvider)
	}
	return nil
}

// CheckTargets reports what the override names that c does not hold: a
// provider to rename or merge, or an entry to reassign. nil when all are
// there.
func (o ProviderOverride) CheckTargets(c *Chronology) error {
	ps := newProviderSet(c)
	switch o.Kind {
	case OverrideRename:
		if ps.byID(o.ProviderID) == nil {
			return errors.New("rename: that provider is not in this chronology")
		}
	case OverrideMerge:
		if ps.byID(o.ProviderID) == nil || ps.byID(o.IntoID) == nil {
			return errors.New("merge: choose two providers of this chronology")
		}
	case OverrideReassign:
		ids := map[string]bool{}
		for _, e := range c.AllEntries() {
			ids[e.ID] = true
		}
		for _, id := range o.EntryIDs {
			if !ids[id] {
				return errors.New("reassign: a selected entry is not in this chronology")
			}
		}
	}
	return nil
}

// AuditDetail describes the override for the audit log: kind and ids,
// never a provider's name (names can tell a patient's care).
func (o ProviderOverride) AuditDetail() string {
	switch o.Kind {
	case OverrideRename:
		return "rename " + o.ProviderID
	case OverrideMerge:
		return "merge " + o.ProviderID + " into " + o.IntoID
	}
	return fmt.Sprintf("reassign %d entries: %s", len(o.EntryIDs), strings.Join(o.EntryIDs, " "))
}

// ApplyProviderOverrides applies the overrides to c, oldest first: entries,
// undated entries, bills, bill totals and specials follow, summaries and
// flag messages name the new provider, an unknown_provider flag whose
// entries all have a provider now is dropped, and providers left without
// anything filed under them are removed. Overrides naming providers or
// entries no longer in c are skipped. It returns the number applied.
func ApplyProviderOverrides(c *Chronology, os []ProviderOverride) int {
	if len(os) == 0 {
		return 0
	}
	os = slices.Clone(os)
	sort.SliceStable(os, func(a, b int) bool {
		return os[a].At.Before(os[b].At) || os[a].At.Equal(os[b].At) && os[a].ID < os[b].ID
	})
	ps := newProviderSet(c)
	applied := 0
	for _, o := range os {
		if ps.apply(o) {
			applied++
		}
	}
	ps.finish()
	if applied > 0 {
		recomputeRuns(c) // merged or moved visits may make or split a run
	}
	return applied
}

// providerSet applies overrides to one chronology.
type providerSet struct {
	c        *Chronology
	renamed  map[string]string // entry id → the name it was filed under before
	billsMov bool
}

func newProviderSet(c *Chronology) *providerSet {
	return &providerSet{c: c, renamed: map[string]string{}}
}

func (ps *providerSet) byID(id string) *Provider {
	for i := range ps.c.Providers {
		if ps.c.Providers[i].ID == id {
			return &ps.c.Providers[i]
		}
	}
	return nil
}

// byName finds a provider by name or alias, ignoring case; never an
// unknown provider.
func (ps *providerSet) byName(name string) *Provider {
	for i := range ps.c.Providers {
		p := &ps.c.Providers[i]
		if p.Name == UnknownProvider {
			continue
		}
		if strings.EqualFold(p.Name, name) || slices.ContainsFunc(p.Aliases, func(a string) bool { return strings.EqualFold(a, name) }) {
			return p
		}
	}
	return nil
}

func (ps *providerSet) apply(o ProviderOverride) bool {
	name := strings.TrimSpace(o.Name)
	switch o.Kind {
	case OverrideRename:
		p := ps.byID(o.ProviderID)
		if p == nil || name == "" || p.Name == name {
			return false
		}
		if q := ps.byName(name); q != nil && q.ID != p.ID {
			return ps.merge(p.ID, q.ID)
		}
		old := p.Name
		p.Name = name
		addAlias(p, old)
		ps.relabel(func(id string) bool { return id == p.ID }, p.ID, name)
		return true
	case OverrideMerge:
		return ps.merge(o.ProviderID, o.IntoID)
	case OverrideReassign:
		if name == "" {
			return false
		}
		want := map[string]bool{}
		for _, id := range o.EntryIDs {
			want[id] = true
		}
		target := ps.byName(name)
		if target == nil {
			ps.c.Providers = append(ps.c.Providers, Provider{ID: "p-" + shortHash("override", strings.ToLower(name)), Name: name})
			target = &ps.c.Providers[len(ps.c.Providers)-1]
		}
		n := ps.moveEntries(func(e *Entry) bool { return want[e.ID] }, target.ID, target.Name)
		return n > 0
	}
	return false
}

// merge files everything of from under into, keeping from's names as
// aliases of into.
func (ps *providerSet) merge(fromID, intoID string) bool {
	from, into := ps.byID(fromID), ps.byID(intoID)
	if from == nil || into == nil || fromID == intoID {
		return false
	}
	for _, a := range append([]string{from.Name}, from.Aliases...) {
		addAlias(into, a)
	}
	if into.Kind == "" {
		into.Kind = from.Kind
	}
	if into.NPI == "" {
		into.NPI = from.NPI
	}
	ps.relabel(func(id string) bool { return id == fromID }, into.ID, into.Name)
	return true
}

// relabel files every entry, bill and total whose provider id passes
// match under the provider id and name given.
func (ps *providerSet) relabel(match func(string) bool, id, name string) {
	ps.moveEntries(func(e *Entry) bool { return match(e.ProviderID) }, id, name)
	for i := range ps.c.Bills {
		if b := &ps.c.Bills[i]; match(b.ProviderID) {
			b.ProviderID, b.Provider = id, name
			ps.billsMov = true
		}
	}
	for i := range ps.c.BillTotals {
		if t := &ps.c.BillTotals[i]; match(t.ProviderID) {
			t.ProviderID, t.Provider = id, name
		}
	}
}

// moveEntries files the entries that pass match under the provider and
// returns how many moved.
func (ps *providerSet) moveEntries(match func(*Entry) bool, id, name string) int {
	n := 0
	for _, list := range [][]Entry{ps.c.Entries, ps.c.UndatedEntries} {
		for i := range list {
			e := &list[i]
			if !match(e) || (e.ProviderID == id && e.Provider == name) {
				continue
			}
			if _, ok := ps.renamed[e.ID]; !ok {
				ps.renamed[e.ID] = e.Provider
			}
			relabelEntry(e, id, name)
			n++
		}
	}
	return n
}

// relabelEntry files e under a provider and names it in the summary
// where the summary named the old provider.
func relabelEntry(e *Entry, id, name string) {
	if old := e.Provider; old != "" && old != name {
		e.Summary = strings.ReplaceAll(e.Summary, old, name)
	}
	e.ProviderID, e.Provider = id, name
}

func addAlias(p *Provider, a string) {
	if a == "" || a == UnknownProvider || strings.EqualFold(a, p.Name) || slices.Contains(p.Aliases, a) {
		return
	}
	p.Aliases = append(p.Aliases, a)
	slices.Sort(p.Aliases)
}

// finish drops providers nothing is filed under, recomputes the specials
// when bills moved, and brings the flags up to date.
func (ps *providerSet) finish() {
	c := ps.c
	used := map[string]bool{}
	for _, e := range c.AllEntries() {
		used[e.ProviderID] = true
	}
	for _, b := range c.Bills {
		used[b.ProviderID] = true
	}
	for _, t := range c.BillTotals {
		used[t.ProviderID] = true
	}
	c.Providers = slices.DeleteFunc(c.Providers, func(p Provider) bool { return !used[p.ID] })
	sort.SliceStable(c.Providers, func(a, b int) bool {
		return c.Providers[a].Name < c.Providers[b].Name || c.Providers[a].Name == c.Providers[b].Name && c.Providers[a].ID < c.Providers[b].ID
	})
	if ps.billsMov {
		c.Specials = computeSpecials(c.Bills)
	}
	ps.updateFlags()
}

// updateFlags renames providers in the messages of flags naming a moved
// entry and drops unknown_provider flags whose entries and bills all have
// a provider now.
func (ps *providerSet) updateFlags() {
	c := ps.c
	now := map[string]string{}
	for _, e := range c.AllEntries() {
		now[e.ID] = e.Provider
	}
	unknownDocs := map[string]bool{}
	for _, e := range c.AllEntries() {
		if e.Provider == UnknownProvider {
			for _, ct := range e.Citations {
				unknownDocs[ct.DocumentID] = true
			}
		}
	}
	for _, b := range c.Bills {
		if b.Provider == UnknownProvider {
			for _, ct := range b.Citations {
				unknownDocs[ct.DocumentID] = true
			}
		}
	}
	out := c.Flags[:0]
	for _, f := range c.Flags {
		if f.Kind == FlagUnknownProvider {
			still := false
			for _, ct := range f.Citations {
				still = still || unknownDocs[ct.DocumentID]
			}
			for _, id := range f.EntryIDs {
				still = still || now[id] == UnknownProvider
			}
			if !still {
				continue
			}
		}
		for _, id := range f.EntryIDs {
			if f.Kind == FlagUnknownProvider {
				break
			}
			if old, ok := ps.renamed[id]; ok && old != "" && old != now[id] {
				f.Message = strings.ReplaceAll(f.Message, old, now[id])
			}
		}
		out = append(out, f)
	}
	c.Flags = out
}
