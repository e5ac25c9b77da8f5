package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
)

// Sheet names of chronology.xlsx.
const (
	SheetChronology = "Chronology"
	SheetSpecials   = "Bills & Specials"
	SheetFlags      = "Gaps & Flags"
)

// DateFormat is the number format of date cells in chronology.xlsx. It is a
// custom format: Excel's built-in format 14 shows a locale-dependent short
// date such as 03-14-23.
const DateFormat = "mm/dd/yyyy"

const moneyFormat = `"$"#,##0.00`

// WriteXLSX writes c as an Excel workbook with three sheets: the entry table
// ("Chronology", with an autofilter and a frozen header row; undated entries
// last, dated "undated"), the bill lines with their kind, revenue code,
// modifiers and units, the printed totals as reconciled, and the specials
// by provider with a total row ("Bills & Specials"), and the gaps, flags
// and duplicate pages ("Gaps & Flags"). Dates are real date cells
// formatted mm/dd/yyyy; money cells are numbers.
func WriteXLSX(w io.Writer, c chronology.Chronology) error {
	f := excelize.NewFile()
	defer f.Close()
	x, err := newXLSX(f)
	if err != nil {
		return fmt.Errorf("chronology.xlsx styles: %w", err)
	}
	steps := []struct {
		name string
		fn   func(chronology.Chronology) error
	}{
		{SheetChronology, x.chronologySheet},
		{SheetSpecials, x.specialsSheet},
		{SheetFlags, x.flagsSheet},
	}
	for _, s := range steps {
		if err := s.fn(c); err != nil {
			return fmt.Errorf("chronology.xlsx sheet %q: %w", s.name, err)
		}
	}
	for _, p := range []struct {
		sheet  string
		titles string // the rows printed at the top of every page
	}{{SheetChronology, "$1:$1"}, {SheetSpecials, "$1:$2"}, {SheetFlags, "$1:$2"}} {
		if err := x.printSetup(p.sheet, p.titles); err != nil {
			return fmt.Errorf("chronology.xlsx sheet %q page setup: %w", p.sheet, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write chronology.xlsx: %w", err)
	}
	return nil
}

// xlsx holds the workbook and its styles.
type xlsx struct {
	f                                  *excelize.File
	header, title, date, money, text   int
	totalLabel, totalMoney, wrappedTop int
}

func newXLSX(f *excelize.File) (*xlsx, error) {
	x := &xlsx{f: f}
	df, mf := DateFormat, moneyFormat
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	bold := &excelize.Font{Bold: true}
	styles := []struct {
		dst *int
		s   excelize.Style
	}{
		{&x.header, excelize.Style{Font: bold, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
			Border: []excelize.Border{{Type: "bottom", Color: "666666", Style: 1}}, Alignment: top}},
		{&x.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}}},
		{&x.date, excelize.Style{CustomNumFmt: &df, Alignment: top}},
		{&x.money, excelize.Style{CustomNumFmt: &mf, Alignment: top}},
		{&x.text, excelize.Style{Alignment: top}},
		{&x.wrappedTop, excelize.Style{Alignment: wrap}},
		{&x.totalLabel, excelize.Style{Font: bold, Border: []excelize.Border{{Type: "top", Color: "000000", Style: 1}}}},
		{&x.totalMoney, excelize.Style{Font: bold, CustomNumFmt: &mf, Border: []excelize.Border{{Type: "top", Color: "000000", Style: 1}}}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(&s.s)
		if err != nil {
			return nil, err
		}
		*s.dst = id
	}
	return x, nil
}

// cell is one value to write with its style; a zero Date writes nothing.
type cell struct {
	v     any
	style int
}

func (x *xlsx) txt(s string) cell     { return cell{s, x.text} }
func (x *xlsx) wrapped(s string) cell { return cell{s, x.wrappedTop} }
func (x *xlsx) num(v float64) cell    { return cell{v, x.money} }
func (x *xlsx) day(d dates.Date) cell {
	if d.IsZero() {
		return cell{nil, x.date}
	}
	return cell{d.Time(), x.date}
}
func (x *xlsx) optMoney(p *float64) cell {
	if p == nil {
		return cell{nil, x.money}
	}
	return x.num(*p)
}

// row writes cells into row r (1-based) from column A.
func (x *xlsx) row(sheet string, r int, cells ...cell) error {
	for i, c := range cells {
		ref, err := excelize.CoordinatesToCellName(i+1, r)
		if err != nil {
			return err
		}
		if c.v != nil {
			if err := x.f.SetCellValue(sheet, ref, c.v); err != nil {
				return err
			}
		}
		if c.style != 0 {
			if err := x.f.SetCellStyle(sheet, ref, ref, c.style); err != nil {
				return err
			}
		}
	}
	return nil
}

// headerRow writes names in bold with a fill in row r.
// printSetup makes a sheet print as firms file it: landscape, every
// column on the width of the page (as many pages down as it takes), the
// header rows titles repeated at the top of every page.
func (x *xlsx) printSetup(sheet, titles string) error {
	landscape, one, zero, fit := "landscape", 1, 0, true
	if err := x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!" + titles, Scope: sheet})
}

func (x *xlsx) headerRow(sheet string, r int, names ...string) error {
	cells := make([]cell, len(names))
	for i, n := range names {
		cells[i] = cell{n, x.header}
	}
	return x.row(sheet, r, cells...)
}

func (x *xlsx) widths(sheet string, ws ...float64) error {
	for i, w := range ws {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := x.f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

var chronologyColumns = []string{"Date", "End date", "Provider", "Clinician", "Visit type", "Summary",
	"Diagnoses", "Procedures", "Medications", "Pain", "Pre-incident", "Grounded", "Review", "Citations", "Entry ID", "Run"}

func (x *xlsx) chronologySheet(c chronology.Chronology) error {
	const sh = SheetChronology
	if err := x.f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	if err := x.headerRow(sh, 1, chronologyColumns...); err != nil {
		return err
	}
	ix := indexDocs(c)
	runs := map[string]string{}
	for _, r := range c.Runs {
		runs[r.ID] = runSummary(r)
	}
	all := append(append([]chronology.Entry(nil), c.Entries...), c.UndatedEntries...)
	for i, e := range all {
		pain := cell{nil, x.text}
		if e.PainScore != nil {
			pain = cell{*e.PainScore, x.text}
		}
		date := x.day(e.Date)
		if e.Date.IsZero() {
			date = x.txt("undated")
		}
		err := x.row(sh, i+2,
			date, x.day(e.EndDate), x.wrapped(e.Provider), x.wrapped(e.Clinician), x.txt(e.VisitType),
			x.wrapped(summaryOf(e)), x.wrapped(codedList(e.Diagnoses)), x.wrapped(codedList(e.Procedures)),
			x.wrapped(strings.Join(e.Medications, "; ")), pain, x.txt(yesNo(e.PreIncident)), x.txt(yesNo(e.Grounded)),
			x.txt(reviewOf(e)), x.wrapped(ix.citations(e.Citations)), x.txt(e.ID), x.wrapped(runs[e.RunID]))
		if err != nil {
			return err
		}
	}
	last, err := excelize.CoordinatesToCellName(len(chronologyColumns), len(all)+1)
	if err != nil {
		return err
	}
	if err := x.f.AutoFilter(sh, "A1:"+last, nil); err != nil {
		return err
	}
	if err := x.f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return x.widths(sh, 12, 12, 30, 22, 16, 60, 42, 34, 28, 7, 12, 10, 12, 42, 10, 36)
}

func (x *xlsx) specialsSheet(c chronology.Chronology) error {
	const sh = SheetSpecials
	if _, err := x.f.NewSheet(sh); err != nil {
		return err
	}
	ix := indexDocs(c)
	r := 1
	if err := x.row(sh, r, cell{"Bill lines", x.title}); err != nil {
		return err
	}
	r++
	if err := x.headerRow(sh, r, "Date", "Provider", "Code", "Description", "Charge", "Adjustment", "Paid", "Balance", "Grounded", "Citations",
		"Kind", "Revenue code", "Modifiers", "Units"); err != nil {
		return err
	}
	for _, b := range c.Bills {
		r++
		units := cell{nil, x.text}
		if b.Units > 0 {
			units = cell{b.Units, x.text}
		}
		if err := x.row(sh, r, x.day(b.Date), x.wrapped(b.Provider), x.txt(b.Code), x.wrapped(b.Description), x.num(b.Charge),
			x.optMoney(b.Adjustment), x.optMoney(b.Paid), x.optMoney(b.Balance), x.txt(yesNo(b.Grounded)),
			x.wrapped(ix.citations(b.Citations)), x.txt(billKind(b)), x.txt(b.RevenueCode), x.txt(strings.Join(b.Modifiers, " ")), units); err != nil {
			return err
		}
	}
	if len(c.BillTotals) > 0 {
		r += 2
		if err := x.row(sh, r, cell{"Printed totals", x.title}); err != nil {
			return err
		}
		r++
		if err := x.headerRow(sh, r, "Kind", "Provider", "Reconciled", "", "Printed", "Sum of lines", "", "", "", "Citations"); err != nil {
			return err
		}
		for _, t := range c.BillTotals {
			r++
			if err := x.row(sh, r, x.txt(t.Kind), x.wrapped(t.Provider), x.txt(reconciled(t)), cell{}, x.num(t.Total),
				x.optMoney(t.LinesTotal), cell{}, cell{}, cell{}, x.wrapped(ix.citations(t.Citations))); err != nil {
				return err
			}
		}
	}
	r += 2
	if err := x.row(sh, r, cell{"Specials by provider", x.title}); err != nil {
		return err
	}
	r++
	if err := x.headerRow(sh, r, "First date", "Provider", "Last date", "", "Charges", "Adjustments", "Paid"); err != nil {
		return err
	}
	for _, p := range c.Specials.ByProvider {
		r++
		if err := x.row(sh, r, x.day(p.FirstDate), x.wrapped(p.Provider), x.day(p.LastDate), cell{}, x.num(p.Charges),
			x.optMoney(p.Adjustments), x.optMoney(p.Paid)); err != nil {
			return err
		}
	}
	r++
	total := func(p *float64) cell {
		if p == nil {
			return cell{nil, x.totalMoney}
		}
		return cell{*p, x.totalMoney}
	}
	if err := x.row(sh, r, cell{nil, x.totalLabel}, cell{"Total", x.totalLabel}, cell{nil, x.totalLabel}, cell{nil, x.totalLabel},
		cell{c.Specials.TotalCharges, x.totalMoney}, total(c.Specials.TotalAdjustments), total(c.Specials.TotalPaid)); err != nil {
		return err
	}
	if err := x.f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return x.widths(sh, 12, 32, 10, 34, 13, 12, 13, 12, 9, 42, 11, 12, 10, 7)
}

func (x *xlsx) flagsSheet(c chronology.Chronology) error {
	const sh = SheetFlags
	if _, err := x.f.NewSheet(sh); err != nil {
		return err
	}
	ix := indexDocs(c)
	r := 1
	section := func(title string, cols ...string) error {
		if err := x.row(sh, r, cell{title, x.title}); err != nil {
			return err
		}
		r++
		return x.headerRow(sh, r, cols...)
	}
	if err := section("Gaps in treatment", "From", "To", "Days", "After entry", "Before entry"); err != nil {
		return err
	}
	for _, g := range c.Gaps {
		r++
		if err := x.row(sh, r, x.day(g.From), x.day(g.To), cell{g.Days, x.text}, x.txt(g.AfterEntryID), x.txt(g.BeforeEntryID)); err != nil {
			return err
		}
	}
	r += 2
	if err := section("Flags", "Kind", "Message", "Entries", "Citations"); err != nil {
		return err
	}
	for _, fl := range c.Flags {
		r++
		if err := x.row(sh, r, x.txt(fl.Kind), x.wrapped(fl.Message), x.txt(strings.Join(fl.EntryIDs, ", ")),
			x.wrapped(ix.citations(fl.Citations))); err != nil {
			return err
		}
	}
	r += 2
	if err := section("Duplicate pages", "Document", "Page", "Duplicate of", "Page", "Similarity"); err != nil {
		return err
	}
	for _, d := range c.Duplicates {
		r++
		sim := cell{nil, x.text}
		if d.Similarity > 0 {
			sim = cell{d.Similarity, x.text}
		}
		if err := x.row(sh, r, x.wrapped(ix.file(d.DocumentID)), cell{d.Page, x.text},
			x.wrapped(ix.file(d.DuplicateOf.DocumentID)), cell{d.DuplicateOf.Page, x.text}, sim); err != nil {
			return err
		}
	}
	return x.widths(sh, 16, 56, 14, 42, 12)
}
