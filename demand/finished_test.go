package demand

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestFinished(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		unreviewed []string
		want       string // part of the error; empty for none
	}{
		{"plain text", "We demand $95,000.00 in full settlement.", nil, ""},
		{"attorney placeholder", "We demand [Attorney to insert the demand amount].", nil, "[Attorney to insert the demand amount]"},
		{"unreviewed mark", "Pain was 8/10. (Ex. 2, MC000004) " + UnreviewedMark, nil, UnreviewedMark},
		{"any bracket", "See [sic] the record.", nil, "[sic]"},
		{"unclosed bracket", "We demand [Attorney to", nil, "[Attorney to"},
		{"brackets removed, words left", "Attorney to add the police report.", nil, "Attorney to add"},
		{"paralegal words", "paralegal to check these lines", nil, "paralegal to check"},
		{"facts nobody reviewed", "Pain was 8/10. (Ex. 2, MC000004)", []string{"e4", "e5"}, "2 chronology entries nobody has reviewed"},
		{"parentheses are citations, not placeholders", "Seen once. (Ex. 1, file.pdf p. 2)", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Finished(tt.body, tt.unreviewed)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Finished = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, ErrNotFinished) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Finished = %v, want ErrNotFinished naming %q", err, tt.want)
			}
		})
	}
}

// TestApproveRefusesUnfinished: neither a draft nor a stored record lets
// a section with a placeholder or unreviewed facts be approved, and an
// edit does not shed the unreviewed entries.
func TestApproveRefusesUnfinished(t *testing.T) {
	d := sampleDraft()
	s, _ := d.Section(KeyDemand)
	if err := d.Approve(KeyDemand); !errors.Is(err, ErrNotFinished) || s.Status != StatusDraft {
		t.Errorf("Approve of the demand with placeholders = %v, status %s", err, s.Status)
	}
	tr, _ := d.Section(KeyTreatment)
	if len(tr.Unreviewed) == 0 {
		t.Fatal("the sample's treatment should state unreviewed entries")
	}
	body := strings.ReplaceAll(tr.Body, " "+UnreviewedMark, "")
	if err := d.Edit(KeyTreatment, body); err != nil {
		t.Fatal(err)
	}
	if err := d.Approve(KeyTreatment); !errors.Is(err, ErrNotFinished) || !strings.Contains(err.Error(), "nobody has reviewed") {
		t.Errorf("Approve after removing the marks by hand = %v, want refused for unreviewed facts", err)
	}

	rec := Record{MatterID: "m"}
	g, vs := rec.Regenerate(d, "u1", "paula", testNow)
	rec.Generation = g
	rec.Versions = map[string][]Version{}
	for _, v := range vs {
		rec.Versions[v.Key] = append(rec.Versions[v.Key], v)
	}
	if _, err := rec.Approve(KeyDemand, 1, "u2", "ana", testNow); !errors.Is(err, ErrNotFinished) {
		t.Errorf("Record.Approve with a placeholder = %v", err)
	}
	v, err := rec.Edit(KeyTreatment, 1, "Seen once. (Ex. 1, MC000001)", "u2", "ana", testNow)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Unreviewed) == 0 {
		t.Error("an edit dropped the unreviewed entries")
	}
	rec.Versions[KeyTreatment] = append(rec.Versions[KeyTreatment], v)
	if _, err := rec.Approve(KeyTreatment, 2, "u2", "ana", testNow); !errors.Is(err, ErrNotFinished) {
		t.Errorf("Record.Approve of an edited section built from unreviewed facts = %v", err)
	}
}

// TestAllApprovedLetterHasNoBrackets: with every input given and every
// entry reviewed, every section can be approved, and the letter then
// holds no bracket in Markdown or DOCX.
func TestAllApprovedLetterHasNoBrackets(t *testing.T) {
	d := finishedDraft()
	for _, s := range d.Sections {
		if err := d.Approve(s.Key); err != nil {
			t.Fatalf("approve %s: %v\n%s", s.Key, err, s.Body)
		}
	}
	if !d.Approved() {
		t.Fatal("not approved")
	}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	if i := strings.IndexAny(md.String(), "[]"); i >= 0 {
		t.Errorf("approved demand.md holds a bracket: %q", md.String()[max(0, i-60):min(len(md.String()), i+60)])
	}
	paras, tables := docParagraphs(t, docxParts(t, d)["word/document.xml"])
	for _, p := range paras {
		if strings.ContainsAny(p.text, "[]") {
			t.Errorf("approved demand.docx paragraph holds a bracket: %q", p.text)
		}
	}
	for _, tb := range tables {
		for _, row := range tb {
			for _, cell := range row {
				if strings.ContainsAny(cell, "[]") {
					t.Errorf("approved demand.docx table cell holds a bracket: %q", cell)
				}
			}
		}
	}
}
