package extract

import (
	"strings"
	"testing"
)

func TestGrounded(t *testing.T) {
	const note = "EMERGENCY DEPARTMENT NOTE\nDate of Service: 03/14/2023\n" +
		"Chief complaint: neck pain after motor vehicle collision.\n" +
		"Assessment: cervical strain; suspected lumbar radi-\nculopathy.\n" +
		"Patient reports \u201cshooting pain\u201d \u2014 7/10. Total charges $1,000.00\n" +
		"The patient was of\ufb01ce-based; non-\nspecific tenderness. X-\nray ordered."
	text := Page{Source: SourceText, Text: note}
	ocr := Page{Source: SourceOCR, Text: "Date of Service: @3/14/2O23\nChief cornplaint: neck pain after rnotor vehicle colIision.\n" +
		"Assessment: cervica1 strain; suspected lumbar radiculopathy. Pain 7/10.\n" +
		"Patient was seen 07/19/1988 and discharged home in stable condition with ibuprofen 600 mg."}
	tests := []struct {
		name  string
		quote string
		page  Page
		want  bool
	}{
		{"exact", "neck pain after motor vehicle collision", text, true},
		{"case and line break", "date of service: 03/14/2023 chief complaint", text, true},
		{"hyphenation at line end", "suspected lumbar radiculopathy", text, true},
		{"hyphenation kept in quote", "suspected lumbar radi-\nculopathy", text, true},
		{"curly quotes and em dash", `reports "shooting pain" - 7/10`, text, true},
		{"ligature", "was office-based", text, true},
		{"compound hyphen across line", "non-specific tenderness", text, true},
		{"x-ray across line", "X-ray ordered", text, true},
		{"extra spaces in quote", "  neck   pain\tafter  ", text, true},
		{"fabricated", "fracture of the left femur", text, false},
		{"one word changed on text layer", "neck pain after motor vehicle accident", text, false},
		{"OCR confusion needs OCR page", "Chief cornplaint: neck pain", text, false},
		{"too short", "nec", text, false},
		{"four chars is enough", "neck", text, true},
		{"short with spaces", " a b c ", text, false},
		{"empty", "", text, false},
		{"money mismatch", "$1,000,000", text, false},
		{"money prefix of longer number", "$1,000", Page{Source: SourceText, Text: "Total $1,0000"}, false},
		{"number cut at start", "14/2023 chief", Page{Source: SourceText, Text: "03/114/2023 chief"}, false},
		{"money exact", "Total charges $1,000.00", text, true},
		{"ocr digit confusion", "Date of Service: 03/14/2023", ocr, true},
		{"ocr rn/m and l/I", "Chief complaint: neck pain after motor vehicle collision.", ocr, true},
		{"ocr 1/l", "Assessment: cervical strain", ocr, true},
		{"ocr missing spaces", "suspected lumbarradiculopathy", ocr, true},
		{"ocr extra spaces", "sus pected lumbar radic ulopathy", ocr, true},
		{"ocr small typo tolerated", "discharged home in stable condltion with ibuprofn 600 mg", ocr, true},
		{"ocr wrong year not grounded", "Patient was seen 07/19/1980 and discharged", ocr, false},
		{"ocr wrong dose not grounded", "discharged home in stable condition with ibuprofen 800 mg", ocr, false},
		{"ocr extra digit not grounded", "discharged home in stable condition with ibuprofen 6000 mg", ocr, false},
		{"ocr too many edits", "patient was admitted to intensive care in critical condition", ocr, false},
		{"ocr negation cannot be dropped", "no acute fracture of the cervical spine identified",
			Page{Source: SourceOCR, Text: "Impression: acute fracture of the cervical spine identified."}, false},
		{"ocr negation cannot be swapped", "Patient denies loss of consciousness at the scene",
			Page{Source: SourceOCR, Text: "Patient admits loss of consciousness at the scene"}, false},
		{"ocr negation with confusions", "Patient denies loss of consciousness at the scene",
			Page{Source: SourceOCR, Text: "Patient denies Ioss of consciousness at the scene"}, true},
		{"number hyphenated at line end", "range 03-14", Page{Source: SourceText, Text: "range 03-\n14"}, true},
		{"ocr inserted negation", "There was no tenderness to palpation or no percussion up and down the thoracic spine",
			Page{Source: SourceOCR, Text: "There was no tenderness to palpation or\npercussion up and down the thoracic spine"}, false},
		{"ocr swapped word found elsewhere", "He had a right forearm fracture fracture ORIF, head laceration, and initially some symptoms",
			Page{Source: SourceOCR, Text: "He had a right forearm fracture with ORIF, head laceration, and initially some symptoms"}, false},
		{"ocr unit after changed number", "The central canal has been narrowed to 0mm",
			Page{Source: SourceOCR, Text: "The central canal has been narrowed\nto 7mm"}, false},
		{"ocr letter read as digit", "He then told the doctor that the interpretation was that he had a compression",
			Page{Source: SourceOCR, Text: "He then to1d the doctor that the interpretati0n was that he had a cornpression"}, true},
		{"error page", "neck pain after motor vehicle collision", Page{Source: SourceError, Text: note}, false},
		{"empty page", "neck pain after motor vehicle collision", Page{Source: SourceEmpty}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Grounded(tt.quote, tt.page); got != tt.want {
				t.Errorf("Grounded(%q) = %v, want %v", tt.quote, got, tt.want)
			}
		})
	}
	// One Grounder per page, reused across every quote in reverse order
	// (its normalised text and search index are cached after the first
	// quote), answers as a fresh Grounded call does.
	grounders := map[string]*Grounder{}
	for i := len(tests) - 1; i >= 0; i-- {
		tt := tests[i]
		key := string(tt.page.Source) + "\x00" + tt.page.Text
		g := grounders[key]
		if g == nil {
			g = NewGrounder(tt.page)
			grounders[key] = g
		}
		if got := g.Grounded(tt.quote); got != tt.want {
			t.Errorf("reused Grounder: %s: Grounded(%q) = %v, want %v", tt.name, tt.quote, got, tt.want)
		}
	}
}

