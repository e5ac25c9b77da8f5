package layout

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
)

// A treating physician's narrative report to a patient's lawyer (a
// medico-legal report) summarises the care the practice gave: each visit
// a sentence of prose that opens on its date ("On 05/17/2023, I saw Ms.
// Doe ..."), then diagnoses and opinions on causation, prognosis and
// future care. It prints no date of service of its own: it records no
// visit, and the visits it tells of are other records' (class other).

// sentenceDates adds to seen the dates on line l that open a sentence,
// "On 05/17/2023, ...": the word "On" before the date (and its day of the
// week, or "or about"), at the start of the line or after a sentence's end
// (prev, the text of the line above, ends with the "On" of a date that
// opens its line).
func sentenceDates(l *Line, prev string, seen map[dates.Date]bool) {
	for _, m := range l.Dates {
		pre := strings.TrimRight(l.Text[:m.Start], " \t")
		if pre == "" || strings.TrimSpace(pre) == "" {
			pre = strings.TrimRight(prev, " \t")
		}
		// "On Wednesday, July 5, 2023", "On or about 07/05/2023".
		pre = strings.TrimSuffix(strings.TrimRight(dropWeekday(pre), " \t"), " or about")
		before, ok := strings.CutSuffix(pre, "On")
		if !ok {
			continue
		}
		before = strings.TrimRight(before, " \t")
		if before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, ";") || strings.HasSuffix(before, ":") {
			seen[m.Date] = true
		}
	}
}

// careSummary reports whether a page is a medico-legal report summarising
// care: no date-of-service label, two visits or more told in prose, and
// the vocabulary of such a report or of a lawyer's correspondence.
func careSummary(f pageFeatures) bool {
	return f.service == 0 && f.proseVisits >= 2 && (f.n[fMedLegal] > 0 || f.n[fLegal] > 0)
}

// necessityLetter reports whether a page is a physician's letter of
// medical necessity: written to a payer's reviewer (under its claim file,
// its utilization review or its benefits) to have care authorized, it
// tells the history from the records (the accident, the emergency visit,
// the office's visits and the therapy course, each with its date), the
// findings of the last visit and the care requested, and why it is
// necessary. Two phrases of such a request or more (medical necessity, a
// request for authorization, reasonable and necessary), a word of the
// payer's and no label of a date of service but in its running text ("an
// MRI was performed on 5/25/23"): the letter records no visit, and the
// visits it cites are the notes' that print them.
func necessityLetter(f pageFeatures) bool {
	return f.service == f.textService && f.n[fNecessity] >= 2 && f.n[fClaimFile]+f.n[fUtilization]+f.n[fBenefits] > 0 &&
		(f.prose >= 2 || f.n[fLetter] > 0) && f.visitRows == 0 && f.moneyDated < 2
}

// summaryGoesOn reports whether page pi, after a page that summarises
// care, is a further page of that report: it prints no date of service,
// no title and no letterhead of its own, and gives the report's opinions
// or numbers itself a further page.
func summaryGoesOn(d *Doc, pi int, f pageFeatures) bool {
	if pi == 0 || !d.Pages[pi-1].careSummary || f.service > 0 || f.title != "" || f.letterhead {
		return false
	}
	return f.n[fMedLegal] > 0 || numberedPage(d, pi)
}
