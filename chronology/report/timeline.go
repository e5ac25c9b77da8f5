package report

import (
	"fmt"
	"html/template"
	"strings"
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
	Width, Height   string
	PlotX0, PlotX1  string
	LanesTop, AxisY string
	Lanes           []tlLane
	Marks           []tlMark
	Spans           []tlRect
	Gaps            []tlRect
	Ticks           []tlTick
	Incident        *tlTick
	// Band is the earlier history drawn compressed at the left (nil when
	// the whole span is drawn to one scale), BandLabel its years.
	Band              *tlRect
	BandLabel         *tlTick
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
	xOf, focus, band := timeScale(start, end, c.Matter.DateOfIncident)

	lanes, laneOf := laneOrder(c)
	height := tlTop + float64(len(lanes))*tlLaneH + tlAxisH
	axisY := tlTop + float64(len(lanes))*tlLaneH
	t := &timeline{
		Width: fnum(tlWidth), Height: fnum(height), ViewBox: fmt.Sprintf("0 0 %.0f %.0f", tlWidth, height),
		PlotX0: fnum(tlPlotX0), PlotX1: fnum(tlPlotX1), LanesTop: fnum(tlTop), AxisY: fnum(axisY),
		Undated: len(c.UndatedEntries),
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
	for _, tk := range ticks(focus, end) {
		t.Ticks = append(t.Ticks, tlTick{X: fnum(xOf(tk.d)), Label: tk.label})
	}
	if band {
		x1 := xOf(focus)
		t.Band = &tlRect{X: fnum(tlPlotX0), Y: fnum(tlTop), W: fnum(x1 - tlPlotX0), H: fnum(axisY - tlTop),
			Title: fmt.Sprintf("Earlier history, compressed: %s to %s", start.AddDays(7), focus)}
		t.BandLabel = &tlTick{X: fnum((tlPlotX0 + x1) / 2), Label: fmt.Sprintf("%d–%d", start.AddDays(7).Year, focus.Year)}
		if start.AddDays(7).Year == focus.Year {
			t.BandLabel.Label = fmt.Sprint(focus.Year)
		}
	}
	if doi := c.Matter.DateOfIncident; !doi.IsZero() {
		t.Incident = &tlTick{X: fnum(xOf(doi)), Label: "Incident " + doi.String()}
	}
	return t
}

// Earlier history: when the records reach back far before the incident,
// the time before focusBefore days ahead of it is drawn compressed in a
// band of bandShare of the plot's width, so that the incident and the
// treatment after it get the rest of the picture.
const (
	focusBefore = 30
	bandShare   = 0.14
	// compressOver: the history is compressed when it would take more than
	// this share of the plot at one scale.
	compressOver = 0.3
)

// timeScale maps dates to x between tlPlotX0 and tlPlotX1 for a picture
// from start to end; focus is where the uncompressed part begins (start
// when nothing is compressed) and band whether a compressed band is drawn.
func timeScale(start, end, incident dates.Date) (xOf func(dates.Date) float64, focus dates.Date, band bool) {
	linear := func(from, to dates.Date, x0, x1 float64) func(dates.Date) float64 {
		span := max(1, float64(from.DaysUntil(to)))
		return func(d dates.Date) float64 { return x0 + float64(from.DaysUntil(d))/span*(x1-x0) }
	}
	all := linear(start, end, tlPlotX0, tlPlotX1)
	if incident.IsZero() {
		return all, start, false
	}
	focus = incident.AddDays(-focusBefore)
	total := float64(start.DaysUntil(end))
	if !start.Before(focus) || !focus.Before(end) || float64(start.DaysUntil(focus))/total <= compressOver {
		return all, start, false
	}
	split := tlPlotX0 + bandShare*(tlPlotX1-tlPlotX0)
	early, late := linear(start, focus, tlPlotX0, split), linear(focus, end, split, tlPlotX1)
	return func(d dates.Date) float64 {
		if d.Before(focus) {
			return early(d)
		}
		return late(d)
	}, focus, true
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

// entryClass names an entry's state for CSS: "pre", "ungrounded",
// "rejected" or "ok".
func entryClass(e chronology.Entry) string {
	switch {
	case e.Review == chronology.ReviewRejected:
		return "rejected"
	case !e.Grounded:
		return "ungrounded"
	case e.PreIncident:
		return "pre"
	}
	return "ok"
}

// timelineSVG draws the timeline for pages that load their styles from a
// stylesheet and forbid inline ones (a strict Content-Security-Policy):
// colours are SVG presentation attributes, classes allow restyling.
var timelineSVG = template.Must(template.New("timeline.svg").Funcs(template.FuncMap{"markPaint": markPaint}).Parse(`<svg class="timeline" viewBox="{{.ViewBox}}" width="{{.Width}}" height="{{.Height}}" role="img" aria-label="Treatment timeline by provider" xmlns="http://www.w3.org/2000/svg">
{{- range .Lanes}}
<g class="lane"><rect class="{{if .Odd}}lane-odd{{else}}lane-even{{end}}" x="0" y="{{.Y}}" width="100%" height="26" fill="{{if .Odd}}#f6f8fb{{else}}#ffffff{{end}}"></rect><text class="lane-label" x="6" y="{{.TextY}}" font-size="11" fill="#1d2733"><title>{{.Title}}</title>{{.Label}}</text></g>
{{- end}}
{{- with .Band}}
<rect class="history-band" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" fill="#e9edf2" fill-opacity=".8"><title>{{.Title}}</title></rect>
{{- end}}
{{- with .BandLabel}}
<text class="band-label" x="{{.X}}" y="{{$.AxisY}}" dy="16" font-size="10" fill="#5b6675" text-anchor="middle">{{.Label}} ≈</text>
{{- end}}
{{- range .Gaps}}
<rect class="gap" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" fill="#c9d1dc" fill-opacity=".55"><title>{{.Title}}</title></rect>
{{- end}}
{{- $axis := .AxisY}}{{$top := .LanesTop}}
{{- range .Ticks}}
<line class="tick" x1="{{.X}}" x2="{{.X}}" y1="{{$top}}" y2="{{$axis}}" stroke="#c3cad4"></line><text class="tick-label" x="{{.X}}" y="{{$axis}}" dy="16" font-size="10" fill="#5b6675" text-anchor="middle">{{.Label}}</text>
{{- end}}
<line class="axis" x1="{{.PlotX0}}" x2="{{.PlotX1}}" y1="{{.AxisY}}" y2="{{.AxisY}}" stroke="#6b7785"></line>
{{- with .Incident}}
<line class="incident" x1="{{.X}}" x2="{{.X}}" y1="14" y2="{{$axis}}" stroke="#c1121f" stroke-width="2" stroke-dasharray="5 3"></line><text class="incident-label" x="{{.X}}" y="11" font-size="11" font-weight="bold" fill="#c1121f" text-anchor="middle">{{.Label}}</text>
{{- end}}
{{- range .Spans}}
<rect class="span" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" fill="#6f8fb8"></rect>
{{- end}}
{{- range .Marks}}
<a href="{{.Href}}"><circle class="{{.Class}}" cx="{{.X}}" cy="{{.Y}}" r="6" {{markPaint .Class}}><title>{{.Title}}</title></circle></a>
{{- end}}
</svg>`))

// markPaint returns the presentation attributes of a mark of class cls.
func markPaint(cls string) template.HTMLAttr {
	switch cls {
	case "mark pre":
		return `fill="#8a5a00" stroke="#ffffff" stroke-width="1.5"`
	case "mark ungrounded":
		return `fill="#ffffff" stroke="#a4161a" stroke-width="2"`
	case "mark rejected":
		return `fill="#9aa6b5" stroke="#ffffff" stroke-width="1.5"`
	}
	return `fill="#1f4e8c" stroke="#ffffff" stroke-width="1.5"`
}

// TimelineSVG returns the treatment timeline of c (providers as lanes,
// visits as marks, gaps shaded, the incident as a dashed line) as an inline
// SVG element for a web page, the same picture as WriteHTML's. Colours are
// presentation attributes, so the picture needs no inline style. href
// gives each mark's link; nil links marks to "#entry-{id}". It returns ""
// when no entry is dated.
func TimelineSVG(c chronology.Chronology, href func(chronology.Entry) string) (template.HTML, error) {
	t := buildTimeline(c)
	if t == nil {
		return "", nil
	}
	if href != nil {
		i := 0
		for _, e := range c.Entries {
			if e.Date.IsZero() {
				continue
			}
			t.Marks[i].Href = href(e)
			i++
		}
	}
	var b strings.Builder
	if err := timelineSVG.Execute(&b, t); err != nil {
		return "", fmt.Errorf("draw the timeline: %w", err)
	}
	return template.HTML(b.String()), nil
}
