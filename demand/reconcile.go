package demand

import (
	"fmt"
	"strings"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand/check"
	"github.com/medchron/medchron/extract/dates"
)

// CheckOptions are the reconciliation checker's options for a letter
// written with in and generated at: the eligibility policy the letter
// used (Eligible), the attorney's amounts, dates and names.
func CheckOptions(in Inputs, generated time.Time) check.Options {
	opt := check.Options{
		Eligible: func(e chronology.Entry) bool { b, _ := Eligible(e); return b != "" },
	}
	amount := func(label string, v *float64) {
		if v != nil {
			opt.Amounts = append(opt.Amounts, check.Figure{Label: label, Amount: *v})
		}
	}
	amount("policy limits", in.PolicyLimits)
	amount("daily wage", in.DailyWage)
	if in.DailyWage != nil && in.DaysMissed != nil {
		opt.Amounts = append(opt.Amounts, check.Figure{Label: "lost wages", Amount: *in.DailyWage * float64(*in.DaysMissed)})
	}
	amount("PIP", in.PIP)
	amount("MedPay", in.MedPay)
	amount("out of pocket", in.OutOfPocket)
	amount("future care", in.FutureCareCost)
	amount("demand", in.DemandAmount)
	for _, l := range in.Liens {
		opt.Amounts = append(opt.Amounts, check.Figure{Label: "lien " + l.Holder, Amount: l.Amount})
		opt.Names = append(opt.Names, l.Holder)
	}
	if d, err := dates.ParseISO(in.Deadline); err == nil {
		opt.Dates = append(opt.Dates, check.NamedDate{Label: "response deadline", Date: d})
	}
	if !generated.IsZero() {
		opt.Dates = append(opt.Dates, check.NamedDate{Label: "letter date", Date: dates.Of(generated)})
	}
	for _, n := range []string{in.Adjuster, in.Carrier, in.Insured, in.Employer, in.Signature} {
		if strings.TrimSpace(n) != "" {
			opt.Names = append(opt.Names, n)
		}
	}
	return opt
}

// Reconcile checks a section's text against the chronology and its
// ledger (package demand/check): every amount, date, provider, diagnosis
// and visit count the text states must be one the records or the
// attorney's inputs give.
func Reconcile(c chronology.Chronology, in Inputs, generated time.Time, body string) check.Report {
	return check.New(c, CheckOptions(in, generated)).Check(body)
}

// Reconciled is Finished's counterpart for figures: it returns an error
// wrapping ErrNotFinished, naming the first failing sentences, when the
// section states a figure the chronology, the ledger and the inputs do
// not support.
func Reconciled(r check.Report) error {
	failed := r.Failed()
	if len(failed) == 0 {
		return nil
	}
	var why []string
	for i, s := range failed {
		if i == 3 {
			why = append(why, fmt.Sprintf("and %d more", len(failed)-3))
			break
		}
		for _, f := range s.Failures() {
			why = append(why, fmt.Sprintf("%q: %s", f.Text, f.Reason))
			break
		}
	}
	return fmt.Errorf("%w: %d sentence(s) state figures the records do not support (%s); correct them first",
		ErrNotFinished, len(failed), strings.Join(why, "; "))
}
