package layout

import (
	"strings"
	"testing"
)

// TestCarbonCopyIsNoComplaint: a letter's "cc:" line lists who gets a
// copy (a practice, a physician); a note's "CC:" is its chief complaint.
func TestCarbonCopyIsNoComplaint(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Heading
	}{
		{"CC: Neck pain after a rear-end collision", Complaints},
		{"CC: Low back pain radiating to the left leg", Complaints},
		{"cc: Cedar Ridge Physical Therapy", NoHeading},
		{"CC: Cedar Ridge Physical Therapy", NoHeading},
		{"CC: Dr. Omar Vance", NoHeading},
		{"cc: file", NoHeading},
	} {
		l := &Line{Text: tc.text, Trim: strings.TrimSpace(tc.text)}
		if got, _ := headingOf(l); got != tc.want {
			t.Errorf("%q: heading %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestHeadingAfterSpeck: OCR set a quote mark, an underscore or a point
// before a section heading ("‘ DIAGNOSES:"): still the heading.
func TestHeadingAfterSpeck(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Heading
	}{
		{"‘ DIAGNOSES:", Assessment},
		{"_ Assessment: Cervical strain.", Assessment},
		{". Plan: Continue therapy.", headings["plan"]},
		{"'DIAGNOSES:", Assessment},
		{"- Exam:", headings["exam"]},
		{"- Neck: tender over the paraspinals", NoHeading},
		{"* Left shoulder: full range", NoHeading},
	} {
		l := &Line{Text: tc.text, Trim: strings.TrimSpace(tc.text)}
		if got, _ := headingOf(l); got != tc.want {
			t.Errorf("%q: heading %v, want %v", tc.text, got, tc.want)
		}
	}
}
