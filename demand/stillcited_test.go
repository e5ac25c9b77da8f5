package demand

import (
	"slices"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestStillCited: an edit that deletes a sentence drops the citation only
// it printed; pages inside a printed Bates range, and citations without a
// Bates number, stay; a text citing no Bates number keeps them all.
func TestStillCited(t *testing.T) {
	cits := []extract.Citation{
		{DocumentID: "d", Page: 3, Bates: "MC000003"},
		{DocumentID: "d", Page: 7, Bates: "MC000007"},
		{DocumentID: "d", Page: 12, Bates: "MC000012"},
		{DocumentID: "e", Page: 1},
	}
	pages := func(cs []extract.Citation) []int {
		var out []int
		for _, c := range cs {
			out = append(out, c.Page)
		}
		return out
	}
	for _, tt := range []struct {
		name, body string
		want       []int
	}{
		{"all cited", "Seen in the ER (Ex. 1, MC000003). MRI (Ex. 2, MC000007). PT (Ex. 3, MC000012).", []int{3, 7, 12, 1}},
		{"one deleted", "Seen in the ER (Ex. 1, MC000003). PT (Ex. 3, MC000012).", []int{3, 12, 1}},
		{"in a range", "Exhibit 1: records, MC000001–MC000008\nExhibit 2: MC000012", []int{3, 7, 12, 1}},
		{"hyphen range", "Exhibit 1: MC000005-MC000009", []int{7, 1}},
		{"another prefix's range", "Exhibit 1: XY000001–XY000099; MC000012", []int{12, 1}},
		{"no Bates at all", "Treatment is described above.", []int{3, 7, 12, 1}},
	} {
		if got := pages(stillCited(tt.body, cits)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: pages %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestEditRefreshesCitations: a version made by an edit keeps only the
// citations its text still prints.
func TestEditRefreshesCitations(t *testing.T) {
	r, d := firstRecord(t)
	var key string
	var v1 Version
	for _, s := range d.Sections {
		v, _ := r.Latest(s.Key)
		bates := map[string]bool{}
		for _, c := range v.Citations {
			bates[c.Bates] = true
		}
		if len(bates) > 1 && v.Citations[0].Bates != "" {
			key, v1 = s.Key, v
			break
		}
	}
	if key == "" {
		t.Fatal("no section cites two Bates-numbered pages")
	}
	keep := v1.Citations[0]
	v2, err := r.Edit(key, 1, "Only this page is cited now ("+keep.Bates+").", "u-a", "alice", vt0)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range v2.Citations {
		if c.Bates != "" && c.Bates != keep.Bates {
			t.Errorf("the edited version still cites %s", c.Bates)
		}
	}
	if len(v2.Citations) == 0 || len(v2.Citations) >= len(v1.Citations) {
		t.Errorf("citations %d → %d, want fewer but not none", len(v1.Citations), len(v2.Citations))
	}
}
