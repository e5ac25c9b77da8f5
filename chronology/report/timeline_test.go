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

// TestTimeScaleCompressesHistory: records reaching years before the
// incident put that history in a narrow band at the left, so the incident
// and the treatment after it get most of the picture; a short history is
// drawn to one scale.
func TestTimeScaleCompressesHistory(t *testing.T) {
	d := func(s string) dates.Date { v, _ := dates.ParseISO(s); return v }
	incident := d("2023-03-14")
	xOf, focus, band := timeScale(d("2019-01-01"), d("2023-09-30"), incident)
	if !band || focus != d("2023-02-12") {
		t.Fatalf("four years of history: band %v, focus %s", band, focus)
	}
	plot := tlPlotX1 - tlPlotX0
	if x := xOf(focus); x-tlPlotX0 > bandShare*plot+0.01 {
		t.Errorf("the history band ends at %.1f, %.0f %% of the plot", x, (x-tlPlotX0)/plot*100)
	}
	if x := xOf(incident); (x-tlPlotX0)/plot > 0.3 {
		t.Errorf("the incident is drawn at %.0f %% of the plot, want the treatment after it to have most of it", (x-tlPlotX0)/plot*100)
	}
	if xOf(d("2019-01-01")) != tlPlotX0 || xOf(d("2023-09-30")) != tlPlotX1 || !(xOf(d("2021-01-01")) < xOf(d("2022-01-01"))) {
		t.Error("the scale does not run from the plot's left to its right, in date order")
	}
	if _, _, band := timeScale(d("2023-01-20"), d("2023-09-30"), incident); band {
		t.Error("two months of history were compressed")
	}
	if _, _, band := timeScale(d("2019-01-01"), d("2023-09-30"), dates.Date{}); band {
		t.Error("a matter without an incident date was compressed")
	}
}
