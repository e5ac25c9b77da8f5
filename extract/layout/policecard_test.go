package layout

import (
	"cmp"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestPoliceCrashReport: a police crash report the firm obtained dates the
// accident and names the ambulance and the hospital the client was taken
// to, yet records no care: its boxes (crash date and time, the units and
// their drivers, damage, the investigating officer and badge) make it
// administrative, whatever its injury box and narrative say. An emergency
// note that quotes the report is still a note.
func TestPoliceCrashReport(t *testing.T) {
	tests := []struct{ name, text, class string }{
		{"state crash report form", "MILLBROOK POLICE DEPARTMENT                          TRAFFIC COLLISION REPORT\n" +
			"                                                        Case No. 24-118830   Page 1 of 2\n\n" +
			"DATE OF CRASH        TIME       DAY          COUNTY\n" +
			"03/14/2024           1742       THURSDAY     HARLAN\n" +
			"ROADWAY              NEAREST CROSS STREET          ROAD SURFACE\n" +
			"Route 9              Elm Ave                       WET\n\n" +
			"VEHICLE 1   Operator: PRICE, DANA     DOB: 06/02/1979\n" +
			"Insurance: Granite Auto   Policy: 55120881   Damage area: 12 - FRONT\n" +
			"VEHICLE 2   Operator: LOWE, MARTIN    Citation issued: FAILURE TO YIELD\n\n" +
			"INJURY SEVERITY: C - POSSIBLE   Transported: Harlan EMS Medic 3 to Harlan Memorial Hospital\n\n" +
			"Vehicle 2 entered the intersection against the signal and struck Vehicle 1. Operator of Vehicle 1 complained of neck pain. Vehicle 1 was towed.\n\n" +
			"Reporting officer: Ptl. J. Moreno     Badge 4471     Reviewed 03/16/2024", extract.PageAdmin},
		{"emergency note quoting the report", "HARLAN MEMORIAL HOSPITAL - EMERGENCY DEPARTMENT\n\n" +
			"Date of service: 03/14/2024\n\n" +
			"CHIEF COMPLAINT: Neck pain after motor vehicle collision.\n" +
			"HISTORY OF PRESENT ILLNESS: Restrained driver, vehicle 1 in the police accident report, struck on the passenger side at an intersection; the car was towed. Brought by Harlan EMS.\n" +
			"PHYSICAL EXAM: Paraspinal tenderness C4-C6, no midline tenderness, neurologically intact.\n" +
			"ASSESSMENT: Cervical strain (S16.1XXA).\n" +
			"PLAN: Cyclobenzaprine, ice, follow up with primary care in one week.", extract.PageClinical},
		{"ambulance run report at the scene", "HARLAN COUNTY EMS - PATIENT CARE REPORT\n\n" +
			"Date of service: 03/14/2024   Unit: Medic 3   Crash date: 03/14/2024   Incident #: 24-03-0718\n" +
			"Dispatched 17:44   On scene 17:51   Transport 18:06   At destination 18:19\n\n" +
			"CHIEF COMPLAINT: Neck pain.\n" +
			"NARRATIVE: Two-vehicle collision at Route 9 and Elm Ave; patient was the restrained driver of vehicle 1, struck by vehicle 2. Police on scene (investigating officer, badge 4471); vehicle 1 towed.\n" +
			"ASSESSMENT: GCS 15, tenderness of the cervical paraspinals, no deficits. Vitals BP 138/86 HR 96.\n" +
			"TREATMENT: Cervical collar, transported to Harlan Memorial Hospital without incident.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Analyze(pagesOf(tt.text)).Pages[0].Class
			if tt.class == "" && got == extract.PageAdmin || tt.class != "" && got != tt.class {
				t.Errorf("classed %q, want %q", got, cmp.Or(tt.class, "anything but "+extract.PageAdmin))
			}
		})
	}
}

