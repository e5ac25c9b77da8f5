package layout

import (
	"sort"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/par"
	"github.com/medchron/medchron/internal/textutil"
)

// Doc is the layout of one document: its pages with their classes, its
// lines with what each says about itself, and its sections with their
// providers. Analyze builds it; it is read-only afterwards.
type Doc struct {
	Pages []Page
	// Lines are the non-empty lines of every page, in document order.
	Lines []Line
	// Sections cut the document into runs of pages from one provider.
	Sections []Section
	// Patient is the patient's name after a "Patient:" or "Name:" label,
	// when printed; never a provider.
	Patient string

	headerNames map[string]string // headerName's answers, by header line
}

// Page is one page of a document as the layout sees it.
type Page struct {
	Number     int // 1-based
	Text       string
	Source     extract.PageSource
	Confidence float64 // mean OCR word confidence (0 for text-layer pages)
	// Words are the page's words with their boxes, when the page was
	// read by OCR (its text keeps the words' order and gaps, not where
	// each line starts).
	Words []extract.Word
	// First and End delimit the page's lines: Doc.Lines[First:End].
	First, End int
	// Class is one of extract.PageClinical, PageVisitLog, PageReport,
	// PageBill, PageEOB, PageAdmin, PageBlank, PageOther.
	Class string
	// BillKind is the bill family of a PageBill page: ub04, cms1500,
	// itemized, ledger, pharmacy or invoice.
	BillKind string
	// Title is the first document title the page prints, if any.
	Title string
	// Own is the strongest evidence on the page itself of who made it.
	Own Evidence
	// Section is the index in Doc.Sections of the section the page
	// belongs to.
	Section int
	// Continues says the page goes on with the clinical record of the
	// page before: its header numbers it page 2 or later of that record.
	Continues bool
	// careSummary says the page is, or goes on with, a report that
	// summarises care (see careSummary).
	careSummary bool
	// recovery says the page is, or goes on with, a payer's claim on the
	// settlement (see payerRecovery).
	recovery bool
}

// Line is one non-empty line of a page. Text is a verbatim substring of
// the page text at Start, so a quote cut from it is one too. The fields
// after Boiler are computed once, when the document is analysed.
type Line struct {
	Page   int    // 1-based page number
	Start  int    // byte offset of the line in the page text
	Text   string // the raw line, without its newline
	Trim   string // Text without surrounding white space
	Top    int    // index among the page's lines that are no fax line or print stamp, from 0
	Bottom int    // index from the page's last non-empty line, from 0
	// Boiler says the line is a running header or footer, a fax
	// transmission line, a print stamp or a Bates stamp: provider evidence
	// at most, never part of a field.
	Boiler Boiler

	Dates      []dates.Match // dates on the line that are not in the future
	Title      string        // the document title the line prints ("PROGRESS NOTE")
	Letterhead string        // the facility name the line prints as a letterhead
	Heading    Heading       // the note section the line opens
	HeadingEnd int           // offset in Text where that section's own text begins
	Service    dates.Date    // the date the line labels as a date of service
	HasService bool          // Service is set
	Planned    dates.Date    // an operation's date yet to come, no date of service whatever its label (markPlannedSurgery)
	Header     bool          // belongs to a header block: letterhead, address, title, patient or date line
	Logo       bool          // holds only a logo's initials or OCR debris
	Facility   string        // the provider a facility label names ("Facility: Mercy Hospital")
	boxes      []boxedDate   // the dates of a row of form boxes, labelled by the captions over them (markFormBoxes)
	// Captions says the line is a boxed form's row of captions over the
	// row of their values (markFormCaptions).
	Captions bool

	analysed bool // the fields above are set
}

// Noise reports whether the line is boilerplate.
func (l *Line) Noise() bool { return l.Boiler != BoilerNone }

// Boiler is the kind of boilerplate a line is.
type Boiler uint8

// Kinds of boilerplate.
const (
	BoilerNone    Boiler = iota
	RunningHeader        // repeated at the top of pages ("Practice – PATIENT, NAME – DOB – MRN")
	RunningFooter        // repeated at the bottom of pages
	FaxLine              // a fax transmission header or footer
	PrintStamp           // "Printed on …", "Page x of y", a confidentiality line
	BatesStamp           // a production number ("ABC 000123")
)

