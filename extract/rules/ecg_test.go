package rules

import (
	"testing"
)

// TestECGTracingDatedByAcquisition: a 12-lead ECG's tracing page, as the
// cardiograph prints it (Philips, GE MAC, Welch Allyn ELI), carries the
// hospital's name in its header, the patient's line, the day and hour the
// tracing was acquired, the measurements (ventricular rate, PR, QRS,
// QT/QTc, axes), the machine's interpretation and the twelve leads. It is
// a diagnostic-test report of the day it was acquired, the hospital's,
// filed alone or after a page of another provider's paperwork.
func TestECGTracingDatedByAcquisition(t *testing.T) {
	ecg := []string{
		"ST MARYS REGIONAL HOSPITAL                                                    12-Lead ECG\n" +
			"Patient: DOE, JANE   MRN: 62925121          DOB: Jul 20, 1977       Age: 46   Sex: F\n" +
			"Acquired: Dec 6, 2023 12:48:37 PM                                         Location: ER     Room: 5\n\n" +
			"Ventricular rate 108 BPM                      Sinus tachycardia\n" +
			"PR int           192 ms                       Otherwise normal ECG\n" +
			"QRS dur          94 ms                        No previous ECGs available\n" +
			"QT/QTcB          328/440 ms\nAxis P/QRS/T     45 62 14\n" +
			"Ordering physician: Rita Fox, MD\nUnconfirmed\nComputer interpretation; must be reviewed by a physician.\n" +
			"I                             aVR                            V1                           V4\n\n" +
			"II                            aVL                            V2                           V5\n\n" +
			"III                           aVF                            V3                           V6\n\n" +
			"25 mm/s   10 mm/mV   0.15-100 Hz    PageWriter TC50                                   Page 1 of 1\n",
		"ST MARYS REGIONAL HOSPITAL                                          Resting 12-Lead ECG Report\n" +
			"Patient: DOE, JANE   MRN: 273067   DOB: 20-Jul-1977               Age: 46    Sex: F\n" +
			"Date/Time acquired: 06-Dec-2023 8:03:55 PM                                   Location: ER    Room: T8\n" +
			"Vent. rate           65 BPM                       Normal sinus rhythm\n" +
			"PR interval          136 ms                       Normal ECG\n" +
			"QRS duration         88 ms                        No previous ECGs available\n" +
			"QT/QTc               425/442 ms\nP-R-T axes           65 23 50\n" +
			"Ordering physician: Rita Fox, MD\nUnconfirmed\n" +
			"I                                 aVR                          V1                        V4\n" +
			"II                                aVL                          V2                        V5\n" +
			"25 mm/s   10 mm/mV    0.15-100 Hz       ELI 380                                      Page 1 of 1\n",
	}
	estimate := "Northgate Chiropractic Center\n1068 County Rd 12, Lancaster, PA 17601\n\n" +
		"                  TREATMENT PLAN AND FINANCIAL AGREEMENT\nPatient: Jane Doe        DOB: 07/20/1977\n" +
		"Date: 12/18/2023\nRECOMMENDED CARE\nPhase 1 - Acute care     3 visits/week    4 weeks    12\n" +
		"ESTIMATED FEES\nChiropractic visit: 12 x $130.00        $1,560.00\nEstimated total of the care plan        $1,560.00\n" +
		"PAYMENT OPTIONS (check one)\n[ ] Prepaid plan: pay the plan in full today and receive a 10% discount.\n" +
		"[X] Letter of protection through the patient's attorney.\nPatient signature: Jane Doe (signed)   Date: 12/18/2023\n"
	for i, page := range ecg {
		for _, pages := range [][]string{{page}, {estimate, page}} {
			res := extractText(t, pages...)
			if got, want := encounterDates(res), "2023-12-06"; got != want {
				t.Errorf("tracing %d after %d pages: visits %s, want %s", i, len(pages)-1, got, want)
				continue
			}
			if got := res.Encounters[0].Provider; got != "ST MARYS REGIONAL HOSPITAL" {
				t.Errorf("tracing %d: provider %q", i, got)
			}
		}
	}
}

// TestECGTracingSiteAtRight: a GE MUSE or MAC cardiograph prints the
// patient's name, ID and acquisition time on the first line and the
// patient's birth date, sex and the acquiring site (the department the
// machine belongs to) on the second, the site in the last cell at right.
// The site is the tracing's provider.
func TestECGTracingSiteAtRight(t *testing.T) {
	page := "DOE, JANE                                     ID: 5689669             Date/Time acquired: 28-Sep-2024 20:59:39\n" +
		"DOB: 17-Feb-1973 (51 yr)          Sex: Female                                  Prairie Valley MC Emergency Dept\n" +
		"Loc: ER   Room: ED-24                                                                         ELECTROCARDIOGRAM\n" +
		"Vent. rate           86 BPM                        Normal sinus rhythm\n" +
		"PR interval          182 ms                        Nonspecific T wave abnormality\n" +
		"QRS duration         96 ms                         Abnormal ECG\n" +
		"QT/QTc               344/412 ms                    No previous ECGs available\n" +
		"P-R-T axes           52 24 58\nOrdered by: Kwame Mensah, DO\n" +
		"Confirmed by Nadia Winslow, MD (693) on 29-Sep-2024 12:19:20\n" +
		"I                                 aVR                                V1                   V4\n" +
		"II                                aVL                                V2                   V5\n" +
		"25 mm/s   10 mm/mV    0.05-40 Hz        MAC 5500 HD                                        Page 1 of 1\n"
	res := extractText(t, page)
	if got, want := encounterDates(res), "2024-09-28"; got != want {
		t.Fatalf("visits %s, want %s", got, want)
	}
	if got := res.Encounters[0].Provider; got != "Prairie Valley MC Emergency Dept" {
		t.Errorf("provider %q", got)
	}
}
