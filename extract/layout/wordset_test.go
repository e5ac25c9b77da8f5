package layout

import "testing"

func TestWordSet(t *testing.T) {
	w := &WordSet{}
	w.Add(1, "fax", "page")
	w.Add(2, "printed", " ste ")
	tests := []struct {
		s    string
		want uint32
	}{
		{"FAX received 03/04/2024", 1},
		{"Printed on 03/05/2024   Page 1 of 2", 3},
		{"12 Main Street, Suite 4", 0},
		{"12 Main St Ste 4", 2},
		{"nothing here", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := w.Tags(tt.s); got != tt.want {
			t.Errorf("Tags(%q) = %d, want %d", tt.s, got, tt.want)
		}
		if w.In(tt.s) != (tt.want != 0) {
			t.Errorf("In(%q) = %v", tt.s, w.In(tt.s))
		}
	}
}
