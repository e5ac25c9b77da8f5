package report

import (
	"fmt"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
)

// Timeline geometry, in SVG user units.
const (
	tlWidth   = 960.0
	tlPlotX0  = 230.0
	tlPlotX1  = 940.0
	tlTop     = 30.0
	tlLaneH   = 26.0
	tlAxisH   = 34.0
	tlLabelCh = 34 // longest lane label before it is shortened
)

// timeline is the treatment timeline picture: one lane per provider, one
// mark per dated entry, shaded gaps, a date axis and the incident date.
type timeline struct {
	Width, Height     string
	PlotX0, PlotX1    string
	LanesTop, AxisY   string
	Lanes             []tlLane
	Marks             []tlMark
	Spans             []tlRect
	Gaps              []tlRect
	Ticks             []tlTick
	Incident          *tlTick
	Undated           int
	ViewBox           string
	IncidentLabelY    string
	IncidentLabelText string
}

type tlLane struct {
	Y, TextY, Label, Title string
	Odd                    bool
}

type tlMark struct {
	X, Y, Class, Title, Href string
}

type tlRect struct {
	X, Y, W, H, Title string
}

type tlTick struct {
	X, Label string
}

func fnum(v float64) string { return fmt.Sprintf("%.1f", v) }

// buildTimeline lays out the picture; it returns nil when no entry is dated.
func buildTimeline(c chronology.Chronology) *timeline {
	first, last, ok := dateRange(c)
	if !ok {
		return nil
	}
	start, end := first.AddDays(-7), last.AddDays(7)
	span := float64(start.DaysUntil(end))
	xOf := func(d dates.Date) float64 {
		return tlPlotX0 + float64(start.DaysUntil(d))/span*(tlPlotX1-tlPlotX0)
	}

	lanes, laneOf := laneOrder(c)
	height := tlTop + float64(len(lanes))*tlLaneH + tlAxisH
	axisY := tlTop + float64(len(lanes))*tlLaneH
	t := &timeline{
		Width: fnum(tlWidth), Height: fnum(height), ViewBox: fmt.Sprintf("0 0 %.0f %.0f", tlWidth, height),
		PlotX0: fnum(tlPlotX0), PlotX1: fnum(tlPlotX1), LanesTop: fnum(tlTop), AxisY: fnum(axisY),
	}
	for i, name := range lanes {
		y := tlTop + float64(i)*tlLaneH
		t.Lanes = append(t.Lanes, tlLane{Y: fnum(y), TextY: fnum(y + tlLaneH/2 + 4), Label: shorten(name, tlLabelCh), Title: name, Odd: i%2 == 1})
	}
	for _, g := range c.Gaps {
		if g.From.IsZero() || g.To.IsZero() {
			continue
		}
		x0, x1 := xOf(g.From), xOf(g.To)
		t.Gaps = append(t.Gaps, tlRect{X: fnum(x0), Y: fnum(tlTop), W: fnum(x1 - x0), H: fnum(axisY - tlTop),
			Title: fmt.Sprintf("Gap in treatment: %d days, %s to %s", g.Days, g.From, g.To)})
	}
	for _, e := range c.Entries {
		if e.Date.IsZero() {
			t.Undated++
			continue
		}
		y := tlTop + float64(laneOf[laneKey(e)])*tlLaneH + tlLaneH/2
		if !e.EndDate.IsZero() && e.EndDate.After(e.Date) {
			x0, x1 := xOf(e.Date), xOf(e.EndDate)
			t.Spans = append(t.Spans, tlRect{X: fnum(x0), Y: fnum(y - 3), W: fnum(x1 - x0), H: "6"})
		}
		title := e.Date.String() + " " + e.Provider
		if e.VisitType != "" {
			title += " — " + e.VisitType
		}
		t.Marks = append(t.Marks, tlMark{X: fnum(xOf(e.Date)), Y: fnum(y), Class: "mark " + entryClass(e), Title: title, Href: "#entry-" + e.ID})
	}
	for _, tk := range ticks(start, end) {
		t.Ticks = append(t.Ticks, tlTick{X: fnum(xOf(tk.d)), Label: tk.label})
	}
	if doi := c.Matter.DateOfIncident; !doi.IsZero() {
		t.Incident = &tlTick{X: fnum(xOf(doi)), Label: "Incident " + doi.String()}
	}
	return t
}

