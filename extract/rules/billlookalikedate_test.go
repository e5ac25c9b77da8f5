package rules

import "testing"

// TestLookAlikeDateCell: on a faxed trip statement OCR read the zero or
// the five of a row's date as a letter ("QS-17-2023", "OS-29-2023",
// "0S-31-2023"). The cell that
// opens the row reads as a date once the look-alikes are digits: the row
// is dated, not left undated.
func TestLookAlikeDateCell(t *testing.T) {
	page := `Evergreen Wheelchair Transport
Statement of Trips                                                        Page 1
Invoice #: 868560                                              Invoice date: 06-19-2023
Date           Pickup -> Destination               HCPCS       Mod    Units     Rate        Charge
05-15-2023 Home -> Evergreen Rehab Svcs       A0130       RP               1         45.00                   45.00
QS-17-2023 Home -> Evergreen Rehab Svcs       A0130       RP               1         45.00                   45.00
OS-29-2023 Evergreen Rehab Svcs -> Home       A0130       PR               1         45.00                   45.00
0S-31-2023 Home -> Evergreen Rehab Svcs       A0130       RP               1         45.00                   45.00
Total charges                                                                                    180.00
`
	wantBillRows(t, extractOCR(t, page), "2023-05-15 A0130 45.00|2023-05-17 A0130 45.00|2023-05-29 A0130 45.00|2023-05-31 A0130 45.00")
}
