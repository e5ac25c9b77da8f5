package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/icd10"
)

// TestOCRCodeTokens reads ICD-10-CM codes as Tesseract printed them on
// scanned pages, and leaves alone tokens that only look like them.
func TestOCRCodeTokens(t *testing.T) {
	tests := []struct {
		tok   string
		code  string // "" when the token is not read as a damaged code
		risky bool
	}{
		{"MS4.2", "M54.2", false},        // 5 read as S
		{"MS0.220", "M50.220", false},    // 5 read as S
		{"MS4.12", "M54.12", false},      // in "(MS4.12)"
		{"MS50.220", "M50.220", false},   // the 5 read twice, as S and 5
		{"MSO.220", "M50.220", false},    // 5 as S and 0 as O
		{"S$13.4XXD", "S13.4XXD", false}, // the S read twice
		{"$13.4XxD", "S13.4XXD", false},  // S as $, X in lower case
		{"S13.4XxXD", "S13.4XXD", false}, // a placeholder X read twice
		{"$13:.4XXD", "S13.4XXD", false}, // a colon before the point
		{"$13. 4XXD", "S13.4XXD", false}, // a space after the point
		{"H81:399", "H81.399", false},    // a colon for the point
		{"$06:0X0D", "S06.0X0D", false},  // S as $, a colon for the point
		{"§06.0X0D", "S06.0X0D", false},  // S as a section sign
		{"T10:30", "", false},            // a time of day
		{"M54:12", "M54.12", false},      // a colon for the point: no hour 54
		{"M10:30", "", false},            // an hour: a time, whatever letter OCR glued to it
		{"'513.4XxD", "S13.4XXD", false}, // a speck before S read as 5
		{"M5O.22O", "M50.220", false},    // 0 as O twice
		{"M54.l2", "M54.12", false},      // 1 as l
		{"s13.4xxa", "S13.4XXA", false},  // lower case throughout
		{"110", "I10", true},             // I as 1: could be a number
		{"l10", "I10", true},             // I as l, a bare category
		{"163.9", "I63.9", true},         // could be 163.9 lbs
		{"Z79,899", "Z79.899", false},    // comma for the point
		{"279.899", "Z79.899", true},     // Z as 2
		{"M54.2", "", false},             // undamaged: read strictly
		{"I10", "", false},               // undamaged
		{"SOB", "", false},               // a word: no digit printed as one
		{"ISO", "", false},               // a word
		{"L5S1", "", false},              // a spinal level
		{"2024", "", false},              // a year
		{"100. SKIN", "", false},         // a number, then a heading
		{"168. He", "", false},           // a number ending a sentence
		{"B12.,4", "", false},            // vitamin B12 in a list
		{"M54, 2", "", false},            // a list, not a code
		{"S16, 1XXA", "S16.1XXA", false}, // comma and space for the point before a placeholder's tail
		{"M54,.2", "M54.2", false},       // a comma before the point
		{"S13, 12", "", false},           // no placeholder: a list
		{"SOS.1", "", false},             // no digit in the category
		{"MSO.2ZO", "", false},           // too many look-alikes
		{"U12.3", "", false},             // U is reserved
		{"S1B.2", "", false},             // a third letter only in C4A, M1A, ...
		{"S13.4XXXXD", "", false},        // too long even without placeholders
		{"M1A.0110", "", false},          // undamaged, letter category
		{"M1a.0110", "M1A.0110", false},  // letter category in lower case
		{"C5O.911", "C50.911", false},    // O in the category
		{"12O.5", "I20.5", true},         // a bare number
		{"747.89", "Z47.89", true},       // Z read as 7: a number too
	}
	for _, tt := range tests {
		r, ok := parseOCRCode(tt.tok)
		if !ok {
			r.code = ""
		}
		if r.code != tt.code || ok && r.risky != tt.risky {
			t.Errorf("parseOCRCode(%q) = %q risky %v, want %q risky %v", tt.tok, r.code, r.risky, tt.code, tt.risky)
		}
	}
}

