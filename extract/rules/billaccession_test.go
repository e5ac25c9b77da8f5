package rules

import "testing"

// TestStatementIDFirstOCR: a statement whose rows open with a number of
// the office's own (an accession, an invoice or a ticket number) before
// the date of service, as a reading group's statement prints them by
// exam. OCR damaged the date cell after the number (a slash read as a
// one, "416/24"; a slash lost, "4/624"; the first reads 4/6/24 or 4/16/24,
// and only the row below it, once dated, says which), glued a speck after the code and
// its modifier ("73221-26_"), and read a five of a code twice, as a five
// and an S beside it ("720S50-26" for 72050-26, "735S62" for 73562).
// The due date above the rows ("Please pay by") dates none of them.
func TestStatementIDFirstOCR(t *testing.T) {
	page := `Lakeshore Imaging Associates
PATIENT STATEMENT                                  Statement date: 05/20/24   Page 1
Guarantor: DOE, JANE   Account #44120   Date of injury: 4/7/24
Ticket           DOS             Rdr     CPT-Mod       Study                                     Charge
                                         AMOUNT DUE 1,238.00
                                         Please pay by 06/19/24
552018734        416/24          KM      73030-26      XR SHOULDER 2+ VW                          96.00
552018735        4/624           KM      720S50-26     XR SPINE CERV 4+ VW                        88.00
552019901        4/19/24         KM      73221-26_     MRI UPPER EXT JOINT W/O DYE               734.00
552020417        4/22/24         TR      735S62-26     XR KNEE 3 VW                              320.00
Total charges                                                                                   1,238.00
Amount due                                                                                      1,238.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-04-06 73030 96.00|2024-04-06 72050 88.00|2024-04-19 73221 734.00|2024-04-22 73562 320.00")
}

// TestCodeFiveReadAsS: a HCPCS code cell whose five OCR read as an S
// beside another five ("A45S6") is read through the look-alike (A4556),
// not as a five read twice: only a code cell a letter too long drops one.
func TestCodeFiveReadAsS(t *testing.T) {
	if got, ok := ocrProcCode("A45S6"); !ok || got != "A4556" {
		t.Errorf("ocrProcCode(A45S6) = %q, %v; want A4556", got, ok)
	}
}

// TestDrugCodeLetterReadTwice: OCR read the J of a drug's HCPCS code
// twice, as the 3 it looks like and as itself ("3J1885"): the row bills
// J1885, not its revenue code. A number that only opens with a 3 is no
// code.
func TestDrugCodeLetterReadTwice(t *testing.T) {
	page := `Saint Luke's Regional Hospital
ITEMIZED STATEMENT
Svc Date       Rev     CPT/HCPCS   Description                                        Qty          Amount
06-Dec-2023   0636     j2270         MORPHINE SULFATE INJ 10MG                          1            31.28
06-Dec-2023   0636     3J1885         KETOROLAC TROMETHAMINE 15MG                       2            53.36
Total charges                                        84.64
`
	wantBillRows(t, extractOCR(t, page), "2023-12-06 J2270 31.28|2023-12-06 J1885 53.36")
	if got, ok := ocrProcCode("312345"); ok {
		t.Errorf("ocrProcCode(312345) = %q, want none", got)
	}
}
