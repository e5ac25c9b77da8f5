package chronology

import (
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// overrideChronology has two documents whose therapy visits name no
// provider, a named therapy clinic and its bills.
func overrideChronology() Chronology {
	cite := func(doc string, p int) []extract.Citation {
		return []extract.Citation{{DocumentID: doc, Page: p, Quote: "visit"}}
	}
	e := func(id, pid, name, doc string, day int) Entry {
		return Entry{ID: id, Date: dates.New(2024, 4, day), ProviderID: pid, Provider: name, VisitType: "physical therapy",
			Summary: "Physical therapy at " + name + ".", Citations: cite(doc, day)}
	}
	return Chronology{
		Matter: Matter{ID: "m1"},
		Providers: []Provider{{ID: "p-pt", Name: "Harbor PT", Kind: "physical_therapy"},
			{ID: "p-u1", Name: UnknownProvider}, {ID: "p-u2", Name: UnknownProvider}},
		Entries: []Entry{e("e1", "p-u1", UnknownProvider, "d1", 1), e("e2", "p-u1", UnknownProvider, "d1", 2),
			e("e3", "p-pt", "Harbor PT", "d2", 3), e("e4", "p-u2", UnknownProvider, "d3", 4)},
		Bills: []Bill{{ID: "b1", ProviderID: "p-u1", Provider: UnknownProvider, Charge: 100, Grounded: true, Kind: BillCharge, Citations: cite("d1", 9)},
			{ID: "b2", ProviderID: "p-pt", Provider: "Harbor PT", Charge: 50, Grounded: true, Kind: BillCharge, Citations: cite("d2", 9)}},
		Flags: []Flag{{Kind: FlagUnknownProvider, Message: `filed under "Unknown provider"`, EntryIDs: []string{"e1", "e2"}, Citations: cite("d1", 1)},
			{Kind: FlagUnknownProvider, Message: `filed under "Unknown provider"`, EntryIDs: []string{"e4"}, Citations: cite("d3", 4)},
			{Kind: FlagDateNotQuoted, Message: "Entry e1 (2024-04-01, Unknown provider): none of its quotes", EntryIDs: []string{"e1"}, Citations: cite("d1", 1)}},
	}
}

func TestApplyProviderOverrides(t *testing.T) {
	at := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	o := func(kind, pid, into, name string, ids ...string) ProviderOverride {
		at = at.Add(time.Second)
		return ProviderOverride{MatterID: "m1", Kind: kind, ProviderID: pid, IntoID: into, Name: name, EntryIDs: ids, UserID: "u", Username: "u", At: at}
	}
	tests := []struct {
		name      string
		overrides []ProviderOverride
		applied   int
		providers map[string]string // entry id → provider name wanted
		provList  []string          // provider names wanted, in order
		unknownFl int               // unknown_provider flags left
		specials  map[string]float64
	}{
		{"none", nil, 0, map[string]string{"e1": UnknownProvider, "e3": "Harbor PT"}, []string{"Harbor PT", UnknownProvider, UnknownProvider}, 2, nil},
		{"rename an unknown provider", []ProviderOverride{o(OverrideRename, "p-u1", "", "Bayside Therapy")}, 1,
			map[string]string{"e1": "Bayside Therapy", "e2": "Bayside Therapy", "e4": UnknownProvider},
			[]string{"Bayside Therapy", "Harbor PT", UnknownProvider}, 1, map[string]float64{"Bayside Therapy": 100, "Harbor PT": 50}},
		{"merge into a named provider", []ProviderOverride{o(OverrideMerge, "p-u1", "p-pt", "")}, 1,
			map[string]string{"e1": "Harbor PT", "e2": "Harbor PT", "e3": "Harbor PT"},
			[]string{"Harbor PT", UnknownProvider}, 1, map[string]float64{"Harbor PT": 150}},
		{"rename to an existing name merges", []ProviderOverride{o(OverrideRename, "p-u2", "", "harbor pt")}, 1,
			map[string]string{"e4": "Harbor PT"}, []string{"Harbor PT", UnknownProvider}, 1, nil},
		{"split a subset to a new provider", []ProviderOverride{o(OverrideReassign, "", "", "Coastal Chiro", "e2", "e4")}, 1,
			map[string]string{"e1": UnknownProvider, "e2": "Coastal Chiro", "e4": "Coastal Chiro"},
			[]string{"Coastal Chiro", "Harbor PT", UnknownProvider}, 1, nil},
		{"reassign, then merge what is left", []ProviderOverride{o(OverrideReassign, "", "", "Coastal Chiro", "e4"), o(OverrideMerge, "p-u1", "p-pt", "")}, 2,
			map[string]string{"e1": "Harbor PT", "e4": "Coastal Chiro"}, []string{"Coastal Chiro", "Harbor PT"}, 0, nil},
		{"stale overrides are skipped", []ProviderOverride{o(OverrideMerge, "p-gone", "p-pt", ""), o(OverrideReassign, "", "", "X", "e-gone")}, 0,
			map[string]string{"e1": UnknownProvider}, []string{"Harbor PT", UnknownProvider, UnknownProvider}, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := overrideChronology()
			if n := ApplyProviderOverrides(&c, tc.overrides); n != tc.applied {
				t.Errorf("applied %d, want %d", n, tc.applied)
			}
			ids := map[string]bool{}
			for _, p := range c.Providers {
				ids[p.ID] = true
			}
			for _, e := range c.Entries {
				if w, ok := tc.providers[e.ID]; ok && e.Provider != w {
					t.Errorf("entry %s under %q, want %q", e.ID, e.Provider, w)
				}
				if !ids[e.ProviderID] {
					t.Errorf("entry %s filed under %s, which is not a provider", e.ID, e.ProviderID)
				}
				if !strings.Contains(e.Summary, " at "+e.Provider+".") {
					t.Errorf("entry %s summary %q does not name %q", e.ID, e.Summary, e.Provider)
				}
			}
			var names []string
			for _, p := range c.Providers {
				names = append(names, p.Name)
			}
			if strings.Join(names, "|") != strings.Join(tc.provList, "|") {
				t.Errorf("providers %q, want %q", names, tc.provList)
			}
			n := 0
			for _, f := range c.Flags {
				if f.Kind == FlagUnknownProvider {
					n++
				}
				if f.Kind == FlagDateNotQuoted && !strings.Contains(f.Message, c.Entries[0].Provider) {
					t.Errorf("flag message %q does not name entry e1's provider %q", f.Message, c.Entries[0].Provider)
				}
			}
			if n != tc.unknownFl {
				t.Errorf("%d unknown_provider flags left, want %d", n, tc.unknownFl)
			}
			for name, want := range tc.specials {
				got := -1.0
				for _, s := range c.Specials.ByProvider {
					if s.Provider == name {
						got = s.Charges
					}
				}
				if got != want {
					t.Errorf("specials of %s = %v, want %v", name, got, want)
				}
			}
		})
	}
}

