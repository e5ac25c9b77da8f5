package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestLedgerRowNeverTakesRunDate reads a faxed patient ledger whose rows
// run the date of service, the posting date and the code together, and
// whose header prints the day the ledger was run. A row whose cells OCR
// damaged (a code's letter read twice, a speck before the modifier, a
// one read as a four in the month) keeps its charge and code, and is
// dated between its neighbours when exactly one reading fits; a row no
// reading dates stays undated for review: the ledger's run date is no
// row's date of service.
func TestLedgerRowNeverTakesRunDate(t *testing.T) {
	page := `Align Physical Therapy
5150 Oak Ave, Lancaster, PA 17601
PATIENT LEDGER                                        Run date: 06/25/2025
Guarantor: ROE, SAM   Acct: 54411359   DOB: 08/15/1971   DOI: 12/08/2024
DOS       Posted    Code     Mod   UnitsDescription                         Charges Payments       Adj    Balance
12/18/202412/18/202497110    GP    1    THERAPEUTIC EXERCISES                100.00                        100.00
12/23/202412/24/202497140    GP    1    MANUAL THERAPY 1/> REGIONS           106.00                        206.00
42/23/202412/25/202497110    GP    2    THERAPEUTIC EXERCISES      .         . 200.00                        406.00
12/26/2024 12/26/202497110    GP    2    THERAPEUTIC EXERCISES                200.00                        606.00
12/26/202412/27/202497140  __ GP    1    MANUAL THERAPY 1/> REGIONS           106.00                        712.00
12/26/202412/27 /2024G60283    GP    1    ELEC STIM OTHER THAN WOUND            50.00                    . 762.00 -
12/30/202412/31/202497110    GP    2    THERAPEUTIC EXERCISES                200.00                      962.00
`
	res := extractOCR(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	for _, b := range res.Bills {
		if b.Date.String() == "2025-06-25" {
			t.Errorf("a row took the ledger's run date: %q", got)
			break
		}
	}
	want := []string{
		"2024-12-18 97110 100.00",
		"2024-12-23 97140 106.00",
		"2024-12-23 97110 200.00",
		"2024-12-26 97110 200.00",
		"2024-12-26 97140 106.00",
		"2024-12-26 G0283 50.00",
		"2024-12-30 97110 200.00",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bills\n%q\nwant\n%q", got, want)
	}
}
