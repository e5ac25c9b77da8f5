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

// Extract reads the document's layout (page classes, sections and their
// providers, boilerplate), then reads facts page class by page class:
// clinical notes and reports become encounters, visit logs one encounter
// per row, bills line items and printed totals; administrative, blank,
// EOB and other pages yield nothing. Every quote is a verbatim substring
// of the cited page's text.
func (e *Extractor) Extract(ctx context.Context, doc extract.Document, pages []extract.Page) (extract.Result, error) {
	if err := ctx.Err(); err != nil {
		return extract.Result{}, fmt.Errorf("rules extract %s: %w", doc.File, err)
	}
	var res extract.Result
	d := layout.Analyze(pages)
	ls := linesOf(d)
	res.Patient = d.Patient
	res.Pages = d.PageInfos()
	for _, r := range runs(d) {
		if err := ctx.Err(); err != nil {
			return res, fmt.Errorf("rules extract %s page %d: %w", doc.File, d.Pages[r.first].Number, err)
		}
		part := ls[d.Pages[r.first].First:d.Pages[r.last].End]
		if len(part) == 0 {
			continue
		}
		switch r.class {
		case extract.PageBill:
			for _, n := range segment(part, d) {
				prov, _ := n.provider()
				if prov == "" {
					prov = noteProvider(d, n)
				}
				items, totals := n.bills(doc.ID, prov)
				res.Bills = append(res.Bills, items...)
				res.BillTotals = append(res.BillTotals, totals...)
			}
		case extract.PageVisitLog:
			for _, enc := range e.visitLog(doc.ID, d, part) {
				if !repeated(res.Encounters, enc) {
					res.Encounters = append(res.Encounters, enc)
				}
			}
		case extract.PageClinical, extract.PageReport:
			for k, n := range segment(part, d) {
				prov, pli := n.provider()
				if prov == "" {
					prov = noteProvider(d, n)
				}
				n.first = k == 0
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
		}
	}
	return res, nil
}

// run is a stretch of consecutive pages read the same way: pages of one
// class in one section (indexes into Doc.Pages, inclusive).
type run struct {
	first, last int
	class       string
}

// runs cuts the document into runs. A titled report page always opens a
// run of its own: an imaging report filed inside another provider's packet
// is its own record.
func runs(d *layout.Doc) []run {
	var out []run
	for i, p := range d.Pages {
		if len(out) > 0 {
			r := &out[len(out)-1]
			prev := d.Pages[r.last]
			if p.Class == r.class && p.Section == prev.Section && !(p.Class == extract.PageReport && p.Title != "") {
				r.last = i
				continue
			}
		}
		out = append(out, run{first: i, last: i, class: p.Class})
	}
	return out
}

// noteProvider is the provider of the document section a note begins in.
func noteProvider(d *layout.Doc, n *note) string {
	return d.ProviderAt(n.lines[0].idx)
}

// encounter builds the encounter of one note. A note that prints no date
// of service is kept undated when it stands as a record of its own (see
// standsAlone); false when it does not.
func (e *Extractor) encounter(doc string, n *note, prov string, pli int, patient string) (extract.Encounter, bool) {
	best, end, ok := n.chooseDate()
	var enc extract.Encounter
	cites := citer{doc: doc}
	if ok && best.label == lblSigned {
		// A signature or print date dates only a record that stands alone.
		_, ok = n.standsAlone()
		if !ok {
			return extract.Encounter{}, false
		}
	}
	if ok {
		dl := best.l
		enc = extract.Encounter{Date: best.date, EndDate: end, Provider: prov}
		cites.add(dl, dl.quote(best.m.Start, best.m.End))
	} else {
		li, ok := n.standsAlone()
		if !ok {
			return extract.Encounter{}, false
		}
		enc = extract.Encounter{Provider: prov, Undated: true}
		cites.add(n.lines[li], n.lines[li].quoteAll())
	}
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
