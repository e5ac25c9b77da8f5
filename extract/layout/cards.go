package layout

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
)

// Rows of visit cards: a visit summary may print its visits as cards side
// by side, two or more to a row, each opening with its label and its date
// ("Visit 3   12/26/2023   Visit 4   12/28/2023").

// CardHead is where a card opens on its row: its first byte and its date.
type CardHead struct {
	Start int
	Date  dates.Match
}

// CardHeads returns the cards a row opens, or nil when the row is not a
// row of two cards or more. Every cell of the row must belong to a card:
// a label with letters and no date (at most 30 bytes), then a cell that is
// the card's date, perhaps after a label of its own ("DOS"), or one cell
// holding a label then its date.
func CardHeads(text string, ds []dates.Match) []CardHead {
	return CardHeadsAtLeast(text, ds, 2)
}

// CardHeadsAtLeast is CardHeads for rows of at least n cards: 1 reads the
// last row of a page of cards, which may hold a single card.
func CardHeadsAtLeast(text string, ds []dates.Match, n int) []CardHead {
	if len(ds) < n || n < 1 {
		return nil
	}
	var cs []Cell
	for _, c := range Cells(text) {
		if t := text[c.Start:c.End]; HasLetters(t) || strings.ContainsAny(t, "0123456789") {
			cs = append(cs, c) // not OCR debris
		}
	}
	dateIn := func(c Cell) (dates.Match, bool) {
		for _, m := range ds {
			if m.Start >= c.Start && m.End <= c.End {
				return m, true
			}
		}
		return dates.Match{}, false
	}
	isLabel := func(s string) bool {
		s = strings.TrimSpace(strings.TrimRight(s, ":#-– "))
		return s != "" && len(s) <= 30 && HasLetters(s) && !notVisitLabel(s)
	}
	var out []CardHead
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		m, ok := dateIn(c)
		if !ok {
			// A label cell, then a cell that is only its date.
			if i+1 == len(cs) || !isLabel(text[c.Start:c.End]) {
				return nil
			}
			n := cs[i+1]
			if m, ok = dateIn(n); !ok {
				return nil
			}
			if pre := strings.Trim(text[n.Start:m.Start], " .,:;"); pre != "" && !isLabel(pre) || strings.Trim(text[m.End:n.End], " .,:;") != "" {
				return nil
			}
			out = append(out, CardHead{Start: c.Start, Date: m})
			i++
			continue
		}
		// One cell: a label, then its date ending the cell.
		if !isLabel(text[c.Start:m.Start]) || strings.Trim(text[m.End:c.End], " .,:;") != "" {
			return nil
		}
		out = append(out, CardHead{Start: c.Start, Date: m})
	}
	if len(out) < n {
		return nil
	}
	return out
}

// notVisitLabel reports whether a date's label names a date that is no
// visit: birth, injury, signature, print, statement or due dates, a
// problem's onset, noted and resolved dates (an EHR's problem list), a
// drug's start, last fill and stop dates (its medication list), or the
// dates of a payer's authorization (requested, approved or denied,
// effective, expiring), which a therapy clinic's tracker prints above the
// visits the authorization allows.
func notVisitLabel(s string) bool {
	low := strings.ToLower(s)
	for _, w := range []string{"birth", "dob", "injur", "doi", "accident", "sign", "print", "statement", "due", "fax", "received",
		"request", "approv", "denied", "authoriz", "authoris", "effective", "expir", "onset", "noted", "resolved",
		"started", "filled", "stopped", "discontinu"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}
