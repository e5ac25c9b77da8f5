package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// dentalLedgerPage is a dental office's patient ledger as its practice
// software prints it: the patient's name, the tooth or area and the CDT
// code between the date and the description, rows that post nothing (an
// estimate sent, a statement mailed) printing only the running balance.
const dentalLedgerPage = `Cedar Ridge Family Dentistry, DDS
41 Elm St, Ames, IA 50010      Phone (515) 555-0130
PATIENT LEDGER                                                          Run: 05/02/2025
Guarantor: DOE, JANE    Acct #44120
Date        Patient     Tooth   Surf   Code     Description                     Prov     Amount       Balance
01/14/25    Jane        30      MOD    D2393    RESIN COMP 3 SURF POST          KL       265.00        265.00
01/14/25    Jane                       D0220    INTRAORAL PERIAPICAL FIRST      KL        38.00        303.00
01/17/25    Jane                              PREDETERMINATION SENT - Delta                           303.00
02/03/25    Jane        30             D2740    CROWN PORC/CERAMIC SUBSTRATE    KL      1,150.00      1,453.00
02/20/25    Jane                              INS PMT CHK 20931                        (640.00)       813.00
03/01/25    Jane                              STATEMENT SENT                                          813.00
                                              Total charges                            1,453.00
`

// TestDentalLedgerRowsPostingNothing: a ledger's row that only repeats
// the running balance (an estimate sent, a statement mailed) bills
// nothing, also when OCR moved its balance into the amount column.
func TestDentalLedgerRowsPostingNothing(t *testing.T) {
	ocr := strings.NewReplacer("                           303.00", "            303.00", "                           813.00", "            813.00").Replace(dentalLedgerPage)
	for k, page := range []string{dentalLedgerPage, ocr} {
		res := extractText(t, page)
		var got []string
		for _, b := range res.Bills {
			if b.Kind == extract.LineCharge {
				got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
			}
		}
		want := "2025-01-14 D2393 265.00|2025-01-14 D0220 38.00|2025-02-03 D2740 1150.00"
		if strings.Join(got, "|") != want {
			t.Errorf("page %d: charges %q, want %q", k, strings.Join(got, "|"), want)
		}
	}
}

// TestDentalLedgerOCRCodes: on a dental office's ledger, whose header
// need not print "tooth" (its practice's name says it is a dentist's), a
// procedure code is a CDT code wherever its cell stands: OCR's 0 for the
// D ("02393"), O for a zero ("DO22O"), a speck beside the code ("02950.»",
// "102391") are read back.
func TestDentalLedgerOCRCodes(t *testing.T) {
	page := `Brookside Dental Group
41 Elm St, Ames, IA 50010      Phone (515) 555-0130
PATIENT LEDGER                                                          Run: 05/02/2025
Guarantor: DOE, JANE    Acct #44120
Date        Patient     Th      Surf   Code     Description                     Prov     Amount       Balance
01/14/25    Jane        30      MOD    02393    RESIN COMP 3 SURF POST          KL       265.00        265.00
01/14/25    Jane                       DO22O    INTRAORAL PERIAPICAL FIRST      KL        38.00        303.00
02/03/25    Jane        30             D274O    CROWN PORC/CERAMIC SUBSTRATE    KL      1,150.00      1,453.00
03/02/25    Jane        30             02950.»  CORE BUILDUP INCL PINS          KL        310.00      1,763.00
03/09/25    Jane        19      O      102391   RESIN COMP 1 SURF POST          KL        180.00      1,943.00
                                              Total charges                            1,943.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	want := "2025-01-14 D2393 265.00|2025-01-14 D0220 38.00|2025-02-03 D2740 1150.00|2025-03-02 D2950 310.00|2025-03-09 D2391 180.00"
	if strings.Join(got, "|") != want {
		t.Errorf("charges %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestDentalLedgerLostD: a fax's OCR may lose the D of a CDT code under
// the ledger's code column ("2950") and, on the same row, a slash of its
// date ("32/25" for 3/2/25): the code is the D and its four digits, the
// date the one its neighbours' dates leave.
func TestDentalLedgerLostD(t *testing.T) {
	page := `Brookside Dental Group
41 Elm St, Ames, IA 50010      Phone (515) 555-0130
PATIENT LEDGER                                                          Run: 05/02/2025
Date        Patient     Th      Surf   Code     Description                     Prov     Amount       Balance
02/03/25    Jane        30             D2740    CROWN PORC/CERAMIC SUBSTRATE    KL      1,150.00      1,150.00
32/25       Jane        30             2950     CORE BUILDUP INCL PINS          KL        310.00      1,460.00
03/20/25    Jane        19             D2391    RESIN COMP 1 SURF POST          KL        180.00      1,640.00
                                              Total charges                            1,640.00
`
	res := extractText(t, page)
	var got []string
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge {
			got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
		}
	}
	want := "2025-02-03 D2740 1150.00|2025-03-02 D2950 310.00|2025-03-20 D2391 180.00"
	if strings.Join(got, "|") != want {
		t.Errorf("charges %q, want %q", strings.Join(got, "|"), want)
	}
}