var boilerNames = [...]string{"", "running_header", "running_footer", "fax_line", "print_stamp", "bates"}

// String names the kind ("" for BoilerNone).
func (b Boiler) String() string { return boilerNames[b] }

// EvidenceKind is where a provider name was read, from weakest to
// strongest.
type EvidenceKind uint8

// Kinds of provider evidence, weakest first.
const (
	NoEvidence     EvidenceKind = iota
	FromPlace                   // where a bill's services were given ("Facility:" on a statement), not who bills them
	FromFax                     // the sender on a fax transmission line or a fax cover
	FromFooter                  // a running footer
	FromCustodian               // a custodian certification or affidavit
	FromBill                    // a bill's header ("Billing provider", "Remit to", the name above a statement)
	FromRunning                 // a running page header
	FromLetterhead              // the letterhead at the top of a note
	FromLabel                   // a "Facility:" or "Practice:" label
)

var evidenceNames = [...]string{"", "place", "fax", "footer", "custodian", "bill_header", "running_header", "letterhead", "label"}

// String names the kind ("" for NoEvidence).
func (k EvidenceKind) String() string { return evidenceNames[k] }

// Evidence is a provider name found in the document and where.
type Evidence struct {
	Name string
	Kind EvidenceKind
	// Line is the index in Doc.Lines of the line that names the provider,
	// -1 when there is none.
	Line int
}

// Section is a run of pages that one provider's record fills: a page
// naming no provider of its own belongs to the section it falls in.
type Section struct {
	First, Last int // page numbers, inclusive
	// FirstLine is the index in Doc.Lines where the section begins: the top
	// of its first page, or the letterhead of a record cut in lower on it.
	FirstLine int
	// Provider is the section's provider, "" when nothing names one.
	Provider string
	Evidence Evidence
}

// Analyze reads the layout of a document's pages, given in page order:
// its lines and their features, boilerplate repeated across pages, the
// class of every page and the document's sections with their providers.
func Analyze(pages []extract.Page) *Doc {
	d := &Doc{}
	d.Pages, d.Lines = splitPages(pages)
	// A page's stamps, and then a line's features, are read from that page
	// or line alone: on every core.
	par.Each(len(d.Pages), func(pi int) { markStamps(d, &d.Pages[pi]) })
	markFormCaptions(d)
	par.Each(len(d.Lines), func(i int) {
		var above *Line // the line over prev
		if prev := d.Prev(i); prev != nil && i >= 2 && d.Lines[i-2].Page == prev.Page {
			above = &d.Lines[i-2]
		}
		classifyLine(&d.Lines[i], d.Prev(i), above)
	})
	compactDateColumns(d)
	dateAboveTitles(d)
	dateYearlessRows(d)
	joinWrappedFacilities(d)
	d.Patient = patientName(d.Lines)
	cutPatientTails(d)
	placeLetterheads(d.Lines, d.Patient)
	dropRecipients(d.Lines)
	dropReviewedProviders(d.Lines)
	markRepeated(d)
	classifyPages(d)
	markFormBoxes(d)
	markServiceColumns(d)
	markColumnLabelsTwoUp(d)
	markStampColumns(d)
	markVitalsHeads(d)
	markPlannedSurgery(d)
	resolveSections(d)
	return d
}

