package layout

import (
	"strings"
	"unicode"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/par"
)

// Page classes are decided from features of the whole page: which words,
// headings and titles it prints, how many of its lines are table rows
// that open with a date, carry money amounts or codes, and how much of it
// is prose. A page that shows nothing of its own (a continuation page)
// takes the class of the page before it.

// reSeparator is the whole text of a separator or blank page; OCR may
// misread the word between "intentionally" and "blank" ("teft").
var reSeparator = lazyre.New(`(?i)^[\W_]*(?:separator(?: page| sheet)?|slip ?sheet|(?:(?:this )?page )?(?:(?:has been|is|was) )?(?:intentionally (?:\S{3,5} )?blank|left blank(?: intentionally)?)|end of (?:records|document|file|production)|blank page|\[?blank\]?|continued)[\W_]*$`)

// separatorText reports whether the short text of a page is a separator's:
// the separator's words alone, or over a caption of the sheet ("SLIP
// SHEET" over "Next tab"), which repeated sheets print alike and OCR reads
// each time a little differently, so that it is not boilerplate.
func separatorText(text string) bool {
	text = strings.TrimSpace(text)
	first, _, _ := strings.Cut(text, "\n")
	return reSeparator.MatchString(text) || reSeparator.MatchString(strings.TrimSpace(first))
}

// pageFeatures are what classifyPage reads from a page.
type pageFeatures struct {
	body        int  // non-boilerplate lines
	letters     int  // bytes of body text
	sepCaption  bool // a boilerplate line is a separator's caption ("SLIP SHEET")
	eobBanner   bool // a boilerplate line is a plan's banner ("THIS IS NOT A BILL")
	billHead    bool // a line among the first dozen titles the page a statement, bill or invoice (its first cell, no date in it)
	title       string
	headings    int  // clinical section headings
	service     int  // lines labelling a date of service
	textService int  // those of them that are lines of running text ("... was performed on 5/6/23.")
	prose       int  // lines of running text
	datedRows   int  // lines opening with a date
	tableRows   int  // dated lines that are table rows: three columns or more, or short and coded
	exRows      int  // dated rows of exercise counts (x12, 3x10, 40s, reps), none of a visit's codes
	sessionRows int  // dated table rows other than exercise counts above the last heading of a home program
	visitRows   int  // dated rows with a procedure code, a pain score or spinal levels
	notedRows   int  // dated table rows with a note under them: a clinical heading before the next dated row
	apptRows    int  // dated rows with an appointment's status (arrived, no show, cancelled)
	keptRows    int  // those of them whose status is one of a visit kept (arrived, completed, checked out)
	keptTally   bool // a line counts the appointments by status, those kept among them ("Completed: 15   No show: 2")
	repeatDays  int  // dated table rows of a day an earlier table row is of
	headerRow   bool // a line of three columns or more, two of them a visit log's column words
	careHead    bool // those column heads name a column of the care given (pain, units, procedure code)
	countHead   bool // a line of column heads counts the visits made against an allowance (used, left)
	dateCols    int  // lines with three or more dates (dates as columns)
	gridDates   int  // the most dates a labelled row of visit dates across the page prints (layout.DateColumns)
	cards       int  // visit cards in rows of cards side by side (CardHeads)
	lone        int  // rows of one card: a label, then its date
	visitLabel  bool // a row labelled as only a grid of visits prints (visit number, clinician, billed treatment)
	calMarks    int  // marked days of an attendance calendar (CalendarMarks)
	money       int  // lines with a money amount
	moneyDated  int  // money lines with a date or a code
	datedMoney  int  // money lines with a date
	moneyRows   int  // table rows (see tableRows) that print an amount
	revRows     int  // lines opening with a four-digit revenue code
	datedRevs   int  // lines opening with a date and a revenue code after it
	medRows     int  // lines opening with a medication order: drug, dose, route
	hourHeads   bool // a line prints the hours of the day across the page (0900 1200 1500 ...)
	proseVisits int  // distinct dates that open a sentence of prose ("On 05/17/2023, I saw ...")
	letterhead  bool // a line prints a letterhead
	paidOnly    bool // the column heads name what the patient paid (copay) and nothing charged
	msgFrom     int  // lines that open with a message's sender ("From: ...")
	msgSubject  int  // lines that open with a message's subject ("Subject: ...")
	msgSent     int  // cells that label when a message was sent or read ("Sent: ...", "Date: ...")
	msgTo       int  // lines that open with a message's recipients ("To: ...")
	msgService  int  // lines labelling a date of service (see service) that are a message's date ("Date: ...")
	ehrList     bool // a short line among the first dozen is the title of an EHR's list of problems or medications ("ACTIVE AND RESOLVED PROBLEMS", "Medication List")
	questions   int  // lines of a transcript that open with a question ("Q.")
	answers     int  // lines of a transcript that open with an answer ("A.")
	text        string
	n, t        [nFeatures]int // phrase counts in the text, and in the short lines among its first dozen (titles, column heads)
}

