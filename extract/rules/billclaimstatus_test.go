package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestClaimStatusReport reads a clearinghouse's claim status report: each
// submission a row with its dates of service from and to in the
// clearinghouse's compact form (CCYYMMDD as an 837 or 277 prints them, or
// MMDDCCYY), the claim's status and the day the status was given. The
// row's day is its service, never its status date; a rejected submission
// bills nothing, and the same lines accepted when sent again are billed
// once; the rejected amount's total is no charge total.
func TestClaimStatusReport(t *testing.T) {
	for _, tt := range []struct {
		name      string
		d1, d2    string // the two services' dates as the report prints them
		st1, st1b string // the rejection's and the acceptance's status dates
		st2       string
		want1     string
		want2     string
		fromThru  string // the service dates' captions
		statusCol string
	}{
		{"CCYYMMDD", "20240311", "20240402", "03/19/2024", "03/26/2024", "04/09/2024", "2024-03-11", "2024-04-02", "DOS From   DOS Thru", "Status Date"},
		{"MMDDCCYY", "03112024", "04022024", "3/19/24", "3/26/24", "4/9/24", "2024-03-11", "2024-04-02", "Svc From   Svc To  ", "Ack Date"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := fmt.Sprintf(`Northgate Claims Exchange                                       Run date: 05/20/2024   Page 1
CLAIM ACKNOWLEDGMENT DETAIL
Submitter: Valley Imaging Associates   NPI 1234567893
Report covers claims submitted 03/01/2024 through 05/20/2024   Patient: DOE, JANE
Pat Acct      %s     CPT     Mod   Units     Charge   Payer                Status             %s

4411002233    %s   %s    72100   26    1          95.00   Keystone Auto        REJECTED A7:562    %s
4411002233    %s   %s    72100   26    1          95.00   Keystone Auto        Accepted A1:20     %s
4411009876    %s   %s    72148   26    1         610.00   Keystone Auto        Accepted A1:20     %s

Total billed, accepted claims                              705.00
Total billed, rejected submissions                          95.00
`, tt.fromThru, tt.statusCol, tt.d1, tt.d1, tt.st1, tt.d1, tt.d1, tt.st1b, tt.d2, tt.d2, tt.st2)
			res := extractText(t, page)
			var got []string
			for _, b := range res.Bills {
				got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
			}
			want := []string{tt.want1 + " 72100 95.00", tt.want2 + " 72148 610.00"}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("bills %q, want %q", got, want)
			}
			var charges []float64
			for _, x := range res.BillTotals {
				if x.Kind == extract.TotalCharges {
					charges = append(charges, x.Total)
				}
			}
			if len(charges) != 1 || charges[0] != 705 {
				t.Errorf("charge totals %v, want [705]", charges)
			}
		})
	}
}

// TestClaimStatusReportOCR reads the report from a scan whose OCR ran the
// captions' words together ("DOSFrom", "DOSTo"): they still caption the
// service dates, and the status date dates none.
func TestClaimStatusReportOCR(t *testing.T) {
	page := `Northgate Claims Exchange                                       Run date: 06-04-2025 12:45 Page 1
PAYER ACKNOWLEDGMENT DETAIL
Submitter: Valley Imaging NPI 1234567893
Pat Ctrl #         DOSFrom    DOSTo      Proc       Mod Units       Billed   Payer            7        Status                 Status Date
4411002233       12082024     12082024    72100     26    #1          95.00  Keystone Auto              Rejected - A7:562_      12-13-2024
4411002233       12082024     12082024    72100     26    1           95.00  Keystone Auto              Accepted               12-18-2024
4411009876       12272024     12272024    72148     26    #1         610.00  Keystone Auto              ACCEPTED A1:20         12-31-2024
Total billed, accepted claims                                        705.00
Total billed, rejected submissions                                    95.00
`
	res := extractOCR(t, page)
	var got []string
	for _, b := range res.Bills {
		got = append(got, fmt.Sprintf("%s %s %.2f", b.Date, b.Code, b.Charge))
	}
	want := []string{"2024-12-08 72100 95.00", "2024-12-27 72148 610.00"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bills %q, want %q", got, want)
	}
}

// TestClaimStatusHeaderSpeckEquals: on a faxed acknowledgment report OCR
// read a speck between two date captions as an equals sign ("DOS From =
// DOSTo"). A row of many captions in their own cells is the table's
// header, no legend explaining a caption: the rows are dated by their
// dates of service, not by their status dates, and a rejected submission
// bills nothing.
func TestClaimStatusHeaderSpeckEquals(t *testing.T) {
	page := `MedLink Clearinghouse                                                     Run date: 09-04-2024 17:44 Page 1
PAYER ACKNOWLEDGMENT DETAIL
Submitter: Meridian Diagnostic Radiology NPI 2402752465 Submitter ID 6232714
Pat Ctr #        “DOS From = DOSTo      Proc       Mod Units.       Billed   Payer                     Status   ~              Status Date
1077299920       20240317     20240317     72040     260041          117.00  Summit Mutual Insu         Rejected - A7:562       03-20-2024
1077299920       20240317.   20240317     72040      2%    1          117.00  Summit Mutual Insu         Forwarded A2:20        03-26-2024
1077743185       20240408    20240408     72141      2%    1          759.00  Summit Mutual insu   ~     Forwarded A2:20        04-15-2024 -
Total billed, accepted claims.                                        876.00
`
	wantBillRows(t, extractOCR(t, page), "2024-03-17 72040 117.00|2024-04-08 72141 759.00")
}

// TestClaimStatusSubmitterBills: a clearinghouse's claim status report
// prints the clearinghouse over the page and the provider that sent the
// claims on its "Submitter:" line: the claims are that provider's, also
// when a custodian's affidavit after it speaks of "the provider named
// above".
func TestClaimStatusSubmitterBills(t *testing.T) {
	page := `Apex Claims Exchange                                                    Run date: 03/27/2025 15:42  Page 1

CLAIM STATUS REPORT
Submitter: MERIDIAN DIAGNOSTIC RADIOLOGY LLC  NPI 2803802216 Submitter ID 2668652
Report covers claims submitted 09/26/2024 through 03/27/2025 Patient: THORNBURY, MEI  Date of injury: 09/28/2024

Pat Ctrl #         DOS From    DOSTo      Proc       Mod Units       Billed   Payer                     Status                 Status Date
6240726343       20240928     20240928     72040      26    1           117.00   Summit Mutual Insu         Accepted               10/07/2024
6240642218       20241021     20241021     72141      26    1           759.00   Summit Mutual Insu         Accepted               10/24/2024
Total billed, accepted claims                                        876.00
`
	affidavit := `CUSTODIAN'S AFFIDAVIT - RECORDS AND BILLING
Provider: Meridian Diagnostic Radiology
I, Ravi Ashworth, being duly sworn, state that I am the custodian of records of the provider named above and
that (check all that apply):
[X] Itemized billing records of the charges for the services are attached.
Notary Public
`
	res := extractOCR(t, page, affidavit)
	var got []string
	for _, b := range res.Bills {
		got = append(got, b.Code+" "+b.Provider)
	}
	if want := "72040 MERIDIAN DIAGNOSTIC RADIOLOGY LLC|72141 MERIDIAN DIAGNOSTIC RADIOLOGY LLC"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}
