package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestAnesthesiaCasesUnderTheirOwnHeaders: an anesthesia group's statement
// prints each case under its own column header ("DOS  ASA code ... Rate
// Charge"). The dates under a bill's DOS column are its rows' dates, not
// a record's date of service: a second case of another day is a further
// row of the same statement, read under its header, whatever OCR made of
// its total units ("1s" for 15).
func TestAnesthesiaCasesUnderTheirOwnHeaders(t *testing.T) {
	page := `Cascade Anesthesia Ptnrs
Anesthesiology - Pain Medicine
6845 Bay St, Lexington, KY 40503
Phone (859) 555-0130  Fax (859) 555-0165

STATEMENT OF ANESTHESIA SERVICES

Patient: THORNBURY, MEI                                            DOB: 02/17/1973
Account #: 46515445                                                Statement date: 01/24/2025

Facility: Northgate Pain Management Center Proceduralist: Elliot Ortega, DO
Anesthesia provider: Kwame Strand, CRNA Anesthesia start 11:12 stop 11:33 (21 minutes)
DOS           ASAcode   Mod      Description                               Base    Time    Total        Rate       Charge

12/09/2024     01992       QS QX   ANESTH N BLOCK/INJ PRONE                5        2      7       111.00       777.00

Facility: Lakeside Bone & Joint Specialists Proceduralist: Kwame Strand, MD
Anesthesia provider: Kwame Strand, CRNA Anesthesia start 11:55 stop 14:12  (137 minutes)
DOS           ASAcode   Mod      Description                               Base    Time    Total        Rate       Charge

12/16/2024     01630      QX       ANESTH SURG SHOULDER JOINT             5       10       1s       111.00      1,665.00
Total charges                                        2,442.00
Balance due                                        $2,442.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	if want := "2024-12-09 01992 777.00|2024-12-16 01630 1665.00"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestAnesthesiaChargeUnderTheRateCaption: on a scan OCR's spacing can set
// a row's charge under the Rate caption and its rate under Total ("5   2
// 7   111.00   777.00" under "Base Time Total   Rate   Charge"). The
// total units (the count just before the rate, not the base units the
// row read first) times the rate is the charge: 777.00, not 111.00.
func TestAnesthesiaChargeUnderTheRateCaption(t *testing.T) {
	page := `CASCADE ANESTHESIA PARTNERS LLC
Anesthesiology - Pain Medicine
6845 Bay St, Lexington, KY 40503
PATIENT STATEMENT
Patient: THORNBURY, MEI                                      DOB: 17-Feb-1973
Account #: 46515445                                                 Statement date: 07-Jan-2025
Facility: Northgate Pain Mgmt Proceduralist: Elliot Ortega, DO
DOS           ASA code   Mod:     Description                               Base    Time    Total        Rate       Charge
09-Dec-2024 01992       QS QX   ANESTHN BLOCK/IN) PRONE -               5       2        7      111.00       777.00
Total charges                                             777.00
`
	res := extractOCR(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	if want := "2024-12-09 01992 777.00"; strings.Join(got, "|") != want {
		t.Errorf("bills %q, want %q", got, want)
	}
}
