package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestRecordsReviewOneEncounter: a physician's records review for an
// insurer (a peer review, no examination) prints its title beside the
// letterhead ("PHYSICIAN RECORDS REVIEW"), the letter's date, the review
// date in its Re: block, then the records it read grouped by provider,
// one dated line a visit, over its first page and the top of the next,
// before its summary, diagnoses and signature; a line that wraps may put
// the end of its clinician's credentials atop the second page. The title names the
// record, no list of records: the review is one encounter of the
// reviewer on the date of its report, and none of the visits it lists is
// an encounter.
func TestRecordsReviewOneEncounter(t *testing.T) {
	visits := func(from, n int) string {
		s := " Harbor Physical Therapy\n"
		for i := 0; i < n; i++ {
			s += fmt.Sprintf("    %02d-Jun-2023 - physical therapy visit %d; pain %d/10. (Kim Cole, PT)\n", from+i, from+i, 7-i%4)
		}
		return s
	}
	for _, title := range []string{"PHYSICIAN RECORDS REVIEW", "MEDICAL RECORDS REVIEW - NO EXAMINATION", "Peer Review Report"} {
		t.Run(title, func(t *testing.T) {
			first := "Received: 2023-10-26 13:04; From: (814) 555-0151; Page 1 of 2\n" +
				"                    Castle Review Physicians\n                    100 Main St, Erie, PA 16501\n" +
				"                                                         " + title + "\n" +
				"Oct 16, 2023\nMs. Ann Roe, Claims Specialist\nGreat Plains Casualty, Bodily Injury Claims\n" +
				"RE:                   Claimant: Jane Doe   DOB: 02-Jan-1980\n" +
				"                      Date of loss: 06-May-2023\n                      Review date: 16-Oct-2023\n\n" +
				"At your request I reviewed the medical records of Ms. Doe listed below. I did not examine the claimant.\n" +
				"LIST OF RECORDS PROVIDED FOR REVIEW:\n" + visits(1, 14)
			second := "Received: 2023-10-26 13:04; From: (814) 555-0151; Page 2 of 2\n" +
				title + " - Jane Doe - continued\n" +
				"    14-Jun-2023 - speech-language pathology session 3; attention and memory tasks. (Elliot Albright,\n    MA, CCC-SLP)\n" +
				visits(15, 6) +
				"SUMMARY:\nThe claimant was treated with conservative care and improved.\n" +
				"DIAGNOSES:\n  1. Cervicalgia (M54.2)\n\nAnn Lee, MD, Reviewing Physician   Signed 16-Oct-2023\n"
			res := extractText(t, first, second)
			if len(res.Encounters) != 1 {
				t.Fatalf("%d encounters, want 1: %s", len(res.Encounters), encounterDates(res))
			}
			if e := res.Encounters[0]; e.Date.String() != "2023-10-16" || e.Provider != "Castle Review Physicians" {
				t.Errorf("encounter %s at %q, want 2023-10-16 at Castle Review Physicians", e.Date, e.Provider)
			}
			if got := strings.Join(dxCodes(res.Encounters[0]), " "); got != "M54.2" {
				t.Errorf("diagnoses %q, want the second page's M54.2", got)
			}
		})
	}
}