// featuresOf reads a page's features.
func featuresOf(d *Doc, pi int) pageFeatures {
	var f pageFeatures
	var b, h strings.Builder
	open := false                           // a dated table row whose note has not yet been seen
	var home struct{ days, visits, ex int } // rows placed at the patient's home (HomeDay), and what they record
	prev := ""                              // the text of the line above
	told := map[dates.Date]bool{}
	rowDays := map[dates.Date]bool{}          // the days of the table rows
	dayHeads := 0                             // day headings of the line before (DayHeads)
	review := pi > 0 && endsInReview(d, pi-1) // under a list of records reviewed (ReviewList)
	b.Grow(len(d.Pages[pi].Text))
	for i := range d.PageLines(pi) {
		l := &d.Lines[d.Pages[pi].First+i]
		if l.Noise() {
			// A message's header, "From: Jane Doe   Sent: 1/16/24 8:33
			// AM", reads as a fax's banner.
			// So does its "Sent: Monday, May 13, 2024 2:05 PM", alone
			// on its line, a print's stamp.
			if l.Boiler == FaxLine || l.Boiler == PrintStamp {
				messageHeads(l.Text, &f)
			}
			// A separator's caption repeated alike on every sheet of a
			// production is its boilerplate, yet still says what the
			// sheet is.
			// ("CONTINUED" repeated over a note's pages is no sheet's.)
			f.sepCaption = f.sepCaption || reSeparator.MatchString(l.Trim) && !strings.Contains(strings.ToLower(l.Trim), "continued")
			// So does a plan's banner repeated over its explanations
			// and claims summaries.
			if !f.eobBanner {
				var n [nFeatures]int
				phraseCounts(l.Trim, &n)
				f.eobBanner = n[fEOB] > 0
			}
			continue
		}
		f.body++
		f.letters += len(l.Trim)
		sentenceDates(l, prev, told)
		prev = l.Text
		f.letterhead = f.letterhead || l.Letterhead != ""
		b.WriteString(l.Trim)
		b.WriteByte('\n')
		// A title may share its line with the print date far right of it
		// ("PATIENT DETAIL CHARGES   ...   Printed 11/18/2023"): its first
		// cell is what the line says of the page.
		short := l.Trim
		if len(short) > 90 {
			short = strings.TrimSpace(FirstCell(l.Text))
		}
		if f.body <= 12 && len(short) <= 90 && !reSentenceEnd.MatchString(short) {
			h.WriteString(short)
			h.WriteByte('\n')
		}
		// (A title's first cell, whatever dates print right of it; a speck
		// OCR read after the title is no sentence's end.)
		if t := strings.TrimRight(strings.TrimSpace(FirstCell(l.Text)), " .,'"); f.body <= 12 && len(t) <= 90 && !reSentenceEnd.MatchString(t) && !f.billHead {
			f.billHead = reStatementTitle.MatchString(t) && !strings.ContainsAny(t, "0123456789:") && !reNotABill.MatchString(t)
		}
		if f.body <= 12 && !f.ehrList {
			f.ehrList = reEHRListTitle.MatchString(strings.TrimRight(strings.TrimSpace(FirstCell(l.Text)), " :"))
		}
		// A table's column heads, however wide the table.
		// (A speck OCR read as a point after the last head, "Units.",
		// ends no sentence: a sentence's last cell holds words.)
		if f.body <= 12 && !f.headerRow && strings.Count(l.Trim, "   ") >= 2 && !(reSentenceEnd.MatchString(l.Trim) && strings.Contains(lastCell(l.Text), " ")) {
			f.headerRow = columnHeads(l.Text)
			f.paidOnly = f.headerRow && paidColumnOnly(l.Text)
			f.careHead = f.headerRow && careColumn(l.Text)
		}
		// (The line of heads that counts visits may come below a title
		// whose words read as heads, "... Services   VISIT TRACKING".)
		if f.body <= 12 && !f.countHead && strings.Count(l.Trim, "   ") >= 2 {
			f.countHead = countColumns(l.Text) && columnHeads(l.Text)
		}
		if f.title == "" && l.Title != "" {
			f.title = l.Title
		}
		if l.Heading != NoHeading && !(review && providerHeading(l) && overDatedLine(d.PageLines(pi), i)) {
			// (A reviewed provider's name in capitals with a colon over
			// its dated lines goes on with the list: dropReviewedProviders.)
			review = ReviewList(l)
		}
		switch l.Heading {
		case NoHeading, OtherHeading, Goals:
		default:
			f.headings++
			if open {
				f.notedRows++
				open = false
			}
		}
		prose := len(l.Trim) > 60 && strings.Count(l.Trim, " ") > 8 && !strings.Contains(l.Trim, "   ")
		if l.HasService {
			f.service++
			if prose {
				f.textService++
			}
		}
		if prose {
			f.prose++
		}
		if len(l.Dates) == 0 && len(l.Trim) <= 90 && reHomeProgram.MatchString(l.Trim) {
			f.sessionRows = f.tableRows - f.exRows
		}
		if !f.keptTally && len(l.Dates) == 0 {
			f.keptTally = keptTally(l.Text)
		}
		m, dated := RowDate(l.Text, l.Dates)
		if dated {
			f.datedRows++
		}
		// Under a list of records reviewed, a dated line is a record
		// someone reviewed, told: no row of the page's own.
		if dated && !review {
			if kept, ok := RowStatus(l.Text, m.End); ok {
				f.apptRows++
				if kept {
					f.keptRows++
				}
			}
			rest := l.Text[m.End:] // what the row records of its date
			if len(Cells(l.Text)) >= 3 || len(l.Trim) < 100 && !reSentenceEnd.MatchString(l.Trim) && (hasProcCode(rest) || outOfTen(rest)) {
				f.tableRows++
				open = true
				if rowDays[m.Date] {
					f.repeatDays++
				}
				rowDays[m.Date] = true
				if moneyCount(l.Text) > 0 {
					f.moneyRows++
				}
				switch ex, visit := rowContent(rest); {
				case HomeDay(rest):
					home.days++
					if visit {
						home.visits++
					} else if ex {
						home.ex++
					}
				case visit || AttendedRow(l.Text, m.End) || (f.careHead || f.countHead) && keptRow(l.Text, m.End):
					f.visitRows++
				case ex:
					f.exRows++
				}
			}
		}
		if len(l.Dates) >= 3 {
			f.dateCols++
		}
		if h := len(CardHeads(l.Text, l.Dates)); h > 0 {
			f.cards += h
		} else if len(l.Dates) == 1 && len(CardHeadsAtLeast(l.Text, l.Dates, 1)) == 1 {
			f.lone++
		}
		if n := len(DateColumnsUnderDays(l.Text, l.Dates, dayHeads)); n > f.gridDates {
			f.gridDates = n
		}
		dayHeads = DayHeads(l.Text)
		if !f.visitLabel && len(l.Dates) == 0 && VisitRowLabel(l.Text) {
			f.visitLabel = true
		}
		money := moneyCount(l.Text)
		if money > 0 {
			f.money++
			if len(l.Dates) > 0 || hasProcCode(l.Text) {
				f.moneyDated++
			}
			if len(l.Dates) > 0 {
				f.datedMoney++
			}
		}
		if medOrderRow(l.Trim) {
			f.medRows++
		}
		switch transcriptTurn(l.Trim) {
		case 'Q':
			f.questions++
		case 'A':
			f.answers++
		}
		if messageHeads(l.Text, &f) && l.HasService {
			f.msgService++
		}
		f.hourHeads = f.hourHeads || len(l.Dates) == 0 && hourColumns(l.Text)
		if revenueRow(l.Trim) {
			f.revRows++
		} else if datedRevenueRow(l.Trim, len(l.Dates) > 0) {
			f.datedRevs++
		}
	}
	if home.days > 0 && f.visitRows > 0 {
		// Days at home beside sessions at the clinic: the patient's home
		// program, whatever pain score they print.
		f.exRows += home.days
	} else {
		// Visits all made at the patient's home (home health).
		f.visitRows += home.visits
		f.exRows += home.ex
	}
	f.calMarks = len(CalendarMarks(d, pi))
	f.proseVisits = len(told)
	if f.paidOnly && f.visitRows >= 2 {
		// The copays collected at visits a log records (see paidColumnOnly).
		f.money, f.moneyDated, f.datedMoney = 0, 0, 0
	}
	f.text = b.String()
	count := phraseCounts
	if d.Pages[pi].Source == extract.SourceOCR {
		count = phraseCountsOCR
	}
	count(f.text, &f.n)
	count(h.String(), &f.t)
	return f
}

// ReviewList reports whether heading line l opens a list of the records
// a report reviewed ("RECORDS REVIEWED:", "LIST OF RECORDS PROVIDED FOR
// REVIEW:"): its dated lines are other providers' visits, one a line with
// what the reviewer read of it (a pain score, a code), no visits the page
// logs.
func ReviewList(l *Line) bool {
	return l.Heading == RecordReview && strings.Contains(strings.ToLower(l.Text[:max(l.HeadingEnd, 0)]), "review")
}

// endsInReview reports whether page pi ends inside a list of records
// reviewed: its last heading opens one, or it prints none and the page
// before ends inside one (a long list fills pages of dated lines), and
// the next page may go on with its dated lines before a heading of its
// own. It looks back over a few pages at most.
func endsInReview(d *Doc, pi int) bool {
	for q := pi; q >= 0 && q > pi-reviewPages; q-- {
		ls := d.PageLines(q)
		for i := len(ls) - 1; i >= 0; i-- {
			if l := &d.Lines[d.Pages[q].First+i]; !l.Noise() && l.Heading != NoHeading {
				return ReviewList(l)
			}
		}
	}
	return false
}

// reviewPages is how many pages a list of records reviewed runs over at
// most, for endsInReview.
const reviewPages = 6

// dropReviewedProviders drops the letterhead of the names a list of
// records reviewed prints over each provider's group of dated lines
// ("Harbor Physical Therapy", then "  06/02/2023 - visit 3; pain 5/10"):
// the providers whose records the reviewer read, not the one that made
// the page. The list goes on over a page's end, to the next heading; a
// name over an address or a title, not over a dated line, still heads a
// record of its own.
func dropReviewedProviders(ls []Line) {
	review := false
	for i := range ls {
		l := &ls[i]
		if l.Noise() {
			continue
		}
		if l.Heading != NoHeading && !(review && providerHeading(l) && overDatedLine(ls, i)) {
			review = ReviewList(l)
			continue
		}
		if !review || l.Letterhead == "" && l.Heading == NoHeading {
			continue
		}
		if overDatedLine(ls, i) || underListRow(ls, i) && l.Heading == NoHeading {
			// A provider's name in capitals with a colon, or a speck a
			// fax's OCR read as one ("ALIGN PHYSICAL THERAPY:"), heads
			// a group of the list, no section of the report's own; the
			// end of a dated line's provider cell wrapped under it
			// ("RADIOLOGY LLC" under "3/7/24  MERIDIAN DIAGNOSTIC") is
			// that line's.
			l.Letterhead, l.Heading, l.HeadingEnd = "", NoHeading, 0
		}
	}
}

// underListRow reports whether the line of ls before i that is no
// boilerplate is a row of the list: it opens with a date, or prints three
// cells or more (its date cell damaged by OCR, "317224").
func underListRow(ls []Line, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if ls[j].Noise() {
			continue
		}
		_, ok := RowDate(ls[j].Text, ls[j].Dates)
		return ok || len(Cells(ls[j].Text)) >= 3
	}
	return false
}

// overDatedLine reports whether the next line of ls after i that is no
// boilerplate, within three, opens with a date.
func overDatedLine(ls []Line, i int) bool {
	for j := i + 1; j < len(ls) && j <= i+3; j++ {
		if ls[j].Noise() {
			continue
		}
		_, ok := RowDate(ls[j].Text, ls[j].Dates)
		return ok
	}
	return false
}

// providerHeading reports whether heading line l is a name in capitals
// that names a practice or a facility, a colon after it and nothing else
// ("KEYSTONE SPINE AND PAIN MANAGEMENT:"): no known heading of a record.
func providerHeading(l *Line) bool {
	if l.Heading != OtherHeading || l.HeadingEnd <= 0 || strings.IndexFunc(l.Text[l.HeadingEnd:], isAlnum) >= 0 {
		return false // (specks after it, "SPECIALISTS:       :", are nothing)
	}
	name := strings.TrimRight(strings.TrimSpace(l.Text[:l.HeadingEnd]), ": ")
	if strings.ToUpper(name) != name || !strings.ContainsAny(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return false
	}
	return namesFacility(name) || reOrgEnd.MatchString(name)
}

