package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestVisitBlockFromThrough: an out-of-network physician's itemized
// statement heads each date of service with the from-through pair a claim
// line carries ("DOS: 3/2/25-3/2/25", the dash gluing the two dates, or
// "DOS 04/11/2025 to 04/11/2025"), the rendering physician and the day's
// diagnosis codes, whose decimals ("M54.16", or OCR's "MS4.16") are no
// amounts; the coded lines under it print no date. Each line is of its
// block's day, and the heading bills nothing.
func TestVisitBlockFromThrough(t *testing.T) {
	page := `Harborview Spine & Pain Physicians
18 Quay Street, Tacoma, WA 98402        Phone (253) 555-0177

ITEMIZED STATEMENT                          Statement date 5/20/25   Acct 88120
Patient: LOPEZ, DANA   DOB: 2/9/80   Ins: Cascade Health (OUT OF NETWORK)
      Code-Mod       Description                         Units        Charge

DOS: 3/2/25-3/2/25          Rendering: Priya Nand, MD   Dx: M54.16, S33.5XXA
      99204          OFFICE O/P NEW MOD 45 MIN              1          402.00
      72100-26       XR SPINE LUMBOSACRAL 2/3 VWS           1           88.00
DOS 04/11/2025 to 04/11/2025   Rendering: Priya Nand, MD  MS4.16, $33.5XXA
      64483-LT       INJ FORAMEN EPIDURAL L/S               1        1,240.00
      J1040          METHYLPREDNISOLONE 80 MG INJ           2           36.00

                     Total charges                                   1,766.00
                     Insurance payments (out of network)              (530.00)
                     Balance due from patient                        1,236.00
`
	res := extractText(t, page)
	var charges []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			charges = append(charges, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	want := "2025-03-02 99204 402.00|2025-03-02 72100 88.00|2025-04-11 64483 1240.00|2025-04-11 J1040 36.00"
	if got := strings.Join(charges, "|"); got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestVisitBlockCompactDates: the practice's system prints the pair as a
// claim's compact from-through cells ("030225-030225", MMDDYY), and the
// rendering physician's name pushes the diagnosis codes onto the line
// below the heading.
func TestVisitBlockCompactDates(t *testing.T) {
	page := `Harborview Spine & Pain Physicians
PATIENT ITEMIZED STATEMENT                  Statement date 052025   Acct 88120
Patient: LOPEZ, DANA   DOB: 020980   Ins: Cascade Health (OUT OF NETWORK)
      Code-Mod       Description                         Units        Charge

DOS: 030225-030225          Rendering: Priya Nandakumar-Wells,
                                       Dx: M54.16, S33.5XXA
      99204          OFFICE O/P NEW MOD 45 MIN              1          402.00
DOS: 04112025-04112025      Rendering: Priya Nandakumar-Wells,
                                       Dx: M54.16
      64483-LT       INJ FORAMEN EPIDURAL L/S               1        1,240.00

                     Total charges                                   1,642.00
`
	res := extractText(t, page)
	var charges []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			charges = append(charges, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	want := "2025-03-02 99204 402.00|2025-04-11 64483 1240.00"
	if got := strings.Join(charges, "|"); got != want {
		t.Errorf("charges %q, want %q", got, want)
	}
}

// TestVisitBlocksOfOneStatement: an orthopaedic statement prints its rows
// in blocks, each under a heading of its visit ("DOS: 06/07/23 - 06/07/23
// Rendering: ..."), below one row of column captions. Every block is a
// part of the one statement, read under its captions: a drug's row whose
// HCPCS code lost its letter to the fax ("3301" for J3301) still bills.
func TestVisitBlocksOfOneStatement(t *testing.T) {
	page := `Summit Sports Med
4942 Industrial Pkwy, Bakersfield, CA 93301
Phone (661) 555-0171 Fax (661) 555-0198

STATEMENT OF ACCOUNT - ITEMIZED                              Statement date 11/11/23 Acct 46445388
Patient: DOE, JANE DOB: 9/8/69

Code-Mod       Description                                        Units                 Charge
DOS: 05/22/23 - 05/22/23                Rendering: Anika Crane, DO   Dx: S13.4XXD, M54.12
99204           OFFICE O/P NEW MOD 45 MIN                                        1                  472.00
DOS: 06/07/23 - 06/07/23                 Rendering: Anika Crane, DO   Dx: M50.120, M25.511
99214-25        OFFICE O/P EST MOD 30 MIN                                        1                  272.00
3301           TRIAMCINOLONE ACET INJ 10MG                                     4                   68.00
Total charges                                        812.00
`
	wantBillRows(t, extractOCR(t, page), "2023-05-22 99204 472.00|2023-06-07 99214 272.00|2023-06-07  68.00")
}
