package rules

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestNoChargeRowsBillNothing: a surgeon's statement through the global
// period prints each post-operative visit as a coded row at 0.00 (99024,
// included in the surgical fee): it bills nothing and is no bill line. A
// coded row at 0.00 that posts a payment against the service is still
// read. Before: three charge lines of 0.00.
func TestNoChargeRowsBillNothing(t *testing.T) {
	page := `HARBORVIEW ORTHOPAEDIC SURGERY PC
3071 Hospital Dr, Lexington, KY 40503
STATEMENT OF SURGICAL SERVICES
Patient: HALVORSEN, SHAUNA                                                    DOB: 7/20/77
Date of surgery: 2/23/24
Date             CPT         Mod       Description                                    Provider                        Charge      Balance
2/23/24          29826       RT        SHOULDER ARTHROSCOPY/SURGE      Gustavo Yamada                                 6,474.00    6,474.00
2/23/24          29827       RT        ARTHROSCOP ROTATOR CUFF RE      Gustavo Yamada                                12,035.00   18,509.00
3/7/24           99024                 GLOBAL POST OP VISIT            Gustavo Yamada                                     0.00   18,509.00
4/1/24           99024                 POSTOP FOLLOW UP VISIT          Gustavo Yamada                                     0.00   18,509.00
5/6/24           99024                 POST-OP VISIT - INCLUDED I      Gustavo Yamada                                     0.00   18,509.00
4/8/24                                 PAYMENT - SUMMIT MUTUAL INSURANCE                                           (10,605.45)    7,903.55
                                                                            Total charges                         18,509.00
                                                                            BALANCE DUE                            7,903.55
`
	for name, res := range map[string]extract.Result{"text": extractText(t, page), "ocr": extractOCR(t, page)} {
		if got, want := strings.Join(billRows(res.Bills), "|"), "2024-02-23 29826 6474.00|2024-02-23 29827 12035.00|2024-04-08  0.00"; got != want {
			t.Errorf("%s: bill rows %q, want %q", name, got, want)
		}
	}
}
