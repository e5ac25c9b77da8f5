package extract

import "testing"

// ocrPage lays words out on one line, as the OCR layout does, with their
// confidences.
func ocrPage(words []string, conf []float64) Page {
	p := Page{Number: 1, Source: SourceOCR}
	for i, w := range words {
		if i > 0 {
			p.Text += "  "
		}
		p.Text += w
		p.Words = append(p.Words, Word{Text: w, Confidence: conf[i]})
	}
	return p
}

// TestGround: a quote is found or not as Grounded says; on an OCR page a
// quote found on doubtfully read words is flagged for a look.
func TestGround(t *testing.T) {
	words := []string{"Date", "of", "Service:", "03/14/2024", "Pain", "7/10"}
	tests := []struct {
		name      string
		page      Page
		quote     string
		found     bool
		exact     bool
		low       bool
		minConfAt float64
	}{
		{"text layer", Page{Number: 1, Source: SourceText, Text: "Date of Service: 03/14/2024"}, "Date of Service: 03/14/2024", true, true, false, 0},
		{"confident OCR", ocrPage(words, []float64{96, 95, 93, 91, 94, 92}), "Date of Service: 03/14/2024", true, true, false, 91},
		{"a doubtful date", ocrPage(words, []float64{96, 95, 93, 41, 94, 92}), "Date of Service: 03/14/2024", true, true, true, 41},
		{"doubtful words around a sure date", ocrPage(words, []float64{30, 35, 40, 95, 94, 92}), "Date of Service: 03/14/2024", true, true, true, 30},
		{"a doubtful word elsewhere", ocrPage(words, []float64{96, 95, 93, 91, 94, 20}), "Date of Service: 03/14/2024", true, true, false, 91},
		{"OCR edit within tolerance", ocrPage([]string{"Cervical", "radiculopathy,", "right", "side"}, []float64{90, 88, 91, 90}), "Cervical radiculopathy right side", true, false, false, 88},
		{"not on the page, however confident", ocrPage(words, []float64{99, 99, 99, 99, 99, 99}), "Date of Service: 03/15/2024", false, false, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Ground(tt.quote, tt.page)
			if g.Found != Grounded(tt.quote, tt.page) {
				t.Errorf("Found %v disagrees with Grounded", g.Found)
			}
			if g.Found != tt.found || g.Exact != tt.exact || g.LowConfidence != tt.low || g.MinConfidence != tt.minConfAt {
				t.Errorf("got %+v, want found %v exact %v low %v min %v", g, tt.found, tt.exact, tt.low, tt.minConfAt)
			}
			if g.Found && tt.page.Text[g.Start:g.End] == "" {
				t.Errorf("empty span")
			}
		})
	}
}
