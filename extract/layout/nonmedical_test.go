package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestEmployerWagePage: an employer's lost-wage verification (the payroll
// office's answer to the firm: rate of pay, hours, hire and last-worked
// dates, the days missed and what they cost, the appointment days the
// employee left early for) records no care and bills none, however many
// dated rows with dollar amounts it prints: an administrative page. A
// provider's work status note, and a note whose history says what the
// patient earns and missed, stay clinical; a chiropractor's statement
// stays a bill.
func TestEmployerWagePage(t *testing.T) {
	wages := "Harbor Logistics Group\nPayroll Department   88 Dock St, Mobile, AL\n" +
		"LOST TIME AND WAGE LOSS VERIFICATION\n" +
		"Employee name: Daniel Ruiz                           Employee ID: 40417\n" +
		"Job title: Forklift operator                         Hire date: 03/11/2019\n" +
		"Hourly rate: $19.75                                  Scheduled hours per week: 40\n" +
		"Date last worked: 08/14/2024                         Date returned: 09/03/2024\n" +
		"Date          Hours lost     Explanation                        Amount\n" +
		"08/15/2024    8              Off work per employee              $158.00\n" +
		"08/16/2024    8              Off work per employee              $158.00\n" +
		"09/10/2024    3              Physical therapy visit              $59.25\n" +
		"09/17/2024    3              Physical therapy visit              $59.25\n" +
		"Gross wages lost: $434.50\n" +
		"No overtime or paid time off is included. Information taken from payroll records.\n" +
		"Completed by: Lorna Pike, Payroll Specialist            Date: 10/02/2024\n"
	if got := Analyze(pagesOf(wages)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("employer's wage loss verification: class %q, want %q", got, extract.PageAdmin)
	}
	ocr := Analyze([]extract.Page{{DocumentID: "d", Number: 1, Source: extract.SourceOCR, Text: wages}})
	if got := ocr.Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("scanned wage loss verification: class %q, want %q", got, extract.PageAdmin)
	}
	work := "Lakeview Occupational Health\n200 Pine Rd, Mobile, AL\nWORK STATUS REPORT\n" +
		"Patient: Daniel Ruiz     DOB: 02/02/1985     Date of service: 08/20/2024\n" +
		"Employer: Harbor Logistics Group     Job title: Forklift operator     Hours per week: 40\n" +
		"Diagnosis: S33.5XXA Sprain of ligaments of lumbar spine\n" +
		"Assessment: Lumbar strain, improving. Patient has missed work since the injury and reports lost wages.\n" +
		"Plan: Physical therapy 2x/week. Return to work on light duty 09/03/2024, no lifting over 20 lb.\n" +
		"Electronically signed by Mara Quinn, MD 08/20/2024\n"
	if got := Analyze(pagesOf(work)).Pages[0].Class; got != extract.PageClinical {
		t.Errorf("work status note: class %q, want %q", got, extract.PageClinical)
	}
	bill := "Gulf Coast Chiropractic\n14 Bay Rd, Mobile, AL\nPATIENT STATEMENT\n" +
		"Patient: Daniel Ruiz     Employer: Harbor Logistics Group     Date of injury: 08/14/2024\n" +
		"Date of service   Code    Description                         Charge\n" +
		"08/20/2024        98941   CHIRO MANIP 3-4 REGIONS              65.00\n" +
		"08/20/2024        97140   MANUAL THERAPY                       48.00\n" +
		"Balance due                                                  $113.00\n"
	if got := Analyze(pagesOf(bill)).Pages[0].Class; got != extract.PageBill {
		t.Errorf("chiropractor's statement naming the employer: class %q, want %q", got, extract.PageBill)
	}
}