// TestInsuranceCardCopy: the copy of the patient's insurance card an office
// scans at check-in (member ID, group, Rx BIN and PCN, copays, where to
// send claims, that the card guarantees no coverage) records no care,
// whatever date its scan stamp prints: it is administrative. A note that
// prints the member ID and group in its header is still a note.
func TestInsuranceCardCopy(t *testing.T) {
	tests := []struct{ name, text, class string }{
		{"card front and back", "Lakeside Family Practice   Scanned 02/11/2025 09:14   By: jkoh   Type: INSURANCE CARD\n\n" +
			"   BlueRiver Health   PPO\n" +
			"   Subscriber: ANA RUIZ\n" +
			"   ID: QHT55120881      Group: 70412\n" +
			"   Eff. Date 01/01/2024\n" +
			"   Rx BIN 003858   Rx PCN A4   Rx GRP BRH01\n" +
			"   Copay: Office $30 / Specialist $60 / ER $250\n\n" +
			"   Send claims to: BlueRiver Health, PO Box 8812, Dayton OH\n" +
			"   Member Services 1-800-555-0142   Provider services 1-800-555-0199\n" +
			"   This card does not guarantee coverage.", extract.PageAdmin},
		{"office note with the member ID in its header", "LAKESIDE FAMILY PRACTICE\n" +
			"Patient: Ana Ruiz   Member ID: QHT55120881   Group number: 70412   Copay: $30\n" +
			"Date of visit: 02/11/2025\n\n" +
			"SUBJECTIVE: Neck and low back pain since the collision of 02/03/2025.\n" +
			"OBJECTIVE: Tenderness of the cervical paraspinals, range of motion reduced.\n" +
			"ASSESSMENT: Cervical strain (S16.1XXA), lumbar strain (S39.012A).\n" +
			"PLAN: Physical therapy referral, naproxen, follow up in two weeks.", extract.PageClinical},
		{"face sheet with two plans", "ERIE GENERAL HOSPITAL             PATIENT FACE SHEET\n\n" +
			"Patient: RUIZ, ANA        MRN: 00551208        DOB: 04/09/1961\n" +
			"Admit date: 02/11/2025   Admit time: 14:20   Admission type: Emergency   Admit source: Ambulance\n" +
			"Attending physician: Lee, Karen MD        Admitting diagnosis: Cervical strain\n\n" +
			"PRIMARY INSURANCE: BlueRiver Health PPO   Member ID: QHT55120881   Group number: 70412   Copay: $250\n" +
			"Subscriber: Ruiz, Ana   Provider services: (800) 555-0199\n" +
			"SECONDARY INSURANCE: Medicare Part B   Member ID: 1EG4TE5MK72   Group number: none   Copay: none\n" +
			"Emergency contact: Ruiz, Luis (husband) 814-555-0117", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Analyze(pagesOf(tt.text)).Pages[0].Class
			if tt.class == "" && got == extract.PageAdmin || tt.class != "" && got != tt.class {
				t.Errorf("classed %q, want %q", got, cmp.Or(tt.class, "anything but "+extract.PageAdmin))
			}
		})
	}
}

// TestMedicareSummaryNotice: Medicare's summary notice lists the Part B
// claims it processed, each service with the amount the provider charged,
// the Medicare-approved amount, what Medicare paid and what the patient
// may be billed. It is the payer's account of other pages' bills, even
// when a scan's OCR misreads its "THIS IS NOT A BILL" banner ("THIS 1S
// NOTA BILL") or drops it.
func TestMedicareSummaryNotice(t *testing.T) {
	body := "Ana Ruiz                                         Notice date: June 12, 2025\n" +
		"                                                 Medicare Number: 1EG4-TE5-MK72\n\n" +
		"Erie General Hospital Radiology, Erie PA\n" +
		"Service date: 03/05/2025   Claim number: 25064001122330\n" +
		"Service provided & billing code            Amount provider charged   Medicare-approved amount   Medicare paid   You may be billed\n" +
		"MRI lumbar spine w/o dye (72148)                  $1,950.00                  $612.30              $489.84          $122.46\n" +
		"Lakeside Family Practice, Erie PA\n" +
		"Service date: 03/11/2025   Claim number: 25070005512201\n" +
		"Office/outpatient visit est (99213)                 $185.00                   $98.40               $78.72           $19.68\n" +
		"Office/outpatient visit est (99214)                 $240.00                  $131.20              $104.96           $26.24\n" +
		"Total for all claims                             $2,375.00                  $841.90              $673.52          $168.38\n"
	for _, banner := range []string{"THIS 1S NOTA BILL", ""} {
		page := "Medicare Summary Notice                                      " + banner + "\n" +
			"for Part B (Medical Insurance)\n\n" + body
		if got := Analyze(pagesOf(page)).Pages[0].Class; got != extract.PageEOB {
			t.Errorf("with banner %q classed %q, want %q", banner, got, extract.PageEOB)
		}
	}
}
