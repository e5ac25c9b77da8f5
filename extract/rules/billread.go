package rules

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

// Reading a bill: the header row names the amount columns (and where
// they stand), every row after it is parsed the same way (see billrow.go),
// and each row is then a charge, a payment, an adjustment, a printed total
// of one kind, or nothing (a balance forward, an aging bucket, a
// subtotal). Payments and adjustments are lines of their own kinds, never
// charges; totals are kept to reconcile the lines and never counted.

var (
	// reTotalWords label a printed total; the kind comes from totalKind.
	// OCR may read the l of "total" as a t, a one or an i ("Totat", "tota1",
	// "Totai"), or lose the space after it ("Totalcharges").
	// A funder's or lienholder's payoff ("Payoff due at settlement",
	// "Payoff amount") is what the account owes, whatever date it is good
	// through; a ledger's "settlement payoff" payment row is none.
	// A speck OCR read between "amount" and "due" ("Amount. due") is no
	// part of the label.
	reTotalWords = rxfilter.MustCompile(`(?i)\b(tota[lt1i]s?|tota[lt1i]charges|current charges|new charges|charges this period|balance due|amount[.,'’]? due|due from patient|patient balance|account balance|current balance|balance|` + balanceOCR + `|amount paid|net due|payoff\s+(?:amount|due|balance|upon|at|on|as\s+of|good|valid))\b`)
	// reNotLine labels rows that are neither services nor totals.
	reNotLine = rxfilter.MustCompile(`(?i)\b(sub-?tota[lt1i]|balance forward|previous balance|prior balance|beginning balance|bal fwd|aging|current\s+30|0-30|31-60|61-90|over 90|90\+|insurance pending|amount enclosed|pay this amount|please pay|deductible applied|estimated|summary of (?:receipts|charges|services|payments|account))\b`)
	// rePaymentWords and reAdjustWords mark payment and adjustment rows
	// ("AD]": the J of ADJ as OCR reads it on a fax).
	rePaymentWords = lazyre.New(`(?i)\b(payments?|pmt|pymt|paid|ins pd|pt pd|(?:pri|prim|primary|sec|secondary)\.?\s+pd|copay received|check\s*#|chk\s*#|remittance|refund|receipt|reimbursement|visa|mastercard|cash)\b`)
	reAdjustWords  = lazyre.New(`(?i)\b(adj|adjustments?|write[- ]?offs?|contractual|discount|courtesy|allowance|disallow\w*)\b|(?:^|\s)w/o(?:\s*$|\s*[-–:(]|\s+(?:\d|bal|balance|small|sm|adj|ins|per|to)\b)|(?:^|\s)ad[\]|](?:\s|$|[-–:])`)
	// reMembershipFee is the fee of a membership or subscription program
	// (an ambulance service's, as subscription programs bill households
	// yearly): the annual fee paid and the renewal due, which a member's
	// statement prints above the transport's charges. It buys no care: no
	// charge, and its payment pays for none.
	reMembershipFee = lazyre.New(`(?i)\b(?:(?:annual\s+|yearly\s+)?(?:membership|subscription|subscriber)\s+(?:fees?|dues|renewal)|renewal\s+(?:fee|dues)|annual\s+(?:membership|subscription)|membership\s+(?:paid|renew(?:s|ed|al)?))\b`)
	// reNDCLine is a claim form's supplemental line: N4, an NDC, a unit.
	reNDCLine = lazyre.New(`^N4\s*\d{11}`)
	// rePayerWords mark a payer's line on a claim.
	rePayerWords = lazyre.New(`(?i)\b(insurance|payer|health plan|mutual|casualty|assurance|medicare|medicaid|auto|pip)\b`)
	// reColWords are the words of a bill's header row ("U&C" as OCR also
	// reads it: "UkC", "U8C"; a form's "TOTAL CHARGES" OCR glued; a fee schedule's amount and its reduction of
	// the charge, as workers' compensation and no-fault bills print them).
	reColWords = lazyre.New(`(?i)\b(rate|unit price|price each|per unit|unit cost|amount paid|prior payments|amount due|balance due|total\s?charges?|charges?|debits?|billed|amount|fee\s*sched(?:ule)?|fee|price|reductions?|u[&k8]c|adj(?:ustments?|\.)?|allowed|paid|payments?|credits?|co-?pays?|coinsurance|balance|bal|patient resp|units?|qty|quantity|days or units|non-covered|noncovered|ba[t1i]ance|purchase(?:\s+price)?|funded(?:\s+amount)?)\b`)
)

// balanceOCR is "balance" as OCR may misread it: its l as a t, a one,
// an i or a bar, its c as an o or an e, its B as an 8 ("Batance",
// "8alance", "Balanoe"; lower-cased).
const balanceOCR = `[b8]a[lt1i|]an[coe]e`

// reBalanceOCR is the caption "Balance" as OCR may misread it.
var reBalanceOCR = lazyre.New(`^` + balanceOCR + `$`)

// reCaptionLegend explains a caption: "U&C = usual and customary price". An
// equals sign OCR reads from a speck ("=. — Charge"), or one standing in
// the gap between two captions ("Fee  = Units"), explains nothing.
var reCaptionLegend = lazyre.New(`(?:^|[^ ] ?)=\s*[A-Za-z]`)

// billCol is an amount column of a bill's header row. total marks a
// caption that prints a total ("28. TOTAL CHARGE", "55 EST. AMOUNT DUE"):
// a row of bare amounts under such captions is a row of totals.
type billCol struct {
	kind  string // charge, adjustment, paid, balance, allowed, units, noncovered, rate
	a, b  int
	total bool
	// spaced says the header's captions stand in columns of their own
	// (wide gaps between them), so positions map amounts to columns; OCR
	// text with single spaces keeps only their order.
	spaced bool
}

