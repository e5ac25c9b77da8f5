package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestLabFooterNameWithoutTown: a reference laboratory's report closes on
// its legal name, town and state, ZIP code, CLIA number and director
// ("Summit Toxicology Laboratory, Lexington, KY 40503. CLIA 18D0000000.
// Laboratory Director: ..."). The provider is the laboratory, not the
// laboratory and its town.
func TestLabFooterNameWithoutTown(t *testing.T) {
	page := `Summit Tox - Medication Monitoring                              Definitive Drug Testing - Final Report
4083 Pioneer Way, Lexington, KY 40503 Client services (859) 555-0167

Patient: DOE, JANE                                  Specimen ID: TX2756
DOB: 01/02/1980 Sex: F                              Account: 790568
Ordering physician: Ann Lee, DO                     Client: Lakeside Spine & Pain
Collected: 01/26/2024 08:44                         Received: 01/27/2024 14:06
Reported: 01/29/2024 14:06                          Specimen: Urine, random
Diagnosis codes: Z79.891, M54.12
Interpretation:       CONSISTENT with prescribed medications.
Drug class            Analyte                 Cutoff (ng/mL)      Result          Flag
Opiates               Morphine                50                  Negative
Tramadol              Tramadol                100                 3,400           CONSISTENT

Summit Toxicology Laboratory, Lexington, KY 40503. CLIA 18D0809935. Laboratory Director: Omar Haddad, PhD, NRCC
                                                                                        DOE, JANE Page 1 of 1
`
	// One report, or two whose footer repeats (a running footer).
	for _, texts := range [][]string{{page}, {page, strings.Replace(page, "01/26/2024", "03/04/2024", 1)}} {
		res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: len(texts)}, pagesOf(texts))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Encounters) != len(texts) {
			t.Fatalf("%d encounters, want %d", len(res.Encounters), len(texts))
		}
		for _, e := range res.Encounters {
			if p := e.Provider; strings.Contains(p, "Lexington") || !strings.HasPrefix(p, "Summit") {
				t.Errorf("%d pages: provider %q, want the laboratory without its town", len(texts), p)
			}
		}
	}
}
