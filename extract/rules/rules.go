package rules

import (
	"context"
	"fmt"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
)

// CodeBook validates ICD-10-CM codes and describes them. Lookup takes a
// code in dotted form (S13.4XXA) and reports its description.
type CodeBook interface {
	Lookup(code string) (description string, ok bool)
}

// Options configure the rules extractor.
type Options struct {
	// Codes, when set, drops diagnosis codes it does not know and fills
	// descriptions the record does not print.
	Codes CodeBook
}

// Extractor is the offline, rules-based extractor.
type Extractor struct {
	opts Options
}

// New returns a rules extractor with the given options.
func New(opts Options) *Extractor { return &Extractor{opts: opts} }

var _ extract.Extractor = (*Extractor)(nil)

// Name returns "rules".
func (e *Extractor) Name() string { return "rules" }

// PromptVersion returns "": the rules extractor uses no prompt.
func (e *Extractor) PromptVersion() string { return "" }

// Extract segments the document into notes and bills and returns one
// encounter per dated note, the bill lines and printed totals, and the
// patient's name when labelled. Every quote is a verbatim substring of the
// cited page's text.
func (e *Extractor) Extract(ctx context.Context, doc extract.Document, pages []extract.Page) (extract.Result, error) {
	if err := ctx.Err(); err != nil {
		return extract.Result{}, fmt.Errorf("rules extract %s: %w", doc.File, err)
	}
	var res extract.Result
	d := layout.Analyze(pages)
	ls := linesOf(d)
	res.Patient = d.Patient
	res.Pages = d.PageInfos()
	var prev *note
	prevProvider := ""
	for _, n := range segment(ls) {
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("rules extract %s page %d: %w", doc.File, n.lines[0].page, err)
		}
		prov, pli := n.provider()
		if prov == "" && n.continues(prev) {
			prov = prevProvider
		}
		prev, prevProvider = n, prov
		if n.bill {
			items, totals := n.bills(doc.ID, prov)
			res.Bills = append(res.Bills, items...)
			res.BillTotals = append(res.BillTotals, totals...)
			continue // a statement date is not a visit
		}
		if enc, ok := e.encounter(doc.ID, n, prov, pli, res.Patient); ok && !repeated(res.Encounters, enc) {
			res.Encounters = append(res.Encounters, enc)
		}
	}
	return res, nil
}

// continues reports whether a note without a letterhead of its own goes on
// with the previous note's record, and so with its provider: it begins on
// the page where the previous note ends (a note cut below another on the
// same printed page), or it has no date-of-service header of its own (a
// continuation or flowsheet page). A note that opens a page with its own
// date header but no recognised letterhead is another record: its provider
// is unknown rather than the previous one's.
func (n *note) continues(prev *note) bool {
	if prev == nil {
		return false
	}
	first := n.lines[0]
	if prev.lines[len(prev.lines)-1].page == first.page {
		return true
	}
	return !n.datedHeader()
}

// datedHeader reports whether the note's header block, or the first lines
// of a note without one, label a date of service.
func (n *note) datedHeader() bool {
	for i, l := range n.lines {
		if i >= max(n.body, 4) || l.page != n.lines[0].page {
			break
		}
		if _, ok := serviceDate(l); ok {
			return true
		}
	}
	return false
}

// encounter builds the encounter of one note; false when it has no date.
func (e *Extractor) encounter(doc string, n *note, prov string, pli int, patient string) (extract.Encounter, bool) {
	best, end, ok := n.chooseDate()
	if !ok {
		return extract.Encounter{}, false
	}
	dl := best.l
	enc := extract.Encounter{Date: best.date, EndDate: end, Provider: prov}
	cites := citer{doc: doc}
	cites.add(dl, dl.quote(best.m.Start, best.m.End))
	if pli >= 0 {
		cites.add(n.lines[pli], n.lines[pli].quoteAll())
	}
	enc.ProviderKind = providerKind(prov, n.title, n)
	enc.NPI = n.npi()
	enc.Clinician = n.clinician(patient)
	enc.VisitType = n.visitType(enc.ProviderKind)
	enc.Complaints, enc.Findings, enc.Assessment, enc.Plan = n.sectionTexts()
	dx, where := n.diagnoses(e.opts.Codes)
	enc.Diagnoses = dx
	for _, li := range where {
		cites.add(n.lines[li], n.lines[li].quoteAll())
	}
	enc.Procedures = n.procedures()
	enc.Medications = n.medications()
	if v, li, ok := n.pain(); ok {
		enc.PainScore = &v
		cites.add(n.lines[li], n.lines[li].quoteAll())
	}
	enc.WorkStatus = n.workStatus()
	enc.Referrals, enc.Orders = n.referralsAndOrders()
	enc.Citations = cites.list
	return enc, true
}

// repeated reports whether enc repeats an earlier encounter of the same
// document exactly (a page printed twice in a bundle): same date, provider
// and quotes.
func repeated(prev []extract.Encounter, enc extract.Encounter) bool {
	for _, p := range prev {
		if p.Date != enc.Date || p.Provider != enc.Provider || len(p.Citations) != len(enc.Citations) {
			continue
		}
		same := true
		for i := range p.Citations {
			same = same && p.Citations[i].Quote == enc.Citations[i].Quote
		}
		if same {
			return true
		}
	}
	return false
}

// citer collects distinct citations.
type citer struct {
	doc  string
	list []extract.Citation
}

func (c *citer) add(l line, q string) {
	q = strings.TrimSpace(q)
	if q == "" {
		return
	}
	for _, x := range c.list {
		if x.Page == l.page && x.Quote == q {
			return
		}
	}
	c.list = append(c.list, l.cite(c.doc, q))
}