func TestMergeKeepsAliases(t *testing.T) {
	c := overrideChronology()
	c.Providers[0].Aliases = []string{"Harbor Physical Therapy"}
	c.Providers = append(c.Providers, Provider{ID: "p-hb", Name: "Harbor Rehab", Aliases: []string{"Harbor Rehab LLC"}})
	c.Entries = append(c.Entries, Entry{ID: "e5", Date: dates.New(2024, 4, 5), ProviderID: "p-hb", Provider: "Harbor Rehab"})
	ApplyProviderOverrides(&c, []ProviderOverride{{Kind: OverrideMerge, ProviderID: "p-hb", IntoID: "p-pt"}})
	got := c.Providers[0]
	if got.Name != "Harbor PT" || strings.Join(got.Aliases, "|") != "Harbor Physical Therapy|Harbor Rehab|Harbor Rehab LLC" {
		t.Errorf("merged provider = %+v", got)
	}
}

func TestRenameKeepsOldName(t *testing.T) {
	c := overrideChronology()
	ApplyProviderOverrides(&c, []ProviderOverride{{Kind: OverrideRename, ProviderID: "p-pt", Name: "Harbor Physical Therapy"}})
	if p := c.Providers[0]; p.Name != "Harbor Physical Therapy" || strings.Join(p.Aliases, "|") != "Harbor PT" {
		t.Errorf("renamed provider = %+v", p)
	}
}