// billHeader reads the amount columns of a header row, or nil.
func billHeader(s string) []billCol {
	// An underscore is OCR's reading of an underline or a speck, glued to a
	// caption ("_Charges") or standing alone: a space, the offsets kept.
	s = strings.ReplaceAll(s, "_", " ")
	ms := reColWords.FindAllStringIndex(s, -1)
	if reCaptionLegend.MatchString(s) && !(len(ms) >= 2 && len(layout.Cells(s)) >= 6) {
		// A legend ("U&C = usual and customary price"), no header; a row
		// of many captions in cells of their own is one, whatever OCR read
		// a speck between two of them as ("DOS From = DOSTo").
		return nil
	}
	wide := wideHeader(s)
	switch {
	case wide != nil:
		ms = wide // read by what all its columns mean
	case len(ms) < 2 && !describedColumn(s, ms):
		return nil
	}
	cells := layout.Cells(s)
	cellOf := func(a, b int) layout.Cell {
		for _, c := range cells {
			if c.Start <= a && b <= c.End {
				return c
			}
		}
		return layout.Cell{Start: a, End: b}
	}
	words := map[int]int{} // column words per cell
	for _, m := range ms {
		words[cellOf(m[0], m[1]).Start]++
	}
	var cols []billCol
	for _, m := range ms {
		w := strings.ToLower(s[m[0]:m[1]])
		if billedDate(s, m, cells, ms) {
			continue
		}
		k := "charge"
		switch {
		case w == "allowed" || strings.HasPrefix(w, "fee") && strings.Contains(w, "sched"):
			// What a fee schedule allows ("Fee sched"), as a payer's
			// allowed amount: no charge.
			k = "allowed"
		case strings.HasPrefix(w, "reduction"):
			k = "adjustment" // a fee schedule's reduction of the charge
		case w == "rate" || w == "unit price" || w == "price each" || w == "per unit" || w == "unit cost":
			k = "rate" // the price of one unit: units times it is the charge
		case strings.HasPrefix(w, "adj"):
			k = "adjustment"
		case strings.Contains(w, "paid") || strings.Contains(w, "payment") || strings.HasPrefix(w, "credit") || isPatientShare(w) || payerShare(w):
			k = "paid"
		case strings.HasPrefix(w, "bal") || reBalanceOCR.MatchString(w) || w == "patient resp" || strings.HasSuffix(w, "due") || strings.HasSuffix(w, "owe") || patientOwes(w):
			k = "balance"
		case strings.HasPrefix(w, "unit") || w == "qty" || w == "quantity" || w == "days or units":
			k = "units"
		case strings.Contains(w, "covered"):
			k = "noncovered"
		case strings.HasPrefix(w, "purchase") || strings.HasPrefix(w, "funded"):
			// What a funding company paid the provider for the charge
			// (its purchase price): no payment on the account, nor what
			// it owes.
			k = "purchase"
		}
		// A column spans its cell of the header row, unless the cell
		// names several columns ("Charges Payments" printed close).
		c := cellOf(m[0], m[1])
		a, b := m[0], m[1]
		if words[c.Start] == 1 {
			a, b = c.Start, c.End
		}
		a, b = utf8.RuneCountInString(s[:a]), utf8.RuneCountInString(s[:b]) // columns count characters (billRow.column)
		caption := strings.ToLower(s[c.Start:c.End])
		// (OCR may glue a form's "TOTAL CHARGES" into one word.)
		total := strings.Contains(caption, "total") && !strings.Contains(caption, "total charges") && !strings.Contains(caption, "totalcharges") && !lineTotal(caption) ||
			strings.Contains(caption, "due") || strings.Contains(caption, "prior payments") || strings.Contains(caption, "amount paid")
		if n := len(cols); n > 0 && cols[n-1].a == a {
			if k != "charge" {
				cols[n-1].kind = k // "Ins Paid" is paid, not a charge
			}
			continue
		}
		cols = append(cols, billCol{k, a, b, total, len(cells) > 1 && words[c.Start] == 1})
	}
	return unreadChargeColumn(s, cells, cols)
}

// unreadChargeColumn adds to a header's columns the charge column whose
// caption OCR could not read ("Plan paid   Copay   vec" for "U&C"): when
// the header names payments and no charge, a short caption of letters
// after its last column, in a cell of its own, is the price each line is
// billed at, as a bill bills every line.
func unreadChargeColumn(s string, cells []layout.Cell, cols []billCol) []billCol {
	if len(cols) == 0 || len(cells) < 3 {
		return cols
	}
	paid := false
	for _, c := range cols {
		switch c.kind {
		case "charge", "rate", "balance", "allowed":
			return cols
		case "paid":
			paid = true
		}
	}
	last := cols[len(cols)-1]
	if !paid || !last.spaced {
		return cols
	}
	var unread []layout.Cell
	for _, c := range cells {
		if a := utf8.RuneCountInString(s[:c.Start]); a < last.b {
			continue
		}
		t := s[c.Start:c.End]
		if len(t) > 5 || !layout.HasLetters(t) || strings.ContainsAny(t, "0123456789 ") {
			return cols
		}
		unread = append(unread, c)
	}
	if len(unread) != 1 {
		return cols
	}
	c := unread[0]
	a, b := utf8.RuneCountInString(s[:c.Start]), utf8.RuneCountInString(s[:c.End])
	return append(cols, billCol{kind: "charge", a: a, b: b, spaced: true})
}

