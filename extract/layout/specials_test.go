package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestSpecialsSummaryIsAdmin: a law firm's summary of its client's medical
// specials restates each provider's billed, paid and balance over its
// dates of treatment; it is the firm's work product, no bill. A provider's
// itemized statement sent to the lawyer, naming the date of loss and the
// firm, stays a bill.
func TestSpecialsSummaryIsAdmin(t *testing.T) {
	tests := []struct {
		name, text, class string
	}{
		{"summary of damages", "HALLORAN & PIKE, ATTORNEYS AT LAW\n212 Court Street, Suite 4, Albany, NY 12207\n\n" +
			"ITEMIZATION OF MEDICAL DAMAGES\nClient: Dana Ruiz          Date of loss: 03/02/2025\nPrepared 09/12/2025\n\n" +
			"Provider                         Treatment dates              Visits    Charges      Paid     Balance\n" +
			"Albany Medical Center ED         03/02/2025                    1      6,120.40   2,004.10   4,116.30\n" +
			"Capital Region Orthopaedics      03/10/2025 - 06/02/2025       5      1,875.00     640.00   1,235.00\n" +
			"Hudson Physical Therapy          03/17/2025 - 07/28/2025      24      4,320.00   1,512.00   2,808.00\n\n" +
			"Total medical specials                                               12,315.40   4,156.10   8,159.30\n\n" +
			"Privileged and confidential - attorney work product.", extract.PageAdmin},
		{"specials with firm name", "Brandt Injury Law\n\nSpecials Summary - Jon Park\n\n" +
			"Provider                    First visit    Last visit    Billed\n" +
			"Lakeview Urgent Care        1/4/2024       1/4/2024       412.00\n" +
			"Northside Chiropractic      1/9/2024       4/30/2024    3,960.00\n" +
			"Total specials                                          4,372.00", extract.PageAdmin},
		{"provider statement to counsel", "Northside Chiropractic\n88 Elm Ave, Dayton, OH 45402\n\nITEMIZED STATEMENT\n" +
			"Patient: Jon Park     Date of loss: 12/29/2023     Attorney: Brandt Injury Law\n\n" +
			"Date        CPT      Description                         Charge\n" +
			"01/09/2024  99203    NEW PATIENT EXAM                    185.00\n" +
			"01/09/2024  98941    CMT 3-4 REGIONS                      65.00\n" +
			"01/11/2024  98941    CMT 3-4 REGIONS                      65.00\n" +
			"01/11/2024  97140    MANUAL THERAPY                       45.00\n\n" +
			"Total charges                                            360.00", extract.PageBill},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyze(pagesOf(tt.text)).Pages[0].Class; got != tt.class {
				t.Errorf("classed %q, want %q", got, tt.class)
			}
		})
	}
}
