package rules

import (
	"strings"
	"unicode"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// reBillerLabel labels who gave what a bill lists when its heading names
// someone else (a health plan's claims history names the pharmacy that
// filled each prescription; a payer's statement the provider it paid):
// "Dispensing pharmacy: CAREPLUS DRUG, Cedar Falls, IA", "Billing
// provider: ..."; a collection agency's itemization names the practice
// whose account it collects: "Original creditor: ...".
var reBillerLabel = lazyre.New(`(?i)(?:^|\s)((dispensing\s+pharmacy|pharmacy\s+name|filled\s+by|dispensed\s+by|original\s+creditor|creditor\s+of\s+record)|` +
	`billing\s+provider|servicing\s+provider|service\s+provider|pay[- ]to\s+provider|supplier)\s*(?:name)?\s*[:#-]\s*(\S.*)`)

// reLabelAfter is a label that follows a name on its line, as OCR of a
// fax joins the cells with one space: "... Radiology Creditor acct:
// 62405828", "... Clinic Account No: 4471".
var reLabelAfter = lazyre.New(`(?i)\s+(?:(?:creditor|client|patient|our|your|provider|original)\s+)?(?:acct|account|ref|reference|file|id|npi|tin|tax\s+id|phone|tel|fax)\b\.?\s*(?:no\.?|number|#)?\s*[:#]`)

// labelledBiller returns the provider a bill's label names, the name cut
// before its address or number ("CAREPLUS DRUG"), or "", and whether the
// label names the pharmacy that filled the prescriptions or the original
// creditor: only a pharmacy's own printout or a payer's claims history
// prints the first, and in both the pharmacy is who billed each fill,
// whatever the heading names (a health plan whose name need not say it is
// one, "Keystone Health Alliance"); only a collection agency prints the
// second, under its own heading, and the creditor billed the care.
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
		if k := reLabelAfter.FindStringIndex(v); k != nil && k[0] > 0 {
			v = v[:k[0]] // the next label on the line, one space after the name
		}
		if v = layout.CleanProvider(v); layout.HasLetters(v) && len(v) > 3 && !layout.HasCredential(v) {
			return v, m[2] != ""
		}
	}
	return "", false
}

// rowProvider is the provider of a bill's row: the name its provider cell
// prints (a funder's statement of the charges it bought names who billed
// each), else the bill's.
func rowProvider(cell, provider string) string {
	if v := layout.CleanProvider(strings.Trim(cell, " &-,/")); layout.HasLetters(v) && len(v) > 3 {
		return v
	}
	return provider
}

// fullProviders gives the lines whose own row named their provider (not
// the bill's provider) the full name the document prints elsewhere for
// it: funders and lienholders cut a provider's name to the width of their
// column ("MEADOWBROOK SURGERY CE"), and the provider's own records,
// letterheads and bills print it whole. A cut name that begins one name
// only is that name (else its cut last word is completed, completeCut);
// when every charge line of the bill is one
// provider's, its totals are that provider's too.
func fullProviders(items []extract.BillLine, totals []extract.BillTotal, provider string, d *layout.Doc) {
	own := ""
	for i := range items {
		p := items[i].Provider
		if p == provider {
			if items[i].Kind == extract.LineCharge {
				own = "-"
			}
			continue
		}
		items[i].Provider = fullName(p, d)
		if items[i].Kind != extract.LineCharge {
			continue
		}
		switch own {
		case "":
			own = items[i].Provider
		case items[i].Provider:
		default:
			own = "-"
		}
	}
	if own == "" || own == "-" {
		return
	}
	for i := range totals {
		totals[i].Provider = own
	}
}

// fullName returns the one provider name of the document's sections that
// the cut name begins (compared by their words of letters and digits), or
// the cut name.
func fullName(cut string, d *layout.Doc) string {
	k := nameKey(cut)
	if len(k) < 8 {
		return cut
	}
	found := ""
	for _, s := range d.Sections {
		if s.Provider == "" || !strings.HasPrefix(nameKey(s.Provider), k) {
			continue
		}
		if found != "" && nameKey(found) != nameKey(s.Provider) {
			return cut // two names begin so: neither
		}
		if found == "" {
			found = s.Provider
		}
	}
	if found == "" {
		return completeCut(cut)
	}
	return found
}

// facilityWords are the words a facility's name ends with, which a cut
// name may end in the first letters of.
var facilityWords = []string{"center", "clinic", "hospital", "medical", "medicine", "associates", "group", "institute",
	"services", "surgery", "surgical", "orthopedics", "orthopaedics", "rehabilitation", "imaging", "radiology",
	"physicians", "partners", "health", "healthcare", "chiropractic", "therapy", "management", "ambulatory",
	"diagnostics", "laboratory", "specialists", "anesthesia", "emergency"}

// completeCut completes the last word of a cut name when it is the start,
// two letters or more, of one word of facilityWords and of no other
// ("CE" for Center, "Cl" for Clinic), in the name's case; any other name
// is returned as printed.
func completeCut(cut string) string {
	i := strings.LastIndexByte(cut, ' ')
	last := cut[i+1:]
	if i < 0 || len(last) < 2 || !allASCIILetters(last) {
		return cut
	}
	low, found := strings.ToLower(last), ""
	for _, w := range facilityWords {
		if w == low {
			return cut // a whole word
		}
		if strings.HasPrefix(w, low) {
			if found != "" {
				return cut // the start of two words: neither
			}
			found = w
		}
	}
	switch {
	case found == "":
		return cut
	case strings.ToUpper(last) == last:
		found = strings.ToUpper(found)
	default:
		found = last + found[len(last):]
	}
	return cut[:i+1] + found
}

// allASCIILetters reports whether s is letters a to z, either case.
func allASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// nameKey is a name's words of letters and digits, lower-cased, one space
// between them.
func nameKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}