func TestFindQuoteSpan(t *testing.T) {
	tests := []struct {
		name, quote, text string
		tolerant          bool
		want              string
	}{
		{"plain", "lumbar strain", "Dx: Lumbar  Strain, acute", false, "Lumbar  Strain"},
		{"hyphenated", "radiculopathy", "lumbar radi-\nculopathy noted", false, "radi-\nculopathy"},
		{"ligature maps back", "office visit", "\ufb00 of\ufb01ce visit", false, "of\ufb01ce visit"},
		{"ocr span", "motor vehicle", "after rnotor vehicIe crash", true, "rnotor vehicIe"},
		{"ocr fuzzy span", "discharged in stable condition", "was dischargd in stable condition today", true, "dischargd in stable condition"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e, ok := FindQuote(tt.quote, tt.text, tt.tolerant)
			if !ok {
				t.Fatalf("FindQuote(%q) not found", tt.quote)
			}
			if got := tt.text[s:e]; got != tt.want {
				t.Errorf("span = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFindQuoteLongPage checks that a long OCR page with no exact hit is
// still searched quickly and that an exact hit far into a page is found.
func TestFindQuoteLongPage(t *testing.T) {
	filler := strings.Repeat("Patient tolerated treatment well without complication. ", 120)
	text := filler + "Impression: mild disc bulge at L4-L5 without stenosis. " + filler
	if _, _, ok := FindQuote("mild disc bulge at L4-L5 without stenosis", text, false); !ok {
		t.Fatal("exact quote on a long page not found")
	}
	if _, _, ok := FindQuote("mild disc bu1ge at L4-L5 withont stenosis", text, true); !ok {
		t.Fatal("fuzzy quote on a long page not found")
	}
	if _, _, ok := FindQuote("mild disc bulge at L5-S1 without stenosis", text, true); ok {
		t.Fatal("a different level was grounded")
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Date: 03/14/2023", "03/14/2023"},
		{"Date: @3/14/2O23", "03/14/2023"},
		{"Total $1,000.00.", "1,000.00"},
		{"pain S/10 today", "5/10"},
		{"as a2 to4on a scale", "2 4"},
		{"the m0tor vehicle, cervica1 strain", ""},
		{"narrowed to 0mm", "0"},
		{"L4-L5 and C5-C6", "4 5 6"}, // a lone 5 after a letter may be a misread S
		{"no numbers here", ""},
	}
	for _, tt := range tests {
		if got := numbers(tt.in); got != tt.want {
			t.Errorf("numbers(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func BenchmarkFindQuoteFuzzy(b *testing.B) {
	text := strings.Repeat("Patient tolerated treatment well without complication. ", 80)
	for b.Loop() {
		FindQuote("patient reports worsening radicular symptoms in the left leg", text, true)
	}
}

// BenchmarkMatcherPrepare normalises a page of about 4 KB, as grounding
// does once for every cited page of a matter and keeps while the
// chronology is built: its B/op is what a page's Grounder holds.
func BenchmarkMatcherPrepare(b *testing.B) {
	text := strings.Repeat("04/12/2024  Cervical strain S13.4XXA; patient reports neck pain 6/10, improving.\n", 50)
	for _, tolerant := range []bool{false, true} {
		b.Run(map[bool]string{false: "text", true: "ocr"}[tolerant], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := NewMatcher(text, tolerant)
				// "patlent": OCR's l for i, found by the tolerant search only.
				quote := "Cervical strain S13.4XXA; patient reports neck pain 6/10, improving"
				if tolerant {
					quote = strings.Replace(quote, "patient", "patlent", 1)
				}
				if _, _, ok := m.Find(quote); !ok {
					b.Fatal("quote not found")
				}
			}
		})
	}
}