// TestRecordsReviewProviderColon: a fax's OCR reads a speck after a
// provider's name in capitals over its group of reviewed visits as a
// colon ("ALIGN PHYSICAL THERAPY:"), and some reviewers print one there.
// The name with nothing after its colon, over a dated line, heads a group
// of the list, no section of the report's own: the list goes on, and its
// dated lines stay visits someone else made.
func TestRecordsReviewProviderColon(t *testing.T) {
	first := "Received: 2023-10-26 13:04; From: (814) 555-0151; Page 1 of 2\n" +
		"Castle Review Physicians\n100 Main St, Erie, PA 16501\n\n" +
		"MEDICAL RECORDS REVIEW - NO EXAMINATION\nOct 16, 2023\n" +
		"Ms. Ann Roe, Claims Specialist\nRE: Claimant: Jane Doe DOB: 02-Jan-1980\n" +
		"Date of loss: 06-May-2023\nReview date: 16-Oct-2023\n\n" +
		"At your request I reviewed the medical records of Ms. Doe listed below. I did not examine the claimant.\n\n" +
		"LIST OF RECORDS PROVIDED FOR REVIEW:\n" +
		"Riverside Int Med Assoc\n" +
		"13-Jan-2023 - routine visit, no neck complaints. (Anika Mensah, FNP-C)\n" +
		"11-May-2023 - office visit; pain 7/10. (Anika Mensah, FNP-C)\n" +
		"ALIGN PHYSICAL THERAPY:\n" +
		"25-May-2023 - physical therapy visit 3; pain 6/10. (Farah Ballard, PT, DPT)\n" +
		"01-Jun-2023 - physical therapy visit 5; pain 5/10. (Farah Ballard, PT, DPT)\n" +
		"07-Jun-2023 - physical therapy visit 7; pain 5/10. (Farah Ballard, PT, DPT)\n" +
		"Clearview Speech & Cognitive Rehabilitation\n" +
		"26-May-2023 - speech-language pathology session 1; attention and memory tasks. (Elliot Albright,\nMA, CCC-SLP)\n"
	second := "Received: 2023-10-26 13:04; From: (814) 555-0151; Page 2 of 2\n" +
		"MEDICAL RECORDS REVIEW - NO EXAMINATION - Jane Doe - continued\n\n" +
		"KEYSTONE SPINE AND PAIN MANAGEMENT:\n" +
		"28-Jun-2023 - consultation; pain 7/10. (Lucia Venkataraman, MD)\n" +
		"07-Aug-2023 - follow-up; pain 3/10. (Lucia Venkataraman, MD)\n" +
		"Align PT & Sports Rehab\n" +
		"29-May-2023 - physical therapy visit 4; pain 5/10. (Kwame Albright, PTA)\n\n" +
		"SUMMARY:\nThe claimant was treated with conservative care and improved.\n" +
		"IMPRESSION:\n1. M54.2 Cervicalgia\n\nAnn Lee, MD, Reviewing Physician Signed 16-Oct-2023\n"
	res := extractOCR(t, first, second)
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1: %s", len(res.Encounters), encounterDates(res))
	}
	if e := res.Encounters[0]; e.Date.String() != "2023-10-16" || e.Provider != "Castle Review Physicians" {
		t.Errorf("encounter %s at %q, want 2023-10-16 at Castle Review Physicians", e.Date, e.Provider)
	}
}

// TestRecordsReviewProviderHyphen: a fax's OCR may read the space between
// two words of a reviewed provider's name as a hyphen ("Cedar Row
// Family-Practice"). The name still names a practice, no family history
// heading, so the list of records reviewed goes on under it.
func TestRecordsReviewProviderHyphen(t *testing.T) {
	page := "Northbridge Records Review\n7872 Oak Ave, Brookfield, WI 53045\n\n" +
		"PHYSICIAN RECORDS REVIEW\nApr 3, 2024\n\nMr. Alan Brody, Bodily Injury Adjuster\n\n" +
		"RE: Claimant: Jane Doe DOB: 05-20-1986\nDate of loss: 10-25-2023\nDate of records review: 04-03-2024\n\n" +
		"At your request I reviewed the medical records of Ms. Doe listed below. I did not examine the claimant.\n\n" +
		"MEDICAL RECORDS REVIEWED:\n" +
		"Cedar Row Family-Practice\n" +
		"04-12-2021 - annual physical; neck pain denied; no restrictions. (Marguerite Lind, DO)\n" +
		"Sunridge Imaging Center\n" +
		"09-18-2022 - MRI lumbar spine: mild L4-5 disc bulge without stenosis. (Paul Okafor, MD)\n" +
		"Spine Align Chiropractic Center\n" +
		"11-07-2023 - chiropractic visit 1; pain 6/10. (Rebecca Strand, DC)\n" +
		"11-10-2023 - chiropractic visit 2; pain 7/10. (Rebecca Strand, DC)\n" +
		"11-29-2023 - chiropractic visit 9; pain 4/10. (Miriam Yamada, DC)\n" +
		"12-06-2023 - chiropractic visit 11; pain 4/10. (Miriam Yamada, DC)\n" +
		"03-12-2024 - chiropractic visit 12; pain 3/10. (Rebecca Strand, DC)\n\n" +
		"SUMMARY:\nThe claimant was treated with conservative care and improved.\n\n" +
		"Ann Lee, MD, Reviewing Physician Signed 04-03-2024\n"
	res := extractOCR(t, page)
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1: %s", len(res.Encounters), encounterDates(res))
	}
	if e := res.Encounters[0]; e.Date.String() != "2024-04-03" {
		t.Errorf("encounter %s, want 2024-04-03", e.Date)
	}
}