// amountKinds returns what each amount of a row is: by the header column
// each stands under (by their order when captions stand in no columns, or
// when every amount stands left of them all, as OCR may set a row), else
// by their count.
func amountKinds(r billRow, cols []billCol) []string {
	var money []billCol
	for _, c := range cols {
		if c.kind != "units" {
			money = append(money, c)
		}
	}
	out := make([]string, len(r.amts))
	spaced := 0
	for _, c := range money {
		if c.spaced {
			spaced++
		}
	}
	if len(money) >= len(r.amts) && len(money) > 0 && (2*spaced < len(money) || leftOfColumns(r, money)) {
		// Captions without columns: the amounts fill them in order, but for
		// a running balance, printed last.
		for i := range out {
			out[i] = money[i].kind
		}
		if n := len(out); n >= 2 && n < len(money) && money[len(money)-1].kind == "balance" {
			out[n-1] = "balance"
		}
		return out
	}
	if len(money) >= len(r.amts) && len(money) > 0 {
		dists := make([]int, len(out))
		colOf := make([]int, len(out))
		for i, at := range r.aspans {
			sp := r.column(at)
			best, dist := "", 1<<30
			for k, c := range money {
				// Right-aligned numbers end under or near the end of their column.
				d := abs(sp.b-c.b) + max(0, c.a-sp.b) + max(0, sp.a-c.b)
				if d < dist {
					best, dist, colOf[i] = c.kind, d, k
				}
			}
			out[i], dists[i] = best, dist
		}
		// Two amounts nearest one column: the one under it is the column's,
		// the other an amount the header has no column for (a facility
		// bill's accommodation rate printed in the code column). Payments
		// under columns of their own (plan paid, copay) are all payments.
		for i := range out {
			for j := range out {
				if out[i] == "paid" && colOf[i] != colOf[j] {
					continue
				}
				if i != j && out[i] == out[j] && out[i] != "" && (dists[j] < dists[i] || dists[j] == dists[i] && j > i) {
					out[i] = "other"
					break
				}
			}
		}
		// A lone amount nearest a non-covered column is the charge: OCR
		// shifted it, a service line bills before anything is excluded.
		if len(out) == 1 && out[0] == "noncovered" {
			out[0] = "charge"
		}
		// A lone amount nearest the rate column of a row of one unit (or
		// none read) is its charge: OCR closed the gap before it, and the
		// rate of one unit would be the same amount.
		if len(out) == 1 && out[0] == "rate" && r.units <= 1 {
			out[0] = "charge"
		}
		// As many amounts as captions, two nearest one of them: OCR set
		// the row's cells a column's width off their captions, and each
		// amount is its caption's in order.
		if len(money) == len(r.amts) && slices.Contains(out, "other") {
			for i := range out {
				out[i] = money[i].kind
			}
		}
		return out
	}
	if k := underCaptions(r, money); k != nil {
		return k
	}
	byCount := [][]string{nil, {"charge"}, {"charge", "balance"}, {"charge", "paid", "balance"}, {"charge", "adjustment", "paid", "balance"}}
	k := byCount[min(len(r.amts), 4)]
	for i := range out {
		if i < len(k) {
			out[i] = k[i]
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// bills reads the line items and printed totals of a bill note of the
// given family (layout's bill kind; "" when the note is a bill found in a
// clinical run).
func (n *note) bills(doc, provider, kind string) ([]extract.BillLine, []extract.BillTotal) {
	form := kind == "ub04" || kind == "cms1500"
	pharmacy := kind == "pharmacy"
	var items []extract.BillLine
	var totals []extract.BillTotal
	var cols []billCol
	var heads []tableHead // every caption of the header row
	var pending []pendingDate
	var svc dates.Date        // a statement's labelled date of service
	var headDay dates.Date    // the date a heading over the table's rows prints
	var periodFrom dates.Date // the first day of the statement's period
	var day dates.Date        // the one day a statement's period covers
	var sale dates.Date       // the day of a counter receipt's sale, over its prescriptions
	last := -1                // the last item, for wrapped descriptions
	group := ""               // the item a group header names (a prescription over its fills)
	groupRev := ""            // the revenue code a facility's detail bill prints over its rows
	afterTotal := false       // a printed total came last: the rows below it sum up the bill
	skip := -1                // a line joined to the one above it
	lastOneDate := false      // the last item's row read one date
	var balance *float64      // the running balance the last item printed
	var careBal *float64      // the running balance before the first charge added to the care (addedCharge)
	feePaired := false        // rows under fee and charge captions print both when billed (pairedFees)
	boxed := boxedPages(n.lines)
	var rebilled map[int]bool // the claim form pages that bill again what a claim billed before
	if form {
		rebilled = rebilledPages(n.lines)
	}
	dental := dentalPages(n.lines, !form) // a claim form's words, or a dental office's ledger's
	fees, feeCols := feeColumns{}, false  // a fee schedule's fee and charge captions
	unticked := uncheckedRows(n.lines, boxed)
	var sl slip                        // a receipt's or a slip's block of labelled fields
	var sums []printedSum              // the printed sums of charges, subtotals too, in order
	cells := map[int]string{}          // the charge cell of each coded charge, by item
	letterless := map[int]lostLetter{} // the HCPCS codes OCR lost the letter of, by item
	var misdated []postedBefore        // the items dated after the day they were posted
	var cuts []cutDate                 // the charge rows dated from a cell OCR cut (rowDateCut)
	fullDates := map[int]int{}         // by page, the rows that print a full date under a date column
	reversed := map[int]bool{}         // the items a reversal row cancels
	closed := false                    // a total of charges closed the bill above
	planPage := -1                     // the page whose bill, closed, a payment plan's terms finance (planTerm)
	secFrom := 0                       // the first item since the last header, total or subtotal: a subtotal sums the items from it
	var held []extract.BillLine        // a register receipt's uncoded items, billed when the sum under them adds them up (registerItem)
	var alone *heldAmount              // a receipt's amount OCR set on a line of its own above its row's words
	regPage := -1                      // the page of a register receipt whose subtotal was read as its charges (registerTotal)
	for i, l := range n.lines {
		// An unticked row of a fee schedule bills nothing; a row that prints
		// its fee and its charge was billed, whatever OCR made of its box, and
		// a label OCR set a speck like a box before ("_ DOB: ... Date of
		// service:") is the form's field.
		if i == skip || unticked[i] && !(feePaired && feeAndCharge(l, cols)) && !labelsService(l) {
			continue
		}
		if it, ok, consumed := sl.read(l, provider, doc); ok || consumed {
			if ok {
				items, last = append(items, it), -1
			}
			if consumed {
				continue
			}
		}
		// A column header repeated on every page of a bill reads as
		// boilerplate, yet each page prints its own column positions.
		if l.noise && !moneyShaped(l.text) && billHeader(l.text) == nil {
			continue
		}
		var more *line // the amounts of the row, when OCR put them on a line of their own
		if !form && i+1 < len(n.lines) {
			if j, ok := splitAmounts(l, n.lines[i+1]); ok {
				more, skip = &n.lines[i+1], i+1
				l = j
			}
		} else if form && i+1 < len(n.lines) {
			if j, ok := splitFormRow(l, n.lines[i+1], rowOpts{form: true, cols: cols, dental: dental[l.page]}); ok {
				more, skip = &n.lines[i+1], i+1
				l = j
			}
		}
		src := l // the row as printed: what its citation quotes
		if !form {
			l.text = mendAmountCell(l, cols)
		} else {
			l.text = mendFormAmount(l, cols)
		}
		if d, ok := serviceDate(l); ok && svc.IsZero() && !isBillLine(l) && !rePrintDate.MatchString(l.text) {
			svc = d
		} else if d, ok := speckedServiceDate(l.text); ok && svc.IsZero() {
			svc = d
		}
		if d, period := statementDay(l); period {
			day = d
			if ds := lineDates(l); len(ds) > 0 && periodFrom.IsZero() {
				periodFrom = ds[0].Date
			}
		}
		if !form && !pharmacy && ndcDetail(l) {
			continue // a drug's NDC detail line charges nothing
		}
		if d, ok := visitBlockDay(l); ok && !form {
			// A visit block's heading ("DOS: 03/14/24-03/14/24  Dx: M54.12"):
			// it dates the lines under it and bills nothing.
			headDay, last = d, -1
			continue
		}
		if !moneyShaped(l.text) && !(form && (hasSplitCents(l.text) || formService(l, cols, dental[l.page]))) {
			if alone != nil && registerWords(l, *alone) {
				// The words of the row whose amount OCR set above them.
				held, last = append(held, alone.item(l, doc)), -1
				alone = nil
				continue
			}
			alone = nil
			if c := billHeader(l.text); c != nil && !hasDate(l.text) {
				cols, last, group, groupRev, balance, regPage = c, -1, "", "", nil, -1
				if hasCharge(c) {
					planPage = -1 // another bill's table
				}
				secFrom = len(items)
				heads, headDay = tableHeads(l.text), dates.Date{}
				if closed {
					// A table after a bill's total of charges is another
					// bill's: the period of the one before dates none of it.
					day, periodFrom, closed = dates.Date{}, dates.Date{}, false
				}
				fees, feeCols = feeColumnsOf(l.text)
				feePaired = feeCols && pairedFees(n.lines[i+1:], l.page, rowOpts{form: form, pharmacy: pharmacy, cols: c})
			} else if d, ok := loneDateCell(l.trim); ok && pharmacy && last >= 0 && lastOneDate && n.lines[i-1].page == l.page && !d.Before(items[last].Date) && !needsDate(n.lines, i) {
				// The fill date of the row above, which OCR read as a block
				// of its own after the row's other cells: the row read only
				// the prescription's written date (a fill is on or after
				// it). The row below dates itself.
				items[last].Date, last = d, -1
			} else if d, ok := saleDay(l); ok && cols == nil {
				sale, last = d, -1
			} else if d, visit, ok := headingDay(l); ok && (cols != nil || visit) {
				headDay, last = d, -1
			} else if g := groupHeader(l.trim); g != "" {
				group, last = g, -1
			} else if rc := revenueGroup(l.trim); rc != "" {
				groupRev, last = rc, -1
			} else if last >= 0 && i > 0 && n.lines[i-1].page == l.page && !hasDate(l.text) && len(l.trim) < 80 && layout.HasLetters(l.trim) &&
				!reTotalWords.MatchString(l.text) && !reNotLine.MatchString(l.text) && items[last].Kind == extract.LineCharge && !isFormLabel(l.trim) &&
				!(pharmacy && reCompoundPart.MatchString(l.trim)) {
				items[last].Description = clip(items[last].Description+" "+l.trim, 160)
			} else {
				last = -1
			}
			continue
		}
		alone = nil
		near := nearDay(items, headDay, svc, periodFrom)
		r := parseBillRow(l, rowOpts{form: form, pharmacy: pharmacy, cols: cols, heads: heads, near: near,
			drug: i > 0 && reNDCLine.MatchString(n.lines[i-1].trim), dental: dental[l.page]})
		if len(r.amts) == 0 || proseRow(r) {
			continue
		}
		var cut *cutDate
		if !form {
			if cands, desc, ok := rowDateCut(l.text, r, heads, near); ok {
				cut = &cutDate{page: l.page, cands: cands, desc: desc}
			} else if !r.date.IsZero() && hasHead(heads, headDate) {
				fullDates[l.page]++
			}
		}
		cite := []extract.Citation{src.cite(doc, src.quoteAll())}
		if more != nil {
			orig := n.lines[i]
			cite = []extract.Citation{orig.cite(doc, orig.quoteAll()), more.cite(doc, more.quoteAll())}
		}
		if reVoidStamp.MatchString(l.text) || billedNothing(r) {
			if k := reversedItem(items, r); k >= 0 && billedNothing(r) {
				reversed[k] = true // the claim a reversal's credit cancels bills nothing either
			}
			last = -1
			continue // a row stamped void, a reversed claim: it bills nothing, nor is it a total
		}
		if reMembershipFee.MatchString(l.text) {
			last = -1
			continue // a membership program's fee, paid or due: no care billed, no payment for care
		}
		if reNotLine.MatchString(l.text) {
			last = -1
			if reSubtotal.MatchString(l.text) {
				groupRev = "" // a group's subtotal closes it
				sum := firstAmount(r, cols, "charge")
				var summed bool
				items, summed = settleHeld(items, held, secFrom, sum)
				held = nil
				if summed && cols == nil && !svc.IsZero() && len(items) > secFrom {
					// A register receipt's subtotal: its charges, before the
					// discount and the card.
					regPage = l.page
					sums, closed = append(sums, printedSum{sum, len(totals)}), true
					totals = append(totals, extract.BillTotal{Kind: extract.TotalCharges, Total: sum, Provider: provider, Citations: cite})
				} else {
					sums = append(sums, printedSum{sum, -1})
				}
				secFrom = len(items)
			}
			continue
		}
		if planTerm(r) {
			// The terms that finance a balance: no service, no payment
			// received, no total of the account. Under a bill's total,
			// the rows below them are the plan's schedule (a due date,
			// the instalment, what remains), whatever OCR made of its
			// column heads.
			if closed {
				planPage = l.page
			}
			last = -1
			continue
		}
		if planPage == l.page {
			// A due date whose slashes OCR lost reads as a code.
			last = -1
			continue
		}
		if k, ok := registerTotal(r, l.text); ok && regPage == l.page {
			if t := appendTotal(nil, k, r.amts[0]); k != "skip" && len(t) > 0 {
				t[0].Provider, t[0].Citations = provider, cite
				totals = append(totals, t[0])
			}
			last = -1
			continue
		}
		if t, ok := totalBelow(r, afterTotal); ok {
			t.Provider, t.Citations = provider, cite
			totals = append(totals, t)
			continue
		}
		if tots, ok := totalsOf(l.text, r, cols); ok {
			last, group, groupRev, afterTotal = -1, "", "", true
			for _, t := range tots {
				if t.Kind == extract.TotalBalance && careBal != nil && math.Abs(t.Total-*careBal) >= 0.005 {
					continue // the total now due with what the account added to its care
				}
				t.Provider, t.Citations = provider, cite
				if t.Kind == extract.TotalCharges {
					items, _ = settleHeld(items, held, secFrom, t.Total)
					held = nil
					sums, closed = append(sums, printedSum{t.Total, len(totals)}), true
				}
				totals = append(totals, t)
			}
			secFrom = len(items)
			continue
		}
		if r.code == "" && r.rev == "" && addedCharge(r.desc) {
			// Interest, a late or finance charge, a collection agency's
			// fee: what the account adds to its care, no medical charge.
			if careBal == nil {
				careBal = balance
			}
			last = -1
			continue
		}
		if r.code == "" && r.rev == "" && balance != nil && onlyBalance(r.amts, *balance) {
			// A ledger's row that posts nothing (an estimate or a
			// statement sent) prints the running balance again, in
			// whatever column OCR set it.
			last = -1
			continue
		}
		if sectionSum(r, items[secFrom:]) {
			// A visit's or an account's charges summed under its rows
			// ("Visit charges 287.00"): a subtotal, no line.
			last, secFrom = -1, len(items)
			sums = append(sums, printedSum{r.amts[0], -1})
			continue
		}
		afterTotal = false
		if boxed[l.page] && unboxedAmount(l, r) || feeCols && fees.feeOnly(r) || feePaired && feeAlone(l, r) {
			continue
		}
		if pharmacy && r.date.IsZero() && r.code == "" && len(items) > 0 && !items[len(items)-1].Date.IsZero() && reCompoundPart.MatchString(r.desc) {
			// An ingredient's cost or the compounding fee under a compounded
			// drug's fill: the fill's charge sums them, they bill nothing.
			last = -1
			continue
		}
		misreadProduct(&r)
		kinds := rateFirst(r, cols, amountKinds(r, cols))
		if kind == "ub04" {
			chargeAfterDate(r, kinds)
		}
		b := extract.BillLine{Provider: rowProvider(r.prov, provider), Code: r.code, RevenueCode: r.rev, Modifiers: r.mods, Units: r.units,
			Description: r.desc, Date: r.date, Rebilled: rebilled[l.page], Citations: cite}
		if b.RevenueCode == "" && !r.date.IsZero() {
			b.RevenueCode = groupRev
		}
		if b.Code == "" && b.RevenueCode != "" {
			b.Code = b.RevenueCode
		}
		if group != "" && !hasWord(b.Description) {
			b.Description = group
		}
		setAmounts(&b, r, kinds)
		if b.Charge == 0 && (r.code != "" || r.rev != "" || group != "" && !r.date.IsZero()) {
			// A coded service, or a dated fill of a prescription, bills
			// something: its amounts stand away from their captions; read
			// them in the header's order.
			if k := byOrder(r, cols); k != nil {
				b.Adjustment, b.Paid, b.Balance = nil, nil, nil
				setAmounts(&b, r, k)
			}
		}
		runningCharge(&b, r, balance)
		if v, ok := fees.charged(r); feeCols && ok && b.Charge != 0 {
			b.Charge = v
		}
		if feeCols && b.Charge < 0 && r.code != "" {
			b.Charge = -b.Charge // a dash OCR glued to a service's charge: a fee schedule credits nothing
		}
		b.Kind = lineKind(r.desc, b)
		if b.Kind != extract.LineCharge {
			b.Code, b.RevenueCode, b.Modifiers, b.Units = "", "", nil, 0
			moveAmount(&b)
		}
		if b.Kind == extract.LineCharge && b.Date.IsZero() && !sale.IsZero() && rxRow(l) {
			b.Date = sale
		}
		if b.Kind == extract.LineCharge && !day.IsZero() && (r.code != "" || r.rev != "" || !b.Date.IsZero()) {
			// A statement of one day: every item it bills is of that day,
			// whatever OCR made of the item's date cell.
			b.Date = day
		}
		// A row under the table's heads whose date cell lost its month
		// ("24/25" for 1/24/25) before the number that opens it (a
		// prescription's, a ticket's) is still a row: its neighbours'
		// dates give the month.
		var lostMonth []dates.Date
		var lostSpan [2]int
		if b.Kind == extract.LineCharge && r.date.IsZero() && r.code == "" && r.rev == "" && cols != nil {
			lostMonth, lostSpan = monthlessCandidates(l.text)
		}
		monthless := len(lostMonth) > 0
		switch {
		case form && b.Kind != extract.LineCharge:
			// A claim form bills in its service lines only: what a payer
			// paid is box 29's total, or a note of box 19 ("PRI PD 2,140.38
			// 090423" on a claim to a second payer), never a row.
			last = -1
			continue
		case b.Kind == extract.LineCharge && b.Charge == 0 && (r.code != "" || r.rev != "") && deref(b.Paid) == 0 && deref(b.Adjustment) == 0 && slices.Contains(r.amts, 0) &&
			!strings.Contains(chargeCell(r, 0), "$"):
			// A service printed at 0.00 (a post-operative visit within the
			// surgery's global period, 99024; a service bundled into
			// another): it bills nothing, and is no bill line. ("$0.00" may
			// be a 50.00 whose five OCR read as a dollar sign: fiveForDollar.)
			last = -1
			continue
		case b.Kind != extract.LineCharge && b.Date.IsZero():
			last = -1 // a row read as none: the lines under it go on no other item
			continue  // a payment or adjustment row prints when it was posted
		case b.Kind == extract.LineCharge && r.code == "" && r.rev == "" && b.Date.IsZero() && (cols == nil || svc.IsZero() && headDay.IsZero() && !monthless || rePayerWords.MatchString(l.text)):
			if registerItem(r, b, cols, svc, l.text) {
				b.Date = svc
				held = append(held, b)
			} else if cols == nil && !svc.IsZero() && len(r.amts) == 1 && b.Charge > 0 && !layout.HasLetters(r.desc) {
				b.Date = svc
				alone = &heldAmount{b, src}
			}
			last = -1
			continue // no item of a table of services: a payer's line, a form's box
		case !form && b.Kind == extract.LineCharge && r.code == "" && r.rev == "" && group == "" && !hasWord(r.desc) && (r.letterless == "" || r.date.IsZero()):
			// Names no service (no code, no word): a running balance OCR cut
			// from its row. A claim form's service line, dated in its own
			// cell, whose code OCR lost, still bills, as does a dated row
			// whose HCPCS code OCR lost the letter of ("3301" for J3301).
			last = -1
			continue
		case b.Kind == extract.LineCharge && r.code == "" && r.rev == "" && r.date.IsZero() && !layout.HasLetters(r.desc):
			last = -1
			continue // an amount alone: a total whose label OCR set on another line
		case form && b.Kind == extract.LineCharge && r.code == "" && r.rev == "" && r.date.IsZero():
			last = -1
			continue // a claim form bills in its service lines, each dated and coded: a box of totals OCR ran under them bills nothing
		}
		if b.Date.IsZero() && monthless {
			pending = append(pending, pendingDate{item: len(items), fallback: lostMonth, desc: strings.TrimSpace(strings.Replace(r.desc, l.text[lostSpan[0]:lostSpan[1]], "", 1))})
		} else if b.Date.IsZero() && b.Kind == extract.LineCharge && len(r.leadCands) > 0 {
			pending = append(pending, pendingDate{item: len(items), cands: r.leadCands, desc: b.Description})
		} else if b.Date.IsZero() && b.Kind == extract.LineCharge {
			cands, sp := slashCandidates(r.afterProvider(l.text))
			fallback, fsp := fallbackCandidates(r.afterProvider(l.text))
			// More of the cell lost than a slash: both, or the month
			// with its slash.
			lost, lsp := lostPartsBeforeCode(r.afterProvider(l.text))
			if len(cands)+len(fallback) == 0 {
				fsp = lsp
			}
			if len(cands) == 0 {
				sp = fsp
			}
			// (A row of a revenue code and no procedure code: the code
			// after the damaged cell.)
			cell := len(cands)+len(fallback)+len(lost) > 0 && (r.code != "" && sp[1] <= r.cspan.a || r.code == "" && r.rev != "" && strings.Contains(l.text[sp[1]:], r.rev))
			if cell && !svc.IsZero() && onlyDay(items, svc) && (contains(cands, svc) || contains(fallback, svc) || contains(lost, svc)) {
				// The bill labels its one date of service above its rows
				// (a surgical case's, a procedure's), and no row above is
				// of another day: a cell that may read as it is of that
				// day.
				b.Date, b.Description = svc, strings.TrimSpace(strings.Replace(r.desc, l.text[sp[0]:sp[1]], "", 1))
			} else if cell {
				pending = append(pending, pendingDate{item: len(items), cands: cands, fallback: fallback, lost: lost, desc: strings.TrimSpace(strings.Replace(r.desc, l.text[sp[0]:sp[1]], "", 1))})
			} else if b.Date = svc; !headDay.IsZero() {
				b.Date = headDay
			} else if b.Date.IsZero() && (r.code != "" || r.rev != "") && last >= 0 && last == len(items)-1 && n.lines[i-1].page == l.page &&
				items[last].Kind == extract.LineCharge && !items[last].Date.IsZero() && blankDateCell(l.text, heads) {
				// A coded row under a dated one, its date cell left blank
				// (a trip's mileage under the trip, a day's items under the
				// first that prints the day): of the row above's day.
				b.Date = items[last].Date
			}
		}
		if b.Kind == extract.LineCharge && b.Code != "" {
			cells[len(items)] = chargeCell(r, b.Charge)
		}
		if cut != nil && b.Kind == extract.LineCharge && b.Date == r.date {
			cut.item = len(items)
			cuts = append(cuts, *cut)
		}
		if b.Kind == extract.LineCharge && !pharmacy && !r.to.IsZero() && r.date.After(r.to) && b.Date == r.date {
			// (A pharmacy's later date is the prescription's written date,
			// before the fill by any number of days: no posting date.)
			misdated = append(misdated, postedBefore{len(items), l.text[r.dspan.a:r.dspan.b], r.to})
		}
		if b.Kind == extract.LineCharge && b.Code == "" && r.letterless != "" {
			// A claim form's supplemental NDC line above the row says it
			// bills a drug, as a dose in its words does.
			letterless[len(items)] = lostLetter{r.letterless, jCode(l.text, r.rev) || i > 0 && reNDCLine.MatchString(n.lines[i-1].trim)}
		}
		items = append(items, b)
		last, balance, lastOneDate = len(items)-1, b.Balance, r.to.IsZero()
	}
	if it, ok := sl.line(provider); ok {
		items = append(items, it)
	}
	pending = settleCutDates(items, cuts, fullDates, pending)
	fillSlashDates(items, pending)
	datePosted(items, misdated)
	fiveForDollar(items, cells)
	letterFor(items, letterless)
	if len(reversed) > 0 {
		kept := items[:0]
		for k, it := range items {
			if !reversed[k] {
				kept = append(kept, it)
			}
		}
		items = kept
	}
	sameItemCodes(items)
	lostDigitCodes(items)
	totals = payerShares(items, withoutParts(withoutSubtotals(totals, sums)))
	signsByTotal(items, totals)
	fiveByTotal(items, totals, cells)
	return items, totals
}

// onlyDay reports whether every dated charge of items is of day d.
func onlyDay(items []extract.BillLine, d dates.Date) bool {
	for _, it := range items {
		if it.Kind == extract.LineCharge && !it.Date.IsZero() && it.Date != d {
			return false
		}
	}
	return true
}

// rePrintDate labels the day a ledger or statement was run or printed
// ("Run date: 06/25/2025", "Printed on: 06/25/2025"): the day of the print,
// after every row, no service's date. A row whose own date cell OCR
// damaged stays undated for review rather than take it.
var rePrintDate = lazyre.New(`(?i)\b(?:(?:run|print(?:ed)?|report)\s+(?:date|on)|printed)\s*:`)

// reChargesWord names charges summed: "Visit charges", "Account total"
// (OCR may glue the words: "Visitcharges").
var reChargesWord = lazyre.New(`(?i)charges\b|\btotal\b`)

// reSpeckedServiceDate is a labelled date of service whose day and year
// OCR set a speck between ("Date of service: 01-15 -.2024"): month, day
// and year in submatches 1 to 3.
var reSpeckedServiceDate = lazyre.New(`(?i)\b(?:date\s+of\s+service|service\s+date|dos)\s*:\s*(\d{1,2})[-/](\d{1,2})\s?(?:[-/]\s?[.,:;'’_~]|[.,:;'’_~]\s?[-/])\s?(\d{4})\b`)

// speckedServiceDate reads the date of service a line labels, whose day
// and year OCR set a speck between.
func speckedServiceDate(s string) (dates.Date, bool) {
	m := reSpeckedServiceDate.FindStringSubmatch(s)
	if m == nil {
		return dates.Date{}, false
	}
	return mdy(m[1], m[2], m[3])
}

// onlyBalance reports whether every amount of a row is the running
// balance bal the row above printed.
func onlyBalance(amts []float64, bal float64) bool {
	for _, a := range amts {
		if math.Abs(a-bal) >= 0.005 {
			return false
		}
	}
	return len(amts) > 0
}

// reAddedCharge names what an account adds to the charges for care, as
// practices' statements and collection agencies' itemizations print it:
// interest (and its rate or period: "Interest 9% p.a. from ..."), a
// finance, late or past-due charge (its words OCR may glue: "LATEFEE"), a collection agency's fee or costs, the fee for
// each statement mailed ("Billing/statement fee") or for a returned check.
var reAddedCharge = lazyre.New(`(?i)^\W*(?:(?:accrued|simple|statutory|pre-?judgment)\s+)?interest\b|` +
	`\b(?:finance|late(?:\s+payment)?|past[\s-]+due|overdue|delinquen(?:cy|t))\s*(?:charges?|fees?)\b|` +
	`\b(?:(?:paper\s+)?statement|billing|re-?billing)\s+fees?\b|\b(?:returned\s+(?:check|cheque|payment)|nsf(?:\s+check)?)\s+(?:fees?|charges?)\b|\bcollection\s+(?:agency\s+)?(?:fees?|costs?|charges?|commission)\b|` +
	`\b(?:agency|placement)\s+fees?\b`)

// reSpecimen names a laboratory's collection of a specimen, whose fee is
// care.
var reSpecimen = lazyre.New(`(?i)\b(?:specimen|blood|venous|urine|sample|lab(?:oratory)?|handling)\b`)

// addedCharge reports whether an uncoded row's description is a charge an
// account adds to its care (addedCharge's words), not a laboratory's
// specimen collection fee.
func addedCharge(desc string) bool {
	return reAddedCharge.MatchString(desc) && !reSpecimen.MatchString(desc)
}

// rePlanTerms names the terms of a payment plan (a payment arrangement or
// instalment agreement, as billing offices print one for a balance the
// patient cannot pay at once): the down payment, the amount financed, the
// instalments and their number, the schedule, the balance to be paid
// under the plan.
var rePlanTerms = lazyre.New(`(?i)\b(?:down\s*payment|amount\s+financed|balance\s+financed|installments?|instalments?|` +
	`number\s+of\s+payments|payment\s+schedule|(?:paid|payable)\s+under\s+(?:this|the)\s+(?:payment\s+)?plan|(?:monthly|each|first|final|last|next)\s+payment\s+(?:amount|of|due)|payment\s+(?:plan|arrangement)\s+(?:amount|terms?|balance))\b`)

// planTerm reports whether an undated, uncoded row states a payment
// plan's terms (rePlanTerms): what finances the balance above it is no
// charge, no payment received and no total, and neither is the
// agreement's sentence that promises to pay it ("I agree to pay the
// balance above in the installments shown. A late fee of $20.00 ...").
// A payment posted on the plan is dated.
func planTerm(r billRow) bool {
	return r.date.IsZero() && r.code == "" && r.rev == "" && rePlanTerms.MatchString(r.desc)
}

// proseRow reports whether row r is a sentence that names an amount, not
// a row of the bill: it reads as prose (eight words of lower-case letters
// or more) and words of the sentence follow its last amount ("...
// assigned a patient responsibility of $817.81 (deductible and
// coinsurance).") or come before its date ("Your insurer processed this
// account on 06/27/2023 and ..."), where a row's cells open with its date
// and end with its amounts (a balance, a status at most). A row with a
// code is a row.
func proseRow(r billRow) bool {
	if r.code != "" || r.rev != "" || len(r.aspans) == 0 || lowerWords(r.text) < 8 {
		return false
	}
	if lowerWords(r.text[r.aspans[len(r.aspans)-1].b:]) >= 2 {
		return true
	}
	return !r.date.IsZero() && r.dspan.a > 0 && lowerWords(r.text[:r.dspan.a]) >= 3
}

// lowerWords counts the words of s that are lower-case letters only (two
// or more), punctuation around them aside.
func lowerWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ".,;:()[]\"'")
		if len(w) < 2 {
			continue
		}
		lower := true
		for _, c := range w {
			if c < 'a' || c > 'z' {
				lower = false
				break
			}
		}
		if lower {
			n++
		}
	}
	return n
}

