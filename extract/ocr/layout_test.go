package ocr

import (
	"math"
	"strings"
	"testing"
)

func TestLayout(t *testing.T) {
	// 300 DPI: a character is about 25 px wide.
	w := func(text string, x0, y0 int, block, line int, conf float64) rawWord {
		return rawWord{text: text, x0: x0, y0: y0, x1: x0 + 25*len(text), y1: y0 + 40, conf: conf, block: block, par: 1, line: line}
	}
	tests := []struct {
		name     string
		raw      []rawWord
		wantText string
		wantConf float64
	}{
		{
			name:     "one line",
			raw:      []rawWord{w("Neck", 300, 300, 1, 1, 90), w("pain", 435, 300, 1, 1, 80)},
			wantText: "Neck pain",
			wantConf: 85,
		},
		{
			name: "two lines of a block, then another block",
			raw: []rawWord{
				w("Date:", 300, 300, 1, 1, 90), w("03/14/2023", 460, 300, 1, 1, 90),
				w("Plan:", 300, 360, 1, 2, 90), w("rest", 460, 360, 1, 2, 90),
				w("Signed", 300, 600, 2, 1, 90),
			},
			wantText: "Date: 03/14/2023\nPlan: rest\n\nSigned",
			wantConf: 90,
		},
		{
			name: "table columns taken as blocks join into rows",
			raw: []rawWord{
				w("99213", 300, 300, 1, 1, 90), w("99214", 300, 360, 1, 2, 90),
				w("$150.00", 1300, 302, 2, 1, 90), w("$210.00", 1300, 362, 2, 2, 90),
			},
			wantText: "99213" + strings.Repeat(" ", 35) + "$150.00\n99214" + strings.Repeat(" ", 35) + "$210.00",
			wantConf: 90,
		},
		{
			// A fax tilted by a degree: Tesseract takes the date cell for a
			// block of its own and the rest of the row for a line whose
			// box grows as tall as its slope; the words facing each other
			// across the gap stand at one height.
			name: "a tilted table row joins its date cell",
			raw: []rawWord{
				w("01-02-2025", 260, 354, 1, 1, 90),
				w("10:00", 600, 362, 2, 1, 90), w("90837", 890, 368, 2, 1, 90), w("Kept", 1300, 378, 2, 1, 90),
				w("individual", 1450, 382, 2, 1, 90), w("person", 1740, 392, 2, 1, 90),
				w("S:", 600, 414, 2, 2, 90),
			},
			wantText: "01-02-2025" + strings.Repeat(" ", 4) + "10:00" + strings.Repeat(" ", 7) + "90837" + strings.Repeat(" ", 11) +
				"Kept  individual person\nS:",
			wantConf: 90,
		},
		{
			// The next row's words, a line lower, stay on their own row.
			name: "a cell alone and the next row",
			raw: []rawWord{
				w("01-09-2025", 260, 300, 1, 1, 90),
				w("10:00", 600, 352, 2, 1, 90), w("Completed", 890, 356, 2, 1, 90),
			},
			wantText: "01-09-2025\n\n" + strings.Repeat(" ", 0) + "10:00" + strings.Repeat(" ", 7) + "Completed",
			wantConf: 90,
		},
		{
			name:     "blank words dropped",
			raw:      []rawWord{w(" ", 10, 10, 1, 1, 0), w("ok", 300, 300, 1, 1, 70)},
			wantText: "ok",
			wantConf: 70,
		},
		{name: "nothing", raw: nil, wantText: "", wantConf: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, words, conf := layout(tt.raw, 300)
			if text != tt.wantText {
				t.Errorf("text = %q, want %q", text, tt.wantText)
			}
			if math.Abs(conf-tt.wantConf) > 1e-9 {
				t.Errorf("confidence = %v, want %v", conf, tt.wantConf)
			}
			lines := strings.Split(text, "\n")
			for _, wd := range words {
				if wd.Line >= len(lines) || !strings.Contains(lines[wd.Line], wd.Text) {
					t.Errorf("word %q says line %d, which does not hold it", wd.Text, wd.Line)
				}
			}
		})
	}
}

func TestLayoutPoints(t *testing.T) {
	_, words, _ := layout([]rawWord{{text: "MRI", x0: 300, y0: 600, x1: 450, y1: 650, conf: 95, block: 1, par: 1, line: 1}}, 300)
	if len(words) != 1 {
		t.Fatalf("words = %d", len(words))
	}
	// 300 px at 300 DPI is one inch: 72 points.
	b := words[0].Box
	if b.X0 != 72 || b.Y0 != 144 || b.X1 != 108 || b.Y1 != 156 {
		t.Errorf("box = %+v, want {72 144 108 156}", b)
	}
}
