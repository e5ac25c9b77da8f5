package rules

import (
	"regexp"
	"strings"
)

// Grouped bills: a pharmacy's medication history prints each prescription
// as a header line (Rx number, drug and strength, NDC, prescriber,
// refills) with its fills below it, one dated row each with its quantity
// and amounts. The header is no line item and bills nothing; every fill
// under it is a line of its own that bills the header's drug. None of the
// header's numbers (Rx number, NDC, refills) is a procedure code or an
// amount.

// reGroupHeader opens a prescription's group: an Rx number at the start
// of the line, or an NDC printed in its 4-4-2, 5-3-2, 5-4-1 or 5-4-2 form.
var reGroupHeader = regexp.MustCompile(`(?i)^(?:rx|prescription)\s*(?:#|no\.?|number)?\s*:?\s*\d{5,}|\bndc\s*#?:?\s*\d{4,5}-\d{3,4}-\d{1,2}\b`)

// groupHeader reports whether a bill line that prints no amount heads a
// group of rows (a prescription over its fills), and returns the item it
// names ("CYCLOBENZAPRINE 10MG TAB"), or "" when the line heads no group.
func groupHeader(trim string) string {
	if !reGroupHeader.MatchString(trim) {
		return ""
	}
	return groupLabel(trim)
}

// groupLabel is the name a group header gives its item: the words after
// the Rx number, up to the first label (NDC, prescriber, refills,
// quantity, sig, days supply).
func groupLabel(s string) string {
	low := strings.ToLower(s)
	end := len(s)
	for _, stop := range []string{"ndc", "prescriber", "presc:", "dr.", "refill", "qty", "quantity", "sig:", "days supply", "dispensed"} {
		if k := strings.Index(low, stop); k >= 0 && k < end && (k == 0 || low[k-1] == ' ') {
			end = k
		}
	}
	words := strings.Fields(s[:end])
	// The Rx number and its label open the line.
	for len(words) > 0 {
		w := strings.ToLower(strings.Trim(words[0], "#:."))
		if w == "rx" || w == "prescription" || w == "no" || w == "number" || w == "" || allDigits(strings.TrimLeft(strings.Trim(words[0], "#:."), "#")) {
			words = words[1:]
			continue
		}
		break
	}
	return clip(strings.Trim(strings.Join(words, " "), " -:,;"), 160)
}

// isPatientShare reports whether a bill's column caption is what the
// patient paid at the counter (a copay or coinsurance): a payment.
func isPatientShare(caption string) bool {
	return strings.HasPrefix(caption, "copay") || strings.HasPrefix(caption, "co-pay") || caption == "coinsurance"
}