// hasCharge reports whether a header's columns hold a charge column.
func hasCharge(cols []billCol) bool {
	for _, c := range cols {
		if c.kind == "charge" {
			return true
		}
	}
	return false
}

// sectionSum reports whether row r sums the charges of the items above it
// (those since the last header, total or subtotal), as a statement that
// prints each visit or account in a section of its own sums each section
// under its rows ("Visit charges", "Charges this visit"): no date, no
// code, one amount, a label that names charges, and the amount the sum of
// two items or more, or of one item, to the cent.
func sectionSum(r billRow, items []extract.BillLine) bool {
	if !r.date.IsZero() || r.code != "" || r.rev != "" || len(r.amts) != 1 || !reChargesWord.MatchString(r.desc) {
		return false
	}
	sum, n := 0.0, 0
	for _, it := range items {
		if it.Kind == extract.LineCharge {
			sum, n = sum+it.Charge, n+1
		}
	}
	return n > 0 && math.Abs(sum-r.amts[0]) < 0.005
}

// sameItemCodes gives a row the HCPCS code its item prints on the bill's
// other rows when OCR read the code's letter as a digit or lost it: "44556"
// or "0730" (then read as a revenue code) beside rows of "A4556" or
// "E0730" with the same description, its modifiers aside (sameItem).
func sameItemCodes(items []extract.BillLine) {
	for i := range items {
		a := &items[i]
		lost := len(a.Code) == 4 && a.RevenueCode == a.Code
		if !allDigits(a.Code) || len(a.Code) != 5 && !lost {
			continue
		}
		for _, b := range items {
			if len(b.Code) == 5 && b.Code[0] >= 'A' && b.Code[0] <= 'V' && b.Code[1:] == a.Code[len(a.Code)-4:] && sameItem(a.Description, b.Description) {
				a.Code = b.Code
				if lost {
					a.RevenueCode = ""
				}
				break
			}
		}
	}
}

