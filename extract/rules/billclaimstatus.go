package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// A clearinghouse's claim status (or acknowledgment) report lists the
// submissions of a provider's claims, one row per claim line: the dates
// of service from and to, printed as the clearinghouse's EDI files print
// them (CCYYMMDD, or MMDDCCYY), the code, the charge, the status, and the
// day the payer or clearinghouse gave that status. The status date is no
// service; a rejected submission bills nothing (billstatus.go), and the
// same lines accepted when sent again are the charges.

// reStatusDated is the word before a date caption that dates a claim's
// processing, not its service: "Status Date", "Ack Date", "Paid Date",
// "Received Date", "Run Date".
var reStatusDated = lazyre.New(`(?i)\b(?:status|ack(?:nowledg(?:e?ment|ed))?|paid|pd|rec(?:ei)?v(?:e)?d|rec'd|adjudicat(?:ed|ion)|process(?:ed)?|run|sent|submi(?:tted|ssion)|response|resp)\.?\s+$`)

// statusDated reports whether the date caption after the header text
// before is one of when the claim was processed ("Status Date").
func statusDated(before string) bool { return reStatusDated.MatchString(before) }

// compactDay reads a date cell printed as an EDI file prints it: CCYYMMDD
// ("20231206") or MMDDCCYY ("12062023"), or MMDDYY ("120623"). An eight
// digit run reads one way at most: no month is 19 or 20.
func compactDay(v string) (dates.Date, bool) {
	if !allDigits(v) {
		return dates.Date{}, false
	}
	switch len(v) {
	case 8:
		if c := v[:2]; c == "19" || c == "20" {
			if d, ok := mdy(v[4:6], v[6:], v[:4]); ok {
				return d, true
			}
		}
		return mdy(v[:2], v[2:4], v[4:])
	case 6:
		return mdy(v[:2], v[2:4], v[4:])
	}
	return dates.Date{}, false
}

// postedHead reports whether the date caption nearest the span a..b
// captions a column of when the row was posted or processed.
func postedHead(hs []tableHead, a, b int) bool {
	best, dist := tableHead{}, 1<<30
	for _, h := range hs {
		if h.kind != headDate {
			continue
		}
		if d := max(0, h.a-b) + max(0, a-h.b); d < dist {
			best, dist = h, d
		}
	}
	return dist < 1<<30 && best.posted
}

// compactService dates a row from its compact service dates when the date
// it was read with stands under a column of when it was processed (a
// claim status report's status date): the first compact cell under
// another date caption is the service's first day, a second its last.
func (r *billRow) compactService(toks []token, hs []tableHead, take func(a, b int)) {
	if r.date.IsZero() || !postedHead(hs, r.dspan.a, r.dspan.b) {
		return
	}
	var from, to dates.Date
	var at span
	for _, t := range toks {
		if headAt(hs, t.a, t.b) != headDate || postedHead(hs, t.a, t.b) {
			continue
		}
		d, ok := compactDay(strings.Trim(t.s, ".,:;*'"))
		if !ok {
			continue
		}
		switch {
		case from.IsZero():
			from, at = d, span{t.a, t.b}
		case to.IsZero():
			to = d
		default:
			continue
		}
		take(t.a, t.b)
	}
	if from.IsZero() {
		return
	}
	r.date, r.dspan, r.to = from, at, to
}