// classifyWindow is how many pages' features classifyPages reads at once:
// the features hold a copy of each page's text.
const classifyWindow = 64

// classifyPages classifies every page in order (a page may go on with the
// class of the page before), its features read on every core a window of
// pages at a time.
func classifyPages(d *Doc) {
	for lo := 0; lo < len(d.Pages); lo += classifyWindow {
		fs := par.Map(min(classifyWindow, len(d.Pages)-lo), func(i int) pageFeatures { return featuresOf(d, lo+i) })
		for i := range fs {
			classifyPage(d, lo+i, fs[i])
		}
	}
}

// classifyPage decides the class of page pi (and its bill family) from
// its features f.
func classifyPage(d *Doc, pi int, f pageFeatures) {
	p := &d.Pages[pi]
	p.Title = f.title
	class, kind := pageClass(f)
	// A fax transmission report reproduces the first page it sent: its
	// record's headings are no note of its own.
	if faxReport(d, pi) {
		class, kind = extract.PageAdmin, ""
	}
	switch class {
	case extract.PageClinical, extract.PageReport, "":
		// A report that summarises care, a letter of medical necessity,
		// and their further pages, record no visit (see careSummary and
		// necessityLetter).
		if careSummary(f) || necessityLetter(f) || summaryGoesOn(d, pi, f) {
			class, p.careSummary = extract.PageOther, true
		}
	}
	// A report's last page may close on the examiner's attestation ("I
	// declare under penalty of perjury ..."): one such phrase on a page
	// whose header numbers it a further page of the record before it does
	// not make a custodian's certificate.
	if class == extract.PageAdmin && pi > 0 && adminScore(f) == 1 && f.n[fCustodian] == 1 && continuesRecord(d, pi) {
		class = ""
	}
	// A payer's claim on the settlement goes on over further pages that
	// print the rest of its list of paid claims under its letterhead,
	// without the running text that made its first page a letter; when
	// the letterhead, repeated, reads as boilerplate, the page numbered a
	// further one of the letter before is still the letter's.
	if class == extract.PageAdmin && payerRecovery(f) {
		p.recovery = true
	}
	// Its closing paragraph beside rows whose dates the reader does not
	// know (MMDDCCYY) may make it read as a note: it is still the letter's.
	if (class == extract.PageBill || class == extract.PageClinical && f.visitRows == 0 && f.datedRows == 0) &&
		pi > 0 && d.Pages[pi-1].Class == extract.PageAdmin && f.headings == 0 &&
		(f.n[fRecovery] >= 2 || d.Pages[pi-1].recovery && f.title == "" && (numberedPage(d, pi) || sameRunningHeader(d, pi))) {
		class, kind, p.recovery = extract.PageAdmin, "", true
	}
	// A visit log goes on over pages that print only its rows (and the
	// notes under them): two rows or more, or the one row of its last
	// page under its column heads printed again.
	goesOn := pi > 0 && d.Pages[pi-1].Class == extract.PageVisitLog
	if goesOn && (f.tableRows >= 2 || f.tableRows == 1 && f.headerRow) && f.title == "" && (f.headings < 2 || f.notedRows*2 >= f.tableRows) && f.money <= 1 &&
		(class == "" || class == extract.PageClinical) {
		class = extract.PageVisitLog
	}
	// So does a flowsheet of visits, whose last page may hold one column;
	// a page that shows itself a form, bill or blank is none of it.
	switch class {
	case extract.PageAdmin, extract.PageBill, extract.PageEOB, extract.PageBlank:
		goesOn = false
	}
	if goesOn && (f.gridDates >= 1 && f.visitLabel || f.cards >= 2 || f.lone >= 1 && f.headings == 0 && f.title == "" && f.money == 0) && f.money <= 1 && f.headings < 3 {
		class = extract.PageVisitLog
	}
	if class == "" {
		// Nothing of its own: a continuation of the page before.
		class = extract.PageOther
		if pi > 0 {
			prev := d.Pages[pi-1]
			switch prev.Class {
			case extract.PageClinical, extract.PageReport, extract.PageVisitLog, extract.PageBill, extract.PageEOB, extract.PageAdmin:
				class, kind = prev.Class, prev.BillKind
			}
		}
	}
	p.Class, p.BillKind = class, kind
	p.Continues = pi > 0 && (class == extract.PageClinical || class == extract.PageReport) && continuesRecord(d, pi)
}

// rePageOf numbers a page of a record: "page 2", "Page 3 of 4", "pg. 2".
var rePageOf = lazyre.New(`(?i)\b(?:page|pg\.?)\s*(\d{1,3})\b`)

// continuesRecord reports whether page pi goes on with the clinical record
// of the page before: that page is a note or report, and a line in the
// header of this one (not a fax or print stamp) numbers it page 2 or later
// or says it is continued.
func continuesRecord(d *Doc, pi int) bool {
	switch d.Pages[pi-1].Class {
	case extract.PageClinical, extract.PageReport:
	default:
		return false
	}
	return numberedPage(d, pi) || continuedHead(d, pi)
}

// reContinued ends a further page's heading that says the record goes on:
// "Peer Review Report - Jane Doe - continued", "(cont'd)".
var reContinued = lazyre.New(`(?i)(?:^|[-–—(,:\s])(?:continued|cont'?d\.?)\)?$`)

// continuedHead reports whether one of the first lines of page pi that
// are no stamps, its heading, says it goes on with a record
// ("... - continued").
func continuedHead(d *Doc, pi int) bool {
	seen := 0
	for _, l := range d.PageLines(pi) {
		if l.Noise() {
			continue
		}
		if seen++; seen > 3 {
			break
		}
		if reContinued.MatchString(strings.TrimRight(l.Trim, " .")) {
			return true
		}
	}
	return false
}

// numberedPage reports whether a line in the header of page pi (not a fax
// or print stamp) numbers it page 2 or later.
func numberedPage(d *Doc, pi int) bool {
	seen := 0
	for _, l := range d.PageLines(pi) {
		if l.Noise() {
			continue
		}
		if seen++; seen > 8 {
			break
		}
		if m := rePageOf.FindStringSubmatch(l.Trim); m != nil && m[1] != "1" && m[1] != "0" {
			return true
		}
	}
	return false
}

// sameRunningHeader reports whether page pi prints a running header that
// the page before prints too, but for its numbers (a page number, a
// date): the two pages are one document's.
func sameRunningHeader(d *Doc, pi int) bool {
	heads := map[string]bool{}
	for _, l := range d.PageLines(pi - 1) {
		if l.Boiler == RunningHeader {
			heads[withoutDigits(l.Trim)] = true
		}
	}
	for _, l := range d.PageLines(pi) {
		if l.Boiler == RunningHeader && heads[withoutDigits(l.Trim)] {
			return true
		}
	}
	return false
}

