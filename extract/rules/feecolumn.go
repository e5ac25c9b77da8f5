package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// A fee schedule printed as a bill (an encounter form) captions the
// office's fee apart from the charge billed: "Fee   Units   Charge". A row
// that prints its fee alone billed nothing; a billed row's charge is the
// amount under the charge caption (the fee times the units), not the fee.

// reFeeCaption and reChargeCaption are the two captions.
var (
	reFeeCaption    = lazyre.New(`(?i)^(?:fee|unit fee|std fee|usual fee)$`)
	reChargeCaption = lazyre.New(`(?i)^(?:charges?|amount|total|line total)$`)
)

// feeColumns are where a header row ends its fee and charge captions.
type feeColumns struct{ fee, charge int }

// feeColumnsOf reads the fee and charge captions of a header row, the
// charge right of the fee; ok is false when the row prints not both.
func feeColumnsOf(s string) (feeColumns, bool) {
	var fc feeColumns
	s = layout.BlankSpecks(s) // "Fee —_— Units", "=. — Charge" as OCR reads them
	for _, c := range layout.Cells(s) {
		cap := strings.TrimRight(strings.TrimSpace(s[c.Start:c.End]), ".:") // "Fee." as OCR reads a speck after it
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

// pairedFees reports whether the rows of page under a fee-and-charge
// header (ls, the lines after it) print a coded service with two amounts
// or more: the fee and, where billed, the charge. On such a page a
// service that prints one amount is a fee of the schedule, wherever OCR
// set it on the line (feeAlone).
func pairedFees(ls []line, page int, o rowOpts) bool {
	for _, l := range ls {
		if l.page != page {
			break
		}
		if l.noise || !moneyShaped(l.text) {
			continue
		}
		if billHeader(l.text) != nil && !hasDate(l.text) {
			break
		}
		if r := parseBillRow(l, o); r.code != "" && len(r.amts) >= 2 {
			return true
		}
	}
	return false
}

// feeAlone reports whether row r of line l, on a page whose billed rows
// print a fee and a charge, is a coded service with its fee alone and no
// ticked box: not billed.
func feeAlone(l line, r billRow) bool {
	ticked, _ := boxState(l.trim)
	return r.code != "" && len(r.amts) == 1 && !ticked
}

// feeAndCharge reports whether line l, under a header whose billed rows
// print a fee and a charge, is a coded service that prints both: billed,
// whatever OCR made of its box ("()" for a ticked "(x)").
func feeAndCharge(l line, cols []billCol) bool {
	r := parseBillRow(l, rowOpts{cols: cols})
	return r.code != "" && len(r.amts) >= 2
}
