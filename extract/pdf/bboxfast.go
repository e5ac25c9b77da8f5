package pdf

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/medchron/medchron/extract"
)

// errUnusual is returned by parseBBoxFast for output that is not in the
// form pdftotext writes for ordinary text: parseBBox reads it instead.
var errUnusual = errors.New("pdftotext word boxes in an unusual form")

// parseBBoxFast reads pdftotext -bbox-layout output line by line, as
// pdftotext writes it (one element per line, attributes in a fixed order,
// word text escaped with the five XML entities), several times faster than
// the XML decoder of parseBBox. Its result is parseBBox's: anything it does
// not know for certain how the decoder would take (another entity, a
// control character, invalid UTF-8, a line of another shape) makes it
// return errUnusual, and the caller parses the output with parseBBox. It
// fails with errTooBig past limit bytes.
func parseBBoxFast(r io.Reader, limit int64) ([]bboxPage, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var (
		pages  []bboxPage
		read   int64
		closed bool // </html> read: only blank lines may follow
	)
	for {
		line, err := br.ReadSlice('\n')
		read += int64(len(line))
		if read > limit {
			return nil, errTooBig
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			return nil, errUnusual
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		l := bytes.TrimLeft(bytes.TrimSuffix(line, []byte("\n")), " ")
		switch {
		case closed && len(l) > 0:
			return nil, errUnusual
		case string(l) == "</html>":
			closed = true
		default:
			if perr := fastLine(l, &pages); perr != nil {
				return nil, perr
			}
		}
		if err != nil { // io.EOF
			if !closed {
				// Cut short: the decoder's error, if any, is parseBBox's to give.
				return nil, errUnusual
			}
			return pages, nil
		}
	}
}

// fastLine takes one line of output (without indentation or newline).
func fastLine(line []byte, pages *[]bboxPage) error {
	switch {
	case bytes.HasPrefix(line, []byte("<word ")):
		w, ok := wordLine(line)
		if !ok {
			return errUnusual
		}
		if w.Text != "" && len(*pages) > 0 {
			p := &(*pages)[len(*pages)-1]
			p.words = append(p.words, w)
		}
		return nil
	case bytes.HasPrefix(line, []byte("<page ")):
		vals, rest, ok := attrs(line[len("<page "):], "width", "height")
		if !ok || string(rest) != ">" {
			return errUnusual
		}
		*pages = append(*pages, bboxPage{width: vals[0], height: vals[1]})
		return nil
	case bytes.HasPrefix(line, []byte("<line ")), bytes.HasPrefix(line, []byte("<block ")):
		_, rest, ok := attrs(line[bytes.IndexByte(line, ' ')+1:], "xMin", "yMin", "xMax", "yMax")
		if !ok || string(rest) != ">" {
			return errUnusual
		}
		return nil
	}
	if plainLines[string(line)] || plainHead(line) {
		return nil
	}
	return errUnusual
}

// plainLines are the lines without attributes or text pdftotext writes.
var plainLines = map[string]bool{
	"": true, "<head>": true, "</head>": true, "<body>": true, "</body>": true, "<doc>": true, "</doc>": true,
	"<flow>": true, "</flow>": true, "</block>": true, "</line>": true, "</page>": true,
	`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">`: true,
}

// plainHead reports whether line is a title or meta line of the head
// whose text has nothing for the decoder to interpret or reject.
func plainHead(line []byte) bool {
	s := string(line)
	if t, ok := strings.CutPrefix(s, "<title>"); ok {
		t, ok = strings.CutSuffix(t, "</title>")
		return ok && plainText(t, `<>&`)
	}
	if m, ok := strings.CutPrefix(s, `<meta name="`); ok {
		m, ok = strings.CutSuffix(m, `"/>`)
		name, content, found := strings.Cut(m, `" content="`)
		return ok && found && plainText(name, `<>&"`) && plainText(content, `<>&"`)
	}
	return false
}

// plainText reports whether s is valid UTF-8 of characters XML allows,
// none of them in special, and neither a carriage return nor "]]>".
func plainText(s, special string) bool {
	if strings.ContainsAny(s, special) || strings.Contains(s, "]]>") {
		return false
	}
	for _, r := range s {
		if r == utf8.RuneError || !(r == '\t' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return false // U+FFFD itself is refused too, with invalid UTF-8
		}
	}
	return true
}

// wordLine reads <word xMin="…" yMin="…" xMax="…" yMax="…">text</word>.
func wordLine(line []byte) (extract.Word, bool) {
	vals, rest, ok := attrs(line[len("<word "):], "xMin", "yMin", "xMax", "yMax")
	if !ok || len(rest) == 0 || rest[0] != '>' {
		return extract.Word{}, false
	}
	text, ok := bytes.CutSuffix(rest[1:], []byte("</word>"))
	if !ok {
		return extract.Word{}, false
	}
	s, ok := unescape(string(text))
	if !ok {
		return extract.Word{}, false
	}
	return extract.Word{Text: strings.TrimSpace(s), Box: extract.Box{X0: vals[0], Y0: vals[1], X1: vals[2], Y1: vals[3]}}, true
}

// unescape decodes the five XML entities pdftotext writes; false for any
// other use of "&" or for text plainText refuses.
func unescape(s string) (string, bool) {
	if !plainText(s, "<>") {
		return "", false
	}
	if !strings.Contains(s, "&") {
		return s, true
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String(), true
		}
		b.WriteString(s[:i])
		s = s[i:]
		var found bool
		for _, e := range entities {
			if strings.HasPrefix(s, e.name) {
				b.WriteByte(e.char)
				s = s[len(e.name):]
				found = true
				break
			}
		}
		if !found {
			return "", false
		}
	}
}

var entities = []struct {
	name string
	char byte
}{{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}}

// attrs reads name="number" pairs, one space apart, in the order given,
// (four at most) and returns their values (as attrFloat reads them) and
// what follows.
func attrs(b []byte, names ...string) ([4]float64, []byte, bool) {
	var vals [4]float64
	if len(names) > len(vals) {
		return vals, nil, false
	}
	for i, name := range names {
		if i > 0 {
			if len(b) == 0 || b[0] != ' ' {
				return vals, nil, false
			}
			b = b[1:]
		}
		if len(b) < len(name)+2 || string(b[:len(name)]) != name || b[len(name)] != '=' || b[len(name)+1] != '"' {
			return vals, nil, false
		}
		b = b[len(name)+2:]
		end := bytes.IndexByte(b, '"')
		if end < 0 {
			return vals, nil, false
		}
		v := b[:end]
		for _, c := range v {
			if !('0' <= c && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
				return vals, nil, false // "nan", "inf", an entity: leave to the decoder
			}
		}
		f, err := strconv.ParseFloat(string(v), 64)
		if err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			vals[i] = f
		}
		b = b[end+1:]
	}
	return vals, b, true
}