// withoutDigits is s with its digits and spaces dropped.
func withoutDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pageClass returns the class the features show, or "" when the page
// shows none of its own.
func pageClass(f pageFeatures) (class, kind string) {
	if f.body == 0 || f.body <= 3 && (f.letters < 80 && (separatorText(f.text) || f.sepCaption) || !HasLetters(f.text)) {
		return extract.PageBlank, ""
	}
	// A payer's words outweigh one heading when they fill the page (an
	// insurer's "PAYMENT HISTORY" title OCR set on a line of its own).
	if (f.n[fEOB] > 0 || f.eobBanner || f.n[fEOBWeak] >= 4 && f.service == 0 && (f.headings == 0 || f.headings == 1 && f.n[fEOBWeak] >= 8)) && !providerStatement(f) {
		return extract.PageEOB, ""
	}
	if administrationRecord(f) {
		// Its administration and admission dates date doses, not a visit.
		return extract.PageOther, ""
	}
	if ehrList(f) {
		// Its onset, noted and resolved dates date diagnoses, its start,
		// fill and stop dates prescriptions: neither dates care, however
		// many dated rows it prints.
		return extract.PageOther, ""
	}
	clinical := f.headings + f.service
	// A statement whose rows OCR cut from their amounts prints many amounts
	// and no dated one: one phrase of a cover letter does not make it one.
	statement := f.money >= 5 && (IsBillTitle(f.title) || f.t[fLedger] > 0 || f.t[fItemized] > 0 || f.t[fInvoice] > 0)
	// An invoice for copies of records bills no care: it stays a request's
	// paperwork, however many amounts it prints.
	if admin := adminScore(f); admin > 0 && (admin >= 2 || clinical < 3) && f.moneyDated < 2 && !(admin == 1 && statement && f.n[fCopies] == 0) &&
		!(admin == 1 && f.n[fAcknowledge] > 0 && admissionRecord(f)) {
		return extract.PageAdmin, ""
	}
	if attendanceReport(f) {
		return extract.PageVisitLog, ""
	}
	if scheduling(f) || messageThread(f) || refillRequest(f) || estimate(f) || futureCare(f) || orderForm(f) || insurerLetter(f) || payerRequest(f) || payerRecovery(f) || settlementStatement(f) ||
		employerWages(f) || vehicleDamage(f) || travelExpenses(f) || assistanceDetermination(f) || specialsSummary(f) ||
		caseManagerReport(f) || equipmentCertificate(f) || vocationalReport(f) {
		return extract.PageAdmin, ""
	}
	if phoneCall(f) {
		// The office's record of a telephone call: no visit.
		return extract.PageOther, ""
	}
	if packageLog(f) {
		// The sessions redeemed of a prepaid package, under its price.
		return extract.PageVisitLog, ""
	}
	if k := billFamily(f); k != "" {
		return extract.PageBill, k
	}
	if f.calMarks > 0 && f.money <= 1 && f.headings < 3 {
		// A month's attendance calendar: one visit per day marked
		// attended.
		return extract.PageVisitLog, ""
	}
	if f.gridDates >= 2 && f.visitLabel && f.money <= 1 && f.headings < 3 {
		// A flowsheet of visits: one visit per dated column (two
		// columns are enough under a row that labels them visits and
		// a row that only a grid of visits prints, the provider's or
		// the visit number's).
		return extract.PageVisitLog, ""
	}
	if f.cards >= 3 && f.money <= 1 && f.headings < 3 {
		// Visit cards side by side, three or more: one visit each.
		return extract.PageVisitLog, ""
	}
	if f.gridDates >= 3 && !f.visitLabel && f.headings < 2 && f.tableRows < 3 {
		// Dates across the page with measurements under them and nothing
		// that marks a visit: a flowsheet of vitals or intake.
		return extract.PageOther, ""
	}
	if patientDiary(f) {
		return extract.PageOther, ""
	}
	if homeProgramBelow(f) {
		return extract.PageVisitLog, ""
	}
	if f.exRows >= 3 && f.visitRows*4 <= f.exRows ||
		f.t[fOther] > 0 && f.headings < 3 && f.service == 0 && !visitsLogged(f) && !visitReadings(f) || f.dateCols >= 2 && f.datedRows < 3 && f.headings < 2 {
		return extract.PageOther, ""
	}
	if f.tableRows >= 3 && f.money <= 1 && (f.headings < 3 || rowNotes(f)) && (f.t[fLogTitle] > 0 || f.headerRow) {
		return extract.PageVisitLog, ""
	}
	if sessionLog(f) {
		return extract.PageVisitLog, ""
	}
	report := f.n[fReport]
	if isReportTitle(f.title) {
		report += 3
	}
	clin := f.n[fClinical]
	switch {
	case report >= 4 && report > clin/2+f.headings/2:
		return extract.PageReport, ""
	case f.title != "" || clinical > 0 || f.n[fLetter] > 0 && clin >= 2 || clin >= 3 && f.body >= 4:
		return extract.PageClinical, ""
	case f.body >= 3 && f.prose >= 2 && clin >= 1:
		return extract.PageClinical, ""
	}
	return "", ""
}

// reStatementTitle and reNotABill: a title that calls the page a bill,
// and a payer's banner that says it is none.
var (
	reStatementTitle = lazyre.New(`(?i)\b(?:statement|itemi[sz]ed|bill|billing|invoice)\b`)
	reNotABill       = lazyre.New(`(?i)\bnot\s*a\s*bill\b`)
)

// providerStatement reports whether a page that prints a payer's words is
// still the provider's own bill: a statement a practice prints for a claim
// paid by a fee schedule (workers' compensation, no-fault) has the
// billed, fee schedule, allowed, paid and reduction columns of a payer's
// review, and may say its lines are under bill review, yet it prints the
// practice's letterhead, calls itself a statement or bill, and prints
// dated charges. A payer's explanation says what it is in its heading
// (explanation of benefits or of review, remittance) or that it is not a
// bill, and prints no practice's letterhead.
func providerStatement(f pageFeatures) bool {
	return f.letterhead && f.billHead && f.t[fEOB] == 0 && !f.eobBanner && f.moneyDated >= 2 && !reNotABill.MatchString(f.text)
}

// reHomeProgram heads the part of a log the patient keeps at home: "HOME
// EXERCISE PROGRAM - PATIENT LOG", "Home program compliance", "HEP log".
var reHomeProgram = lazyre.New(`(?i)\b(?:home\s+(?:exercise|program|exercises)|hep)\b`)

// HomeProgram reports whether a line heads the part of a log the patient
// keeps at home.
func HomeProgram(s string) bool { return reHomeProgram.MatchString(s) }

// homeProgramBelow reports whether a page logs the clinic's sessions with
// the patient's home program under them: three dated table rows or more
// that are not exercise counts above the home program's heading, under a
// table's column heads. The home program's many rows of exercise counts
// do not make the page an exercise log, even when a scan cut the sessions'
// pain scores onto lines of their own.
func homeProgramBelow(f pageFeatures) bool {
	return f.sessionRows >= 3 && f.headerRow && f.money <= 1 && f.headings < 3
}

// patientDiary reports whether a page is a diary the patient keeps at
// home (its title calls it a diary, a journal or a symptom log): its dated
// rows score the patient's pain, sleep and activities day by day, and none
// of them is a visit, however many pain scores they print. A page that
// labels a date of service, prints a note's headings or bills is none.
func patientDiary(f pageFeatures) bool {
	return f.t[fDiary] > 0 && f.service == 0 && f.headings < 2 && f.money <= 1
}

// visitsLogged reports whether a page's dated rows are visits, whatever
// its title calls it ("pool therapy flow sheet", "aquatic therapy & home
// exercise program"): three rows or more record a procedure code or a pain
// score, and every dated row of the table that does not is a row of
// exercise counts (a home program logged on the same page).
func visitsLogged(f pageFeatures) bool {
	return f.visitRows >= 3 && f.visitRows+f.exRows >= f.tableRows
}

// visitReadings reports whether a flowsheet's rows are readings taken at
// visits (a practice's vital signs flowsheet printed for a date range):
// three table rows or more, each of a day no other row is of, none of
// exercise counts, under column heads that name the pain scored. A
// nursing flowsheet's rows are hours of the same days; an exercise log's
// rows count sets and reps.
func visitReadings(f pageFeatures) bool {
	return f.careHead && f.tableRows >= 3 && f.repeatDays == 0 && f.exRows == 0
}

// rowNotes reports whether the clinical headings of a page of dated
// table rows are the notes of its rows: three rows or more, at least half
// of them, have a note under them (a heading such as "Assessment:" or
// "Plan:" before the next row). A log that writes a short note under each
// visit repeats the same headings row after row; a single note that prints
// a table (vitals, a record review) has its headings around the table, not
// between its rows.
func rowNotes(f pageFeatures) bool {
	return f.notedRows >= 3 && f.notedRows*2 >= f.tableRows
}

// scheduling reports whether a page is a table of appointments: three
// rows or more, each opening with a date and printing the appointment's
// status (arrived, no show, cancelled, rescheduled), none recording any
// care (no procedure code, no pain score) and no amounts. Such a table,
// whatever its title, is the office's scheduling record: an appointment
// kept there is documented by the visit's own note, not by the schedule.
func scheduling(f pageFeatures) bool {
	return f.apptRows >= 3 && f.apptRows*2 >= f.tableRows && f.visitRows == 0 && f.money == 0 && f.headings < 2
}

// attendanceReport reports whether a table of appointments (see
// scheduling) is a report of the patient's attendance: it counts its
// appointments by status at its foot, those kept among them ("Completed:
// 15   No show: 2   Cancelled: 1"), as a practice's appointment status
// report does. A schedule books appointments and counts none; a report
// that counts the visits kept, as a tracker that counts the visits used
// of an authorization, logs them: its rows marked kept (arrived,
// completed, checked out) are visits, its rows not kept none.
func attendanceReport(f pageFeatures) bool {
	return scheduling(f) && f.keptRows > 0 && f.keptTally
}

// reMessageLabel is a cell that opens with a label of a message's header:
// its sender, recipient, when it was sent or read, its subject.
var reMessageLabel = lazyre.New(`(?i)^[^\pL\d]{0,2}(from|to|cc|sent|date sent|date|received|read|date read|subject|subj)\s?:`)

// reTallyCell is a count of a status: "Completed: 15", "No show: 2".
var reTallyCell = lazyre.New(`([A-Za-z][A-Za-z /-]{1,24}?)\s*:\s*(\d{1,3})\b`)

