package rules

import (
	"math"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

// Slips: a receipt, an encounter slip or a payment voucher prints each
// service as a block of labelled fields, not as a row of a table: its
// date of service ("Date of service:", "Visit date:"), the service
// ("Service: 90834 PSYTX 45 MIN", "CPT 97110 Therapeutic exercise"), its
// fee ("Fee:", "Charge:") and what was paid ("Paid:", "Amount received:").
// A block that itemises a service is one line item: the fee, on the date
// of service (the slip's own date, when it was paid, only when it prints no
// other), coded by its service field, with what was paid on it. A block
// that itemises none (a payment receipt: amount, method, receipt number)
// is a payment. A slip stamped void bills nothing: it was reissued as a
// slip of its own. Slips are cut at their headings ("RECEIPT No. 6464",
// "Receipt # 10-2291") or where a field they already hold comes again.

var (
	// reSlipHead opens a slip: its kind, then perhaps its number.
	reSlipHead = lazyre.New(`(?i)^\W{0,3}(?:payment\s+)?(?:receipt|encounter\s+slip|charge\s+slip|voucher)\b\s*(?:(?:no\.?|number|#)\s*:?\s*[\w-]+)?`)
	// reSlipService labels a slip's service: "Service:", "Procedure:",
	// "Treatment code:" with a colon (a column's caption has none), or "CPT"
	// right before a code.
	reSlipService = lazyre.New(`(?i)^\W{0,3}(?:(?:services?(?:\s+rendered)?|procedure|treatment)(?:\s+code)?\s*[:#]|(?:cpt|hcpcs)(?:/hcpcs)?(?:\s+code)?\s*[:#]?\s*[0-9A-V]\d{3}[0-9T]\b)`)
	// reVoidStamp stamps a slip or a row void: the word set off by stars,
	// brackets, hashes or equals signs, "voided", a line of the word alone,
	// or "void" with the slip that replaced it.
	reVoidStamp = rxfilter.MustCompile(`(?i)[*\[(#=~]\s*void(?:ed)?\b|\bvoid(?:ed)?\s*[*\])#=~]|\bvoided\b|^\W*void\W*$|\bvoid\b.{0,40}\b(?:reissued|re-issued|replaced|superseded)\b`)
)

// slipField kinds of a labelled amount.
const (
	slipFee     = "fee"
	slipPaid    = "paid"
	slipBalance = "balance"
)

// slip is a block of labelled fields being read.
type slip struct {
	open       bool
	date, on   dates.Date // the date of service; the slip's own date
	code, desc string
	mods       []string
	service    bool
	fee, paid  *float64
	// pointless is a fee whose decimal point OCR lost ("Fee: 22800" read
	// as 228.00), taken only when the slip's paid amount and balance add
	// up to it; balance is the balance the slip prints.
	pointless, balance *float64
	void               bool
	cites              []extract.Citation
}

// line returns the item the slip bills, if any.
func (s *slip) line(provider string) (extract.BillLine, bool) {
	if !s.open || s.void || s.fee == nil && s.paid == nil {
		return extract.BillLine{}, false
	}
	date := s.date
	if date.IsZero() {
		date = s.on
	}
	if date.IsZero() {
		return extract.BillLine{}, false
	}
	b := extract.BillLine{Provider: provider, Date: date, Citations: s.cites}
	if s.fee == nil && s.pointless != nil && s.paid != nil && s.balance != nil && math.Abs(*s.paid+*s.balance-*s.pointless) < 0.005 {
		s.fee = s.pointless
	}
	if s.service && s.fee != nil && *s.fee < 0 && s.paid != nil && s.balance != nil && math.Abs(*s.paid+*s.balance+*s.fee) < 0.005 {
		// A speck after the fee read as a minus ("Fee: 176.00-"): what was
		// paid and the balance add up to the fee as printed without it.
		v := -*s.fee
		s.fee = &v
	}
	if s.service && s.fee != nil && *s.fee > 0 {
		b.Kind, b.Code, b.Modifiers, b.Description, b.Charge, b.Paid = extract.LineCharge, s.code, s.mods, s.desc, *s.fee, s.paid
		return b, true
	}
	if s.paid == nil || *s.paid <= 0 {
		return extract.BillLine{}, false
	}
	b.Kind, b.Paid, b.Description = extract.LinePayment, s.paid, "payment"
	if !s.on.IsZero() {
		b.Date = s.on // a payment is of the day it was made
	}
	return b, true
}

// slipAmounts reads a line of labelled amounts ("Fee: 291.00   Paid:
// 291.00 Visa", "Charge $210.00   Amount received $210.00"): each
// amount's kind by the label just before it. ok is
// false unless every amount has one; a line without a fee that reads as a
// printed total ("Amount paid: 25.00", "Balance: 40.00") is the bill's.
func slipAmounts(text string) (kinds []string, vals []float64, ok bool) {
	vs, pos := amountsIn(text)
	if len(vs) == 0 {
		return nil, nil, false
	}
	prev := 0
	for i, p := range pos {
		label := strings.ToLower(strings.TrimRight(text[prev:p[0]], " $"))
		prev = p[1]
		// The label's cell, its colon as printed or as OCR read it (or
		// lost it): a few words, no sentence.
		cell := strings.TrimRight(label[strings.LastIndex(label, "   ")+1:], ":;. ")
		if n := len(strings.Fields(cell)); n == 0 || n > 3 {
			return nil, nil, false
		}
		var k string
		switch {
		case strings.Contains(cell, "paid") || strings.Contains(cell, "received") || strings.Contains(cell, "payment"):
			k = slipPaid
		case strings.Contains(cell, "balance") || strings.Contains(cell, "due"):
			k = slipBalance
		case strings.Contains(cell, "fee") || strings.Contains(cell, "charge"):
			k = slipFee
		default:
			return nil, nil, false
		}
		kinds, vals = append(kinds, k), append(vals, vs[i])
	}
	for _, k := range kinds {
		if k == slipFee {
			return kinds, vals, true
		}
	}
	return kinds, vals, !reTotalWords.MatchString(text)
}

// read takes line l into the slip when it is one of a slip's fields, and
// returns the item of a slip it closes (ok), and whether the line is the
// slip's alone (consumed: no row of a table reads it).
func (s *slip) read(l line, provider, doc string) (done extract.BillLine, ok, consumed bool) {
	closeSlip := func() {
		done, ok = s.line(provider)
		*s = slip{}
	}
	switch {
	case l.noise:
		return done, false, false
	case reSlipHead.MatchString(l.trim) && !moneyShaped(l.text):
		closeSlip()
		s.open, s.void = true, reVoidStamp.MatchString(l.text)
		if ds := lineDates(l); len(ds) > 0 {
			s.on = ds[0].Date
		}
		return done, ok, true
	case reVoidStamp.MatchString(l.text) && !moneyShaped(l.text) && s.open:
		s.void = true
		return done, false, true
	case reTotalWords.MatchString(l.text) && strings.Contains(strings.ToLower(l.text), "total"):
		closeSlip()
		return done, ok, false
	}
	if d, on, found := slipDates(l); found {
		if !d.IsZero() && !s.date.IsZero() && (s.service || s.fee != nil) {
			closeSlip()
		}
		if !d.IsZero() {
			s.date = d
			s.cites = append(s.cites, l.cite(doc, l.quoteAll()))
		}
		if !on.IsZero() && s.on.IsZero() {
			s.on = on
		}
		return done, ok, false
	}
	if m := reSlipService.FindStringIndex(l.text); m != nil && !moneyShaped(l.text) && billHeader(l.text) == nil {
		if s.service {
			d := s.date
			closeSlip()
			s.date = d
		}
		rest := l.text[m[1]:]
		if c := l.text[m[1]-1]; c != ':' && c != '#' {
			rest = l.text[m[1]-5:] // "CPT 90837": the match ends with the code
		}
		if c := layout.Cells(rest); len(c) > 0 {
			rest = rest[c[0].Start:c[0].End]
		}
		fs := strings.Fields(rest)
		if len(fs) > 0 {
			if code, mods, isCode := splitCode(fs[0]); isCode {
				s.code, s.mods, fs = code, mods, fs[1:]
			}
		}
		s.desc = clip(strings.Join(fs, " "), 160)
		s.open, s.service = true, true
		s.cites = append(s.cites, l.cite(doc, l.quoteAll()))
		return done, ok, true
	}
	if !s.open {
		return done, false, false
	}
	kinds, vals, labelled := slipAmounts(l.text)
	if len(kinds) == 1 && kinds[0] == slipBalance {
		s.balance = &vals[0] // a printed total of the bill, too
	}
	if v, ok := pointlessFee(l.text); ok && s.fee == nil {
		s.pointless = &v
	}
	if !labelled {
		return done, false, false
	}
	for i, k := range kinds {
		v := vals[i]
		switch k {
		case slipFee:
			if s.fee != nil {
				return done, false, false // a second fee: no field of this slip
			}
			s.fee = &v
		case slipPaid:
			s.paid = &v
		}
	}
	s.cites = append(s.cites, l.cite(doc, l.quoteAll()))
	return done, false, true
}

// rePointlessFee is a slip's fee whose decimal point OCR lost: digits
// after the label, no point among them ("Fee: 22800").
var rePointlessFee = lazyre.New(`(?i)\b(?:fee|charge)\s*[:;.]?\s*\$?\s*(\d{3,7})(?:\s|$)`)

// pointlessFee returns the fee a slip's line prints without its decimal
// point, its last two digits read as the cents.
func pointlessFee(text string) (float64, bool) {
	m := rePointlessFee.FindStringSubmatch(text)
	if m == nil {
		return 0, false
	}
	v, err := strconv.ParseFloat(m[1][:len(m[1])-2]+"."+m[1][len(m[1])-2:], 64)
	return v, err == nil
}

// slipDates reads the dates a slip's line labels: the date of service
// ("Date of service:", "Visit date:") and the slip's own date ("Date:"
// alone, when it was written or paid).
func slipDates(l line) (service, on dates.Date, found bool) {
	if l.lo == nil || moneyShaped(l.text) {
		return service, on, false
	}
	for _, m := range lineDates(l) {
		switch layout.LabelBefore(l.lo, m, nil) {
		case layout.ServiceLabel:
			if service.IsZero() {
				service, found = m.Date, true
			}
		case layout.BareLabel:
			if on.IsZero() {
				on, found = m.Date, true
			}
		}
	}
	return service, on, found
}
