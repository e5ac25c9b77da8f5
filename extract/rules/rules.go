package rules

import (
	"context"
	"fmt"
	"github.com/medchron/medchron/internal/textutil"
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
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
	heads := map[int]string{}       // the heading of each clinical note's encounter, by index
	var problems []extract.Citation // the problem lists of visit logs (yieldProblemLists)
	d := layout.Analyze(pages)
	ls := linesOf(d)
	births := birthDates(ls)
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
			for _, n := range billNotes(part, d) {
				pg := &d.Pages[d.PageIndex(n.lines[0].page)]
				prov := ""
				if pg.BillKind == "cms1500" && pg.Own.Kind == layout.FromBill {
					// Box 33's billing provider: the name over the form's
					// title is the payer's (its carrier block).
					prov = noteProvider(d, n)
				}
				if prov == "" {
					prov = n.billProvider()
				}
				if prov == "" {
					prov = noteProvider(d, n)
				}
				items, totals := n.bills(doc.ID, prov, pg.BillKind)
				fullProviders(items, totals, prov, d)
				res.Bills = append(res.Bills, items...)
				res.BillTotals = append(res.BillTotals, totals...)
			}
		case extract.PageVisitLog:
			if tbl, ok := e.encounterTable(doc.ID, part, d.ProviderAt(part[0].idx), d.Pages[r.first].Title); ok {
				// A care summary whose dated tables made it look like a
				// log: its encounters table lists its visits.
				res.Encounters = appendNew(res.Encounters, tbl.encs...)
				continue
			}
			encs, lists := e.visitLog(doc.ID, d, part)
			problems = append(problems, lists...)
			for _, enc := range encs {
				if !repeated(res.Encounters, enc, nil) {
					res.Encounters = append(res.Encounters, enc)
				}
			}
		case extract.PageClinical, extract.PageReport:
			start := len(res.Encounters)
			// A care summary lists its visits in a table: one encounter
			// a row (enctable.go).
			tbl, _ := e.encounterTable(doc.ID, part, d.ProviderAt(part[0].idx), d.Pages[r.first].Title)
			res.Encounters = appendNew(res.Encounters, tbl.encs...)
			prev := -1                  // the run's last encounter, in res.Encounters
			prevHeading := ""           // the heading of the note that made it
			var prevNote *note          // the note that made it
			lastProv, lastPage := "", 0 // the provider and last page of the note before
			for k, n := range segment(part, d) {
				n.class = r.class
				prov, pli := n.provider()
				if prov == "" || continuesSection(d, n) {
					// A further page of the record before names the
					// practice as its section does, whatever its letterhead
					// prints.
					prov = noteProvider(d, n)
				}
				if prov == "" && n.lines[0].page == lastPage {
					// Another visit of a page whose first visit named the
					// practice: the same record.
					prov = lastProv
				}
				if prov == "" {
					// Nothing printed names it: the facility the prose
					// says the patient was admitted or brought to.
					prov, pli = n.proseProvider()
				}
				lastProv, lastPage = prov, n.lines[len(n.lines)-1].page
				n.first = k == 0
				n.births = births
				if tbl.encs != nil && n.lines[0].idx <= tbl.last && n.lines[0].idx >= tbl.first {
					// A part of the care summary whose table gave its
					// visits (a note that opens on its page, before its
					// last row): its creation date is none. A record that
					// began on a page before runs on into it unread.
					res.Expected = append(res.Expected, n.expectedIn(doc.ID, tbl.encs[len(tbl.encs)-1].Date, tbl.encs[0].Provider)...)
					prev = -1
					continue
				}
				if n.bill {
					items, totals := n.bills(doc.ID, prov, "")
					res.Bills = append(res.Bills, items...)
					res.BillTotals = append(res.BillTotals, totals...)
					continue // a statement date is not a visit
				}
				if n.sessionNotHeld() {
					continue // a dated stub of a session cancelled or missed
				}
				enc, sessions, ok := e.encounter(doc.ID, n, prov, pli, res.Patient)
				if !ok {
					continue
				}
				if prev >= 0 && continuesRecord(res.Encounters[prev], enc, n) && sameTitle(prevHeading, n.heading()) &&
					(prevHeading != "" || !prevNote.lacks(n.heading())) {
					// A page of the record before it, whose repeated title
					// OCR read differently: cite it there.
					res.Encounters[prev].Citations = append(res.Encounters[prev].Citations, enc.Citations[0])
					continue
				}
				if prev >= 0 && sameVisit(res.Encounters[prev], enc) {
					// Another part of the same visit's record (the next
					// page's header block, an addendum): one encounter.
					exp := n.expectedIn(doc.ID, enc.Date, prov)
					mergeVisit(&res.Encounters[prev], enc)
					res.Expected = append(res.Expected, exp...)
					res.Encounters = appendNew(res.Encounters, sessions...)
					continue
				}
				exp := n.expectedIn(doc.ID, enc.Date, prov)
				enc.Referrals, enc.Orders = asked(exp)
				otherRecord := func(i int) bool {
					h, ok := heads[i]
					return ok && !sameTitle(h, n.heading())
				}
				if !repeated(res.Encounters, enc, otherRecord) {
					heads[len(res.Encounters)] = n.heading()
					res.Encounters = append(res.Encounters, enc)
					res.Expected = append(res.Expected, exp...)
					prev, prevHeading, prevNote = len(res.Encounters)-1, n.heading(), n
				}
				res.Encounters = appendNew(res.Encounters, sessions...)
			}
			citeEveryPage(res.Encounters[start:], d, ls, doc.ID)
		}
	}
	mendSpanDates(d, res.Encounters)
	yieldProblemLists(res.Encounters, problems)
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
			if p.Continues && p.Section == prev.Section && noteClass(p.Class) && noteClass(r.class) {
				// A page numbered a further page of the record before
				// goes on with it, though its words read as a note where
				// the first page's read as a report, or the reverse (a
				// records review whose first page lists imaging).
				r.last = i
				continue
			}
		}
		out = append(out, run{first: i, last: i, class: p.Class})
	}
	return out
}