// TestRecordsReviewReportPageTwo: a records review whose first page lists
// mostly imaging studies reads as a report, and its next page, numbered
// page 2 under the review's title and going on with the list of visits,
// as a note. The further page goes on with the review all the same: the
// visits it lists are none of the reviewer's, and the review is one
// encounter.
func TestRecordsReviewReportPageTwo(t *testing.T) {
	// The further page says it goes on with the record by a page number,
	// or by "continued" after the title.
	for _, head := range []string{"PHYSICIAN RECORDS REVIEW - Jane Doe - page 2", "PHYSICIAN RECORDS REVIEW - Jane Doe - continued"} {
		t.Run(head, func(t *testing.T) { recordsReviewReportPageTwo(t, head) })
	}
}

func recordsReviewReportPageTwo(t *testing.T, head string) {
	first := "Northbridge Records Review\n7872 Oak Ave, Brookfield, WI 53045\nPhone (262) 555-0150 Fax (262) 555-0103\n\n" +
		"PHYSICIAN RECORDS REVIEW\nApr 3, 2024\n\nMr. Alan Brody, Bodily Injury Adjuster\n\n" +
		"RE: Claimant: Jane Doe DOB: 05-20-1986\nDate of loss: 10-25-2023\nDate of records review: 04-03-2024\n\n" +
		"At your request I reviewed the medical records of Ms. Doe listed below. I did not examine the claimant.\n\n" +
		"MEDICAL RECORDS REVIEWED:\n" +
		"Sunridge Imaging Center\n" +
		"09-18-2022 - MRI lumbar spine: mild L4-5 disc bulge without stenosis. (Paul Okafor, MD)\n" +
		"Bayview General Hosp ER\n" +
		"10-25-2023 - emergency visit after MVC; CT head and cervical films negative for fracture. (Miriam Delacroix, DO)\n" +
		"Tri-County Radiology Group\n" +
		"10-25-2023 - XR CERVICAL SPINE 3 VIEWS reviewed. (Rebecca Ortega, MD)\n" +
		"10-25-2023 - CT HEAD WITHOUT CONTRAST reviewed. (Rebecca Ortega, MD)\n" +
		"11-20-2023 - MRI CERVICAL SPINE WITHOUT CONTRAST reviewed. (Gustavo Crane, MD)\n" +
		"12-02-2023 - XR LUMBAR SPINE 2 VIEWS reviewed. (Gustavo Crane, MD)\n"
	second := head + "\n\n" +
		"CLEARVIEW SPEECH AND COGNITIVE REHABILITATION\n" +
		"11-14-2023 - speech-language pathology session 1; attention and memory tasks. (Tamsin Strand, MA,\nCCC-SLP)\n" +
		"12-22-2023 - speech-language pathology session 8; attention and memory tasks. (Tamsin Strand, MA,\nCCC-SLP)\n" +
		"Lakeside Bone & Joint Specialists\n" +
		"11-28-2023 - follow-up; pain 6/10. (Hiroshi Venkataraman, MD)\n\n" +
		"SUMMARY:\nThe claimant was treated with conservative care and improved.\n\n" +
		"IMPRESSION:\n1. M54.2 Cervicalgia\n\nAnn Lee, MD, Reviewing Physician Signed 04-03-2024\n"
	res := extractText(t, first, second)
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1: %s", len(res.Encounters), encounterDates(res))
	}
	if e := res.Encounters[0]; e.Date.String() != "2024-04-03" {
		t.Errorf("encounter %s, want 2024-04-03", e.Date)
	}
}

