package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestLostPartOfFullDate reads a faxed ledger whose rows print their dates
// of service in full (month, day and year). A date cell OCR cut to two
// parts ("4/24" for 1/4/24, its month and slash lost) reads as a month and
// day elsewhere, but here it is a damaged full date: it is dated only when
// exactly one reading of the lost part falls between the rows around it
// (a visit's rows of one day), and left undated otherwise, never dated
// by the nearest year of a month and day.
func TestLostPartOfFullDate(t *testing.T) {
	page := `Lakeside Bone & Joint Spec.
PATIENT ACCOUNT LEDGER - ALL TRANSACTIONS                       Run date: 5/26/24
Guarantor: ROE, SAM Acct: 42752832 DOB: 7/20/77 DOI: 12/6/23
bos        Posted     Code     Mod   Units Description                              Charges Payments       Adj     Balance
12/18/23    12/20/23    99204            1     OFFICE O/P NEW MOD 45 MIN               429.00                           429.00
12/18/23     12/20/23     73030     RT    1     XR SHOULDER 2+ VIEWS                   146.00                           575.00
1/4/24      ‘ald      99214     25     1     OFFICE O/P EST MOD 30 MIN               247.00                           822.00
4/24       4/24      20610     RT    1     DRAIN/INJ JOINT/BURSA W/O US          384.00                         1,206.00
4124      5/24      J3301           4     TRIAMCINOLONE ACET INJ 10MG             60.00                         1,266.00
2/5/24      2/7/24      99213            1     OFFICE O/P EST LOW 20 MIN                167.00                         1,433.00
3/11/24     3/11/24     99213            1     OFFICE O/P EST LOW 20 MIN                167.00                         1,600.00
11/24      3/12/24     97110            1     THERAPEUTIC EXERCISES                    60.00                         1,660.00
3/11/24     3/12/24     97140            1     MANUAL THERAPY                           70.00                         1,730.00
9/24      9/24      97110            1     THERAPEUTIC EXERCISES                    60.00                         1,790.00
TOTAL CHARGES                        1,790.00
`
	res := extractOCR(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	want := []string{
		"2023-12-18 99204 429.00",
		"2023-12-18 73030 146.00",
		"2024-01-04 99214 247.00",
		" 20610 384.00", // 1/4/24 or 2/4/24
		" J3301 60.00",  // its own cell "4124" reads as no date; "5/24" is the posting date's
		"2024-02-05 99213 167.00",
		"2024-03-11 99213 167.00",
		"2024-03-11 97110 60.00", // of the rows around it, only 3/11/24 reads as "11/24" with a part lost
		"2024-03-11 97140 70.00",
		" 97110 60.00", // after 3/11/24 with no row below: no reading is proved
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bills\n%q\nwant\n%q", got, want)
	}
}