// lostLetter is a row's HCPCS code whose letter OCR lost: its four
// digits, and whether the row bills a drug (jCode).
type lostLetter struct {
	digits string
	drug   bool
}

// letterFor gives a row whose code lost its letter the code another row
// of the bill prints for the same item (the same digits, modifiers and
// description: "4556" beside "A4556 ELECTRODES PER PAIR"), else, for a row that bills a
// drug, a J code ("3301 TRIAMCINOLONE ACET INJ 10MG" is J3301). Any other
// row keeps no code, nor the modifiers read after the digits.
func letterFor(items []extract.BillLine, lost map[int]lostLetter) {
	for k, c := range lost {
		a := &items[k]
		for _, b := range items {
			if len(b.Code) == 5 && b.Code[0] >= 'A' && b.Code[0] <= 'V' && b.Code[1:] == c.digits && slices.Equal(a.Modifiers, b.Modifiers) &&
				letters(b.Description) != "" && letters(b.Description) == letters(a.Description) {
				a.Code = b.Code
				break
			}
		}
		if a.Code == "" && c.drug {
			a.Code = "J" + c.digits
		}
		if a.Code == "" {
			a.Modifiers = nil // no code for them to modify
		}
	}
}

// letters keeps the upper-cased letters of s: a description as OCR's
// specks and spacing leave it.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// reRevenueGroup heads a facility's group of rows: a revenue code and its
// caption, alone on the line ("0450 EMERGENCY ROOM", "0301 LABORATORY -
// CHEMISTRY"), with whatever specks OCR put around them.
var reRevenueGroup = lazyre.New(`^[^\w]{0,3}(0[1-9]\d{2})\s+[A-Za-z][A-Za-z0-9/&\-]*(?:[ ,]+[A-Za-z0-9/&\-]+)*[^\w]*$`)

