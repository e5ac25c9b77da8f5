package exhibit

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The stamps: 9-point black Helvetica, a quarter inch in from the bottom
// corners, in the margin where Bates numbers are expected, drawn on top of
// the page without a background so that they hide as little as possible.
const (
	batesDesc  = "font:Helvetica, points:9, scale:1 abs, pos:br, off:-18 18, rot:0, fillcolor:#000000, opacity:1"
	footerDesc = "font:Helvetica, points:8, scale:1 abs, pos:bl, off:18 18, rot:0, fillcolor:#000000, opacity:1"
)

// stamp stamps every page of dest with its Bates number, and with footer
// when it is not empty, in one pass over the merged document.
func stamp(dest *model.Context, parts []placed, prefix, footer string) error {
	if err := wrapContents(dest); err != nil {
		return err
	}
	// One footer stamp for all pages: pdfcpu then draws it from one form
	// XObject per page size instead of one per page.
	var foot *model.Watermark
	if footer != "" {
		var err error
		if foot, err = textStamp(footer, footerDesc); err != nil {
			return err
		}
	}
	wms := make(map[int][]*model.Watermark, dest.PageCount)
	for _, p := range parts {
		for i := range p.pages {
			page := p.start + i
			b, err := textStamp(Bates(prefix, p.bates+i), batesDesc)
			if err != nil {
				return err
			}
			wms[page] = []*model.Watermark{b}
			if foot != nil {
				wms[page] = append(wms[page], foot)
			}
		}
	}
	return pdfcpu.AddWatermarksSliceMap(dest, wms)
}

// textStamp is a pdfcpu text stamp (drawn over the page) of text.
func textStamp(text, desc string) (*model.Watermark, error) {
	// pdfcpu reads "%" as the start of a placeholder (%p is the page
	// number) and has no reliable escape for it.
	if strings.Contains(text, "%") {
		return nil, fmt.Errorf("stamp text may not contain %%")
	}
	wm, err := api.TextWatermark(text, desc, true, false, types.POINTS)
	if err != nil {
		return nil, fmt.Errorf("stamp %q: %w", text, err)
	}
	return wm, nil
}

// footerText checks the footer and maps it to what the stamp font (a
// standard Type 1 font, Latin-1 only) can show.
func footerText(s string) (string, error) {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > MaxFooter {
		return "", fmt.Errorf("footer is longer than %d characters", MaxFooter)
	}
	if strings.ContainsAny(s, "\r\n") {
		return "", fmt.Errorf("footer must be one line")
	}
	if strings.Contains(s, "%") {
		return "", fmt.Errorf("footer may not contain %%")
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '—' || r == '–' || r == '‐' || r == '−':
			b.WriteByte('-')
		case r == '‘' || r == '’':
			b.WriteByte('\'')
		case r == '“' || r == '”':
			b.WriteByte('"')
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r > 0xff:
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), nil
}

// wrapContents puts a new, empty, unfiltered content stream in front of
// every page's content. pdfcpu stamps a page by editing its first content
// stream (wrapping it in q … Q), which has two costs this avoids: the
// page's own content would be decompressed and compressed again, and pages
// that share one content stream (identical blank pages, some scanners)
// would get each other's Bates numbers or none, since pdfcpu edits a
// stream once per stamp.
func wrapContents(ctx *model.Context) error {
	for page := 1; page <= ctx.PageCount; page++ {
		d, _, _, err := ctx.PageDict(page, false)
		if err != nil {
			return fmt.Errorf("page %d: %w", page, err)
		}
		if d == nil {
			return fmt.Errorf("page %d: no page dictionary", page)
		}
		var rest types.Array
		switch c := d["Contents"].(type) {
		case nil:
			continue // pdfcpu adds a content stream for the stamp
		case types.Array:
			rest = c
		default:
			rest = types.Array{c}
		}
		var zero int64
		empty := types.StreamDict{Dict: types.Dict{"Length": types.Integer(0)}, StreamLength: &zero, Raw: []byte{}, Content: []byte{}}
		ref, err := ctx.IndRefForNewObject(empty)
		if err != nil {
			return fmt.Errorf("page %d: %w", page, err)
		}
		d["Contents"] = append(types.Array{*ref}, rest...)
	}
	return nil
}
