package layout

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract/dates"
)

// TestSentenceDates: a narrative tells each visit in a sentence that opens
// on its date, also after its day of the week or "or about", and also when
// the "On" ends the line above; a date inside a sentence ("a collision on
// ...") opens none.
func TestSentenceDates(t *testing.T) {
	tests := []struct {
		prev, line string
		want       int
	}{
		{"", "On 05/17/2023, I saw Ms. Doe for the initial consultation.", 1},
		{"", "On Wednesday, July 5, 2023, she returned for follow-up.", 1},
		{"", "On or about 07/05/2023 she returned for follow-up.", 1},
		{"", "The neck pain was improving. On 07/19/2023, she called.", 1},
		{"The neck pain was improving. On", "07/19/2023, she called to report a flare-up.", 1},
		{"", "injuries sustained in a motor vehicle collision on 05/06/2023.", 0},
		{"", "She was seen on Monday, 05/08/2023 at urgent care.", 0},
	}
	for _, tt := range tests {
		l := &Line{Text: tt.line, Trim: strings.TrimSpace(tt.line), Dates: FindDates(tt.line)}
		seen := map[dates.Date]bool{}
		sentenceDates(l, tt.prev, seen)
		if len(seen) != tt.want {
			t.Errorf("%q after %q: %d dates, want %d", tt.line, tt.prev, len(seen), tt.want)
		}
	}
}