// TestRecordsReviewSecondTitle: a reviewer's letterhead prints a line
// that reads as a title ("Independent Peer Review Services") above the
// report's own title ("Peer Review Report"), and the report's further
// page repeats its own title ("Peer Review Report - Jane Doe - page 2")
// over the rest of its table of records reviewed. The repeated title is
// one the record printed, no record of its own: the table's first row on
// that page is no encounter.
func TestRecordsReviewSecondTitle(t *testing.T) {
	row := func(d, prov, what string) string {
		return fmt.Sprintf("%s    %-30s Desmond Petrov, PT    %s\n", d, prov, what)
	}
	first := "NORTHBRIDGE PHYSICIAN REVIEW ASSOCIATES\nIndependent Peer Review Services\n8069 Riverside Dr, Cedar Falls, IA 50613\n\n" +
		"Peer Review Report\n\nAug 12, 2024\n\nMr. Alan Brody, Bodily Injury Adjuster\n\n" +
		"RE: Claimant: Jane Doe DOB: 08/07/1985\nDate of accident: 03/17/2024\nDate of records review: 08/12/2024\n\n" +
		"At your request I reviewed the medical records of Ms. Doe listed below. I did not examine the claimant.\n\n" +
		"MEDICAL RECORDS REVIEWED:\n\nDate          Provider                       Clinician             Summary\n" +
		row("03/26/2024", "Align Physical Therapy", "physical therapy visit 1; pain 6/10.") +
		row("03/28/2024", "Align Physical Therapy", "physical therapy visit 2; pain 6/10.") +
		row("04/01/2024", "Align Physical Therapy", "physical therapy visit 3; pain 6/10.")
	second := "Peer Review Report - Jane Doe - page 2\n\n" +
		row("05/03/2024", "Tallgrass Speech-Language", "speech-language pathology session 5.") +
		row("05/08/2024", "Keystone Spine & Pain Mgmt", "consultation; pain 7/10.") +
		row("07/29/2024", "Align Physical Therapy", "physical therapy visit 14; pain 2/10.") +
		"\nSUMMARY:\nThe claimant was treated with conservative care and improved.\n\n" +
		"Ann Lee, MD, Reviewing Physician Dated 08/12/2024\n"
	res := extractText(t, first, second)
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1: %s", len(res.Encounters), encounterDates(res))
	}
	if e := res.Encounters[0]; e.Date.String() != "2024-08-12" {
		t.Errorf("encounter %s, want 2024-08-12", e.Date)
	}
}

// TestReviewerLetterheadSpeck: a reviewer's name in capitals on a fax,
// a speck OCR read as a dash after it ("NORTHBRIDGE PHYSICIAN REVIEW
// ASSOCIATES -"), is its letterhead, no heading of a list of records
// reviewed: the report's date and its review date under it still date it.
func TestReviewerLetterheadSpeck(t *testing.T) {
	page := "NORTHBRIDGE PHYSICIAN REVIEW ASSOCIATES -\n\n8069 Riverside Dr, Cedar Falls, IA 50613\nPhone (319) 555-0173 Fax (319) 555-0183\n\n" +
		"Peer Review Report\n\nAug 12, 2024\n\nMr. Alan Brody, Bodily Injury Adjuster\n\n" +
		"RE: Claimant: Jane Doe DOB: 08/07/1985\nDate of accident: 03/17/2024\nDate of records review: 08/12/2024\n\n" +
		"At your request I reviewed the medical records of Ms. Doe listed below. I did not examine the claimant.\n\n" +
		"MEDICAL RECORDS REVIEWED:\n" +
		"03/26/2024    Align Physical Therapy    physical therapy visit 1; pain 6/10.\n" +
		"03/28/2024    Align Physical Therapy    physical therapy visit 2; pain 6/10.\n\n" +
		"SUMMARY:\nThe claimant was treated with conservative care and improved.\n\n" +
		"Ann Lee, MD, Reviewing Physician\n"
	res := extractOCR(t, page)
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2024-08-12" {
		t.Fatalf("encounters %q, want 2024-08-12 alone", encounterDates(res))
	}
}

