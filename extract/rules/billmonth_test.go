package rules

import "testing"

// TestStatementMonthLetterOCR: OCR read one letter of a row's month name
// as another ("Det 27, 2024" for Dec 27, 2024):
// the one month the other two letters leave is the row's. A name two
// months share ("Mat": Mar or May) dates nothing.
func TestStatementMonthLetterOCR(t *testing.T) {
	page := `Lakeshore Imaging Associates
PATIENT STATEMENT                                  Statement date: Jan 20, 2025   Page 1
Ticket           Exam date       Rdr     CPT-Mod       Study                                     Charge
552018734        Dec 8, 2024     KM      73030-26      XR SHOULDER 2+ VW                          96.00
552018735        Det 27, 2024    KM      72050-26      XR SPINE CERV 4+ VW                        88.00
552018736        Mat 3, 2024     KM      73562-26      XR KNEE 3 VW                              320.00
Total charges                                                                                      504.00
`
	res := extractOCR(t, page)
	wantBillRows(t, res, "2024-12-08 73030 96.00|2024-12-27 72050 88.00| 73562 320.00")
}
