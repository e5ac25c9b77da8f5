package layout

import "testing"

// TestOCRWord: a word OCR misread by one confusion of letters alike is the
// lexicon's word it stands for; a short word, a word the lexicon holds and
// a word no one confusion makes a lexicon word of stay as read.
func TestOCRWord(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"retease", "release"},
		{"beriefits", "benefits"},
		{"authorizatiort", "authorizatiort"}, // two confusions away
		{"release", "release"},
		{"lab", "lab"},
		{"tab", "tab"},
		{"fracture", "fracture"},
	} {
		if got := ocrWord(tt.in); got != tt.want {
			t.Errorf("ocrWord(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