// keptTally reports whether a line counts appointments by their status:
// two statuses or more, each with its count, one of them of visits kept
// ("Arrived: 16   No show: 1   Cancelled: 3").
func keptTally(s string) bool {
	n, kept := 0, false
	for _, m := range reTallyCell.FindAllStringSubmatch(s, -1) {
		if k, ok := AppointmentStatus(m[1]); ok {
			n++
			kept = kept || k
		}
	}
	return n >= 2 && kept
}

// messageHeads counts the labels of a message's header a line prints:
// the sender and the subject that open it, and when the message was sent
// or read in any of its cells ("From: Jane Doe      Sent: 1/16/24 8:33 AM").
// It reports whether the line opens with when the message was sent.
func messageHeads(text string, f *pageFeatures) (sent bool) {
	cs := Cells(text)
	if senderLine(text, cs) {
		// A web mail's print: the sender and when the message was sent,
		// unlabelled, on the line that opens the message.
		f.msgFrom++
		f.msgSent++
		return false
	}
	for i, c := range cs {
		m := reMessageLabel.FindStringSubmatch(text[c.Start:c.End])
		if m == nil {
			continue
		}
		switch strings.ToLower(m[1]) {
		case "from":
			if i == 0 {
				f.msgFrom++
			}
		case "subject", "subj":
			if i == 0 {
				f.msgSubject++
			}
		case "to":
			if i == 0 {
				f.msgTo++
			}
		case "sent", "date sent", "date", "received", "read", "date read":
			f.msgSent++
			sent = sent || i == 0
		}
	}
	return sent
}

// messageThread reports whether a page prints messages, as a patient
// portal (or an e-mail system) prints a conversation for release: each
// message under its header (From:, To:, Sent:, Subject:; a web mail's
// print puts the sender and when it was sent on one line, the recipients
// under it, and the subject once above the thread), two messages or more,
// or one under the portal's own words; no note's headings, no label of a
// date of service, no row of care and no amounts in a table's rows. The
// patient asks about a visit and the office answers; counsel sends the
// liability adjuster the providers' bills in a list and the adjuster
// answers with an offer: the dates of the visits the messages speak of are
// other pages' visits, the amounts other pages' charges, and the messages'
// own dates are no visit (a header's "Date:" is the message's, no date of
// service). A note that quotes one message is still a note.
func messageThread(f pageFeatures) bool {
	heads := min(f.msgFrom, max(f.msgSubject, f.msgTo), f.msgSent)
	return (heads >= 2 || heads == 1 && f.n[fPortal] > 0 && f.headings == 0) &&
		f.headings < 2 && f.service == f.msgService && f.visitRows == 0 && f.moneyRows == 0 && f.revRows+f.datedRevs == 0
}

// senderLine reports whether a line, cut in cells cs, opens a message as
// a web mail prints it: the sender's name and address ("Ann Price
// <aprice@harborlaw.com>") in its first cell, when it was sent in its last
// ("Mon, May 13, 2024 at 2:05 PM").
func senderLine(text string, cs []Cell) bool {
	if len(cs) < 2 {
		return false
	}
	first, last := text[cs[0].Start:cs[0].End], text[cs[len(cs)-1].Start:cs[len(cs)-1].End]
	return reSenderCell.MatchString(first) && reSentCell.MatchString(last)
}

// reSenderCell is a sender's name and address; reSentCell when a message
// was sent: a date with its year, then a clock time.
var (
	reSenderCell = lazyre.New(`^[\pL][\pL .,'-]{1,60}<\s?` + mailAddress + `\s?>$`)
	reSentCell   = lazyre.New(`(?i)(?:\b(?:19|20)\d{2}\b|\d{1,2}/\d{1,2}/\d{2,4}).{0,12}\b\d{1,2}:\d{2}\s?(?:[ap]\.?m\.?)?$`)
)

// phoneCall reports whether a page is the office's record of a telephone
// call (a telephone encounter, phone note or nurse triage call): it names
// itself so among its first lines and prints the call's own labels (the
// caller, the call-back number, the reason for the call, when the call
// came and who took it), four phrases or more, under no label of a date of
// service beyond the call's own and with no row of care or amount. The
// nurse who answers a call triages and advises; the visit is the one
// booked, recorded by its own note, and the call's date is none. A
// telehealth visit done by audio is a visit: its note labels its date of
// service and prints the headings of an examination, not a call's labels.
func phoneCall(f pageFeatures) bool {
	return f.t[fPhone] > 0 && f.n[fPhone] >= 4 && f.service <= 1 && f.headings < 4 && f.visitRows == 0 && f.money == 0
}

// refillRequest reports whether a page is a pharmacy's request to renew a
// prescription (a refill authorization or renewal request, faxed to the
// prescriber to answer): three phrases or more of the request and of the
// prescriber's response block (approved, number of refills, denied,
// patient must be seen, signature, fax back), no note's headings beyond
// its own labels, no row of care and no amounts. The dates it prints (the
// prescription written, last filled, sent) are no visit: the visit that
// wrote the prescription is its own note. One of them may read as a date
// of service (on a scan, OCR's specks between "Last fill date:" and its
// date leave the date under a bare label).
func refillRequest(f pageFeatures) bool {
	return f.n[fRenewal] >= 3 && f.headings < 3 && f.service <= 1 && f.visitRows == 0 && f.moneyDated == 0 && f.datedRows < 3
}

// estimate reports whether a page is an estimate of the charges of care
// to come (the good faith estimate a provider gives an uninsured or
// self-pay patient before a scheduled service): three phrases or more of
// an estimate (good faith estimate, estimated charges, the estimate's
// number and date, the dispute process the No Surprises Act gives) and
// no note's headings. Its date of service is scheduled and its amounts
// expected: no visit, no bill line. A chiropractic or therapy office's
// care plan and financial agreement is one: the fees of the visits its
// plan recommends and the ways to pay them (a prepaid plan, monthly
// payments), signed the day the plan was agreed.
func estimate(f pageFeatures) bool {
	return f.n[fEstimate] >= 3 && f.headings < 3 && f.visitRows == 0
}

// futureCare reports whether a page projects the costs of care to come,
// as a life care plan (or a physician's cost projection for a claim)
// does: three phrases or more of one (life care plan, life expectancy,
// annual and lifetime costs, today's dollars, replacement every few years)
// and no amount beside a date. Its items, coded as a bill's, are care the
// client will need, no service billed, and the care to date it tells from
// the records reviewed is no visit of its own.
func futureCare(f pageFeatures) bool {
	return f.n[fFutureCare] >= 3 && f.datedMoney == 0
}

// orderForm reports whether a page is an order or requisition for a
// study: three phrases or more of its form (ordering physician, date
// ordered, exam requested, performing facility, priority, prior
// authorization), nothing a study found (findings, impression, a reference
// range), and neither the headings nor the running text of a note that
// lists its orders (the form's "Exam requested", "ICD-10" and "Clinical
// indication" look like a note's headings; its "Appointment" and "Date"
// like dates of service). Its dates are when the study was ordered,
// authorised and booked: the order proves a record that should exist, it
// is no visit. A scheduler's booking sheet for a procedure is one too
// (the procedure ordered, when it was booked and moved, the authorization,
// the pre-procedure instructions): six phrases of its form or more, under
// few headings, make it one however many of its checked instructions are
// whole sentences.
func orderForm(f pageFeatures) bool {
	return f.n[fOrder] >= 3 && f.n[fResult] == 0 && f.headings < 4 && (f.prose < 3 || f.n[fOrder] >= 6 && f.headings < 3)
}

// insurerLetter reports whether a page is an insurer's letter about a
// claim: two references to its claim file (claim number, claimant, date
// of loss, adjuster) and a word of the benefits it decides (personal
// injury protection, medical payments, coverage denied or exhausted), in
// running text or under a letter's salutation or close; or its review of
// the care providers asked it to approve (utilization management: a prior
// authorization approved or denied, with its authorization numbers and
// valid dates); with no note's headings and no row that bills a
// procedure. An insurer records no care:
// the providers, dates of service and amounts its letter quotes are other
// pages' visits and bills.
func insurerLetter(f pageFeatures) bool {
	if f.visitRows > 0 {
		return false
	}
	// A review's table may head a column "Procedure", which reads as a
	// note's heading.
	return f.headings == 0 && f.n[fClaimFile] >= 2 && f.n[fBenefits] >= 1 && (f.prose >= 2 || f.n[fLetter] > 0) ||
		f.headings <= 1 && f.n[fUtilization] >= 3 ||
		// A referral's prior authorization request, titled so, prints
		// the diagnoses and the reason for the referral under headings
		// of their own, and the plan's decision boxes.
		f.headings <= 2 && f.t[fUtilization] > 0 && f.n[fUtilization] >= 4
}