// TestRecordsReviewWrappedCellSpeck: a records review's table wraps a
// clinician's credentials under the name ("Farah Ortega, MS," then
// "CCC-SLP"), and a fax leaves specks on that line that OCR reads as a
// stop before it and a colon far right of it. The colon, three spaces or
// more from the word with nothing after it, is no heading's: the table of
// records reviewed goes on, its rows none of the reviewer's visits.
func TestRecordsReviewWrappedCellSpeck(t *testing.T) {
	row := func(d, what string) string {
		return fmt.Sprintf("%-13s Tallgrass Speech-Language      Farah Ortega, MS,     %s\n", d, what)
	}
	first := "Sentinel Medical Review Services\n8762 Eastgate Blvd, Lancaster, PA 17601\n\n" +
		"Peer Review Report\nAugust 8, 2024\n\nMs. Priya Raman, Claims Specialist\n\n" +
		"RE: Claimant: Jane Doe DOB: 1/22/68\nDate of loss: 3/12/24\nDate of review: 8/8/24\n\n" +
		"At your request I reviewed the medical records of Ms. Doe listed below. I did not examine the claimant.\n\n" +
		"LIST OF RECORDS PROVIDED FOR REVIEW:\n\n" +
		"Date          Provider                       Clinician              Summary\n" +
		row("4/5/24", "speech-language pathology session 1; attention and memory") +
		"Therapy                        CCC-SLP\n" +
		row("4/11/24", "speech-language pathology session 2; attention and memory") +
		"Therapy                        CCC-SLP\n"
	second := "Peer Review Report - Jane Doe - page 2\n\n" +
		row("5/14/24", "speech-language pathology session 7; attention and memory") +
		".                     CCC-SLP                            :\n" +
		row("5/20/24", "speech-language pathology session 8; attention and memory") +
		"Therapy                        CCC-SLP\n" +
		"5/31/24       Keystone Pain Mgmt             Nadia Ballard, DO     follow-up; pain 3/10.\n" +
		"7/15/24       Cornerstone Chiropractic       Elliot Costa, DC      chiropractic visit 13; pain 2/10.\n" +
		"7/17/24       Cornerstone Chiropractic       Elliot Petrov, DC     chiropractic visit 14; pain 2/10.\n\n" +
		"SUMMARY:\nThe claimant was treated with conservative care and improved.\n\n" +
		"Miriam Petrov, MD, Reviewing Physician Date: 8/8/24\n"
	res := extractOCR(t, first, second)
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2024-08-08" {
		t.Fatalf("encounters %q, want 2024-08-08 alone", encounterDates(res))
	}
}

// TestRecordsReviewDiagnosesHeading: a reviewer heads the diagnoses the
// records support "DIAGNOSES SUPPORTED BY THE RECORDS:": a heading that
// opens with the diagnoses is the report's assessment, whatever records
// it names after, no list of records reviewed; its codes are the review's.
func TestRecordsReviewDiagnosesHeading(t *testing.T) {
	page := "Sentinel Medical Review Services\n8762 Eastgate Blvd, Lancaster, PA 17601\n\n" +
		"Peer Review Report\nAugust 8, 2024\n\n" +
		"RE: Claimant: Jane Doe DOB: 1/22/68\nDate of loss: 3/12/24\nDate of review: 8/8/24\n\n" +
		"At your request I reviewed the medical records of Ms. Doe listed below. I did not examine the claimant.\n\n" +
		"LIST OF RECORDS PROVIDED FOR REVIEW:\n" +
		"  3/21/24 Cornerstone Chiropractic (Elliot Costa, DC): chiropractic visit 1; pain 6/10.\n" +
		"  3/25/24 Cornerstone Chiropractic (Elliot Costa, DC): chiropractic visit 2; pain 5/10.\n" +
		"SUMMARY:\nThe claimant was treated with conservative care and improved.\n" +
		"DIAGNOSES SUPPORTED BY THE RECORDS:\n" +
		"  1. S13.4XXD - Sprain of ligaments of cervical spine, subsequent encounter\n" +
		"  2. M54.2 - Cervicalgia\n" +
		"RESPONSES TO QUESTIONS:\n1. Causation: the strains are consistent with the reported collision.\n\n" +
		"Miriam Petrov, MD, Reviewing Physician Date: 8/8/24\n"
	res := extractText(t, page)
	if len(res.Encounters) != 1 {
		t.Fatalf("encounters %q, want one", encounterDates(res))
	}
	if got := strings.Join(dxCodes(res.Encounters[0]), " "); got != "S13.4XXD M54.2" {
		t.Errorf("diagnoses %q, want S13.4XXD M54.2", got)
	}
}