// reSubtotal is a group's subtotal, the word's last letter perhaps read
// by OCR as a t, a one or an i ("Subtotat").
var reSubtotal = lazyre.New(`(?i)\bsub-?tota[lt1i]\b`)

// revenueGroup returns the revenue code a group's heading line prints, or "".
func revenueGroup(trim string) string {
	if m := reRevenueGroup.FindStringSubmatch(trim); m != nil {
		return m[1]
	}
	return ""
}

// rateFirst marks the rate of a row that prints units, the price of one
// unit and their product ("11   27.00   297.00") under a header that names
// no rate and no balance (whose running total could be the product by
// chance): the product is the charge. The units are those the row read,
// or the count printed in the cell just before the rate: an anesthesia
// statement prints base, time and total units ("5   7   12   96.00
// 1,152.00"), and the total times the rate is the charge.
func rateFirst(r billRow, cols []billCol, kinds []string) []string {
	for i := 0; i+1 < len(r.amts); i++ {
		if kinds[i] != "charge" || kinds[i+1] == "charge" {
			continue
		}
		for _, n := range []float64{r.units, countBefore(r.text, r.aspans[i].a)} {
			if n > 1 && math.Abs(r.amts[i]*n-r.amts[i+1]) < 0.005 {
				// OCR moved the rate under the amount's caption:
				// the product of the units and the rate is the
				// charge.
				kinds[i], kinds[i+1] = "rate", "charge"
				return kinds
			}
		}
	}
	for _, c := range cols {
		if c.kind == "rate" || c.kind == "balance" {
			return kinds
		}
	}
	for i := 0; i+1 < len(r.amts); i++ {
		rate, charge := r.amts[i], r.amts[i+1]
		if rate <= 0 || kinds[i] == "rate" {
			continue
		}
		for _, n := range []float64{r.units, countBefore(r.text, r.aspans[i].a)} {
			if n > 1 && math.Abs(rate*n-charge) < 0.005 {
				kinds[i], kinds[i+1] = "rate", "charge"
				return kinds
			}
		}
	}
	return kinds
}