// TestOCRCodesOnLines reads damaged codes where diagnoses are printed and
// nowhere else.
func TestOCRCodesOnLines(t *testing.T) {
	tests := []struct {
		name  string
		line  string
		dx    bool // in an assessment section
		coded bool // the note prints other codes
		codes []string
	}{
		{"dx line", "Dx: MS4.2, $13.4XXD", false, false, []string{"M54.2", "S13.4XXD"}},
		{"dx line, quote speck", "Dx: M54.2,'513.4XxD", false, false, []string{"M54.2", "S13.4XXD"}},
		{"dx line, doubled X", "Dx: M54.2, S$13.4XxXD", false, false, []string{"M54.2", "S13.4XXD"}},
		{"dx line, colons and a section sign", "Treatment Dx     $06:0X0D, R42, H81:399, §13.4XXD", false, false, []string{"S06.0X0D", "R42", "H81.399", "S13.4XXD"}},
		{"list item", "1. MS0.220 - Other cervical disc displacement", true, false, []string{"M50.220"}},
		{"S as $ and O for 0 after the point", "Diagnoses (plan of care): $06.0XOD, $13.4XXD, M54.2", false, false, []string{"S06.0X0D", "S13.4XXD", "M54.2"}},
		{"O for 0 before and after the point", "Diagnoses (plan of care): SO6.OXOD, $13.4XXD, MS4.2", false, false, []string{"S06.0X0D", "S13.4XXD", "M54.2"}},
		{"O for 0 after the point", "S06.OX0A Concussion without loss of consciousness, initial encounter", true, false, []string{"S06.0X0A"}},
		{"underscore after a code", "Dx: M54.2, S13.4XXD_ TCM: Bi syndrome, Qi stagnation", false, false, []string{"M54.2", "S13.4XXD"}},
		{"number in a comma list of codes", "Diagnosis codes: E78.5, 110 Report status: Final", false, true, []string{"E78.5", "I10"}},
		{"numbers after a list of codes", "Dx: M54.2, 120 minutes, 110/70", false, true, []string{"M54.2"}},
		{"a speck after the label's colon", "ICD-10:.E78.5, 110 Fasting: Yes", false, true, []string{"E78.5", "I10"}},
		{"E read as a pound sign, a point ending the list", "ICD-10: £78.5, 110. Fasting: Yes", false, true, []string{"E78.5", "I10"}},
		{"a pound sign outside a diagnosis context is money", "Balance £78.50 Fee", false, true, nil},
		{"a decimal after a code list is no code", "Dx: M54.2, 110.5 mg/dL", false, true, []string{"M54.2"}},
		{"Z read as 7, opening a dotted list line", "747.89 - Encounter for other orthopedic aftercare", true, true, []string{"Z47.89"}},
		{"7 for Z only where a code stands", "Balance 747.89 due", true, true, nil},
		{"in parentheses", "2. Radiculopathy, cervical region (MS4.12) -", true, false, []string{"M54.12"}},
		{"comma before the point", "Visit diagnoses: $13.4XXD, M54,.2, G44,309", false, false, []string{"S13.4XXD", "M54.2", "G44.309"}},
		{"comma after the point", "injured in collision with other type car in traffic accident, initial encounter (V43.,52XA)", true, false, []string{"V43.52XA"}},
		{"comma and space for the point", "Strain of muscle, fascia and tendon at neck level, initial encounter (S16, 1XXA)", true, false, []string{"S16.1XXA"}},
		{"outside context, doubled glyph", "MS54.12 Radiculopathy, cervical region. Pain following the collision.", false, false, []string{"M54.12"}},
		{"outside context, two look-alikes", "Ref MSO.2Z0 on file", false, false, nil},
		{"number as code in a coded list", "2. 110 Essential (primary) hypertension", true, true, []string{"I10"}},
		{"number as code, note without codes", "2. 110 Essential (primary) hypertension", true, false, nil},
		{"number as code in parentheses", "Essential hypertension (110)", true, true, []string{"I10"}},
		{"number with units", "3. 120 Minutes of therapy", true, true, nil},
		{"number then lower case", "2. 150 mg ibuprofen twice daily", true, true, nil},
		{"number mid-line", "Weight 163.9 Pounds today", true, true, nil},
		{"number outside context", "2. 110 Essential (primary) hypertension", false, true, nil},
		{"blood pressure", "BP 140/90, pulse 110, Temp 98.6", true, true, nil},
		{"phone", "Call 555-0134 or 110-4455", true, true, nil},
		{"spinal levels", "Disc bulge at L5S1 and C5-C6.", true, true, nil},
		{"money", "Dx: office visit charges $93.00 and $13.40", true, true, nil},
		{"area code in parentheses", "Tel Workplace: +1(555)555-1004", true, true, nil},
		{"contact in parentheses", "Contact: (999)-(888)", true, true, nil},
		{"street number", "123 Any Street Self", true, true, nil},
		{"wrapped prose", "850 Wagon automobile driven by his son.", true, true, nil},
		{"lab value sentence", "alkaline phosphatase was elevated at 156. His lipid panel", true, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := linesOf(layout.Analyze([]extract.Page{{Number: 1, Text: tt.line}}))[0]
			hits := icdInNote(l, tt.dx, tt.coded, nil)
			var got []string
			for _, h := range hits {
				got = append(got, h.code)
			}
			if len(got) != len(tt.codes) {
				t.Fatalf("codes %v, want %v", got, tt.codes)
			}
			for i := range got {
				if got[i] != tt.codes[i] {
					t.Errorf("codes %v, want %v", got, tt.codes)
				}
			}
		})
	}
}