// dateRange returns the earliest and latest dates of the entries, gaps and
// incident.
func dateRange(c chronology.Chronology) (first, last dates.Date, ok bool) {
	see := func(d dates.Date) {
		if d.IsZero() {
			return
		}
		if !ok || d.Before(first) {
			first = d
		}
		if !ok || d.After(last) {
			last = d
		}
		ok = true
	}
	var dated bool
	for _, e := range c.Entries {
		if !e.Date.IsZero() {
			dated = true
		}
		see(e.Date)
		see(e.EndDate)
	}
	if !dated {
		return first, last, false
	}
	see(c.Matter.DateOfIncident)
	for _, g := range c.Gaps {
		see(g.From)
		see(g.To)
	}
	return first, last, ok
}

func laneKey(e chronology.Entry) string {
	if e.ProviderID != "" {
		return e.ProviderID
	}
	return "name:" + e.Provider
}

// laneOrder returns the lane names in order of each provider's first entry
// and the lane index of each lane key.
func laneOrder(c chronology.Chronology) ([]string, map[string]int) {
	var names []string
	idx := map[string]int{}
	type first struct {
		key, name string
		d         dates.Date
	}
	var firsts []first
	for _, e := range c.Entries {
		if e.Date.IsZero() {
			continue
		}
		k := laneKey(e)
		if _, ok := idx[k]; ok {
			continue
		}
		idx[k] = -1
		firsts = append(firsts, first{k, e.Provider, e.Date})
	}
	// Entries are meant to be ordered by date, but do not rely on it.
	for i := 1; i < len(firsts); i++ {
		for j := i; j > 0 && firsts[j].d.Before(firsts[j-1].d); j-- {
			firsts[j], firsts[j-1] = firsts[j-1], firsts[j]
		}
	}
	for i, f := range firsts {
		idx[f.key] = i
		names = append(names, f.name)
	}
	return names, idx
}

type tick struct {
	d     dates.Date
	label string
}

// ticks returns axis ticks between start and end: weekly for short spans,
// otherwise on the first of every 1, 2, 3, 6 or 12 months so that at most
// about ten are labelled.
func ticks(start, end dates.Date) []tick {
	days := start.DaysUntil(end)
	var out []tick
	if days <= 70 {
		for d := start.AddDays(3); d.Before(end); d = d.AddDays(7) {
			out = append(out, tick{d, d.Time().Format("Jan 2")})
		}
		return out
	}
	months := days / 30
	step := 12
	for _, s := range []int{1, 2, 3, 6, 12} {
		if months/s <= 10 {
			step = s
			break
		}
	}
	for months/step > 10 {
		step += 12
	}
	m := time.Date(start.Year, start.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	// Align coarse steps to calendar quarters, halves and years.
	for step >= 3 && (int(m.Month())-1)%min(step, 12) != 0 {
		m = m.AddDate(0, 1, 0)
	}
	for ; m.Before(end.Time()); m = m.AddDate(0, step, 0) {
		out = append(out, tick{dates.Of(m), m.Format("Jan 2006")})
	}
	return out
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// entryClass names an entry's state for CSS: "pre", "unverified",
// "rejected" or "ok".
func entryClass(e chronology.Entry) string {
	switch {
	case e.Review == chronology.ReviewRejected:
		return "rejected"
	case !e.Verified:
		return "unverified"
	case e.PreIncident:
		return "pre"
	}
	return "ok"
}
