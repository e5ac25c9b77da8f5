package exhibit

import (
	"github.com/pdfcpu/pdfcpu/pkg/font"

	"github.com/medchron/medchron/extract"
)

// Stamp placement. The Bates number goes at the bottom right and the
// footer at the bottom left, a quarter inch in from the edges of the page
// as displayed — unless something is printed there (text, a logo's words,
// the sender's own Bates stamp): then the first free place of a short list
// is taken (lower in the margin, the top corners, the middle of the
// bottom edge). When no place is free, the page's content is shrunk
// towards its top edge, clearing a band at the bottom for the stamps: they
// never cover what the records print.
const (
	stampInset = 18.0 // points from the edges, a quarter inch
	stampLow   = 10.0 // the lower place in the bottom margin
	stampPad   = 2.0  // clearance around a stamp
	ascent     = 0.75 // of the stamp font's size: above the baseline (capitals, digits)
	descent    = 0.22 // below it
	shrinkBand = 30.0 // the band a shrunk page clears at its bottom
	minShrink  = 0.9  // a page is never shrunk below this scale
)

// placedStamp is a stamp's position on the displayed page (origin bottom
// left), its baseline at y.
type placedStamp struct {
	stampText
	x, y float64
}

// layout is how a page is stamped: the stamps' places and, when no place
// was free, the scale its content is shrunk by (1: not shrunk).
type layout struct {
	stamps []placedStamp
	shrink float64
}

// textWidth is the width of s in the stamp font.
func textWidth(s string, size float64) float64 {
	tw, err := font.TextWidthFloat(s, "Helvetica", size)
	if err != nil {
		return 0.6 * size * float64(len(s))
	}
	return tw
}

// rectBL is a rectangle on the displayed page, origin bottom left.
type rectBL struct{ x0, y0, x1, y1 float64 }

func (a rectBL) overlaps(b rectBL) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// placeStamps chooses the stamps' places on a displayed page of w × h
// points whose printed words are words (extract.Box: points from the top
// left; nil when unknown, and then the stamps take their usual places).
func placeStamps(w, h float64, stamps []stampText, words []extract.Box) layout {
	taken := make([]rectBL, 0, len(words)+len(stamps))
	for _, b := range words {
		taken = append(taken, rectBL{b.X0, h - b.Y1, b.X1, h - b.Y0})
	}
	out := layout{shrink: 1}
	for _, s := range stamps {
		tw := textWidth(s.text, s.size)
		var cands [][2]float64
		if s.right {
			cands = [][2]float64{{w - stampInset - tw, stampInset}, {w - stampInset - tw, stampLow},
				{w - stampInset - tw, h - stampInset - s.size}, {(w - tw) / 2, stampInset}, {(w - tw) / 2, stampLow}}
		} else {
			cands = [][2]float64{{stampInset, stampInset}, {stampInset, stampLow},
				{stampInset, h - stampInset - s.size}, {(w - tw) / 2, h - stampInset - s.size}}
		}
		placed := false
		for _, c := range cands {
			r := rectBL{c[0] - stampPad, c[1] - descent*s.size - stampPad, c[0] + tw + stampPad, c[1] + ascent*s.size + stampPad}
			if free(r, taken) {
				out.stamps = append(out.stamps, placedStamp{s, c[0], c[1]})
				taken = append(taken, r)
				placed = true
				break
			}
		}
		if !placed {
			return shrunk(w, h, stamps)
		}
	}
	return out
}

func free(r rectBL, taken []rectBL) bool {
	for _, t := range taken {
		if r.overlaps(t) {
			return false
		}
	}
	return true
}

// shrunk lays out a page without a free place: its content scaled about
// the middle of its top edge so that a band of shrinkBand points clears at
// the bottom, the stamps in their usual places inside it.
func shrunk(w, h float64, stamps []stampText) layout {
	out := layout{shrink: max(minShrink, (h-shrinkBand)/h)}
	for _, s := range stamps {
		x := stampInset
		if s.right {
			x = w - stampInset - textWidth(s.text, s.size)
		}
		out.stamps = append(out.stamps, placedStamp{s, x, stampLow})
	}
	return out
}