// payerRequest reports whether a page is a payer's request for the records
// of care it was billed for: an auto insurer or health plan asks the
// provider for the notes of the dates of service it lists, under its claim
// file (two references: claim number, claimant, date of loss, adjuster).
// Such a letter often prints the amount billed beside each date (and the
// claim's status: "pended - records needed"), but no row bills a procedure
// and no note's headings surround them. The dates and amounts are the
// provider's own bills, read from other pages: the request is paperwork.
func payerRequest(f pageFeatures) bool {
	return f.n[fRequest] >= 1 && f.n[fClaimFile] >= 2 && f.visitRows == 0 && f.revRows == 0 && f.headings <= 1 &&
		(f.prose >= 2 || f.n[fLetter] > 0)
}

// payerRecovery reports whether a page is a payer's claim on the
// settlement: Medicare's conditional payment letter, a health plan's
// subrogation or lien notice, a state Medicaid agency's lien for the
// medical assistance it paid (two phrases of recovery: conditional
// payments, secondary payer, subrogation, right of recovery, final
// demand, third party liability, medical assistance), in running text or
// a letter, with no note's headings. It lists
// the claims the payer paid, with their dates of service, providers and
// amounts, but bills no care: those are other pages' visits and bills.
// A provider's statement of an account secured by a lien prints none of
// these phrases.
func payerRecovery(f pageFeatures) bool {
	return f.n[fRecovery] >= 2 && f.headings == 0 && (f.prose >= 2 || f.n[fLetter] > 0)
}

// sessionLog reports whether a page whose table has no column heads (a
// log's later pages, or a log printed without them) still lists visits:
// two rows or more that open with a date and bill a procedure code or
// record a pain score, or one such row among rows of appointments and
// their statuses (OCR may glue a row's code to its minutes: the table
// still records care, so it is no schedule); at least half of its dated
// rows, and no label of a single visit's date of service.
func sessionLog(f pageFeatures) bool {
	care := f.visitRows >= 2 || f.visitRows == 1 && f.apptRows >= 2
	return care && max(f.visitRows, f.apptRows)*2 >= f.tableRows && f.service == 0 && f.money <= 1 && f.headings < 3
}

// settlementStatement reports whether a page is a lawyer's statement of
// how a settlement is distributed: three phrases or more of its
// accounting (gross settlement, attorney's fee, case costs, net to the
// client, a settlement or closing statement), and no dated row that bills
// care. The providers' amounts it pays out of the settlement (billed,
// reduced, paid) are the totals of their own bills, no bill line: read as
// lines they would count every provider's charges twice.
func settlementStatement(f pageFeatures) bool {
	return f.n[fSettlement] >= 3 && f.visitRows == 0 && f.moneyDated < 2 && f.headings < 2
}

// employerWages reports whether a page is an employer's record of the
// wages its employee lost (a lost wage or lost time verification, a
// wage and salary statement, as payroll offices answer a lawyer's
// request): five phrases or more of payroll (rate of pay, hire date,
// last day worked, hours per week, hours or days missed, wages lost,
// paid time off, payroll records), no note's headings beyond one, two
// labels of a date of service at most (its "Hire date:" and the
// signature's "Date:" read as such) and none of a claim form's words. Its dated rows
// with dollar amounts are the days and hours missed (the therapy visits
// the employee left early for among them) and the wages they cost: no
// visit and no medical charge. A provider's work status note names the
// employer and the return to work, not the payroll.
func employerWages(f pageFeatures) bool {
	return f.n[fWages] >= 5 && f.headings <= 1 && f.service <= 2 && f.n[fUB04]+f.n[fCMS1500] == 0 && f.revRows == 0
}

// vocationalReport reports whether a page is a vocational expert's
// report on a claim, or a further page of one: three phrases or more of
// the trade (a vocational evaluation or expert, a transferable skills
// analysis, a labour market survey, O*NET or DOT job codes, the earning
// capacity before and after the injury, the work-life expectancy), no
// visit rows and no claim form's words. It is an expert's opinion about
// the records, as a life care plan is: its interview and report dates
// are no visits, and the restrictions it quotes are the notes' that gave
// them. A functional capacity evaluation, which is a visit, may name a
// job's demands but prints no earning capacity.
func vocationalReport(f pageFeatures) bool {
	return f.n[fVocational] >= 3 && f.visitRows == 0 && f.n[fUB04]+f.n[fCMS1500] == 0 && f.revRows == 0
}

// vehicleDamage reports whether a page is the appraisal or repair
// estimate of a vehicle (an auto insurer's estimate of record or
// supplement, a body shop's estimate, as collision estimating systems
// print them): four phrases or more of the trade (VIN, odometer, point of
// impact, body, paint and refinish labour, paint materials, sublet,
// part numbers, Repl and Rpr operations), no note's headings beyond one,
// two labels of a date of service at most (its inspection and estimate
// dates) and none of a claim form's words. Its
// lines are parts and labour at dollar prices, its dates the loss, the
// inspection and the estimate: property damage, no bill line and no
// visit. A medical bill that names the car or the accident, and an
// ambulance's mileage, print none of them.
func vehicleDamage(f pageFeatures) bool {
	return f.n[fVehicle] >= 4 && f.headings <= 1 && f.service <= 2 && f.n[fUB04]+f.n[fCMS1500] == 0 && f.revRows == 0
}

// travelExpenses reports whether a page is the patient's statement of
// travel to treatment (a medical mileage or travel expense statement, as
// auto carriers' no-fault claim forms ask the insured for it): three
// phrases or more of it (medical mileage, travel expenses, the rate per
// mile, round trip miles, total miles, parking and tolls), no note's
// headings beyond one, two labels of a date of service at most and none
// of a claim form's words. Its dated rows with dollar amounts are trips
// and what they cost at the carrier's rate: no visit and no medical
// charge. An ambulance's bill prints its mileage per statute or loaded
// mile, none of these phrases.
func travelExpenses(f pageFeatures) bool {
	return f.n[fTravel] >= 3 && f.headings <= 1 && f.service <= 2 && f.n[fUB04]+f.n[fCMS1500] == 0 && f.revRows == 0
}

// specialsSummary reports whether a page is a law firm's summary of its
// client's medical specials (an itemization of medical damages, as
// personal injury firms prepare one for the demand package): two phrases
// or more of it (its title, its "total medical specials", attorney work
// product) with a lawyer's words or a third phrase, no note's headings
// beyond one, no row that bills a revenue code and no claim form's boxes.
// Its rows restate each provider's charges, payments and balance over the
// dates of treatment: the providers' own bills bill them, the summary
// bills nothing and records no visit. A provider's bill never calls its
// charges specials or damages.
func specialsSummary(f pageFeatures) bool {
	return f.n[fSpecials] >= 2 && (f.n[fLegal] > 0 || f.n[fSpecials] >= 3) && f.headings <= 1 && f.revRows == 0 &&
		f.n[fUB04]+f.n[fCMS1500] <= 2
}

// assistanceDetermination reports whether a page is a hospital's letter
// on the patient's application for financial assistance (charity care):
// three phrases or more of the program (financial assistance, the federal
// poverty guidelines, household size and income, the eligibility period,
// the assistance adjustment), in a letter or running text, with no note's
// headings beyond one, no row that bills a procedure or a revenue code and
// no claim form's boxes.
// Its table of accounts restates the hospital's charges, what insurance
// paid and what the program writes off: the hospital's own statement bills
// them, the letter bills nothing. A hospital statement that prints the
// plain-language summary of its assistance policy bills its care in rows
// of codes and writes no letter.
func assistanceDetermination(f pageFeatures) bool {
	// Its "Date(s) of service" column head is one of a claim form's
	// phrases: a form prints a dozen.
	return f.n[fCharity] >= 3 && (f.n[fLetter] > 0 || f.prose >= 2) && f.headings <= 1 && f.visitRows == 0 && f.revRows == 0 &&
		f.n[fUB04]+f.n[fCMS1500] <= 2
}

// caseManagerReport reports whether a page is a nurse case manager's
// report on a claim (workers' compensation, no-fault, liability): the
// case manager's words (case management, reporting period, barriers to
// recovery, the CCM credential), in its title lines too, and the claim's
// (claimant, claim number, adjuster). The case manager treats nobody:
// the appointments the report lists, attended or to come, are each the
// treating provider's own record, and no row of it records care (a
// procedure code, a pain score, an amount). A hospital's case management
// note plans a stay's discharge and names no claim.
func caseManagerReport(f pageFeatures) bool {
	return f.n[fCaseMgmt] >= 3 && f.t[fCaseMgmt] > 0 && f.n[fClaimFile] >= 2 && f.visitRows == 0 && f.revRows == 0 &&
		f.moneyDated == 0 && f.n[fUB04]+f.n[fCMS1500] <= 1
}