// noteClass reports whether pages of class c are read as notes: clinical
// notes and reports.
func noteClass(c string) bool { return c == extract.PageClinical || c == extract.PageReport }

// continuesSection reports whether a note begins on a page that goes on
// with the record of the page before, in the same section.
func continuesSection(d *layout.Doc, n *note) bool {
	pi := d.PageIndex(n.lines[0].page)
	return pi > 0 && d.Pages[pi].Continues && d.Pages[pi].Section == d.Pages[pi-1].Section && noteProvider(d, n) != ""
}

// noteProvider is the provider of the document section a note begins in.
func noteProvider(d *layout.Doc, n *note) string {
	return d.ProviderAt(n.lines[0].idx)
}

// encounter builds the encounter of one note, and one more for each
// further session its date of service lists (see listedDates), each the
// note's own facts on its day, cited by its date. A note that prints no
// date of service is kept undated when it stands as a record of its own
// (see standsAlone); false when it does not.
func (e *Extractor) encounter(doc string, n *note, prov string, pli int, patient string) (extract.Encounter, []extract.Encounter, bool) {
	best, end, ok := n.chooseDate()
	var enc extract.Encounter
	cites := citer{doc: doc}
	if ok && best.label == lblSigned {
		// A signature or print date dates only a record that stands alone.
		_, ok = n.standsAlone()
		if !ok {
			return extract.Encounter{}, nil, false
		}
	}
	if ok {
		dl := best.l
		enc = extract.Encounter{Date: best.date, EndDate: end, Provider: prov}
		cites.add(dl, dl.quote(best.m.Start, best.m.End))
	} else {
		li, ok := n.standsAlone()
		if !ok {
			// A record that labels its date of service, a date OCR
			// destroyed, is a visit's record: kept undated, cited by
			// its label, for a reviewer to date from the page.
			if li = n.unreadService(); li < 0 || n.bodyLines() < 3 {
				return extract.Encounter{}, nil, false
			}
		}
		enc = extract.Encounter{Provider: prov, Undated: true}
		cites.add(n.lines[li], n.lines[li].quoteAll())
	}
	if pli >= 0 {
		cites.add(n.lines[pli], n.lines[pli].quoteAll())
	}
	enc.ProviderKind = providerKind(prov, n.title, n)
	if enc.ProviderKind == "physical_therapy" && n.workCapacity() {
		// A rehabilitation centre's name says therapy; its evaluation of
		// what the patient can do at work is none.
		enc.ProviderKind = "other"
	}
	enc.NPI = n.npi()
	enc.Phone = n.phone()
	enc.Clinician = n.clinician(patient)
	enc.VisitType = n.visitType(enc.ProviderKind, prov)
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
	// Every page the note runs over is cited, by its first line of text.
	for _, l := range n.lines {
		if !cites.cites(l.page) && pageLine(l) {
			cites.add(l, l.quoteAll())
		}
	}
	enc.Citations = cites.list
	var sessions []extract.Encounter
	if ok {
		for _, m := range listedDates(best) {
			s := enc
			s.Date, s.EndDate = m.Date, dates.Date{}
			s.Diagnoses, s.Procedures, s.Medications = slices.Clone(enc.Diagnoses), slices.Clone(enc.Procedures), slices.Clone(enc.Medications)
			s.Citations = append([]extract.Citation{best.l.cite(doc, best.l.quote(m.Start, m.End))}, enc.Citations[1:]...)
			sessions = append(sessions, s)
		}
		for _, sd := range n.sessionDays(best, sessions) {
			s := enc
			s.Date, s.EndDate = sd.m.Date, dates.Date{}
			s.Diagnoses, s.Procedures, s.Medications = slices.Clone(enc.Diagnoses), slices.Clone(enc.Procedures), slices.Clone(enc.Medications)
			s.Citations = append([]extract.Citation{sd.l.cite(doc, sd.l.quote(sd.m.Start, sd.m.End))}, enc.Citations[1:]...)
			sessions = append(sessions, s)
		}
	}
	return enc, sessions, true
}

