package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/textutil"
)

//go:embed templates/report.html.tmpl
var templateFS embed.FS

var htmlTemplate = template.Must(template.New("report.html.tmpl").ParseFS(templateFS, "templates/report.html.tmpl"))

// WriteHTML writes c as one self-contained HTML page for a paralegal: the
// matter, summary counts, a treatment timeline as inline SVG, the entry
// table with gaps as separator rows and pre-incident and ungrounded entries
// marked, the specials and bill lines, flags, duplicate pages, a provider
// index and the documents. Every citation names its file, page and Bates
// number. The page has inline CSS only and loads nothing from anywhere; all
// text is escaped by html/template.
func WriteHTML(w io.Writer, c chronology.Chronology) error {
	if err := htmlTemplate.Execute(w, buildView(c)); err != nil {
		return fmt.Errorf("write chronology.html: %w", err)
	}
	return nil
}

type view struct {
	C         chronology.Chronology
	Title     string
	Incident  string
	Counts    []count
	Timeline  *timeline
	Rows      []row
	Undated   []row
	Bills     []billView
	Totals    []totalView
	Specials  []specialView
	Total     string
	TotalPaid string
	TotalAdj  string
	Flags     []flagView
	Dups      []dupView
	Providers []providerView
	Docs      []docView
}

type count struct {
	Label, Value string
	Warn         bool
}

type citeView struct{ Label, Quote string }

type row struct {
	Gap                              string   // non-empty for a gap separator row
	Run                              *runView // non-nil for a repetitive run's block
	ID, Date, EndDate, Class, Review string
	Provider, Clinician, VisitType   string
	Summary, Pain, WorkStatus        string
	Diagnoses, Procedures, Meds      []string
	Badges                           []string
	Cites                            []citeView
}

type billView struct {
	Date, Provider, Code, Description, Charge, Paid, Balance string
	RevenueCode, Units, Adjustment, Kind                     string
	ReadCharge                                               string // what OCR read, when a printed total repaired it
	Grounded                                                 bool
	Cites                                                    []citeView
}

// totalView is a printed bill total as reconciled.
type totalView struct {
	Provider, Kind, Total, Lines, Reconciled string
	Mismatch                                 bool
	Cites                                    []citeView
}

type specialView struct{ Provider, First, Last, Charges, Paid, Adjustments string }

type flagView struct {
	Kind, Message string
	EntryIDs      []string
	Cites         []citeView
}

type dupView struct{ File, Page, OfFile, OfPage, Similarity string }

type providerView struct {
	Name, Kind, NPI, First, Last, Charges string
	Aliases, EntryIDs                     []string
	Visits                                int
}

type docView struct {
	File, Bates, Sources, Classes string
	Pages                         int
}

func buildView(c chronology.Chronology) view {
	ix := indexDocs(c)
	v := view{C: c, Title: c.Matter.Name, Timeline: buildTimeline(c), Total: textutil.Dollars(c.Specials.TotalCharges)}
	if v.Title == "" {
		v.Title = "Matter " + c.Matter.ID
	}
	if !c.Matter.DateOfIncident.IsZero() {
		v.Incident = c.Matter.DateOfIncident.String()
	}
	v.TotalPaid, v.TotalAdj = optMoney(c.Specials.TotalPaid), optMoney(c.Specials.TotalAdjustments)
	v.Counts = counts(c)
	v.Rows = rows(c, ix)
	for _, e := range c.UndatedEntries {
		v.Undated = append(v.Undated, entryView(ix, e))
	}
	for _, b := range c.Bills {
		bv := billView{Date: b.Date.String(), Provider: b.Provider, Code: codeWithModifiers(b), Description: b.Description,
			RevenueCode: b.RevenueCode, Adjustment: optMoney(b.Adjustment), Charge: textutil.Dollars(b.Charge), Paid: optMoney(b.Paid),
			Balance: optMoney(b.Balance), Grounded: b.Grounded, Cites: cites(ix, b.Citations)}
		if b.Units > 0 {
			bv.Units = trimFloat(b.Units)
		}
		if b.ReadCharge != nil {
			bv.ReadCharge = textutil.Dollars(*b.ReadCharge)
		}
		if k := billKind(b); k != chronology.BillCharge {
			bv.Kind = k
		}
		v.Bills = append(v.Bills, bv)
	}
	for _, t := range c.BillTotals {
		v.Totals = append(v.Totals, totalView{Provider: t.Provider, Kind: t.Kind, Total: textutil.Dollars(t.Total), Lines: optMoney(t.LinesTotal),
			Reconciled: reconciled(t), Mismatch: t.Reconciled != nil && !*t.Reconciled, Cites: cites(ix, t.Citations)})
	}
	for _, p := range c.Specials.ByProvider {
		v.Specials = append(v.Specials, specialView{Provider: p.Provider, First: p.FirstDate.String(), Last: p.LastDate.String(),
			Charges: textutil.Dollars(p.Charges), Paid: optMoney(p.Paid), Adjustments: optMoney(p.Adjustments)})
	}
	for _, f := range c.Flags {
		v.Flags = append(v.Flags, flagView{Kind: strings.ReplaceAll(f.Kind, "_", " "), Message: f.Message, EntryIDs: f.EntryIDs, Cites: cites(ix, f.Citations)})
	}
	for _, d := range c.Duplicates {
		dv := dupView{File: ix.file(d.DocumentID), Page: fmt.Sprint(d.Page), OfFile: ix.file(d.DuplicateOf.DocumentID), OfPage: fmt.Sprint(d.DuplicateOf.Page)}
		if d.Similarity > 0 {
			dv.Similarity = fmt.Sprintf("%.0f%%", d.Similarity*100)
		}
		v.Dups = append(v.Dups, dv)
	}
	v.Providers = providerIndex(c)
	for _, d := range c.Documents {
		dv := docView{File: d.File, Pages: d.Pages, Sources: sourceSummary(d.PageSources), Classes: classSummary(d.PageClasses)}
		if d.BatesFirst != "" {
			dv.Bates = d.BatesFirst + " – " + d.BatesLast
		}
		v.Docs = append(v.Docs, dv)
	}
	return v
}

