package demand

import (
	"flag"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
	"github.com/medchron/medchron/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var testNow = time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)

// sampleDraft is the sample chronology's draft without attorney inputs:
// some entries unreviewed, placeholders everywhere the inputs are needed.
func sampleDraft() Draft {
	return Generate(reporttest.Sample(), Options{Now: testNow})
}

func amt(v float64) *float64 { return &v }
func cnt(v int) *int         { return &v }

// fullInputs are attorney inputs with every field a letter needs.
func fullInputs() Inputs {
	return Inputs{
		Adjuster: "Pat Lee", Carrier: "Acme Mutual Insurance", ClaimNumber: "AM-22-104", Insured: "Acme Freight LLC",
		PolicyLimits: amt(100000),
		Liability:    "Your insured's driver struck Ms. Doe's stopped car from behind and was cited for following too closely.",
		Employer:     "Harbor Logistics", Occupation: "warehouse associate", DailyWage: amt(168), DaysMissed: cnt(12),
		PIP: amt(2500), MedPay: amt(0), OutOfPocket: amt(310.25), Liens: []Lien{{Holder: "Blue Plan Health", Amount: 1200}}, LiensEntered: true,
		FutureCareCost: amt(8500), DemandAmount: amt(95000), Deadline: "2026-02-16",
		Signature: "Rivera & Cole LLP, by Ana Rivera, Esq.",
	}
}

// reviewedSample is the sample chronology after a reviewer verified every
// entry not rejected.
func reviewedSample() chronology.Chronology {
	c := reporttest.Sample()
	for i := range c.Entries {
		if c.Entries[i].Review != chronology.ReviewRejected && !c.Entries[i].Reviewed() {
			c.Entries[i].Review = chronology.ReviewVerified
		}
	}
	return c
}

// finishedDraft is a letter every section of which can be approved.
func finishedDraft() Draft {
	return Generate(reviewedSample(), Options{Now: testNow, Inputs: fullInputs()})
}

func golden(t *testing.T, name string, got []byte) { testutil.Golden(t, name, got, *update) }
