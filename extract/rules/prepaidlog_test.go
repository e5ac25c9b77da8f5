package rules

import (
	"strings"
	"testing"
)

// TestPrepaidPackageLog: a practice that sells sessions in prepaid
// packages keeps a redemption log: the package bought (its date, price
// and receipt) above columns of the sessions redeemed, one a row with the
// sessions left; a renewal bought when the package runs out; a late
// cancellation or no-show that uses a session up but is no visit. The
// page is a log of visits, not a bill: its only amounts are the
// packages' prices, on lines of their own. Each session redeemed is a
// visit by the clinician its initials stand for; purchases and forfeits
// are none.
func TestPrepaidPackageLog(t *testing.T) {
	page := `Harbor Acupuncture & Wellness
411 Front St, Bellingham, WA 98225   Phone (360) 555-0142
SERIES PLAN - SESSIONS USED                                   Client: Roe, Jane
Plan A: 4 acupuncture sessions   Bought 03/01/2024   Price 320.00   Rcpt 55102
No.    Date used       Treatment                       Mins      Practitioner    Left
1      03/04/2024      Acupuncture, neck/shoulder      50        KL              3
2      03/11/2024      No-show/late cx (forfeit)       --        KL              2
3      03/18/2024      Acupuncture + cupping           50        KL              1
4      03/25/2024      Acupuncture, neck/shoulder      50        KL              0
Plan B: 4 acupuncture sessions   Bought 04/01/2024   Price 320.00   Rcpt 55388
No.    Date used       Treatment                       Mins      Practitioner    Left
5      04/01/2024      Acupuncture, neck/shoulder      50        KL              3
6      04/08/2024      Acupuncture + cupping           50        KL              2
Sessions are used when redeemed and for cancellations under 24 hours. KL = Kim Lund, LAc
`
	for _, scan := range []bool{false, true} {
		res := extractText(t, page)
		if scan {
			res = extractOCR(t, page)
		}
		if len(res.Bills) > 0 {
			t.Errorf("scan %v: %d bill lines from a package log, want none", scan, len(res.Bills))
		}
		var got []string
		for _, e := range res.Encounters {
			got = append(got, e.Date.String())
			if !strings.HasPrefix(e.Clinician, "Kim Lund") {
				t.Errorf("scan %v: %s clinician %q", scan, e.Date, e.Clinician)
			}
		}
		if want := "2024-03-04 2024-03-18 2024-03-25 2024-04-01 2024-04-08"; strings.Join(got, " ") != want {
			t.Errorf("scan %v: visits %v, want %s", scan, got, want)
		}
	}
}

// TestLogRowsOCRNumbersLost: OCR reads a log's column of row numbers as it
// likes ("a" for 9, the column's digits run into one word on one row):
// a row that opens with one such word before its date is a row all the
// same when it prints as many cells after its date as the row above.
// The legend of the initials, wrapped after its "=", still names the
// clinician.
func TestLogRowsOCRNumbersLost(t *testing.T) {
	page := `Harbor Acupuncture & Wellness
SERIES PLAN - SESSIONS USED                                   Client: Roe, Jane
Plan A: 6 acupuncture sessions   Bought 03/01/2024   Price 480.00   Rcpt 55102
No.    Date used       Treatment                       Mins      Practitioner    Left
03/04/2024      Acupuncture, neck/shoulder      50        KL              5
03/11/2024      Acupuncture + cupping           50        KL              4
zSbvrI      03/18/2024      Acupuncture + cupping           50        KL              3
4      03/25/2024      Acupuncture, neck/shoulder      50        KL              2
a      04/01/2024      Acupuncture, neck/shoulder      50        KL              1
Sessions are used when redeemed and for cancellations under 24 hours. Practitioners: KL =
Kim Lund, LAc; MO = Mara Ostrowski, LMBT
`
	res := extractOCR(t, page)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
		if !strings.HasPrefix(e.Clinician, "Kim Lund") {
			t.Errorf("%s clinician %q", e.Date, e.Clinician)
		}
	}
	if want := "2024-03-04 2024-03-11 2024-03-18 2024-03-25 2024-04-01"; strings.Join(got, " ") != want {
		t.Errorf("visits %v, want %s", got, want)
	}
}