// equipmentCertificate reports whether a page is a certificate of medical
// necessity for equipment (Medicare's CMN, a DME information form): the
// ordering physician certifies the items a supplier will provide, with
// their HCPCS codes, the supplier's charge and the fee schedule allowance
// of each, the length of need, answers about the patient and an
// attestation. Three phrases of the form or more, and no amount beside a
// date: the supplier's claim or invoice bills the items, with their dates
// of delivery; the certificate is the order's paperwork, no bill and no
// visit.
func equipmentCertificate(f pageFeatures) bool {
	return f.n[fEquipCert] >= 3 && f.datedMoney == 0 && f.visitRows == 0
}

// adminScore counts the kinds of administrative page the text shows.
func adminScore(f pageFeatures) int {
	n := 0
	for _, k := range []feature{fFaxCover, fAuthz, fRequest, fCustodian, fIndex, fNotice, fCopies, fClaimForm, fAcknowledge} {
		// A consent titled for a procedure has the patient authorize the
		// physician to perform it: no release of records.
		if k == fAuthz && f.t[fConsent] > 0 {
			continue
		}
		if f.n[k] > 0 {
			n++
		}
	}
	if f.n[fCoverLetter] > 0 && f.headings == 0 && f.moneyDated < 2 {
		n++
	}
	// A lawyer writes about a patient's care but records none: a letter of
	// protection names the provider and the accident, no visit.
	if f.n[fLegal] >= 2 && f.headings == 0 {
		n++
	}
	// A deposition transcript records testimony, not care: the witness
	// names visits in answers. Its pages print the caption's and the
	// reporter's words, or questions and answers line after line.
	if deposition(f) {
		n++
	}
	// A police crash report dates the accident, not care: its boxes
	// (crash date, units, damage area, the investigating officer and
	// badge) fill the page, where a note that quotes the report prints a
	// phrase or two of it.
	if f.n[fCrash] >= 5 {
		n++
	}
	// The office's copy of the patient's insurance card: member ID, group
	// number, Rx BIN and PCN, copays, where to send claims and that the
	// card guarantees nothing, where a note prints the member ID and group
	// at most. A hospital's face sheet prints each plan's member ID,
	// group and copay beside the stay it registers (admit date, attending
	// physician): that is no card.
	if f.n[fCard] >= 5 && f.n[fAdmission] == 0 {
		n++
	}
	// A physician's curriculum vitae, which an office attaches to the
	// records it produces for a claim: its dates are of training, board
	// certification, licences, appointments and talks, never of care. It
	// titles itself or its sections with the CV's words (short lines among
	// the first dozen) and labels no date of service; a report whose
	// author states his qualifications in a sentence or two prints a few of
	// those words in prose, under clinical headings.
	if f.n[fCV] >= 4 && f.t[fCV] > 0 && f.service == 0 && f.headings <= 2 {
		n++
	}
	// The form a patient fills in at the first visit (demographics, the
	// accident, insurance, physicians, a consent and a signature) records
	// no care: its date is the day it was signed. It titles itself so; a
	// note that mentions the form prints it in a sentence, and a
	// therapist's "initial intake evaluation" is no form. Its one date
	// label ("Date:", "Today's date") may read as a service date's.
	if f.t[fIntake] > 0 && f.service <= 1 && f.headings <= 2 {
		n++
	}
	return n
}

// ehrList reports whether a page is one of an EHR's lists printed on its
// own, the problem list or the medication list: a record's first page (its
// letterhead) titled so, with no date of service, no visit rows and few
// clinical headings. A summary of care that lists the problems or the
// medications in a section on a later page prints no letterhead there.
func ehrList(f pageFeatures) bool {
	return f.ehrList && f.letterhead && f.service == 0 && f.headings < 3 && f.visitRows == 0
}

// reEHRListTitle is the title of an EHR's problem or medication list,
// alone in its cell: "PROBLEM LIST", "Active Problems", "ACTIVE AND
// RESOLVED PROBLEMS", "Medication List", "CURRENT MEDICATIONS",
// "Medication List - All (Active and Inactive)". A label with the problems
// or drugs after it ("Problem list: M54.16, M51.26", "Medications:
// lisinopril") is none.
var reEHRListTitle = lazyre.New(`(?i)^(?:(?:active|resolved|inactive|chronic|active\s+and\s+resolved|active\s*/\s*resolved)\s+problems|(?:active\s+)?problems?\s+list|(?:(?:current|active|inactive|home|outpatient)\s+)?medications|(?:(?:current|active|home|outpatient)\s+)?medications?\s+list)(?:\s*[-–—]\s*[a-z][a-z ()/]*|\s*\([a-z ()/]+\))?$`)

// reTranscriptTurn opens a transcript's line of testimony, after its
// line number: "Q. When did you ...", "12    A. Yes."
var reTranscriptTurn = lazyre.New(`^(?:\d{1,2}\s+)?([QA])[.:]\s+\S`)

// transcriptTurn returns 'Q' or 'A' when line s opens a question or an
// answer of a transcript, or 0.
func transcriptTurn(s string) byte {
	if m := reTranscriptTurn.FindStringSubmatch(s); m != nil {
		return m[1][0]
	}
	return 0
}

// deposition reports whether a page is a deposition transcript's: two of
// the caption's, the examinations' or the reporter's words, or questions
// and answers, three of each at least (a note quotes no interview so).
func deposition(f pageFeatures) bool {
	return f.n[fDeposition] >= 2 && f.headings <= 1 || f.questions >= 3 && f.answers >= 3
}

// billFamily returns the bill family of a page that is a bill, or "".
func billFamily(f pageFeatures) string {
	ub, cms, rx := f.n[fUB04], f.n[fCMS1500], f.n[fPharmacy]
	qty := f.n[fQuantity] // a pharmacy's word too, but no mark of one
	titled := IsBillTitle(f.title)
	// Claim forms print cents in a cell of their own ("250 00"): their
	// words and revenue-code rows are enough.
	form := ub >= 3 && f.revRows >= 2 || (f.t[fUB04] > 0 || ub >= 5) && f.revRows >= 1 || cms >= 5
	titledBill := titled || f.t[fInvoice] > 0 || f.t[fItemized] > 0 || f.t[fLedger] > 0 || f.t[fPharmacy] > 0 || f.t[fQuantity] > 0
	// A register's receipt prints its tender words (subtotal, the card's
	// approval code, change due, the cashier) whatever OCR made of its
	// amounts, and no clinical heading.
	register := f.n[fRegister] >= 3 && f.headings == 0
	isBill := form || f.moneyDated >= 2 || titledBill && f.money >= 2 || titled && f.money >= 1 || rx+qty >= 3 && f.money >= 1 && f.datedRows >= 1 || register
	if !isBill || f.headings >= 4 && f.service > 0 && f.moneyDated < 3 {
		return ""
	}
	// A hospital's detail bill groups its rows under revenue codes too, but
	// prints none of the form's boxes (one "Total charges" is no form), and
	// its pharmacy group and quantity column make no pharmacy printout, nor
	// do they when its rows print the revenue code after their date. A
	// pharmacy is known by its trade's words (Rx numbers, NDCs, days
	// supply), not by a quantity's label, which any itemized statement may
	// print on every row.
	switch {
	case ub >= 3 && f.revRows >= 1 || f.t[fUB04] > 0 && ub >= 2 && f.revRows >= 1:
		return "ub04"
	case cms >= 5:
		return "cms1500"
	case rx >= 3 && f.revRows == 0 && f.datedRevs < 2:
		return "pharmacy"
	case f.n[fLedger] >= 3:
		return "ledger"
	case f.t[fInvoice] > 0:
		return "invoice"
	}
	return "itemized"
}

