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
