package rows

import (
	"bytes"
	"strconv"
	"unicode/utf8"

	"github.com/medchron/medchron/extract"
)

// wordsFast decodes word boxes in the form json.Marshal writes them:
// [{"t":"…","b":{"x0":…,"y0":…,"x1":…,"y1":…},"c":…,"l":…},…], "c" left
// out when zero, texts without escapes. It gives what json.Unmarshal gives
// for them, some five times faster (a page of a long document holds
// hundreds of words); ok is false for anything else (escapes, spaces,
// another order of keys, as PostgreSQL's jsonb writes them), which
// encoding/json then reads.
func wordsFast(data []byte) (words []extract.Word, ok bool) {
	d := wordDecoder{data: data}
	if !d.lit("[") {
		return nil, false
	}
	words = make([]extract.Word, 0, bytes.Count(data, []byte(`{"t":`)))
	for {
		var w extract.Word
		if !d.lit(`{"t":"`) || !d.text(&w.Text) ||
			!d.lit(`","b":{"x0":`) || !d.float(&w.Box.X0) ||
			!d.lit(`,"y0":`) || !d.float(&w.Box.Y0) ||
			!d.lit(`,"x1":`) || !d.float(&w.Box.X1) ||
			!d.lit(`,"y1":`) || !d.float(&w.Box.Y1) || !d.lit("}") {
			return nil, false
		}
		if d.lit(`,"c":`) && !d.float(&w.Confidence) {
			return nil, false
		}
		if !d.lit(`,"l":`) || !d.int(&w.Line) || !d.lit("}") {
			return nil, false
		}
		words = append(words, w)
		if d.lit("]") {
			return words, d.pos == len(d.data)
		}
		if !d.lit(",") {
			return nil, false
		}
	}
}

// wordDecoder is a cursor over the JSON wordsFast reads.
type wordDecoder struct {
	data []byte
	pos  int
}

// lit consumes s if the input continues with it.
func (d *wordDecoder) lit(s string) bool {
	if !bytes.HasPrefix(d.data[d.pos:], []byte(s)) {
		return false
	}
	d.pos += len(s)
	return true
}

// text reads a string's content up to its closing quote (left in place):
// valid UTF-8 without escapes or control characters.
func (d *wordDecoder) text(s *string) bool {
	end := bytes.IndexByte(d.data[d.pos:], '"')
	if end < 0 {
		return false
	}
	b := d.data[d.pos : d.pos+end]
	for _, c := range b {
		if c == '\\' || c < 0x20 {
			return false
		}
	}
	if !utf8.Valid(b) {
		return false
	}
	*s = string(b)
	d.pos += end
	return true
}

// number returns the characters of a JSON number at the cursor.
func (d *wordDecoder) number() []byte {
	start := d.pos
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		if c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			d.pos++
			continue
		}
		break
	}
	return d.data[start:d.pos]
}

// float reads a number as encoding/json does into a float64.
func (d *wordDecoder) float(f *float64) bool {
	n := d.number()
	if !jsonNumber(n) {
		return false
	}
	v, err := strconv.ParseFloat(string(n), 64)
	*f = v
	return err == nil
}

// int reads an integer as encoding/json does into an int.
func (d *wordDecoder) int(i *int) bool {
	n := d.number()
	if !jsonNumber(n) {
		return false
	}
	v, err := strconv.ParseInt(string(n), 10, 0)
	*i = int(v)
	return err == nil
}

// jsonNumber reports whether n is a number in JSON's grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func jsonNumber(n []byte) bool {
	i := 0
	if i < len(n) && n[i] == '-' {
		i++
	}
	digits := func() int {
		start := i
		for i < len(n) && n[i] >= '0' && n[i] <= '9' {
			i++
		}
		return i - start
	}
	switch {
	case i < len(n) && n[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(n) && n[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(n) && (n[i] == 'e' || n[i] == 'E') {
		i++
		if i < len(n) && (n[i] == '+' || n[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(n)
}
