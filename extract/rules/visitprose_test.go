package rules

import "testing"

// TestVisitProseOCRSpeck: OCR may read the space after "saw" as a point
// ("I saw.Ms. Doe for initial consultation on"); the words still give the
// date after them as the letter's visit. A real stop does not.
func TestVisitProseOCRSpeck(t *testing.T) {
	for _, tt := range []struct {
		pre  string
		want bool
	}{
		{"I saw.Ms. Doe for initial pain management consultation on ", true},
		{"I saw Ms. Doe for initial pain management consultation on ", true},
		{"I saw her last year. Her MRI was done on ", false},
	} {
		if got := visitProseText(tt.pre); got != tt.want {
			t.Errorf("%q: visit prose %v, want %v", tt.pre, got, tt.want)
		}
	}
}
