package demand

import (
	"testing"

	"github.com/medchron/medchron/chronology"
)

func TestEligible(t *testing.T) {
	tests := []struct {
		name       string
		review     string
		grounded   bool
		wantBasis  Basis
		wantReason string
	}{
		{"reviewed and grounded", chronology.ReviewVerified, true, BasisReviewed, ""},
		{"reviewed, quote not found: the reviewer read the page", chronology.ReviewVerified, false, BasisReviewed, ""},
		{"corrected", chronology.ReviewCorrected, false, BasisReviewed, ""},
		{"unreviewed, grounded", chronology.ReviewUnreviewed, true, BasisGrounded, ""},
		{"no review state, grounded", "", true, BasisGrounded, ""},
		{"unreviewed, quote not found", chronology.ReviewUnreviewed, false, "", ReasonUngrounded},
		{"rejected though grounded", chronology.ReviewRejected, true, "", ReasonRejected},
		{"rejected, not grounded", chronology.ReviewRejected, false, "", ReasonRejected},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			basis, reason := Eligible(chronology.Entry{Review: tt.review, Grounded: tt.grounded})
			if basis != tt.wantBasis || reason != tt.wantReason {
				t.Errorf("Eligible = %q, %q; want %q, %q", basis, reason, tt.wantBasis, tt.wantReason)
			}
		})
	}
}
