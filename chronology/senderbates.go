package chronology

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
)

// batesPrefix is a Bates prefix a matter may set (ValidBatesPrefix).
var batesPrefix = lazyre.New(`^[A-Z][A-Z0-9_-]{0,11}$`)

// ValidBatesPrefix checks a matter's Bates prefix: a capital, then up to
// eleven capitals, digits, dashes or underscores ("" is the default).
func ValidBatesPrefix(s string) error {
	if s != "" && !batesPrefix.MatchString(s) {
		return fmt.Errorf("Bates prefix %q: want a capital letter, then up to 11 capitals, digits, - or _", s)
	}
	return nil
}

// senderToken is a production number standing alone in a line: a prefix
// of one to twelve capitals and digits starting with a capital, an
// optional space, underscore or dash, and a number of four to nine digits.
var senderToken = lazyre.New(`(?:^|\s)([A-Z][A-Z0-9&]{0,11}?)([ _-]?)(\d{4,9})(?:\s|$)`)

// notBatesPrefix are words printed before a number that make it a page,
// record or account number rather than a production number.
var notBatesPrefix = map[string]bool{
	"PAGE": true, "PG": true, "P": true, "NO": true, "MRN": true, "ACCT": true, "ACCOUNT": true, "ID": true,
	"DOB": true, "CLAIM": true, "NPI": true, "TIN": true, "EIN": true, "FAX": true, "PH": true, "TEL": true,
	"RX": true, "INV": true, "INVOICE": true, "CPT": true, "ICD": true, "DOS": true, "REF": true, "CASE": true,
}

// stampLines is how many non-empty lines at the top and at the bottom of
// a page are searched for a sender's stamp.
const stampLines = 3

// senderCandidate is a production number printed on a page.
type senderCandidate struct {
	prefix, sep string
	num, width  int
}

func (c senderCandidate) format(num int) string {
	return fmt.Sprintf("%s%s%0*d", c.prefix, c.sep, c.width, num)
}

// senderBates returns the Bates numbers the sender stamped on a
// document's pages (index 0: page 1), or nil when it did not stamp every
// page. A sender's numbers are one prefix with consecutive numbers, page
// after page, printed in the first or last lines of each page; a
// one-page document's number must be zero-padded, since nothing else
// confirms it. Numbers with the matter's own prefix, or already kept for
// an earlier document (taken), are not kept: every page of the matter has
// one number and no number two pages. The numbers kept are added to
// taken.
func senderBates(pages map[int]*extract.Page, count int, prefix string, taken map[string]bool) []string {
	if count == 0 {
		return nil
	}
	cands := make([][]senderCandidate, count)
	for i := range count {
		p := pages[i+1]
		if p == nil {
			return nil
		}
		cands[i] = pageSenderCandidates(p.Text)
		if len(cands[i]) == 0 {
			return nil
		}
	}
	own := strings.ToUpper(strings.TrimRight(prefix, " _-"))
	for _, c := range cands[0] {
		if c.prefix == own || count == 1 && len(strconv.Itoa(c.num)) == c.width { // not zero-padded
			continue
		}
		out := make([]string, count)
		ok := true
		for i := range count {
			want := c.format(c.num + i)
			if !hasCandidate(cands[i], c, c.num+i) || taken[want] {
				ok = false
				break
			}
			out[i] = want
		}
		if ok {
			for _, b := range out {
				taken[b] = true
			}
			return out
		}
	}
	return nil
}

// hasCandidate reports whether cs holds number num of c's series.
func hasCandidate(cs []senderCandidate, c senderCandidate, num int) bool {
	for _, x := range cs {
		if x.prefix == c.prefix && x.sep == c.sep && x.num == num {
			return true
		}
	}
	return false
}

// pageSenderCandidates returns the production numbers printed in the
// first and last stampLines non-empty lines of a page's text.
func pageSenderCandidates(text string) []senderCandidate {
	var lines []string
	for l := range strings.SplitSeq(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	var out []senderCandidate
	for i, l := range lines {
		if i >= stampLines && i < len(lines)-stampLines {
			continue
		}
		for _, m := range senderToken.FindAllStringSubmatch(l, -1) {
			if notBatesPrefix[m[1]] {
				continue
			}
			num, err := strconv.Atoi(m[3])
			if err != nil {
				continue
			}
			out = append(out, senderCandidate{prefix: m[1], sep: m[2], num: num, width: len(m[3])})
		}
	}
	return out
}