// TestOCRCodesWithCodeBook: a repaired code must be in the code book; a
// number read as a code must also name the printed description; and a
// token too damaged for the look-alike repairs is read by its
// description when exactly one code near it has that description.
func TestOCRCodesWithCodeBook(t *testing.T) {
	book := icd10.New()
	book.Add("I10", true, "Essential (primary) hypertension", "Essential (primary) hypertension")
	book.Add("I20.9", true, "Angina pectoris, unspecified", "Angina pectoris, unspecified")
	book.Add("M50.220", true, "Other cervical disc displacement, mid-cervical region, unsp", "Other cervical disc displacement, mid-cervical region, unspecified level")
	book.Add("M50.221", true, "Other cervical disc displacement at C4-C5 level", "Other cervical disc displacement at C4-C5 level")
	book.Add("M54.12", true, "Radiculopathy, cervical region", "Radiculopathy, cervical region")
	book.Add("G44.309", true, "Post-traumatic headache, unspecified, not intractable", "Post-traumatic headache, unspecified, not intractable")
	tests := []struct {
		name  string
		line  string
		codes []string
	}{
		{"in the book", "1. MS4.12 Radiculopathy, cervical region", []string{"M54.12"}},
		{"not in the book", "1. MS4.2 Cervicalgia", nil},
		{"number naming its description", "2. 110 Essential (primary) hypertension", []string{"I10"}},
		// a G read as a 6
		{"G as 6 naming its description", "644.309   Post-traumatic headache, unspecified, not intractable", []string{"G44.309"}},
		{"G as 6 not naming its description", "644.30   Balance forward", nil},
		{"number not naming its description", "2. 120.9 Follow-up visit scheduled", nil},
		{"read by description", "1. MS50.2Z0 - Other cervical disc displacement, mid- cervical region, unspecified level", []string{"M50.220"}},
		{"description without a damaged code", "1. Other cervical disc displacement, mid-cervical region, unspecified level", nil},
		{"whole code not in the book", "1. M50.22 Other cervical disc displacement, mid-cervical region, unspecified level", nil},
		{"description far from the token", "1. Q99.999 Other cervical disc displacement, mid-cervical region, unspecified level", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := linesOf(layout.Analyze([]extract.Page{{Number: 1, Text: tt.line}}))[0]
			var got []string
			for _, h := range icdInNote(l, true, true, book) {
				got = append(got, h.code)
			}
			if len(got) != len(tt.codes) || len(got) > 0 && got[0] != tt.codes[0] {
				t.Errorf("codes %v, want %v", got, tt.codes)
			}
		})
	}
}

// TestOCRCodesInNote runs a scanned note through the extractor: the
// damaged codes of its assessment list are read, with their printed
// descriptions, and every quote stays on the page.
func TestOCRCodesInNote(t *testing.T) {
	page := "Coastal Orthopedic & Spine Institute\nORTHOPEDIC FOLLOW-UP\nDOS: 10/20/23\n" +
		"ASSESSMENT AND PLAN:\n1. M54.50 Low back pain, unspecified\n2. 110 Essential (primary) hypertension\n" +
		"3. MS0.220 - Other cervical disc displacement\n4. Naproxen 500 mg BID with food as needed for 10 days."
	res := extractText(t, page)
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters", len(res.Encounters))
	}
	want := []extract.Coded{{Code: "M54.50", Description: "Low back pain, unspecified"},
		{Code: "I10", Description: "Essential (primary) hypertension"},
		{Code: "M50.220", Description: "Other cervical disc displacement"}}
	dx := res.Encounters[0].Diagnoses
	if len(dx) != len(want) {
		t.Fatalf("diagnoses %+v", dx)
	}
	for i := range want {
		if dx[i] != want[i] {
			t.Errorf("diagnosis %d = %+v, want %+v", i, dx[i], want[i])
		}
	}
}