func TestProviderCorrectionRefiles(t *testing.T) {
	c := overrideChronology()
	ApplyReviews(&c, []EntryReview{{MatterID: "m1", EntryID: "e2", State: ReviewCorrected, Fields: map[string]string{"provider": "Harbor PT"}, UserID: "u", Username: "u"}})
	e := c.Entries[1]
	if e.ProviderID != "p-pt" || e.Summary != "Physical therapy visit at Harbor PT." {
		t.Errorf("corrected entry = %s %q", e.ProviderID, e.Summary)
	}
	if c.Entries[0].ProviderID != "p-u1" {
		t.Errorf("the other entry moved too: %s", c.Entries[0].ProviderID)
	}
}

func TestValidateOverride(t *testing.T) {
	ok := ProviderOverride{MatterID: "m", UserID: "u", Kind: OverrideRename, ProviderID: "p", Name: "X"}
	bad := []ProviderOverride{
		{MatterID: "m", UserID: "u", Kind: OverrideRename, ProviderID: "p"},
		{MatterID: "m", UserID: "u", Kind: OverrideRename, ProviderID: "p", Name: UnknownProvider},
		{MatterID: "m", UserID: "u", Kind: OverrideMerge, ProviderID: "p", IntoID: "p"},
		{MatterID: "m", UserID: "u", Kind: OverrideReassign, Name: "X"},
		{MatterID: "m", UserID: "u", Kind: "split"},
		{UserID: "u", Kind: OverrideRename, ProviderID: "p", Name: "X"},
	}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid override: %v", err)
	}
	for i, o := range bad {
		if o.Validate() == nil {
			t.Errorf("override %d %+v passed", i, o)
		}
	}
}

func TestRisksAndFlagStates(t *testing.T) {
	c := overrideChronology()
	t0 := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	dq := c.Flags[2]
	states := FlagStates([]FlagDecision{
		{ID: 1, FlagKey: FlagKey(dq), State: FlagDismissed, Reason: "date is on the next page", At: t0},
		{ID: 2, FlagKey: FlagKey(c.Flags[0]), State: FlagDismissed, Reason: "x", At: t0},
		{ID: 3, FlagKey: FlagKey(c.Flags[0]), State: FlagOpen, At: t0.Add(time.Second)},
	}, c.Flags)
	if !Dismissed(states, dq) || Dismissed(states, c.Flags[0]) {
		t.Errorf("states: date flag dismissed %v, restored flag dismissed %v", Dismissed(states, dq), Dismissed(states, c.Flags[0]))
	}
	r := Risks(&c, []string{"e1", "e3"}, states)
	if strings.Join(r.Unknown, ",") != "e1" || strings.Join(r.Flagged, ",") != "e1" || strings.Join(r.Kinds, ",") != FlagUnknownProvider {
		t.Errorf("Risks = %+v", r)
	}
	if r := Risks(&c, []string{"e3"}, states); len(r.Unknown)+len(r.Flagged) != 0 {
		t.Errorf("Risks of a named, unflagged entry = %+v", r)
	}
	moved := dq
	moved.Message = "another text"
	if FlagKey(moved) != FlagKey(dq) || FlagKey(c.Flags[0]) == FlagKey(c.Flags[1]) {
		t.Error("FlagKey depends on the message, or two flags share a key")
	}
}
