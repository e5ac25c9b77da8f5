package rules

import (
	"regexp"
	"strings"

	"github.com/medchron/medchron/extract/layout"
)

// reBillerLabel labels who gave what a bill lists when its heading names
// someone else (a health plan's claims history names the pharmacy that
// filled each prescription; a payer's statement the provider it paid):
// "Dispensing pharmacy: CAREPLUS DRUG, Cedar Falls, IA", "Billing
// provider: ...".
var reBillerLabel = regexp.MustCompile(`(?i)(?:^|\s)((dispensing\s+pharmacy|pharmacy\s+name|filled\s+by|dispensed\s+by)|` +
	`billing\s+provider|servicing\s+provider|service\s+provider|pay[- ]to\s+provider|supplier)\s*(?:name)?\s*[:#-]\s*(\S.*)`)

// labelledBiller returns the provider a bill's label names, the name cut
// before its address or number ("CAREPLUS DRUG"), or "", and whether the
// label names the pharmacy that filled the prescriptions: only a
// pharmacy's own printout or a payer's claims history prints one, and in
// both the pharmacy is who billed each fill, whatever the heading names
// (a health plan whose name need not say it is one, "Keystone Health
// Alliance").
func (n *note) labelledBiller() (string, bool) {
	for _, l := range n.lines[:min(len(n.lines), max(n.body, 12))] {
		m := reBillerLabel.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		v := cutCells(m[3])
		if i := strings.IndexAny(v, ",(#"); i > 0 {
			v = v[:i]
		}
		if v = layout.CleanProvider(v); layout.HasLetters(v) && len(v) > 3 && !layout.HasCredential(v) {
			return v, m[2] != ""
		}
	}
	return "", false
}