// TestOCRCodeAfterSentence: a damaged code right after the point or the
// semicolon that ends the words before it ("suspected. MS0.120",
// "level; MS4.12"), as an impression or a list of diagnoses run into
// sentences prints it.
func TestOCRCodeAfterSentence(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"partial-thickness rotator cuff tear suspected. MS0.120 Cervical disc disorder with", "M50.120"},
		{"Pre-procedure diagnosis: M50.120 - Cervical disc disorder, unspecified level; MS4.12 - Radiculopathy, cervical region", "M54.12"},
		{"Seen 2024. Rest; ice.", ""},
	} {
		var got []string
		for _, h := range ocrCodesIn(tt.line, true, true, false, nil, func(a, b int) bool { return false }) {
			got = append(got, h.code)
		}
		if fmt.Sprint(got) != fmt.Sprint(strings.Fields(tt.want)) {
			t.Errorf("%q: codes %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestOCRCodeInBrackets: a care summary prints each diagnosis with its
// code in square brackets after it; OCR read the I of I10 as a one
// ("hypertension [110]"): in that slot, after a description, it is I10.
func TestOCRCodeInBrackets(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"’ Dx: Essential (primary) hypertension [110]; Hyperlipidemia, unspecified [E78.5]", "I10"},
		{"Dx: Essential (primary) hypertension (110); Hyperlipidemia, unspecified (E78.5)", "I10"},
		{"Weight [110] lb", ""},
		{"Room [110] 2nd floor", ""},
	} {
		var got []string
		for _, h := range ocrCodesIn(tt.line, true, true, false, nil, func(a, b int) bool { return false }) {
			got = append(got, h.code)
		}
		if fmt.Sprint(got) != fmt.Sprint(strings.Fields(tt.want)) {
			t.Errorf("%q: codes %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestOCRCodeOpeningItsLine: a list of diagnoses under its heading prints
// each code first on its line, its description after it; OCR read the Z
// of Z47.89 as a two. A dotted code there is one; a bare number is not.
func TestOCRCodeOpeningItsLine(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"247.89 Encounter for other orthopedic aftercare", "Z47.89"},
		{"110 Blood pressure recheck", ""},
	} {
		var got []string
		for _, h := range ocrCodesIn(tt.line, true, true, false, nil, func(a, b int) bool { return false }) {
			got = append(got, h.code)
		}
		if fmt.Sprint(got) != fmt.Sprint(strings.Fields(tt.want)) {
			t.Errorf("%q: codes %v, want %v", tt.line, got, tt.want)
		}
	}
}

// TestOCRCodeInLabelledList: a lab requisition prints its codes in a comma
// list after "ICD-10:"; OCR read I10 as "110", with no description beside
// it to name. A number after the label and the list's other codes is the
// code the book knows.
func TestOCRCodeInLabelledList(t *testing.T) {
	book := icd10.New()
	book.Add("I10", true, "Essential (primary) hypertension", "Essential (primary) hypertension")
	book.Add("E78.5", true, "Hyperlipidemia, unspecified", "Hyperlipidemia, unspecified")
	for _, s := range []string{"ICD-10: E78.5,110 Fasting: Yes", "ICD-10: E78.5, 110", "Diagnosis codes: E78.5, 110.", "ICD- 10: E78.5, 110 Fasting: Yes"} {
		l := linesOf(layout.Analyze([]extract.Page{{Number: 1, Text: s}}))[0]
		var got []string
		for _, h := range icdInNote(l, true, true, book) {
			got = append(got, h.code)
		}
		if !slices.Contains(got, "I10") || !slices.Contains(got, "E78.5") {
			t.Errorf("%q: codes %v, want E78.5 and I10", s, got)
		}
	}
	// Without the label the number stays a number.
	l := linesOf(layout.Analyze([]extract.Page{{Number: 1, Text: "Weight 110 lbs, E78.5"}}))[0]
	for _, h := range icdInNote(l, true, true, book) {
		if h.code == "I10" {
			t.Errorf("a weight read as I10")
		}
	}
}
