package rules

import (
	"regexp"
	"strings"

	"github.com/medchron/medchron/extract/layout"
)

// A fee schedule printed as a bill (an encounter form) captions the
// office's fee apart from the charge billed: "Fee   Units   Charge". A row
// that prints its fee alone billed nothing; a billed row's charge is the
// amount under the charge caption (the fee times the units), not the fee.

// reFeeCaption and reChargeCaption are the two captions.
var (
	reFeeCaption    = regexp.MustCompile(`(?i)^(?:fee|unit fee|std fee|usual fee)$`)
	reChargeCaption = regexp.MustCompile(`(?i)^(?:charges?|amount|total|line total)$`)
)

// feeColumns are where a header row ends its fee and charge captions.
type feeColumns struct{ fee, charge int }

// feeColumnsOf reads the fee and charge captions of a header row, the
// charge right of the fee; ok is false when the row prints not both.
func feeColumnsOf(s string) (feeColumns, bool) {
	var fc feeColumns
	for _, c := range layout.Cells(s) {
		cap := strings.TrimSpace(s[c.Start:c.End])
		switch {
		case reFeeCaption.MatchString(cap) && fc.fee == 0:
			fc.fee = c.End
		case reChargeCaption.MatchString(cap) && fc.fee > 0:
			fc.charge = c.End
		}
	}
	return fc, fc.fee > 0 && fc.charge > fc.fee
}

// feeOnly reports whether every amount of row r stands nearer the fee
// caption than the charge caption: a service of the schedule not billed.
func (fc feeColumns) feeOnly(r billRow) bool {
	for _, sp := range r.aspans {
		if abs(sp.b-fc.charge) < abs(sp.b-fc.fee) {
			return false
		}
	}
	return len(r.aspans) > 0
}

// charged returns the amount of row r under the charge caption, if any.
func (fc feeColumns) charged(r billRow) (float64, bool) {
	for i, sp := range r.aspans {
		if abs(sp.b-fc.charge) < abs(sp.b-fc.fee) {
			return r.amts[i], true
		}
	}
	return 0, false
}