// TestRecordsReviewProviderHeadingWithSpeck: on a fax, the list of records
// a reviewer read prints its groups' names flush left, one in capitals
// with a colon and a speck OCR read as a second colon ("LAKESIDE BONE AND
// JOINT SPECIALISTS:       :"): the list goes on under it, and the many
// dated lines with pain scores after it are the records reviewed, no log
// of visits. The review is the one encounter.
func TestRecordsReviewProviderHeadingWithSpeck(t *testing.T) {
	page := `SENTINEL MEDICAL REVIEW SERVICES, LLC
Independent Peer Review Services
4092 Hospital Dr, Cedar Falls, IA 50613
MEDICAL RECORDS REVIEW - NO EXAMINATION
January 2, 2025
RE: Claimant: Jane Doe  DOB: 8/27/61
Review date: 1/2/25
At your request I reviewed the medical records of Ms. Doe listed below to answer your questions about
causation and the necessity of further treatment. I did not examine or speak with the claimant.
LIST OF RECORDS PROVIDED FOR REVIEW:
Riverside Int Med Assoc
8/7/24 - office visit; pain 7/10. (Lucia Petrov, DO)
Align Physical Therapy
8/12/24 - physical therapy visit 1; pain 7/10. (Kwame Winslow, PTA)
LAKESIDE BONE AND JOINT SPECIALISTS:       :
8/19/24 - consultation; pain 6/10. (Elliot Albright, DO)
Align Physical Therapy & Sports Rehab
8/19/24 - physical therapy visit 3; pain 5/10. (Hiroshi Lindholm, DPT)
8/28/24 - physical therapy visit 6; pain 5/10. (Kwame Winslow, PTA)
9/2/24 - physical therapy visit 8; pain 4/10. (Kwame Winslow, PTA)
12/20/24 - physical therapy visit 13; pain 2/10. (Hiroshi Lindholm, DPT)
`
	if got := encounterDates(extractOCR(t, page)); got != "2025-01-02" {
		t.Errorf("visits %s, want the review's own 2025-01-02", got)
	}
}

