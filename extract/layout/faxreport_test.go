package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// faxedNote is a reduced image of the first page a fax machine sent, as
// a transmission report prints it under the job's details.
const faxedNote = `
              Lakeside Orthopaedics
              40 Bay Rd, Tampa, FL 33601   Phone (813) 555-0140

              OFFICE VISIT
              Patient: DOE, JANE                     DOB: 01/02/1980
              Date of service: 03/04/2024            Provider: Ann Lee, MD
              Chief complaint: neck pain after a motor vehicle collision.
              History of present illness: pain 6/10, worse with rotation.
              Physical exam: paraspinal tenderness C4-C7, range of motion limited.
              Assessment: S13.4XXA Sprain of ligaments of cervical spine.
              Plan: physical therapy 2x/week for 4 weeks; follow up in 4 weeks.
`

// TestFaxTransmissionReport: the report a fax machine or fax server
// prints after a job (RECORD-LAYOUTS §6: date and time, the stations,
// pages, duration, result), kept in the chart after the record it sent,
// often with a reduced image of that record's first page, is
// administrative: neither its date nor the visit in its image is a visit.
func TestFaxTransmissionReport(t *testing.T) {
	for _, tt := range []struct{ name, head string }{
		{"machine's verification report", `                    TRANSMISSION VERIFICATION REPORT

                                                    TIME : 03/06/2024 10:12
                                                    NAME : LAKESIDE ORTHO
                                                    FAX  : 8135550141
                                                    SER.# : BRN1234567

DATE,TIME               03/06 10:11
FAX NO./NAME            8135550199 SMITH LAW
DURATION                00:00:48
PAGE(S)                 01
RESULT                  OK
MODE                    FINE ECM
`},
		{"copier's result report", `*** TRANSMISSION RESULT REPORT (MEMORY TX) ***                                 06-Mar-2024 10:12
LAKESIDE ORTHOPAEDICS     (813) 555-0141

JOB NO.   ST. TIME        DESTINATION        PGS.     DURATION    RESULT
0412      3/06 10:11      8135550199         1/1      0'48"       OK
                          SMITH LAW
`},
		{"fax server's confirmation", `Fax Delivery Confirmation
Job ID:       448120931
Sent by:      LAKESIDE ORTHOPAEDICS (records1)
Date/Time:    March 6, 2024 10:11 AM
Recipient:    SMITH LAW  (813) 555-0199
Pages:        1
Duration:     48 sec
Status:       Delivered successfully
`},
		{"fax server's failure", `Fax Transmission Report
Date/Time:    03/06/2024 10:11 AM
To:           (813) 555-0199
Pages sent:   0 of 1
Result:       Failed - no answer
`},
		// As a scan reads them: specks for the asterisks, a speck in the
		// title, the columns' gaps closed to one space.
		{"scanned result report", `#*% TX RESULT REPORT ***  06-Mar-2024 10:12
LAKESIDE ORTHOPAEDICS (813) 555-0141
JOB NO. ST. TIME DESTINATION PGS. DURATION RESULT
0412 3/06 10:11 8135550199 . 1/1 0'48" OK
`},
		{"scanned result report, letters among its asterisks", `06-Mar-2024  10:12

s*s  TX  RESULT  REPORT  ***
LAKESIDE  ORTHOPAEDICS       (813)   555-0141
JOB  NO.          ST.   TIME             DESTINATION          PGS.         DURATION       RESULT
0412                3/06  10:11        8135550199        :         1/1           0'48"              OK
`},
		{"scanned result report, its asterisks read as a word", `ve  TRANSMISSION  RESULT  REPORT  (MEMORY  TX)   **          3/06/24  10:12
LAKESIDE  ORTHOPAEDICS       (813)   555-0141
DESTINATION                     PGS.         DURATION        RESULT
3/06  10:11          8135550199            1/1           0'48"              OK
`},
		{"scanned verification report", `03/06/2024 10:15 FROM: LAKESIDE ORTHO (813) 555-0141 TO: (813) 555-0199 P.003/003
TRANSMISSION  ‘VERIFICATION   REPORT
TIME : 03/06/2024 10:12
NAME : LAKESIDE ORTHO
DATE, TIME 3/06 10:11 .
FAX NO./NAME ~ 8135550199 SMITH LAW
DURATION 00:00:48 —
PAGE(S) 01
RESULT OK
`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.head + faxedNote))
			if got := d.Pages[0].Class; got != extract.PageAdmin {
				t.Errorf("class %q, want %q", got, extract.PageAdmin)
			}
		})
	}
	// The note itself, faxed (its fax header atop the page), is a note.
	d := Analyze(pagesOf("03/06/2024 10:11 FROM: LAKESIDE ORTHO 8135550141 TO: 8135550199 P.1/1\n" + faxedNote))
	if got := d.Pages[0].Class; got != extract.PageClinical {
		t.Errorf("faxed note: class %q, want %q", got, extract.PageClinical)
	}
}
