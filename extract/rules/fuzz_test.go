package rules_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/rules"
)

// checkResult holds what every extraction must promise whatever the text:
// citations on pages of the document, each quote verbatim on its page,
// amounts finite and of a size a bill can print.
func checkResult(t *testing.T, pages []extract.Page, res extract.Result) {
	t.Helper()
	cite := func(what string, cs []extract.Citation) {
		for _, c := range cs {
			if c.Page < 1 || c.Page > len(pages) {
				t.Fatalf("%s cites page %d of %d", what, c.Page, len(pages))
			}
			if !strings.Contains(pages[c.Page-1].Text, c.Quote) {
				t.Fatalf("%s quotes %q, which is not on page %d", what, c.Quote, c.Page)
			}
		}
	}
	amount := func(what string, v *float64) {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0) || math.Abs(*v) > 1e10) {
			t.Fatalf("%s amount %v", what, *v)
		}
	}
	for _, e := range res.Encounters {
		cite("encounter", e.Citations)
		amount("pain score", e.PainScore)
	}
	for _, b := range res.Bills {
		cite("bill line", b.Citations)
		amount("charge", &b.Charge)
		amount("adjustment", b.Adjustment)
		amount("paid", b.Paid)
		amount("balance", b.Balance)
	}
	for _, bt := range res.BillTotals {
		cite("bill total", bt.Citations)
	}
}

func extractPages(t *testing.T, texts ...string) {
	pages := make([]extract.Page, len(texts))
	for i, s := range texts {
		pages[i] = extract.Page{DocumentID: "doc-f", Number: i + 1, Source: extract.SourceText, Text: s}
	}
	res, err := rules.New(rules.Options{}).Extract(context.Background(), extract.Document{ID: "doc-f", File: "doc-f", Pages: len(pages)}, pages)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	checkResult(t, pages, res)
}

// FuzzRulesExtract feeds the rules extractor two pages of any text.
func FuzzRulesExtract(f *testing.F) {
	f.Add("Oakwood Family Medicine\nOffice Visit\nDate of Service: 03/14/2024\nAssessment: cervical strain (S13.4XXA)", "Plan: PT 2x/week")
	f.Add("EMERGENCY DEPARTMENT\nDOS 20240314\nPain 8/10\nDx: M54.2 Cervicalgia", "")
	f.Add("ITEMIZED STATEMENT\n03/14/2024 99213 Office visit $185.00\nTotal Charges $185.00", "Patient: Jane Q. Public\nDOB: 01/02/1980")
	f.Add("\x00\xff\u202e(((", "\n\n\n")
	f.Fuzz(func(t *testing.T, a, b string) { extractPages(t, a, b) })
}

// FuzzBillAmounts puts any amounts, codes and dates into the rows of an
// itemized bill.
func FuzzBillAmounts(f *testing.F) {
	f.Add("03/14/2024", "99213", "$185.00", "$1,234.56", "(20.00)")
	f.Add("3/14/24", "97110 GP", "1,000,000.00", "0.00", "-5.00")
	f.Add("", "", "$", "$$1..2", "1e9")
	f.Fuzz(func(t *testing.T, date, code, a, b, c string) {
		bill := "Riverside Physical Therapy\nITEMIZED STATEMENT\nDate of Service  Code  Description  Charge  Paid  Balance\n" +
			date + "  " + code + "  Therapeutic exercise  " + a + "  " + b + "  " + c + "\n" +
			date + "  97140  Manual therapy  " + b + "  " + c + "  " + a + "\n" +
			"Total Charges  " + a + "\nBalance Due  " + c + "\n"
		extractPages(t, bill)
	})
}