// continuesRecord reports whether an undated note is a further page of
// the dated record before it: same provider, and it opens its page.
func continuesRecord(prev, enc extract.Encounter, n *note) bool {
	return enc.Undated && !prev.Undated && layout.SameProvider(prev.Provider, enc.Provider) && n.lines[0].top <= 3 &&
		len(prev.Citations) > 0 && prev.Citations[len(prev.Citations)-1].Page < n.lines[0].page
}

// lacks reports whether heading h, of a page after the note, is printed
// nowhere in the note: a further page of a record repeats the heading its
// first page printed, wherever on the line, and does not bring a heading
// of its own. False when h is empty.
func (n *note) lacks(h string) bool { return h != "" && !printsText(n.lines, h) }

// printsText reports whether one of the lines prints text, comparing case
// and spacing loosely.
func printsText(ls []line, text string) bool {
	text = strings.ToLower(textutil.FoldSpace(text))
	for _, l := range ls {
		if strings.Contains(strings.ToLower(textutil.FoldSpace(l.text)), text) {
			return true
		}
	}
	return false
}

// sameVisit reports whether two encounters of one run are parts of the
// same visit: the same date and provider.
func sameVisit(a, b extract.Encounter) bool {
	return !a.Undated && !b.Undated && a.Date == b.Date && (a.Provider == b.Provider || a.Provider != "" && b.Provider != "" && layout.SameProvider(a.Provider, b.Provider))
}

// mergeVisit folds b, another part of a's visit, into a: its citations,
// the facts a lacks, and its codes.
func mergeVisit(a *extract.Encounter, b extract.Encounter) {
	for _, c := range b.Citations {
		dup := false
		for _, x := range a.Citations {
			dup = dup || x.Page == c.Page && x.Quote == c.Quote
		}
		if !dup {
			a.Citations = append(a.Citations, c)
		}
	}
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&a.Clinician, b.Clinician)
	fill(&a.NPI, b.NPI)
	fill(&a.Complaints, b.Complaints)
	fill(&a.Findings, b.Findings)
	fill(&a.Assessment, b.Assessment)
	fill(&a.Plan, b.Plan)
	fill(&a.WorkStatus, b.WorkStatus)
	if a.EndDate.IsZero() {
		a.EndDate = b.EndDate
	}
	if a.PainScore == nil {
		a.PainScore = b.PainScore
	}
	a.Diagnoses = unionCoded(a.Diagnoses, b.Diagnoses)
	a.Procedures = unionCoded(a.Procedures, b.Procedures)
	a.Medications = unionStrings(a.Medications, b.Medications)
	a.Referrals = unionStrings(a.Referrals, b.Referrals)
	a.Orders = unionStrings(a.Orders, b.Orders)
}

func unionCoded(a, b []extract.Coded) []extract.Coded {
	for _, c := range b {
		dup := false
		for _, x := range a {
			dup = dup || x.Code == c.Code && strings.EqualFold(x.Description, c.Description)
		}
		if !dup {
			a = append(a, c)
		}
	}
	return a
}

func unionStrings(a, b []string) []string {
	for _, c := range b {
		dup := false
		for _, x := range a {
			dup = dup || strings.EqualFold(x, c)
		}
		if !dup {
			a = append(a, c)
		}
	}
	return a
}

