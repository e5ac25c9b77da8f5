package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestWorkStatusBoxes: a state's work status report prints its fields in
// rows of boxes, each caption over its value ("Employer   Claim no.
// Date of this exam" over the employer, the claim and the date), the
// clinic only in its "Facility" box under the division's form title. The
// visit is the exam's box, not the birth or injury box beside it, nor the
// dates the restrictions run through or the next appointment; the
// provider is the facility the box names, not the practice of the record
// before it. OCR keeps each box's order but not its column, may set a
// box's value on a line of its own, and misreads the follow-up's label
// ("Fotlow-up appointment"), which still dates no visit.
func TestWorkStatusBoxes(t *testing.T) {
	before := "Harbor Imaging Center\n1200 Bay Road, Tacoma, WA 98402   Phone (253) 555-0144\n" +
		"MRI LUMBAR SPINE WITHOUT CONTRAST\nDate of exam: 03/02/2024\nIndication: low back pain.\n" +
		"IMPRESSION: Mild disc bulge at L4-L5 without stenosis.\nElectronically signed by Ann Lee, MD\n"
	form := func(label string, ocr bool) string {
		rows := [][2][]string{
			{{"Worker's name", "Birth date", "Date of injury"}, {"PARK, ROBIN", "04/19/1975", "02/26/2024"}},
			{{"Employer", "Claim no.", label}, {"Rainier Freight Co", "C-77120448", "02/27/2024"}},
			{{"Treating provider", "Facility", "Telephone"}, {"Tomas Ruiz, PA-C", "SOUND WORKSITE CLINIC", "(253) 555-0101"}},
		}
		// The text layer prints each box in its column; OCR keeps each
		// box's order but not its column, and sets specks between them.
		row := func(cells []string, gap string) string {
			if !ocr {
				return fmt.Sprintf("%-36s%-36s%s", cells[0], cells[1], cells[2])
			}
			return strings.Join(cells, gap)
		}
		var b strings.Builder
		b.WriteString("STATE DEPARTMENT OF LABOR AND INDUSTRIES                          Form LI-245 (Rev. 08/19)\n\n")
		b.WriteString("                    ACTIVITY PRESCRIPTION FORM - WORK STATUS\n")
		for k, r := range rows {
			if k == 2 && ocr {
				// OCR set the last box's value on a line of its own,
				// under a blank line.
				b.WriteString(row(r[0], "          .     ") + "\n\n" + r[1][0] + "            " + r[1][1] + "\n\n" + r[1][2] + "\n")
				continue
			}
			b.WriteString(row(r[0], "          .     ") + "\n" + row(r[1], "      ") + "\n")
		}
		next := "Follow-up appointment: 03/05/2024"
		if ocr {
			next = "Fotlow-up appointment: 03/05/2024" // OCR's reading
		}
		b.WriteString("[X] Released to modified duty through 03/12/2024.\n[ ] Released to full duty.\n" +
			"Restrictions: no lifting over 20 lbs, no ladders.\nPain today: 6/10\n" +
			"Diagnosis: S33.5XXA Sprain of ligaments of lumbar spine, initial encounter\n" +
			next + "\nSignature: Tomas Ruiz, PA-C        Date signed: 02/28/2024\n")
		return b.String()
	}
	for _, label := range []string{"Date of this exam", "Date of this visit", "Exam date"} {
		for _, ocr := range []bool{false, true} {
			page := form(label, ocr)
			var res = extractText(t, before, page)
			if ocr {
				res = extractOCR(t, before, page)
			}
			var got []string
			ok := false
			for _, e := range res.Encounters {
				if e.Citations[0].Page != 2 {
					continue
				}
				got = append(got, e.Date.String()+" "+e.Provider)
				ok = len(got) == 1 && e.Date.String() == "2024-02-27" && strings.EqualFold(e.Provider, "Sound Worksite Clinic")
			}
			if !ok || len(got) != 1 {
				t.Errorf("%q ocr=%v: form's encounters %q, want one on 2024-02-27 by Sound Worksite Clinic", label, ocr, got)
			}
		}
	}
}