// misreadProduct repairs the charge of a row that prints its units and
// rate when OCR read a 5 of the charge as a dollar sign: "3   17.00
// $1.00" charges 51.00, the units times the rate, and no dollar.
func misreadProduct(r *billRow) {
	for i := 0; i+1 < len(r.amts); i++ {
		rate := r.amts[i]
		cell := strings.ReplaceAll(r.text[r.aspans[i+1].a:r.aspans[i+1].b], ",", "")
		for _, n := range []float64{r.units, countBefore(r.text, r.aspans[i].a)} {
			if p := rate * n; n > 1 && rate > 0 && dollarForFive(cell, strconv.FormatFloat(p, 'f', 2, 64)) {
				r.amts[i+1] = p
				return
			}
		}
	}
}

// dollarForFive reports whether cell reads as want with one or more of its
// fives read as dollar signs.
func dollarForFive(cell, want string) bool {
	if len(cell) != len(want) || !strings.Contains(cell, "$") {
		return false
	}
	for i := range len(cell) {
		if cell[i] != want[i] && (cell[i] != '$' || want[i] != '5') {
			return false
		}
	}
	return true
}

// countBefore returns the whole number of up to three digits printed in
// the cell that ends before byte a of text, or 0. A speck OCR glued after
// the number ("2°", "2:") is no part of it.
func countBefore(text string, a int) float64 {
	pre := strings.TrimRight(text[:a], " \t")
	cell := strings.TrimRight(pre[strings.LastIndexAny(pre, " \t|")+1:], countSpecks)
	if len(cell) == 0 || len(cell) > 3 || !allDigits(cell) {
		return 0
	}
	n, _ := strconv.Atoi(cell)
	return float64(n)
}