// classifyLine runs the line classifiers once. Each reads the fields set
// before it; of prev, the line above on the page (nil when none), and
// above, the line over prev (nil when none), only the text, which a label
// over its value stands in (see labelLine).
func classifyLine(l, prev, above *Line) {
	if strings.ContainsAny(l.Text, "0123456789") {
		l.Dates = FindDates(l.Text)
		if m, ok := lostSlashDate(l); ok {
			l.Dates = append(l.Dates, m)
		}
	}
	l.analysed = true
	l.Heading, l.HeadingEnd = headingOf(l)
	if !fieldValue(l, prev) {
		l.Title = titleRaw(l)
	}
	if l.Title != "" && l.Heading == History {
		// "Admission History & Physical" names the record, not its history.
		l.Heading, l.HeadingEnd = NoHeading, 0
	}
	if l.Title != "" && l.Heading == RecordReview {
		// "PHYSICIAN RECORDS REVIEW" standing alone names a reviewer's
		// report; "Records review:" opens the list of records it read.
		if strings.HasSuffix(strings.TrimSpace(l.Text[:l.HeadingEnd]), ":") {
			l.Title = ""
		} else {
			l.Heading, l.HeadingEnd = NoHeading, 0
		}
	}
	l.Service, l.HasService = serviceDateRaw(l, labelLine(l, prev, above))
	if l.Title == "" && !l.HasService {
		if t, m, ok := datedTitle(l); ok {
			l.Title, l.Service, l.HasService = t, m.Date, true
		}
	}
	if l.Title == "" {
		l.Letterhead = letterheadRaw(l)
	}
	if l.Letterhead == "" && l.Top <= 1 {
		l.Letterhead = namedTitle(l)
	}
	if l.Letterhead == "" && l.Top <= 1 {
		l.Letterhead = rightLetterhead(l)
	}
	if l.Letterhead == "" && l.Top <= 2 {
		l.Letterhead = siteAfterPatient(l)
	}
	l.Header = headerRaw(l)
	l.Logo = logoLine(l)
	l.Facility = facilityLabel(l)
}

// Prev returns the line before line i of the document on the same page,
// or nil.
func (d *Doc) Prev(i int) *Line {
	if i > 0 && d.Lines[i-1].Page == d.Lines[i].Page {
		return &d.Lines[i-1]
	}
	return nil
}

// PageLines returns the lines of the page at index i of Pages.
func (d *Doc) PageLines(i int) []Line { return d.Lines[d.Pages[i].First:d.Pages[i].End] }

// PageIndex returns the index in Pages of page number n, or -1.
func (d *Doc) PageIndex(n int) int {
	i := sort.Search(len(d.Pages), func(i int) bool { return d.Pages[i].Number >= n })
	if i < len(d.Pages) && d.Pages[i].Number == n {
		return i
	}
	return -1
}

// Provider returns the provider of the section page number n belongs to,
// "" when nothing names one.
func (d *Doc) Provider(n int) string {
	if i := d.PageIndex(n); i >= 0 && d.Pages[i].Section >= 0 {
		return d.Sections[d.Pages[i].Section].Provider
	}
	return ""
}

// SectionAt returns the index of the section line i of the document
// belongs to, or -1.
func (d *Doc) SectionAt(i int) int {
	s := sort.Search(len(d.Sections), func(k int) bool { return d.Sections[k].FirstLine > i }) - 1
	return s
}

// ProviderAt returns the provider of the section line i belongs to, ""
// when nothing names one.
func (d *Doc) ProviderAt(i int) string {
	if s := d.SectionAt(i); s >= 0 {
		return d.Sections[s].Provider
	}
	return ""
}

// PageInfos returns the class, bill family and section provider of every
// page, as extract.Result.Pages holds them.
func (d *Doc) PageInfos() []extract.PageInfo {
	out := make([]extract.PageInfo, len(d.Pages))
	for i, p := range d.Pages {
		out[i] = extract.PageInfo{Page: p.Number, Class: p.Class, BillKind: p.BillKind, Provider: d.Provider(p.Number)}
	}
	return out
}

// labelLine returns the line where a label over l's value may stand: prev,
// the line above, or above, the line over it, when l is a date alone and
// prev a known section heading alone, with no digit, under a label alone
// on above: OCR reads a visit summary's two columns block by block and
// may set the right column's heading ("Review of Systems") between the
// sidebar's label ("Encounter Date") and its value ("13-Jul-2023").
func labelLine(l, prev, above *Line) *Line {
	if prev == nil || above == nil || len(l.Dates) != 1 || strings.TrimSpace(l.Trim) != strings.TrimSpace(l.Dates[0].Raw) ||
		strings.ContainsAny(prev.Text, "0123456789") || strings.ContainsAny(above.Text, "0123456789") {
		return prev
	}
	if _, ok := headings[strings.ToLower(textutil.FoldSpace(strings.TrimRight(prev.Trim, ": ")))]; !ok {
		return prev
	}
	if k := labelOf(above.Trim); k == NoLabel || len(above.Trim) >= 50 {
		return prev
	}
	return above
}