// TestVehicleRepairEstimate: an auto insurer's appraisal or a body shop's
// repair estimate of the client's car lists parts and labour with
// prices, dated loss and inspection: property damage, no medical bill and
// no visit. A medical bill that names the car accident, and an
// ambulance's bill with its mileage, stay bills.
func TestVehicleRepairEstimate(t *testing.T) {
	est := "PRECISION COLLISION & AUTO BODY            Workfile ID: 7f2a91\n" +
		"Preliminary Estimate                        Claim Number: 0441-22-907\n" +
		"Owner: RUIZ, DANIEL        Date of loss: 08/14/2024        Inspection date: 08/19/2024\n" +
		"2018 CHEVROLET MALIBU LT 4D SED      VIN: 1G1ZD5ST8JF123456      Odometer: 61,204\n" +
		"Line  Oper   Description                      Part No.         Qty   Ext. Price   Labor   Paint\n" +
		"1     Repl   Front bumper cover               84194501          1      412.60      1.8     2.9\n" +
		"2     Repl   Hood panel                       23378520          1      655.10      1.2     3.1\n" +
		"3     Rpr    LT fender                                                            2.0     1.6\n" +
		"4     Subl   Headlamp aim                                              45.00\n" +
		"Parts                                                  1,067.70\n" +
		"Body labor        5.0 hrs @ $58.00/hr                    290.00\n" +
		"Refinish labor    7.6 hrs @ $58.00/hr                    440.80\n" +
		"Paint materials   7.6 hrs @ $40.00/hr                    304.00\n" +
		"Grand total                                            2,147.50\n" +
		"Deductible                                              (500.00)\n"
	if got := Analyze(pagesOf(est)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("vehicle repair estimate: class %q, want %q", got, extract.PageAdmin)
	}
	ocr := Analyze([]extract.Page{{DocumentID: "d", Number: 1, Source: extract.SourceOCR, Text: est}})
	if got := ocr.Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("scanned vehicle repair estimate: class %q, want %q", got, extract.PageAdmin)
	}
	bill := "Gulf Coast Orthopedics\n14 Bay Rd, Mobile, AL\nITEMIZED STATEMENT\n" +
		"Patient: Daniel Ruiz     Auto accident: YES     Date of loss: 08/14/2024     Vehicle: 2018 Chevrolet Malibu\n" +
		"Date of service   Code    Description                         Charge\n" +
		"08/21/2024        99204   NEW PATIENT OFFICE VISIT            310.00\n" +
		"08/21/2024        72100   X-RAY LUMBAR SPINE 2-3 VIEWS        145.00\n" +
		"Total charges                                                $455.00\n"
	if got := Analyze(pagesOf(bill)).Pages[0].Class; got != extract.PageBill {
		t.Errorf("orthopaedic statement naming the car accident: class %q, want %q", got, extract.PageBill)
	}
	amb := "Metro County EMS\nAMBULANCE BILLING STATEMENT\nPatient: Daniel Ruiz   Incident: motor vehicle collision   Date of service: 08/14/2024\n" +
		"Date         Code    Description                          Qty     Charge\n" +
		"08/14/2024   A0427   ALS EMERGENCY TRANSPORT               1     1,450.00\n" +
		"08/14/2024   A0425   GROUND MILEAGE PER STATUTE MILE      12       264.00\n" +
		"Total charges                                                    $1,714.00\n"
	if got := Analyze(pagesOf(amb)).Pages[0].Class; got != extract.PageBill {
		t.Errorf("ambulance bill with its mileage: class %q, want %q", got, extract.PageBill)
	}
}

// TestTravelExpenseStatement: the patient's log of trips to treatment, as
// an auto carrier's no-fault claim form asks for it (the date, the
// provider driven to, the miles and what they cost at the carrier's rate
// per mile, parking and tolls), records no care and bills none, however
// many dated rows with dollar amounts it prints, on its first page and
// on the page of its totals: an administrative page.
func TestTravelExpenseStatement(t *testing.T) {
	trips := "Great Plains Casualty Company - PIP Claims\n" +
		"REQUEST FOR REIMBURSEMENT OF MEDICAL TRAVEL EXPENSES\n" +
		"Insured: Daniel Ruiz    Claim #: 44-8812-07    Date of accident: 08/14/2024    Rate: $0.21 per mile\n" +
		"Date of trip   Destination (doctor, clinic, pharmacy)     Round trip miles    Amount     Parking / tolls\n" +
		"08/20/2024     Gulf Coast Orthopedics                     24                  5.04\n" +
		"08/22/2024     Bayside Physical Therapy                   12                  2.52        4.00\n" +
		"08/26/2024     Bayside Physical Therapy                   12                  2.52\n" +
		"08/29/2024     Bayside Physical Therapy                   12                  2.52\n" +
		"09/03/2024     Mobile Imaging Center                      30                  6.30        6.50\n" +
		"09/05/2024     Bayside Physical Therapy                   12                  2.52\n"
	totals := "Great Plains Casualty Company - PIP Claims\n" +
		"REQUEST FOR REIMBURSEMENT OF MEDICAL TRAVEL EXPENSES (continued)\n" +
		"Total miles: 102        Mileage at $0.21 per mile: 21.42        Parking and tolls: 10.50\n" +
		"TOTAL REQUESTED: $31.92\n" +
		"I certify that this travel was for medical treatment of injuries from the accident.\n" +
		"Signature of insured: ____________________   Date: 09/30/2024\n"
	for _, p := range []string{trips, totals} {
		if got := Analyze(pagesOf(p)).Pages[0].Class; got != extract.PageAdmin {
			t.Errorf("medical travel expense statement: class %q, want %q\n%s", got, extract.PageAdmin, p)
		}
		ocr := Analyze([]extract.Page{{DocumentID: "d", Number: 1, Source: extract.SourceOCR, Text: p}})
		if got := ocr.Pages[0].Class; got != extract.PageAdmin {
			t.Errorf("scanned medical travel expense statement: class %q, want %q", got, extract.PageAdmin)
		}
	}
}