func optMoney(p *float64) string {
	if p == nil {
		return ""
	}
	return textutil.Dollars(*p)
}

// cites lists the pages cited, one per page, with that page's quotes
// joined in the hover text: an entry citing its date, provider and
// diagnoses on one page shows the page once.
func cites(ix docIndex, cs []extract.Citation) []citeView {
	out := make([]citeView, 0, len(cs))
	at := map[string]int{}
	for _, c := range cs {
		label := CitationLabel(ix.file(c.DocumentID), c)
		if i, ok := at[label]; ok {
			out[i].Quote += " … " + c.Quote
			continue
		}
		at[label] = len(out)
		out = append(out, citeView{Label: label, Quote: c.Quote})
	}
	return out
}

func counts(c chronology.Chronology) []count {
	var pages, grounded, ungrounded, reviewed, rejected, pre int
	for _, d := range c.Documents {
		pages += d.Pages
	}
	for _, e := range c.Entries {
		switch entryClass(e) {
		case "rejected":
			rejected++
		case "ungrounded":
			ungrounded++
		default:
			grounded++
		}
		if e.Reviewed() {
			reviewed++
		}
		if e.PreIncident {
			pre++
		}
	}
	n := func(i int) string { return fmt.Sprint(i) }
	out := []count{
		{"Documents", n(len(c.Documents)), false},
		{"Pages", n(pages), false},
		{"Providers", n(len(c.Providers)), false},
		{"Entries", n(len(c.Entries)), false},
		{"Undated", n(len(c.UndatedEntries)), len(c.UndatedEntries) > 0},
		{"Grounded", n(grounded), false},
		{"Ungrounded", n(ungrounded), ungrounded > 0},
		{"Reviewed", n(reviewed), false},
		{"Rejected", n(rejected), false},
		{"Pre-incident", n(pre), pre > 0},
		{"Gaps", n(len(c.Gaps)), len(c.Gaps) > 0},
		{"Total charges", textutil.Dollars(c.Specials.TotalCharges), false},
		{"Flags", n(len(c.Flags)), len(c.Flags) > 0},
		{"Duplicate pages", n(len(c.Duplicates)), false},
	}
	if u := c.Specials.UngroundedCharges; u != nil {
		out = append(out, count{"Ungrounded charges (not in total)", textutil.Dollars(*u), true})
	}
	return out
}

func sourceSummary(ss []extract.PageSource) string {
	if len(ss) == 0 {
		return ""
	}
	n := map[extract.PageSource]int{}
	for _, s := range ss {
		n[s]++
	}
	var parts []string
	for _, s := range []extract.PageSource{extract.SourceText, extract.SourceOCR, extract.SourceEmpty, extract.SourceError} {
		if n[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s], s))
		}
	}
	return strings.Join(parts, ", ")
}

// classSummary counts a document's pages by class, in first-seen order:
// "1 administrative, 3 clinical_note, 2 bill".
func classSummary(cs []string) string {
	n := map[string]int{}
	var order []string
	for _, c := range cs {
		if n[c] == 0 {
			order = append(order, c)
		}
		n[c]++
	}
	parts := make([]string, 0, len(order))
	for _, c := range order {
		parts = append(parts, fmt.Sprintf("%d %s", n[c], strings.ReplaceAll(c, "_", " ")))
	}
	return strings.Join(parts, ", ")
}
