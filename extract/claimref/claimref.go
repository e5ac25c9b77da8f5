// Package claimref finds the claim numbers and payers that bills and
// claim forms print ("Claim # 4839201", "Primary: Acme Auto - Med Pay/PIP",
// "Insurance Carrier: …"), for the demand letter's Re: block. What it finds
// is a suggestion with its page: a PIP or health insurer's claim is not the
// liability carrier's, so an attorney confirms every value before a letter
// states it.
package claimref

import (
	"sort"
	"strings"
	"unicode"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
)

// Kinds of reference.
const (
	KindClaimNumber = "claim_number"
	KindPayer       = "payer"
)

// Reference is one value printed in the records, with how often and where.
type Reference struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
	// Label is the label it was printed under, as printed ("Claim #",
	// "Primary", "Insurance Carrier").
	Label string `json:"label"`
	// Pages counts the pages that print it.
	Pages int `json:"pages"`
	// Citations are its first pages (at most maxCites), each quoting the
	// line that prints it.
	Citations []extract.Citation `json:"citations"`
}

const (
	maxCites   = 3
	maxValue   = 60
	maxPerKind = 5
)

var (
	// claimRe: a claim number after its label; the value holds a digit.
	claimRe = lazyre.New(`(?i)\b(claim\s*(?:#|no\b\.?|number|num\b\.?|id\b))\s*[:.#]?\s*([A-Z0-9][A-Z0-9\-/]{3,24})\b`)
	// payerRe: a payer's name after its label, up to a wide gap or the
	// end of the line.
	payerRe = lazyre.New(`(?i)\b((?:primary|secondary)(?:\s+(?:insurance|payer|carrier))?|insurance(?:\s+(?:company|carrier|co\.?|plan(?:\s+name)?))?|insurer|carrier|payer|payor|auto\s+carrier)\s*:\s*(\S.*?)(?:\s{2,}|\t|$)`)
	// notPayer are values that name no insurer.
	notPayer = lazyre.New(`(?i)^(?:self[\s-]*pay|none|n/?a|patient|guarantor|same|unknown|pending|yes|no|see\b|attorney\b|lop\b|letter of protection)`)
)

// Find returns the claim numbers and payers printed on pages, the most
// often printed first within each kind (claim numbers before payers), at
// most five of each.
func Find(pages []extract.Page) []Reference {
	type key struct{ kind, value string }
	found := map[key]*Reference{}
	var order []key
	add := func(kind, label, value string, p *extract.Page, line string) {
		k := key{kind, strings.ToUpper(value)}
		r := found[k]
		if r == nil {
			r = &Reference{Kind: kind, Value: value, Label: label}
			found[k] = r
			order = append(order, k)
		}
		if n := len(r.Citations); n > 0 && r.Citations[n-1].DocumentID == p.DocumentID && r.Citations[n-1].Page == p.Number {
			return
		}
		r.Pages++
		if len(r.Citations) < maxCites {
			r.Citations = append(r.Citations, extract.Citation{DocumentID: p.DocumentID, Page: p.Number, Quote: line})
		}
	}
	for i := range pages {
		p := &pages[i]
		if !mayHold(p.Text) {
			continue
		}
		for _, line := range strings.Split(p.Text, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			for _, m := range claimRe.FindAllStringSubmatch(line, -1) {
				if v := m[2]; strings.ContainsFunc(v, unicode.IsDigit) {
					add(KindClaimNumber, label(m[1]), v, p, line)
				}
			}
			for _, m := range payerRe.FindAllStringSubmatch(line, -1) {
				if v := payerValue(m[2]); v != "" {
					add(KindPayer, label(m[1]), v, p, line)
				}
			}
		}
	}
	out := make([]Reference, 0, len(order))
	for _, k := range order {
		out = append(out, *found[k])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind == KindClaimNumber
		}
		return out[i].Pages > out[j].Pages
	})
	return keepPerKind(out)
}

// mayHold reports whether a page's text can hold a reference at all.
func mayHold(text string) bool {
	l := strings.ToLower(text)
	for _, w := range []string{"claim", "insur", "carrier", "payer", "payor", "primary", "secondary"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// payerValue is a printed payer's name, or "" when it names none: a claim
// number printed after it on the line is cut off.
func payerValue(v string) string {
	if loc := claimRe.FindStringIndex(v); loc != nil {
		v = v[:loc[0]]
	}
	v = strings.Trim(strings.TrimSpace(v), ",;:-–")
	if v == "" || len(v) > maxValue || notPayer.MatchString(v) || !strings.ContainsFunc(v, unicode.IsLetter) {
		return ""
	}
	return v
}

// label is a printed label with its spacing folded.
func label(s string) string { return strings.Join(strings.Fields(s), " ") }

func keepPerKind(rs []Reference) []Reference {
	n := map[string]int{}
	out := rs[:0]
	for _, r := range rs {
		if n[r.Kind] < maxPerKind {
			n[r.Kind]++
			out = append(out, r)
		}
	}
	return out
}
