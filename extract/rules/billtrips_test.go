package rules

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// tripsPage is a medical transportation company's invoice: each trip's
// row (its date, pickup and destination, HCPCS code), then the trip's
// mileage on a line of its own under it, its date cell left blank.
const tripsPage = `Valley Medical Transport
Non-Emergency Medical Transportation
Statement of Trips                                                                   Page 1
Invoice #: 372006                                          Invoice date: 16-Jan-2024
Patient: DOE, JANE                                         Date of injury: 06-Dec-2023
Date         Pickup -> Destination                     HCPCS       Mod      Units       Rate     Charge
18-Dec-2023 Home -> Lakeside Physical Therapy          A0130       RP           1      45.00      45.00
              loaded miles                             S0209       RP           5       3.00      15.00
18-Dec-2023 Lakeside Physical Therapy -> Home          A0130       PR           1      45.00      45.00
              mileage                                  S0209       PR           5       3.00      15.00
20-Dec-2023 Home -> Lakeside Physical Therapy          A0130       RP           1      45.00      45.00
              mileage (per mile)                       S0209       RP           5       3.00      15.00

                                                               Total charges                    $180.00
`

// TestTripMileageDated: a trip's mileage, billed on a line of its own
// under the trip with its date cell left blank, is of the trip's day.
func TestTripMileageDated(t *testing.T) {
	res := extractText(t, tripsPage)
	wantCharges(t, res, "2023-12-18 A0130 45.00|2023-12-18 S0209 15.00|2023-12-18 A0130 45.00|2023-12-18 S0209 15.00|2023-12-20 A0130 45.00|2023-12-20 S0209 15.00")
}

// tripsBasePage bills each trip as a base rate plus its miles at a rate
// per mile, in columns of their own before the trip's charge.
const tripsBasePage = `Valley Medical Transport
INVOICE                                                                                              Page 1
Invoice #: 465296                                          Invoice date: 18-Nov-2024
Patient: DOE, JANE                                         Date of injury: 28-Sep-2024
Date          Pickup -> Destination                       HCPCS         Mod           Base       Miles      Rate/mi                    Charge
09-Oct-2024   Home -> Evergreen Rehab Svcs                A0130         RP           45.00          11          3.00                    78.00
09-Oct-2024   Evergreen Rehab Svcs -> Home                A0130         PR           45.00          11          3.00                    78.00
14-Oct-2024   Home -> Evergreen Rehab Svcs                A0130         RP           45.00          11          3.00                    78.00

                                                                        Total charges                                              $234.00
`

// TestTripBaseAndMiles: a trip billed as its base rate and its miles at
// a rate per mile charges what its Charge column prints, not its base.
func TestTripBaseAndMiles(t *testing.T) {
	res := extractText(t, tripsBasePage)
	wantCharges(t, res, "2024-10-09 A0130 78.00|2024-10-09 A0130 78.00|2024-10-14 A0130 78.00")
}

// tripsOCRPage is a transport invoice as OCR reads a fax of it: the
// mileage lines lose the blank date cell that indented them, the S of
// their HCPCS code reads as a dollar sign, and a trip's code reads O for 0.
const tripsOCRPage = `CareRide Transportation Services
TRANSPORTATION INVOICE                                                                   Page 1
Invoice #: 707768                                           Invoice date: 2023-06-22
Patient: DOE, JANE                                          Date of injury: 2023-05-06
Date         Pickup -> Destination                   HCPCS      Mod          Units           Rate                   Charge
2023-05-18 Home -> Align Physical Therapy          T2003       RP                1          30.00 -                   30.00
.     mileage (per mile)           ,    .      $0215       RP                4           2.25                      9.00
2023-05-18 Align Physical Therapy -> Home          T2003       PR                1          30.00                     30.00
mileage                               $0215       PR                4           2.25                      9.00
2023-05-22 Home -> Align Physical Therapy          T2OO3        RP                1          30.00               .      30.00
"loaded miles                           S0215       RP                4           2.25          ,           9.00
Total charges                                        $117.00
`

// TestTripMileageCodeSpecksOCR: a copier's OCR set a quote before a
// mileage code read with a dollar sign ("“$0215"), or read its S and 0 in
// lower case ("so215"): each is still the mileage's S0215.
func TestTripMileageCodeSpecksOCR(t *testing.T) {
	page := strings.Replace(tripsOCRPage, ".     mileage (per mile)           ,    .      $0215 ", "mileage (per mile)                  “$0215 ", 1)
	page = strings.Replace(page, "mileage                               $0215 ", "mileage                               so215 ", 1)
	res := extractText(t, page)
	wantCharges(t, res, "2023-05-18 T2003 30.00|2023-05-18 S0215 9.00|2023-05-18 T2003 30.00|2023-05-18 S0215 9.00|2023-05-22 T2003 30.00|2023-05-22 S0215 9.00")
}

// TestTripMileageDatedOCR: OCR's reading of the same invoice keeps each
// mileage line on its trip's day, its code read through the dollar sign.
func TestTripMileageDatedOCR(t *testing.T) {
	res := extractText(t, tripsOCRPage)
	wantCharges(t, res, "2023-05-18 T2003 30.00|2023-05-18 S0215 9.00|2023-05-18 T2003 30.00|2023-05-18 S0215 9.00|2023-05-22 T2003 30.00|2023-05-22 S0215 9.00")
}

// tripsBaseOCRPage is the invoice of base rates and miles as OCR reads a
// fax of it: each amount stands a few characters right of its caption.
const tripsBaseOCRPage = `Reliant Medical Transport
TRANSPORTATION INVOICE                                        Page 1
Invoice #: 151246                                        Invoice date: 12/18/23
Patient: DOE, JANE                                              Date of injury: 10/25/23
Date         Pickup -> Destination                   HCPCS      Mod        Base      Miles     Rate/mi              Charge
11/7/23       Home -> Spine Align Chiro Ctr            A0130       RP         45.00          4        3.00                57.00
11/7/23       Spine Align Chiro Ctr - > Home            A0130       PR         45.00          4        3.00                57.00
Total charges                                        $114.00
`

// TestTripBaseAndMilesOCR: read from OCR, the trip still charges what
// its Charge column prints.
func TestTripBaseAndMilesOCR(t *testing.T) {
	res := extractText(t, tripsBaseOCRPage)
	wantCharges(t, res, "2023-11-07 A0130 57.00|2023-11-07 A0130 57.00")
}

// TestTripMileageUnderALostRow: OCR damaged a trip's row past reading
// (its date cell "20- Dec- +2023", its code's letter lost), so the row
// bills nothing; the mileage line under it is of that trip, not of the
// trip billed before it: it takes no other trip's date.
func TestTripMileageUnderALostRow(t *testing.T) {
	page := strings.Replace(tripsPage, "20-Dec-2023 Home -> Lakeside Physical Therapy          A0130       RP           1      45.00      45.00",
		"20- Dec- +2023 Home -> Lakeside Physical Therapy      0130       RP           1      45.00      45.00", 1)
	res := extractOCR(t, page)
	for _, b := range res.Bills {
		if b.Kind == extract.LineCharge && b.Code == "S0209" && strings.Contains(b.Citations[0].Quote, "per mile") && b.Date.String() == "2023-12-18" {
			t.Errorf("the lost trip's mileage took the trip before's date: %s %s %.2f", b.Date, b.Code, b.Charge)
		}
	}
}