// TestRecordsReviewWrappedProviderCell: a faxed records review's table of
// the records read wraps long providers' names onto the next line, in
// capitals ("RADIOLOGY LLC" under "MERIDIAN DIAGNOSTIC"), under rows whose
// dates OCR damaged ("317224"): the wrapped end of a cell is no
// letterhead, and the review's next page stays the reviewer's (it had
// become a second entry under "RADIOLOGY LLC").
func TestRecordsReviewWrappedProviderCell(t *testing.T) {
	page1 := `Received: 2024-08-26 5:33 PM; From: (661) 555-0129; Page 1 of 2

Northbridge Physician Review Assoc.
3819 Market St, Bakersfield, CA 93301
Phone (661) 555-0143  Fax (661) 555-0129

PHYSICIAN RECORDS REVIEW

Jul 29, 2024

Mr. Alan Brody, Bodily Injury Adjuster
Harborline Auto Insurance, PIP / No- Fault Unit

RE:                            Claimant: Gordon Mbeki  DOB: 5/11/81
Claim No.: 799- 2072598

D/L: 3/7/24

Date of review: 7/29/24
Type of review: records review only, no examination

Records dated 6/29/21 through 7/15/24

Dear Mr. Alan Brody:

At your request I reviewed the medical records of Mr. Mbeki listed below to answer your questions about causation
and the necessity of further treatment. I did not examine or speak with the claimant, and no physician- patient

relationship exists. My opinions rest on the records provided only.

MEDICAL RECORDS REVIEWED:

Date           Provider                          Clinician                Summary
6/29/21         Sunridge Imaging Center           Paul Okafor, MD          MRI tumbar spine: mitd L4-5 disc bulge without stenosis.
8/13/22         Whitlock Occupationat Health       Irene Castetlano, MD     pre-employment physical; no neck or back complaints, full range of m
12/13/23        Riverside Internal Medicine         Desmond Crane, PA-C °  soutine visit, no neck complaints.
Associates .                         ..                                        .
3/7124          Prairie Valley Medicai Center       Desmond Ballard, MD     emergency visit after MVC; CT head and cervical films negative fos fra
317224          MERIDIAN DIAGNOSTIC          Kwame Ortega, MD       XR CERVICAL SPINE 3 VIEWS reviewed.
RADIOLOGY LLC                           :
3/7124          Meridian Diag Radiotogy           “Kwame Ortega, MD       CT HEAD WITHOUT CONTRAST reviewed.
3/12/24         RIVERSIDE INTERNAL MEDICINE Desmond Crane, PA-C    office visit; pain 7110.
ASSOCIATES
3/18/24         Cormerstone Chiropractic           Rebecca Lindholm, DC    chiropractic visit 1; pain 6/10.
3/21/24         SUMMIT SPORTS MEDICINE AND  Gustavo Haddad, MD    ~~. consultation; pain 6/10.
ORTHOPAEDICS
3/21/24         Cornerstone Chiro & Weltness       Rebecca Lindholm, DC    chiropractic visit 2; pain 6/10.
3/25/24         CORNERSTONE CHIROPRACTIC   Anika Petrov, DC         chiropractic visit 3; pain 6/10.             :
3/27/24         MERIDIAN DIAGNOSTIC          Kwame Ortega, MD       MRI CERVICAL SPINE WITHOUT CONTRAST reviewed.
RADIOLOGY LLC
3127/24         Cornerstone Chiro & Wellness       Rebecca Lindholm, DC    chiropractic visit 4; pain 6/10.
3/29/24         Cornerstone Chiropractic &         Anika Petrov, DC         chiropractic visit 5; pain 6/10.
Wellness
4/1/24          SUMMIT SPORTS MEDICINE AND  Gustavo Haddad, MD     follow-up; pain 6/10.
ORTHOPAEDICS
4Ii24          Cornerstone Chiropractic           Rebecca Lindholm, DC    chiropractic visit 6; pain 5/10.
4/4124          CORNERSTONE CHIROPRACTIC   Anika Petrov, DC         chiropractic visit 7; pain 4/10.
4/8/24          Cornerstone Chiro & Wellness       Rebecca Lindholm, DC — chiropractic visit 8; pain 4/10.
4/1124         CORNERSTONE CHIROPRACTIC   Anika Petrov, DC         chiropractic visit 9; pain 4/10.
4/15/24         Cornerstone Chiro & Wellness       Rebecca Lindholm, DC    chiropractic visit 10; pain 3/10.
4/17/24         Keystone Spine & Pain             Desmond Costa, DO      consultation; pain 7/10.
Management
5/1/24          Keystone Spine & Pain .           _ Desmond Costa, DO      procedure note.
-Management
5/24          Lakeshore Anesthesia              Anika Finnegan, MD      anesthesia record; sedation for the procedure without complication.
5/7124          Summit Sports Medicine &          Gustavo Haddad, MD     follow-up; pain 4/10.     ,
Orthopaedics                                        .
5/21/24         KEYSTONE SPINE AND PAIN       Desmond Costa, DO      follow-up; pain 3/10.
MANAGEMENT
715124          Cornerstone Chiropractic &         Anika Petrov, DC         chiropractic visit 11; pain 3/10.

Wellness

NPRA 000100
`
	page2 := `NORTHBRIDGE RECORDS REVIEW  2024-08-26 5:33 PM  #4004  Pg 2/2

PHYSICIAN RECORDS REVIEW - Gordon Mbeki - page 2

718/24         Cormerstone Chiro & Wellness      Rebecca Lindholm, DC —_ chiropractic visit 12; pain 3/10.
7110/24        Cornerstone Chiropractic           Anika Petrov, DC °       chiropractic visit 13; pain 3/10.
7A15/24        Cornerstone Chiropractic &         Rebecca Lindholm, DC    chiropractic visit 14; pain 2/10.
Weliness                                        :

NON-MEDICAL DOCUMENTS REVIEWED:
Police crash report of 3/7/24; photographs of the vehicle; the claimant's recorded statement.

SUMMARY:
The claimant was the front- seat passenger in a vehicle that was T- boned by a pickup truck on Mar 7, 2024 and
was treated for neck and back pain with conservative care. The records document improvement with care and-no
objective neurological deficit at the last visits reviewed.                                        ,

DIAGNOSES:
1. $13.4XXD Sprain of ligaments of cervical spine, subsequent encounter
2. $16.1XXD Strain of muscle, fascia and tendon at neck level, subsequent encounter
3. M54.2 Cervicalgia

RESPONSES TO QUESTIONS:
1. Causation: the cervical and thoracolumbar strains are consistent with the reported-collision. 2. Necessity:
treatment through 7/15/24 was reasonable and necessary; further passive therapy after that date is not supported
by the records. 3. Maximum medical improvement: reached; a home exercise program is: sufficient.

I certify that I am licensed and board certified, that I have no financial interest in the outcome of this claim, and:
that the opinions above are held to'a reasonable degree of medical probability.

Desmond Venkataraman, MD, FAAPMR, Reviewing Physician Signed 7/29/24

NPRA 000101
`
	res := extractOCR(t, page1, page2)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String()+" "+e.Provider)
	}
	if strings.Join(got, "|") != "2024-07-29 Northbridge Physician Review Assoc" {
		t.Errorf("encounters %q, want the review alone", got)
	}
}