// countSpecks are what OCR glues after a count: a degree sign, a colon or
// semicolon, a point or comma, a quote.
const countSpecks = "°:;.,'’`\""

// unitsColumn returns where the header prints its units or quantity
// column, or an empty span.
func unitsColumn(cols []billCol) span {
	for _, c := range cols {
		if c.kind == "units" {
			return span{c.a, c.b}
		}
	}
	return span{}
}

// setAmounts puts a row's amounts where their columns say.
func setAmounts(b *extract.BillLine, r billRow, kinds []string) {
	f := func(v float64) *float64 { return &v }
	for i, v := range r.amts {
		switch kinds[i] {
		case "charge":
			if b.Charge == 0 {
				b.Charge = v
			}
		case "adjustment":
			b.Adjustment = f(v)
		case "paid":
			if b.Paid != nil {
				v += *b.Paid // a plan's payment and the patient's copay
			}
			b.Paid = f(math.Round(v*100) / 100)
		case "balance":
			b.Balance = f(v)
		}
	}
}

// runningCharge reconciles a row with the running balance the row above
// printed, when the row's amounts as their columns read them do not
// (wherever OCR shifted them from their columns): when that balance plus
// one of the row's amounts is its last, the row charged that amount (a
// credit when it is negative: a payment or an adjustment) and printed the
// last as its balance. A charge cell OCR read a five of as a dollar sign
// ("$1.00") is the amount the balance grew by when it reads as that
// amount with its dollar signs as fives.
func runningCharge(b *extract.BillLine, r billRow, balance *float64) {
	n := len(r.amts)
	if balance == nil || n < 2 || b.Balance != nil && math.Abs(*balance+b.Charge-deref(b.Paid)-deref(b.Adjustment)-*b.Balance) < 0.005 {
		return
	}
	last := r.amts[n-1]
	for k := n - 2; k >= 0; k-- {
		a := r.amts[k]
		if a == 0 || math.Abs(*balance+a-last) >= 0.005 {
			continue
		}
		v := last
		b.Charge, b.Balance, b.Paid, b.Adjustment = a, &v, nil, nil
		return
	}
	grew := strconv.FormatFloat(math.Round((last-*balance)*100)/100, 'f', 2, 64)
	if cell := strings.ReplaceAll(r.text[r.aspans[n-2].a:r.aspans[n-2].b], ",", ""); dollarForFive(cell, grew) {
		v, c := last, last-*balance
		b.Charge, b.Balance, b.Paid, b.Adjustment = math.Round(c*100)/100, &v, nil, nil
	}
}

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// moveAmount puts a payment's or adjustment's amount, printed in the
// charge column or in the other one's (a ledger's one credit column holds
// both), where its kind says, as a positive number.
func moveAmount(b *extract.BillLine) {
	to, other := &b.Paid, &b.Adjustment
	if b.Kind == extract.LineAdjustment {
		to, other = &b.Adjustment, &b.Paid
	}
	if *to == nil && *other != nil && b.Charge == 0 {
		*to, *other = *other, nil
	}
	if *to == nil && b.Charge != 0 {
		v := b.Charge
		if v < 0 {
			v = -v
		}
		*to = &v
	} else if *to != nil && **to < 0 {
		v := -**to
		*to = &v
	}
	b.Charge = 0
}

// lineKind decides whether a row is a charge, a payment or an adjustment.
func lineKind(desc string, b extract.BillLine) string {
	hasCode := b.Code != ""
	// A credit whose words name an adjustment or a payment is one, even
	// with a code: a coded line's adjustment, or a date whose slashes OCR
	// lost read as a code ("21225," for 2/12/25).
	credit := b.Charge < 0
	switch {
	case (!hasCode || credit) && reAdjustWords.MatchString(desc):
		return extract.LineAdjustment
	case credit && hasCode && rePaymentWords.MatchString(desc):
		return extract.LinePayment
	case !hasCode && rePaymentWords.MatchString(desc):
		return extract.LinePayment
	case b.Charge == 0 && b.Paid != nil && *b.Paid != 0 && !hasCode:
		return extract.LinePayment
	case b.Charge == 0 && b.Adjustment != nil && *b.Adjustment != 0 && !hasCode:
		return extract.LineAdjustment
	case b.Charge < 0 && !hasCode:
		// A credit printed in the charge column.
		return extract.LinePayment
	}
	return extract.LineCharge
}

// hasSplitCents reports whether a form's line may hold an amount with its
// cents in their own cell ("250 00"), whatever specks OCR set after the
// cents ("34 00,").
func hasSplitCents(s string) bool {
	s = cleanFormRow(s)
	for _, t := range tokens(s) {
		if len(t.s) == 2 && allDigits(t.s) && t.a > 2 && isDigitByte(s[t.a-2]) {
			return true
		}
	}
	return false
}

// formService reports whether a claim form's line is a dated, coded
// service row with an amount, however OCR printed it ("35300": the cents
// cell run into the dollars); dental says the claim is a dentist's.
func formService(l line, cols []billCol, dental bool) bool {
	if l.noise || !hasDate(l.text) && !strings.ContainsAny(l.text, "0123456789") {
		return false
	}
	r := parseBillRow(l, rowOpts{form: true, cols: cols, dental: dental})
	return !r.date.IsZero() && r.code != "" && len(r.amts) > 0
}

// isFormLabel reports whether a line is a claim form's printed label (a
// box number and its caption), which no item wraps onto.
func isFormLabel(s string) bool {
	return len(s) > 2 && isDigitByte(s[0]) && (s[1] == '.' || isDigitByte(s[1]) && s[2] == '.')
}

// reCompoundPart is a row of a compounded drug's breakdown, as pharmacies
// print it under the compound's fill: an ingredient ("ingr.", "Ingredient:")
// with its cost, or a labelled cost or fee ("cost 340.00", "Compounding
// fee  fee 75.00") that the fill's charge already sums.
var reCompoundPart = lazyre.New(`(?i)^\W{0,6}ingr(?:edient)?s?\b|\b(?:cost|fee)\W{0,6}$`)

// needsDate reports whether the next line of lines[i]'s page is a row of
// amounts with no date of its own, which a date cell alone above it may
// open.
func needsDate(lines []line, i int) bool {
	if i+1 >= len(lines) || lines[i+1].page != lines[i].page {
		return false
	}
	next := lines[i+1]
	return moneyShaped(next.text) && !hasDate(next.text)
}
