package chronology

import (
	"fmt"
	"hash/fnv"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

func TestFindDuplicates(t *testing.T) {
	note := "Physical therapy daily note. Patient reports neck pain improving with exercise. " +
		"Therapeutic exercise 97110 for thirty minutes, manual therapy 97140 for fifteen minutes. " +
		"Range of motion improved in rotation and flexion. Continue plan of care two times per week. " +
		"Subjective: the patient states that sleeping is easier and that driving for more than twenty " +
		"minutes still causes stiffness at the base of the skull. Objective: cervical rotation to the left " +
		"sixty degrees, to the right fifty five degrees, flexion forty degrees, extension thirty degrees. " +
		"Palpation reveals tenderness over the upper trapezius bilaterally, worse on the right side. " +
		"Assessment: steady progress toward goals, tolerating the program without adverse effects. " +
		"Plan: progress resistance bands, add scapular stabilisation, review home exercise program."
	// A short page, and its copy re-sent under another fax's banner with
	// OCR joining two of its lines differently: the banner is no part of
	// the page.
	shortLined := "ST LUKES REGIONAL HOSPITAL\nPT: DOE, JANE\nEMERGENCY DEPARTMENT RECORD   MRN: 62925121\n" +
		"Arrival: 06-Dec-2023 1419   Mode of arrival: EMS\nInsurance: Great Plains Casualty   PCP: See face sheet\n" +
		"Attending: Rebecca Finnegan, MD   ESI Level: 2\nChief Complaint: MVC - neck pain, back pain, headache\n" +
		"Triage Vitals: BP 133/84 HR 92 RR 18 SpO2 96% T 98.5 F\nPain Score: 8/10\n"
	shortRejoined := strings.NewReplacer("HOSPITAL\nPT:", "HOSPITAL   PT:", "98.5 F\nPain", "98.5 F   Pain", "RECORD   MRN", "RECORD\nMRN").Replace(shortLined)
	// The same note re-faxed: a fax header added.
	refaxed := "FAX 555-0100 04/30/2023 11:02 P.2\n" + note
	// A note laid out in lines, and its copy re-faxed with a second stamp
	// laid over the first (its words scattered over short lines, as
	// pdftotext reads a rotated stamp).
	lined := "ST LUKES REG HOSP ED 11/18/24 12:06 #4003 Pg 2/7\n" + strings.ReplaceAll(note, ". ", ".\n")
	// The same with the two stamps' words merged on each line, as
	// pdftotext reads overlapping text.
	stamped := "Received: 5/30/24 12:43; From: (319) 555-0103; Page 2 of 7\n" + strings.ReplaceAll(note, ". ", ".\n")
	merged := "Received:\nReceived:06/06/2024\n5/30/24 12:43;\n12:39;From:\nFrom:(319)\n(661)555-0103;\n555-0105;Page\nPage2 4ofof7 6\n" +
		strings.ReplaceAll(note, ". ", ".\n")
	restamped := "Received:\nST LUKES\n11/07/2024\nREG HOSP\n07:23;\nED 11/18/24\nFrom: (319)\n12:06\n555-0177;\n#4003 Page\nPg 2/7\n4 of 6\n" +
		strings.ReplaceAll(note, ". ", ".\n")
	// A scanned copy over which OCR strewed bits of one or two letters
	// that the first reading does not have.
	specked := strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(note, ", ", ", oe "), " for ", " for i "), " and ", " _ and ")
	other := strings.ReplaceAll(note, "neck", "low back")
	other = strings.ReplaceAll(other, "improving", "worse") + " Pain 7/10, new numbness."
	// A page of an emergency department record, as OCR read it from a
	// fax, and again from a copy faxed once more.
	triage := "ST LUKES REGIONAL HOSPITAL  11/8/23  7:22 AM  #4009  Pg 2/16\n\nST LUKES REGIONAL HOSPITAL                             PT: VARGA, RAVI F\n\n" +
		"EMERGENCY DEPARTMENT RECORD                                     MRN: 273067 ACCT: 37686559\nDOB: 09-08 1969\n\nREGISTRATION / TRIAGE                                        :\n" +
		"Arrival: 05-06-2023 1653          .                  Mode of arrival: ALS ambulance\nInsurance: Great Plains Casualty                    PCP: Unknown\n" +
		"Attending: Conrad-Venkataraman, DO  .              ESI Level: 2\n\nChief Complaint: MVC - neck pain, back pain, headache\n" +
		"Triage Vitals: BP 137/86 HR 85 RR 18 SpO2 98% T 98.7 F\nPain Score: 8/10\n" +
		"Triage Note: Pt was a restrained driver struck on the driver's side at an intersection. Arrived on backboard\n" +
		"with c-collar in place. Date of injury 05-06-2023. Denies LOC per EMS report.\n\n" +
		"Patient arrived by ambulance (Metro County EMS, Medic 14); EMS run report not included with this chart.\n" +
		"Triage RN: K. Mahoney, RN Triage time 1657\n\nPrinted 11-06-2023 16:58 by fstrand                                        Page 1 of 3\n"
	triageRefaxed := "ReGHi VdiKES REGHORNOG3 HOISPAT AIM; Enlity’2 1 903-215 FH OLOMPP agty & Ai 10\n\n" +
		"ST LUKES REGIONAL HOSPITAL                            PT: VARGA, RAVI F\nMRN: 273067 ACCT: 37686559\n\nEMERGENCY DEPARTMENT RECORD\n\nDOB: 09-08-1969\n\n" +
		"REGISTRATION / TRIAGE\nArrival: 05-06-2023 1653                            Mode of arrival: ALS ambulance\n" +
		"Insurance: Great Plains Casualty                    PCP: Unknown\nAttending: Conrad Venkataraman, DO                ESI Level: 2\n\n" +
		"Chief Complaint: MVC - neck pain, back pain, headache\nTriage Vitals: BP 137/86 HR 85 RR 18 SpO2 98% T 98.7 F\n\nPain Score: 8/10\n\n" +
		"Triage Note: Pt was a restrained driver struck on the driver's side at an intersection. Arrived on backboard\n" +
		"with c-collar in place. Date of injury 05-06-2023. Denies LOC per EMS report.\n\n" +
		"Patient arrived by ambulance (Metro County EMS, Medic 14); EMS run report not included with this chart.\n\n" +
		"Triage RN: K. Mahoney, RN Triage time 1657\n\nPrinted 11-06-2023 16:58 by fstrand                                        . Page lof3\n"
	triageOtherDay := strings.NewReplacer("05-06-2023 1653", "05-09-2023 0912", "137/86 HR 85 RR 18 SpO2 98% T 98.7", "128/80 HR 77 RR 16 SpO2 99% T 98.1",
		"8/10", "6/10", "1657", "0915", "16:58", "09:20", "ACCT: 37686559", "ACCT: 37690112").Replace(triageRefaxed)
	// An outside radiology report inside a hospital's packet, and its copy
	// faxed on inside an orthopaedic packet: the two banners printed over
	// each other, which the text layer sets as a staircase of fragments at
	// the top of the page (the body's lines are the same).
	report := "                                    ST LUKE'S REG HOSP ED    11/12/24   14:33   #4017   Pg 3/20\n\n\n\nMeridian Diag Radiology\nProfessional interpretation for St. Luke's Regional Hosp - Emergency Services\n802 Riverside Dr, Brookfield, WI 53045\nPhone (262) 555-0148 Fax (262) 555-0152\n\n\n                                                 RADIOLOGY REPORT\nPatient: THORNBURY, SHAUNA                                          DOB: Oct 19, 1965\nMRN: 4880269                                                        Accession #: 917907424\nStudy Date: May 16, 2024                                            Ordering: Rebecca Ortega, DO\nEXAM: XR CERVICAL SPINE 3 VIEWS\nCLINICAL HISTORY: Neck pain after motor vehicle collision.\nTECHNIQUE: AP, lateral and odontoid views of the cervical spine.\nCOMPARISON: None available.\nFINDINGS:\nStraightening of the normal cervical lordosis. Vertebral body heights and alignment\nmaintained. No fracture or subluxation. Prevertebral soft tissues normal.\nIMPRESSION:\nNo acute fracture. Straightening of lordosis, which may reflect muscle spasm.\n  Cervicalgia (M54.2)\n\nElectronically signed by Gustavo Mensah, MD on May 16, 2024 at 11:53\nReport date: 16-May-2024\n\n\n\n\n                                                                                                   SLRH 000102"
	reportRefaxed := "                            HARBORVIEW\n                                   ST LUKE'S\n                                       ORTHOPAEDIC\n                                             REG HOSP\n                                                   SURGERY\n                                                      ED 11/12/24\n                                                           PC 2024-11-12\n                                                                   14:33        13:08\n                                                                                #4017   #4064\n                                                                                        Pg 3/20Pg 9/17\n\n\n\nMeridian Diag Radiology\nProfessional interpretation for St. Luke's Regional Hosp - Emergency Services\n802 Riverside Dr, Brookfield, WI 53045\nPhone (262) 555-0148 Fax (262) 555-0152\n\n\n                                                 RADIOLOGY REPORT\nPatient: THORNBURY, SHAUNA                                          DOB: Oct 19, 1965\nMRN: 4880269                                                        Accession #: 917907424\nStudy Date: May 16, 2024                                            Ordering: Rebecca Ortega, DO\nEXAM: XR CERVICAL SPINE 3 VIEWS\nCLINICAL HISTORY: Neck pain after motor vehicle collision.\nTECHNIQUE: AP, lateral and odontoid views of the cervical spine.\nCOMPARISON: None available.\nFINDINGS:\nStraightening of the normal cervical lordosis. Vertebral body heights and alignment\nmaintained. No fracture or subluxation. Prevertebral soft tissues normal.\nIMPRESSION:\nNo acute fracture. Straightening of lordosis, which may reflect muscle spasm.\n  Cervicalgia (M54.2)\n\nElectronically signed by Gustavo Mensah, MD on May 16, 2024 at 11:53\nReport date: 16-May-2024\n\n\n\n\n                                                                                                         SLRH 000102"
	tests := []struct {
		name  string
		pages []string
		want  []string // dup→orig "doc:page"
	}{
		{"exact copy across documents", []string{note, note}, []string{"d2:1→d1:1"}},
		{"whitespace and case do not matter", []string{note, strings.ToUpper(strings.ReplaceAll(note, " ", "\n  "))}, []string{"d2:1→d1:1"}},
		{"near copy", []string{note, refaxed}, []string{"d2:1→d1:1"}},
		{"different visit", []string{note, other}, nil},
		{"scanned copy with OCR's specks", []string{note, specked}, []string{"d2:1→d1:1"}},
		{"different visit with OCR's specks", []string{note, strings.ReplaceAll(other, " for ", " for i ")}, nil},
		{"re-faxed over the old stamp", []string{lined, restamped}, []string{"d2:1→d1:1"}},
		{"re-faxed, stamps merged", []string{stamped, merged}, []string{"d2:1→d1:1"}},
		{"different visit in lines", []string{lined, strings.ReplaceAll(other, ". ", ".\n")}, nil},
		{"copies point at the earliest", []string{note, refaxed, note, refaxed}, []string{"d2:1→d1:1", "d3:1→d1:1", "d4:1→d1:1"}},
		{"re-faxed with a banner, lines joined otherwise", []string{shortLined, "Received: 06/11/2024 5:01 PM; From: (859) 555-0105; Page 7 of 11\n" + shortRejoined}, []string{"d2:1→d1:1"}},
		{"re-faxed with a banner OCR garbled, a line moved", []string{triage, triageRefaxed}, []string{"d2:1→d1:1"}},
		{"the same form filled for another day", []string{triage, triageOtherDay}, nil},
		{"re-faxed, two banners a staircase of fragments", []string{report, reportRefaxed}, []string{"d2:1→d1:1"}},
		{"empty pages are never duplicates", []string{"", "  \n", ""}, nil},
		{"short boilerplate only exactly", []string{"Page intentionally left blank", "Page intentionally left blank.", "This page left blank"}, []string{"d2:1→d1:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var srcs []Source
			for i, text := range tt.pages {
				id := fmt.Sprintf("d%d", i+1)
				srcs = append(srcs, source(id, id+".pdf", []extract.Page{textPage(id, 1, text)}, extract.Result{}))
			}
			px, _ := indexPages(srcs, "MC", false)
			_, dups := findDuplicates(px, DefaultNearDuplicate, nil, nil)
			var got []string
			for _, d := range dups {
				got = append(got, fmt.Sprintf("%s:%d→%s:%d", d.DocumentID, d.Page, d.DuplicateOf.DocumentID, d.DuplicateOf.Page))
				if d.Similarity < DefaultNearDuplicate || d.Similarity > 1 {
					t.Errorf("similarity %v", d.Similarity)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("duplicates %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindDuplicatesPrefixFilter checks the prefix filter against brute
// force on many similar pages.
func TestFindDuplicatesPrefixFilter(t *testing.T) {
	base := strings.Fields(strings.Repeat("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu ", 5))
	var srcs []Source
	for i := range 60 {
		w := append([]string(nil), base...)
		for k := 0; k < i%7; k++ { // vary a few words per page
			w[(i*7+k*13)%len(w)] = fmt.Sprintf("w%d", i*10+k)
		}
		id := fmt.Sprintf("p%02d", i)
		srcs = append(srcs, source(id, id, []extract.Page{textPage(id, 1, strings.Join(w, " "))}, extract.Result{}))
	}
	px, _ := indexPages(srcs, "MC", false)
	dupOf, _ := findDuplicates(px, 0.8, nil, nil)
	// brute force over originals in order
	var origs []pageRef
	sets := map[pageRef][]uint64{}
	for _, ref := range px.order {
		sets[ref] = shingles(pageWords(px.byRef[ref].page.Text))
	}
	for _, ref := range px.order {
		found := false
		for _, o := range origs {
			if jaccard(sets[o], sets[ref]) >= 0.8 {
				found = true
				break
			}
		}
		if _, got := dupOf[ref]; got != found {
			t.Errorf("%v: prefix filter says dup=%v, brute force %v", ref, got, found)
		}
		if !found {
			origs = append(origs, ref)
		}
	}
}

// TestSeparatorPagesAreNoDuplicates: identical separator pages the
// extractor classed blank repeat no record.
func TestSeparatorPagesAreNoDuplicates(t *testing.T) {
	sep := "---------- END OF SECTION ----------\nRecords produced by Mercy General Hospital"
	for _, class := range []string{extract.PageBlank, ""} {
		pages := []extract.Page{textPage("d", 1, sep), textPage("d", 2, sep)}
		r := extract.Result{Pages: []extract.PageInfo{{Page: 1, Class: class}, {Page: 2, Class: class}}}
		c := Build(Matter{ID: "m"}, []Source{source("d", "d.pdf", pages, r)}, Options{})
		if want := map[string]int{extract.PageBlank: 0, "": 1}[class]; len(c.Duplicates) != want {
			t.Errorf("class %q: duplicates %+v, want %d", class, c.Duplicates, want)
		}
	}
}

// TestFormOfAnotherDay keeps apart two pages of one form filled in on
// different days (the same words but for the date of service), and still
// finds an OCR copy whose date OCR misread (a digit taken for another).
func TestFormOfAnotherDay(t *testing.T) {
	form := func(day string) string {
		return "Valley Spine Center\nCHARGE SLIP\nPatient: Jane Doe   DOB 01/02/1980\nDate of service: " + day +
			"\n[X] 97140 Manual therapy 15 min 48.00 1 48.00\n[ ] 97110 Therapeutic exercise 15 min 42.00\n[ ] 97012 Mechanical traction 30.00\n" +
			"[X] 97014 Electrical stimulation unattended 22.00 1 22.00\nDiagnoses: M54.2 Cervicalgia\nTotal charges 70.00\nProvider signature ________\n"
	}
	visit := func(doc, day string) extract.Result {
		d, _ := dates.Parse(day)
		return extract.Result{Bills: []extract.BillLine{{Date: d, Code: "97140", Charge: 48, Citations: []extract.Citation{cite(doc, 1, "Date of service: "+day)}}}}
	}
	for _, tt := range []struct {
		name       string
		source     extract.PageSource
		day1, day2 string
		want       int
	}{
		{"text pages of two days", extract.SourceText, "03/04/2024", "03/11/2024", 0},
		{"OCR pages of two days", extract.SourceOCR, "03/04/2024", "03/11/2024", 0},
		// A 6 read as an 8: the same day misread.
		{"OCR pages of two readings", extract.SourceOCR, "03/16/2024", "03/18/2024", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p1, p2 := textPage("d1", 1, form(tt.day1)), textPage("d2", 1, form(tt.day2))
			p1.Source, p2.Source = tt.source, tt.source
			srcs := []Source{source("d1", "a.pdf", []extract.Page{p1}, visit("d1", tt.day1)), source("d2", "b.pdf", []extract.Page{p2}, visit("d2", tt.day2))}
			px, _ := indexPages(srcs, "MC", false)
			if _, dups := findDuplicates(px, DefaultNearDuplicate, nil, otherDays(px, factDates(srcs))); len(dups) != tt.want {
				t.Errorf("%d duplicates %+v, want %d", len(dups), dups, tt.want)
			}
		})
	}
}

// TestRecordOfAnotherDayWithoutFacts keeps apart two text pages of one
// form for two days that no fact cites (a medication administration
// record's day pages: the same drugs and times, another date), and still
// finds a copy of one printed again with another print stamp or faxed
// again under another banner.
func TestRecordOfAnotherDayWithoutFacts(t *testing.T) {
	mar := func(day, stamp string) string {
		s := "Saint Luke's Regional Hospital\nMEDICATION ADMINISTRATION RECORD\nPatient: Jane Doe   Admitted 05/16/2024   Room 412\n" +
			"MAR date: " + day + "\n"
		for _, drug := range []string{"Ketorolac 15 mg IV q6h", "Acetaminophen 650 mg PO q6h", "Cyclobenzaprine 5 mg PO TID",
			"Ondansetron 4 mg IV q8h PRN nausea", "Enoxaparin 40 mg SC daily", "Docusate 100 mg PO BID"} {
			s += drug + "   0600 JR   1200 JR   1800 KM   2400 KM\n"
		}
		return s + "Allergies: NKDA   Attending: Maria Lopez, MD\nNurse initials: JR Jane Rowe RN, KM Kim Moss RN\n" + stamp
	}
	for _, tt := range []struct {
		name   string
		p1, p2 string
		ocr    bool
		want   int
	}{
		{"two days", mar("05/17/2024", "Page 1 of 2"), mar("05/18/2024", "Page 2 of 2"), false, 0},
		{"two days, scanned", mar("05/17/2024", "Page 1 of 2"), mar("05/18/2024", "Page 2 of 2"), true, 0},
		// OCR reads a copy's 6 as an 8: a digit it takes for another is no
		// other day.
		{"one day scanned twice, a digit misread", mar("05/16/2024", ""), mar("05/18/2024", ""), true, 1},
		// OCR reads a copy's year 2024 as 2624, no date at all: the date
		// it reads back to is the other page's, and the copy is one.
		{"one day scanned twice, a year misread", mar("05/17/2024", ""), mar("05/17/2624", ""), true, 1},
		{"two days scanned, a year misread", mar("05/17/2024", ""), mar("05/19/2624", ""), true, 0},
		{"one day printed twice", mar("05/17/2024", "Printed 06/02/2024 10:14"), mar("05/17/2024", "Printed 07/15/2024 08:30"), false, 1},
		// Two fax banners printed over each other: the text layer reads
		// their pieces on lines of their own.
		{"one day faxed twice", mar("05/17/2024", ""), "Received:SAINT\n2024-10-29 LUKES\n13:26; From:\n11/05/2024\n(319) 555-0162;\n" + mar("05/17/2024", ""), false, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p1, p2 := textPage("d1", 1, tt.p1), textPage("d2", 1, tt.p2)
			if tt.ocr {
				p1.Source, p2.Source = extract.SourceOCR, extract.SourceOCR
			}
			srcs := []Source{source("d1", "a.pdf", []extract.Page{p1}, extract.Result{}),
				source("d2", "b.pdf", []extract.Page{p2}, extract.Result{})}
			px, _ := indexPages(srcs, "MC", false)
			if _, dups := findDuplicates(px, DefaultNearDuplicate, nil, otherDays(px, factDates(srcs))); len(dups) != tt.want {
				t.Errorf("%d duplicates %+v, want %d", len(dups), dups, tt.want)
			}
		})
	}
}

// TestShingleHashIsFNV: the shingle hashes are hash/fnv's 64-bit FNV-1a of
// the three words joined by spaces, as the sets were computed before.
func TestShingleHashIsFNV(t *testing.T) {
	for _, w := range [][3]string{{"a", "b", "c"}, {"", "", ""}, {"physical", "therapy", "97110"}, {"née", "ß", "x y"}} {
		h := fnv.New64a()
		h.Write([]byte(w[0] + " " + w[1] + " " + w[2]))
		if got, want := shingleHash(w[0], w[1], w[2]), h.Sum64(); got != want {
			t.Errorf("shingleHash%q = %x, want %x", w, got, want)
		}
	}
}

// BenchmarkFindDuplicatesTemplated searches duplicates among daily notes
// printed from one template (copied forward: the same words every visit
// but the date, the pain score and a line of the day's treatment), as a
// chiropractor's or therapist's hundreds of visits print: the time per page
// must not grow with the number of pages.
func BenchmarkFindDuplicatesTemplated(b *testing.B) {
	treatments := []string{"Spinal manipulation C3-C7 and T1-T4, moist heat 15 minutes.",
		"Therapeutic exercise 97110 two units, cervical retraction, scapular squeezes.",
		"Manual therapy 97140 to the upper trapezius and levator scapulae bilaterally.",
		"Electrical stimulation and ultrasound to the lumbar paraspinals, 8 minutes each."}
	for _, n := range []int{500, 2000} {
		var srcs []Source
		day := incident
		var pages []extract.Page
		for i := range n {
			day = day.AddDays(1)
			text := "Lakeside Chiropractic & Rehabilitation 1200 Harbor Blvd Suite 4 Phone 555-0100\n" +
				"DAILY TREATMENT NOTE Patient: ROE, JANE DOB 04/12/1980 Date of service: " + day.String() + "\n" +
				fmt.Sprintf("Subjective: neck pain %d/10, low back pain %d/10, headaches less frequent since the last visit.\n", 3+i%5, 2+i%4) +
				"Objective: tenderness and hypertonicity of the cervical and lumbar paraspinals, restricted rotation.\n" +
				treatments[i%len(treatments)] + "\nAssessment: improving as expected. Plan: continue care three times a week.\n" +
				fmt.Sprintf("Visit %d of the plan of care. Signed by Dr. Alan Price, DC", i+1)
			pages = append(pages, textPage("log", i+1, text))
		}
		srcs = append(srcs, source("log", "log.pdf", pages, extract.Result{}))
		px, _ := indexPages(srcs, "MC", false)
		b.Run(fmt.Sprintf("pages-%d", n), func(b *testing.B) {
			for b.Loop() {
				findDuplicates(px, DefaultNearDuplicate, nil, nil)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/page")
		})
	}
}

// TestLogCardsOfOtherVisitsApart keeps apart two scanned sign-in cards of
// one practice (as a greyscale scan's OCR read them) that print the same
// words but for their rows' dates, a card a year: the visits read from
// them share no day, none a digit misread of another's. The same card
// read twice is still a copy.
func TestLogCardsOfOtherVisitsApart(t *testing.T) {
	card2023 := `CORNERSTONE CHIROPRACTIC               ;                                        VISIT SIGN-IN SHEET
Patient: Shauna Halvorsen   Acct #74688159   Card year 2023                                   :
Date      Time in       Pt init.       Adj         EMS        Trac        Pain      Staff

12/20   12:38 PM   S.H.      ~X          xX          xX           7         cc
12/22   4:32 PM    S.H.        X          xX          xX           5         AY
12/26   1:13 PM    S.H.       xX          xX          xX           D         cc
12/29   11:59 AM   S.H.        xX          xX          xX           Dy)        AY

Key: Adj = CMT 3-4 regions (98941); EMS = electrical stim, unattended (97014); Trac = mechanical traction (97012). Staff: CC = Conrad Costa, DC; AY = Anika Yamada,
DC

EUW dbd103`
	card2024 := `Cornerstone Chiropractic                                        VISIT SIGN-IN SHEET
Patient: Shauna Halvorsen.   Acct #74688159   Card year 2024
Date     Time in       Pt init.       Adj        EMS       Trac       Pain      Staff

1/2     5:00 PM    S.H.       X         xX         xX                   GG
1/5     12:29 PM   S.H.       X          X         xX          4        AY
1/8     1:05 PM    S.H.       xX          X          X          )        cc
1/11    1:08 PM    S.H.       xX         xX         xX          4        AY
1/15    12:10 PM  S.H.       xX         xX          X          3        cc

Key: Adj = CMT 3-4 regions (98941); EMS = electrical stim, unattended (97014); Trac = mechanical traction (97012). Staff: CC = Conrad Costa, DC; AY = Anika Yamada,
DC

_  EW bb104`
	visits := func(page int, days ...string) []extract.Encounter {
		var es []extract.Encounter
		for _, d := range days {
			day, _ := dates.Parse(d)
			es = append(es, extract.Encounter{Date: day, Provider: "Cornerstone Chiropractic", Citations: []extract.Citation{cite("d", page, d)}})
		}
		return es
	}
	late := []string{"12/20/2023", "12/22/2023", "12/26/2023", "12/29/2023"}
	early := []string{"01/02/2024", "01/05/2024", "01/08/2024", "01/11/2024", "01/15/2024"}
	for _, tt := range []struct {
		name  string
		p2    string
		days2 []string
		want  int
	}{
		{"two cards of two years", card2024, early, 0},
		{"one card read twice", strings.Replace(card2023, "EUW dbd103", "EW bb103", 1), late, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p1, p2 := textPage("d", 1, card2023), textPage("d", 2, tt.p2)
			p1.Source, p2.Source = extract.SourceOCR, extract.SourceOCR
			r := extract.Result{Encounters: append(visits(1, late...), visits(2, tt.days2...)...)}
			srcs := []Source{source("d", "a.pdf", []extract.Page{p1, p2}, r)}
			px, _ := indexPages(srcs, "MC", false)
			if _, dups := findDuplicates(px, DefaultNearDuplicate, nil, otherDays(px, factDates(srcs))); len(dups) != tt.want {
				t.Errorf("%d duplicates %+v, want %d", len(dups), dups, tt.want)
			}
		})
	}
}

// TestLogCardsWhoseRowsReadAsStamps keeps apart two text pages of one
// practice's visit card, a card a year, whose every differing line reads
// as a stamp line (each row prints a clock time, the year stands beside
// an account "#" number): their text without stamps is the same word for
// word, but the visits read from them share no day. A page printed twice
// is still a copy.
func TestLogCardsWhoseRowsReadAsStamps(t *testing.T) {
	card := func(year string, rows ...string) string {
		return "CORNERSTONE CHIROPRACTIC                                TRAVEL CARD\nPatient: Shauna Halvorsen    Acct #39117468    Card year " + year +
			"\nDate    Time in    Pt init.    Adj    EMS    Trac    Pain    Staff\n\n" + strings.Join(rows, "\n") +
			"\n\nKey: Adj = CMT 3-4 regions (98941); EMS = electrical stim, unattended (97014); Trac = mechanical traction (97012).\nStaff: HW = Hiroshi Winslow, DC; RO = Rebecca Okonkwo, DC\n\nCard 1 of 1\n"
	}
	card2023 := card("2023", "12/20    12:44 PM    S.H.    X    X    X    7    HW", "12/26    5:04 PM    S.H.    X    X    X    5    RO")
	card2024 := card("2024", "1/2    2:23 PM    S.H.    X    X    X    5    RO", "1/5    1:06 PM    S.H.    X    X    X    5    HW")
	visits := func(page int, days ...string) []extract.Encounter {
		var es []extract.Encounter
		for _, d := range days {
			day, _ := dates.Parse(d)
			es = append(es, extract.Encounter{Date: day, Provider: "Cornerstone Chiropractic", Citations: []extract.Citation{cite("d", page, d)}})
		}
		return es
	}
	late := []string{"12/20/2023", "12/26/2023"}
	for _, tt := range []struct {
		name  string
		p2    string
		days2 []string
		want  int
	}{
		{"two cards of two years", card2024, []string{"01/02/2024", "01/05/2024"}, 0},
		{"one card printed twice", card2023, late, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p1, p2 := textPage("d", 1, card2023), textPage("d", 2, tt.p2)
			r := extract.Result{Encounters: append(visits(1, late...), visits(2, tt.days2...)...)}
			srcs := []Source{source("d", "a.pdf", []extract.Page{p1, p2}, r)}
			px, _ := indexPages(srcs, "MC", false)
			if _, dups := findDuplicates(px, DefaultNearDuplicate, nil, otherDays(px, factDates(srcs))); len(dups) != tt.want {
				t.Errorf("%d duplicates %+v, want %d", len(dups), dups, tt.want)
			}
		})
	}
}

// TestCoverSheetsOfTwoProvidersApart: two providers' release-of-information
// offices fax their records the same day on one vendor's cover sheet
// template: the pages differ in little but the sender's name, and are no
// copies of each other. A copy of one sender's cover sheet still is one.
func TestCoverSheetsOfTwoProvidersApart(t *testing.T) {
	cover := func(sender string) string {
		return sender + "\nHealth Information Management / Release of Information\n3332 Industrial Pkwy, Lexington, KY 40503\n\n" +
			"FACSIMILE TRANSMITTAL\nTo: Morales Injury Law, P.C.\nAttn: Paralegal\nFax: (555) 555-0190\nFrom: Release of Information, " + sender +
			"\nDate: 11/20/2024\nPages (including cover): 7\nRe: Jane Doe DOB 10/19/1965\n\n" +
			"Enclosed are the medical and billing records you requested, per the attached authorization.\n\n" +
			"CONFIDENTIALITY NOTICE: This facsimile contains protected health information that is privileged and confidential under federal and\n" +
			"state law. If you are not the intended recipient, any review, disclosure, copying or distribution is prohibited. Please notify the sender by\n" +
			"telephone and destroy all copies.\n"
	}
	for _, tt := range []struct {
		name string
		a, b string
		want int
	}{
		{"two senders", "Visiting Nurses of the Valley", "Northbridge Physician Review Associates", 0},
		{"one sender twice", "Visiting Nurses of the Valley", "Visiting Nurses of the Valley", 1},
	} {
		pages := []extract.Page{textPage("d", 1, cover(tt.a)), textPage("d", 2, cover(tt.b))}
		r := extract.Result{Pages: []extract.PageInfo{{Page: 1, Class: extract.PageAdmin, Provider: tt.a}, {Page: 2, Class: extract.PageAdmin, Provider: tt.b}}}
		c := Build(Matter{ID: "m"}, []Source{source("d", "d.pdf", pages, r)}, Options{})
		if len(c.Duplicates) != tt.want {
			t.Errorf("%s: duplicates %+v, want %d", tt.name, c.Duplicates, tt.want)
		}
	}
}

// TestTransmissionReportIsNoCopy: a fax machine's transmission report
// prints a reduced image of the first page it sent (whose words a text
// layer or OCR may hold): an administrative page that reproduces a
// record page is no copy of it, the record's own copy still is one.
func TestTransmissionReportIsNoCopy(t *testing.T) {
	record := "Align PT & Sports Rehab\n3702 Medical Plaza, Bakersfield, CA 93301\nPOOL THERAPY FLOW SHEET\n" +
		"Patient: THORNBURY, SHAUNA DOB 10/19/65 DOI 5/16/24 Acct 87574401\n" +
		"Date             Water F    Minutes   Exercises                                    Pain pre      Therapist\n" +
		"5/31/24          92         45        deep water jog, noodle rows                  6/10          GC\n" +
		"6/3/24           90         30        deep water jog, noodle rows                  6/10          LF\n" +
		"6/6/24           93         30        deep water jog, noodle rows                  6/10          GC\n" +
		"6/10/24          90         45        deep water jog, noodle rows                  6/10          LF\n" +
		"6/12/24          93         30        neck AROM, wall push-ups, march              5/10          GC\n" +
		"6/14/24          92         30        water walking, squats, UE flys               4/10          LF\n"
	report := "*** TX RESULT REPORT ***                        07/03/2024 10:33 AM\nALIGN PHYSICAL THERAPY    (661) 555-0145\n" +
		"JOB NO.    ST. TIME     DESTINATION     PGS.    DURATION    RESULT\n1589       7/3 10:32    8005550194      1/1     0'45\"      OK\n\n" + record
	for _, tt := range []struct {
		name  string
		class string
		want  int
	}{
		{"transmission report", extract.PageAdmin, 0},
		{"copy of the record", extract.PageVisitLog, 1},
	} {
		second := report
		if tt.class == extract.PageVisitLog {
			second = record
		}
		pages := []extract.Page{textPage("d", 1, record), textPage("d", 2, second)}
		r := extract.Result{Pages: []extract.PageInfo{{Page: 1, Class: extract.PageVisitLog}, {Page: 2, Class: tt.class}}}
		c := Build(Matter{ID: "m"}, []Source{source("d", "d.pdf", pages, r)}, Options{})
		if len(c.Duplicates) != tt.want {
			t.Errorf("%s: duplicates %+v, want %d", tt.name, c.Duplicates, tt.want)
		}
	}
}