// asked returns the referrals and the ordered studies among a note's
// expected records, as the encounter lists them.
func asked(exp []extract.ExpectedRecord) (refs, orders []string) {
	for _, x := range exp {
		switch x.Kind {
		case extract.ExpectReferral:
			refs = append(refs, x.What)
		case extract.ExpectImaging, extract.ExpectDiagnostic:
			orders = append(orders, x.What)
		}
	}
	return refs, orders
}

// appendNew appends the encounters that do not repeat one already read.
func appendNew(encs []extract.Encounter, more ...extract.Encounter) []extract.Encounter {
	for _, e := range more {
		if !repeated(encs, e, nil) {
			encs = append(encs, e)
		}
	}
	return encs
}

// repeated reports whether enc repeats an earlier encounter of the same
// document (a page printed twice in a bundle, read twice by OCR a little
// differently): same date and provider, the same date-bearing quote, and
// most of the shorter one's other quotes shared. other, when set, tells
// earlier encounters that are another record whatever they share (the
// admission's history and physical before its discharge summary, both
// dated by the admission and listing its diagnoses).
func repeated(prev []extract.Encounter, enc extract.Encounter, other func(i int) bool) bool {
	for i, p := range prev {
		if p.Date != enc.Date || p.Undated != enc.Undated || p.Provider != enc.Provider || len(p.Citations) == 0 || len(enc.Citations) == 0 ||
			p.Citations[0].Quote != enc.Citations[0].Quote || other != nil && other(i) {
			continue
		}
		shared, others := 0, min(len(p.Citations), len(enc.Citations))-1
		for _, a := range p.Citations[1:] {
			for _, b := range enc.Citations[1:] {
				if a.Quote == b.Quote {
					shared++
					break
				}
			}
		}
		if 2*shared >= others && (shared > 0 || !enc.Undated) {
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
	if groundable(q) < extract.MinQuoteChars {
		// Too short to ground ("USA", a cell "6/5"): the quote proves
		// nothing of its page and would leave its entry ungrounded. Its
		// whole line stands for it; a line as short is no citation.
		if groundable(l.trim) < extract.MinQuoteChars || !strings.Contains(l.trim, q) {
			return
		}
		q = l.trim
	}
	for _, x := range c.list {
		if x.Page == l.page && x.Quote == q {
			return
		}
	}
	c.list = append(c.list, l.cite(c.doc, q))
}

// groundable counts the characters of a quote that grounding weighs: all
// but spaces (extract.MinQuoteChars).
func groundable(q string) int {
	return len(strings.Join(strings.Fields(q), ""))
}

func (c *citer) cites(page int) bool {
	for _, x := range c.list {
		if x.Page == page {
			return true
		}
	}
	return false
}

// pageLine reports whether a line can stand for its page in a citation:
// text of the record, not boilerplate, a header line or a table row.
func pageLine(l line) bool {
	return !l.noise && !headerish(l) && len(l.trim) >= 12 && layout.HasLetters(l.trim) && !isTableRow(l)
}

// citeEveryPage cites, for each encounter of one run, the pages between
// its first and last cited page that no encounter of the run cites: the
// middle pages of a multi-page record (the nursing notes between the
// physician's note and the discharge page) belong to its visit.
func citeEveryPage(encs []extract.Encounter, d *layout.Doc, ls []line, doc string) {
	citedBy := map[int]int{}
	for i, e := range encs {
		for _, c := range e.Citations {
			if c.DocumentID == doc {
				if j, ok := citedBy[c.Page]; !ok || j == i {
					citedBy[c.Page] = i
				} else {
					citedBy[c.Page] = -1 // two encounters share it
				}
			}
		}
	}
	for i := range encs {
		lo, hi := 0, 0
		for _, c := range encs[i].Citations {
			if c.DocumentID != doc {
				continue
			}
			if lo == 0 || c.Page < lo {
				lo = c.Page
			}
			hi = max(hi, c.Page)
		}
		for p := lo + 1; p < hi; p++ {
			if _, ok := citedBy[p]; ok {
				continue
			}
			pi := d.PageIndex(p)
			if pi < 0 {
				continue
			}
			for _, l := range ls[d.Pages[pi].First:d.Pages[pi].End] {
				if pageLine(l) {
					encs[i].Citations = append(encs[i].Citations, l.cite(doc, l.quoteAll()))
					citedBy[p] = i
					break
				}
			}
		}
	}
}