// isReportTitle reports whether a title names an imaging, laboratory or
// diagnostic-test report.
func isReportTitle(t string) bool {
	if t == "" {
		return false
	}
	low := strings.ToLower(t)
	for _, w := range []string{"radiology", "imaging", "mri", "ct ", "cat scan", "x-ray", "xray", "radiograph", "ultrasound", "emg", "nerve conduction",
		"ecg", "ekg", "electrocardiogram"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// moneyCount counts the money amounts on a line: digits, a point or comma
// and exactly two digits, not part of a date or a longer number (but for
// two amounts OCR glued together, see GluedAt).
func moneyCount(s string) int {
	n := 0
	for i := 1; i+2 < len(s); i++ {
		if s[i] != '.' || !isDigitByte(s[i-1]) || !isDigitByte(s[i+1]) || !isDigitByte(s[i+2]) {
			continue
		}
		if i+3 < len(s) && (isDigitByte(s[i+3]) && !GluedAt(s, i+3) || s[i+3] == '.' || s[i+3] == '/') {
			continue
		}
		j := i - 1
		for j >= 0 && (isDigitByte(s[j]) || s[j] == ',') {
			j--
		}
		if j >= 0 && (s[j] == '.' && !GluedAt(s, j+3) || s[j] == '/') {
			continue
		}
		n++
	}
	return n
}

// hasProcCode reports whether s holds a five-character CPT or HCPCS code
// standing alone.
func hasProcCode(s string) bool {
	for i := 0; i+5 <= len(s); i++ {
		if i > 0 && (isLetterByte(s[i-1]) || isDigitByte(s[i-1]) || s[i-1] == '.' || s[i-1] == '/' || s[i-1] == '$' || s[i-1] == ',') {
			continue
		}
		c := s[i]
		if !(isDigitByte(c) || c >= 'A' && c <= 'V') {
			continue
		}
		ok := true
		for k := 1; k < 4; k++ {
			ok = ok && isDigitByte(s[i+k])
		}
		ok = ok && (isDigitByte(s[i+4]) || s[i+4] == 'T')
		if ok && (i+5 == len(s) || !isDigitByte(s[i+5]) && s[i+5] != '.' && s[i+5] != '/' && s[i+5] != ',') {
			return true
		}
	}
	return false
}

// revenueRow reports whether a line opens with a four-digit revenue code
// (0100–0999) followed by a space, and is no timed entry of a note.
func revenueRow(t string) bool {
	return len(t) > 5 && t[0] == '0' && isDigitByte(t[1]) && isDigitByte(t[2]) && isDigitByte(t[3]) && (t[4] == ' ' || t[4] == '\t') && t[1] != '0' &&
		!timedEntry(t)
}

// datedRevenueRow reports whether a line opens with a date (dated: the
// line prints one; or a run of six or eight digits, "120623") and a
// revenue code follows it ("12/06/23   0450   99285   ED VISIT"): a
// hospital's detail of charges, whose pharmacy is one of its departments.
func datedRevenueRow(t string, dated bool) bool {
	fs := strings.Fields(t)
	if len(fs) < 3 || !revenueRow(strings.Join(fs[1:], " ")) {
		return false
	}
	compact := (len(fs[0]) == 6 || len(fs[0]) == 8) && strings.Trim(fs[0], "0123456789") == ""
	return compact || dated && strings.ContainsAny(fs[0], "0123456789")
}

// columnHeads reports whether a line of columns names two or more of a
// visit log's columns (Date, Pain, CPT, Initials ...).
func columnHeads(s string) bool {
	n := 0
	for _, c := range Cells(s) {
		var k [nFeatures]int
		phraseCounts(s[c.Start:c.End], &k)
		if k[fLogHead] > 0 {
			n++
		}
	}
	return n >= 2
}

// lastCell returns the text of the last cell of a line.
func lastCell(s string) string {
	cs := Cells(s)
	if len(cs) == 0 {
		return ""
	}
	return strings.TrimSpace(s[cs[len(cs)-1].Start:cs[len(cs)-1].End])
}

// reCareHead is a column head that names what a session recorded of the
// care given: the pain reported, the units or procedure code billed.
var reCareHead = lazyre.New(`(?i)^(?:pain(?:\s+(?:pre|post|before|after|level|score|rating))?|vas|nprs|units?|cpt|cpt\s+codes?|procedure\s+codes?)$`)

// careColumn reports whether a line of column heads names a column of the
// care given (see reCareHead). A scheduling record prints the booking of
// each appointment (date, time, provider, type, status) and nothing of
// the care; a class's attendance roster prints, beside each session's
// status, the pain the patient reported and the units billed, bare
// figures ("7", "2") that no "/10" or code marks as care.
func careColumn(s string) bool {
	for _, c := range Cells(s) {
		if reCareHead.MatchString(strings.Trim(s[c.Start:c.End], " .:#")) {
			return true
		}
	}
	return false
}

// reCountHead is a column head that counts the visits made: how many an
// authorization or a plan of care has used, and how many it has left.
var reCountHead = lazyre.New(`(?i)^(?:(?:visits?|sessions?|auth(?:orized)?)\s+)?(?:used|left|remaining|rem|to\s+date)$`)

// countColumns reports whether a line of column heads counts the visits
// made against an allowance: two columns or more of visits used and left
// (see reCountHead). A therapy clinic's authorization tracker prints
// beside each appointment's status the visits the payer's authorization
// has used and has left: a row that counts a visit is one the patient
// came to, where a scheduling record prints the booking of each
// appointment and counts nothing. (One column of a body's right and
// left side is no count.)
func countColumns(s string) bool {
	n := 0
	for _, c := range Cells(s) {
		// (OCR may read a speck beside a head: "Used —".)
		if reCountHead.MatchString(strings.TrimFunc(s[c.Start:c.End], func(r rune) bool { return !unicode.IsLetter(r) })) {
			n++
		}
	}
	return n >= 2
}

// keptRow reports whether a table row (its date ends at dateEnd) prints
// the status of a session the patient came to ("Attended", "Present").
func keptRow(s string, dateEnd int) bool {
	kept, ok := RowStatus(s, dateEnd)
	return ok && kept
}

// outOfTen reports whether s scores something out of ten ("6/10", "6 /
// 10"): a "/10" after a digit that no further digit or slash follows, as
// it would in a date ("12/10/24").
func outOfTen(s string) bool {
	for i := strings.Index(s, "/"); i >= 0; {
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		k := strings.TrimRight(s[:i], " ")
		if strings.HasPrefix(s[j:], "10") && len(k) > 0 && isDigitByte(k[len(k)-1]) &&
			(j+2 == len(s) || !isDigitByte(s[j+2]) && s[j+2] != '/') {
			return true
		}
		n := strings.Index(s[i+1:], "/")
		if n < 0 {
			break
		}
		i += n + 1
	}
	return false
}

var (
	// OCR may read a count's digits as look-alikes after the "x" ("3x]0",
	// "2xl0", "3xIO").
	reExToken = lazyre.New(`(?i)^(?:x\d{1,3}|\d{1,2}\s?x\s?(?:\d|\d[\dOIl|\]]{1,2}|[Il|\]][\dOo]{1,2})s?|\d{1,3}\s?(?:s|sec|secs|reps?|sets?)|\d{1,3}(?:lb|lbs|#))$`)
	// A spinal level numbers its vertebra from 1 (C1 to T12): "S00" is a
	// dose OCR read with an S for its 5 ("Tylenol S00 mg").
	reSpineLevel = lazyre.New(`^[CTLS](?:[1-9]|1[0-2])(?:-[CTLS]?(?:[1-9]|1[0-2]))?,?$`)
)

// notWordRune reports whether r is neither a letter nor a digit.
func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// ExerciseRow reports whether what a dated row records after its date is
// exercise counts alone (3x10, x12, 40s, reps), nothing of a visit's (a
// procedure code, a pain score, spinal levels): a row of a home program.
func ExerciseRow(rest string) bool {
	ex, _ := rowContent(rest)
	return ex
}

// VisitRow reports whether what a dated row records after its date is
// what a visit's row does: a procedure code, a pain score or spinal
// levels.
func VisitRow(rest string) bool {
	_, visit := rowContent(rest)
	return visit
}

// reHomeDay is a cell that places a day at the patient's home: "Home",
// "At home", "HEP", "Home program". Not "Home visit" nor "Home health":
// those are visits made at the patient's home.
var reHomeDay = lazyre.New(`(?i)^(?:at\s+)?(?:home|hep)(?:\s+(?:program|exercises?|ex))?$`)

// HomeDay reports whether a dated row of a log spends its day at the
// patient's home: the first cell after its date (rest) names the place,
// and the place is home. A home exercise log that also records the
// clinic's sessions marks each day's place so; the days at home are the
// patient's own, no visits, whatever pain score they print.
// A scan's specks beside the cell ("Home -", "Home *", a lone "." in a
// cell of its own) are no part of it.
func HomeDay(rest string) bool {
	for _, c := range Cells(rest) {
		t := strings.TrimFunc(rest[c.Start:c.End], func(r rune) bool { return !unicode.IsLetter(r) })
		if t != "" {
			return reHomeDay.MatchString(t)
		}
	}
	return false
}

// rowContent reports whether a table row holds exercise counts (x12,
// 3x10, 40s, reps) and whether it holds what a visit's row does (a
// procedure code, a pain score, spinal levels).
func rowContent(s string) (exercise, visit bool) {
	if hasProcCode(s) || outOfTen(s) {
		return false, true
	}
	for _, w := range strings.Fields(s) {
		switch {
		case reSpineLevel.MatchString(w):
			visit = true
		case reExToken.MatchString(w) || reExToken.MatchString(strings.TrimRightFunc(w, notWordRune)):
			// A scan's speck after the count ("2x10-", "3x10°") is no
			// part of it.
			exercise = true
		}
	}
	return exercise && !visit, visit
}
