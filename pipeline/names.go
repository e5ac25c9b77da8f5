package pipeline

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxNameBytes bounds a cleaned file name.
const MaxNameBytes = 200

// CleanName makes an uploaded file's name safe to store and show: its
// base name only (no folders, either slash), valid UTF-8, without control
// or format characters (which could rewrite a terminal or reorder text
// with bidirectional overrides), spaces collapsed, at most MaxNameBytes
// long; "upload.pdf" when nothing is left. The same name always cleans
// the same way.
func CleanName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(name)
	name = strings.ToValidUTF8(name, "")
	var b strings.Builder
	space := false
	for _, r := range name {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == utf8.RuneError:
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	out := b.String()
	if len(out) > MaxNameBytes {
		ext := path.Ext(out)
		if len(ext) > 16 || !utf8.ValidString(ext) {
			ext = ""
		}
		cut := MaxNameBytes - len(ext)
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		out = out[:cut] + ext
	}
	out = strings.Trim(out, " .")
	if out == "" || out == "/" {
		return "upload.pdf"
	}
	return out
}

// CleanText makes a short text a person typed (a matter's name, a
// client's) safe to store and show: valid UTF-8, without control or
// format characters, spaces collapsed and trimmed.
func CleanText(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsControl(r) && !unicode.IsSpace(r), unicode.Is(unicode.Cf, r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
