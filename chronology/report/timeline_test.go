package report

import (
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/extract/dates"
)

func TestTicks(t *testing.T) {
	d := dates.New
	tests := []struct {
		name        string
		start, end  dates.Date
		first, last string
		n           int
	}{
		{"weekly", d(2023, time.March, 7), d(2023, time.April, 20), "Mar 10", "Apr 14", 6},
		{"monthly", d(2023, time.March, 7), d(2023, time.July, 25), "Apr 2023", "Jul 2023", 4},
		{"two-monthly", d(2022, time.May, 26), d(2023, time.July, 25), "Jun 2022", "Jun 2023", 7},
		{"quarterly", d(2021, time.May, 1), d(2023, time.July, 25), "Jul 2021", "Jul 2023", 9},
		{"yearly", d(2015, time.May, 1), d(2023, time.July, 25), "Jan 2016", "Jan 2023", 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ticks(tt.start, tt.end)
			var labels []string
			for _, tk := range got {
				labels = append(labels, tk.label)
				if tk.d.Before(tt.start) || tk.d.After(tt.end) {
					t.Errorf("tick %s outside %s..%s", tk.d, tt.start, tt.end)
				}
			}
			if len(got) != tt.n || labels[0] != tt.first || labels[len(labels)-1] != tt.last {
				t.Errorf("ticks = %s, want %d from %s to %s", strings.Join(labels, ", "), tt.n, tt.first, tt.last)
			}
		})
	}
}
