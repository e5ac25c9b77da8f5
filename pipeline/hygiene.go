package pipeline

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/store"
)

// MaxErrorText bounds an error message the pipeline stores, logs or hands
// to River.
const MaxErrorText = 300

// scrubbed is what record text in an error message is replaced with.
const scrubbed = "[record text]"

// SafeError returns err's message fit to store in a document's status, a
// job row or a log line: control characters dropped, any run of words it
// shares with the record texts (an endpoint echoing its input, say)
// replaced by "[record text]", and at most MaxErrorText bytes. With no
// texts it only cleans and shortens.
func SafeError(err error, texts ...string) string {
	if err == nil {
		return ""
	}
	return SafeText(err.Error(), texts...)
}

// SafeText is SafeError for a message.
func SafeText(msg string, texts ...string) string {
	msg = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(msg, "?"))
	if len(texts) > 0 {
		msg = scrub(msg, normalize(strings.Join(texts, "\n")))
	}
	return shorten(msg, MaxErrorText)
}

// normalize lower-cases s, turns everything but letters and digits into
// single spaces, and pads it with a space at each end, so that a phrase
// is found as whole words with strings.Contains(" "+phrase+" ").
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// scrub replaces in msg every run of two or more words found in the same
// order in corpus (normalised), and every single distinctive word found
// there (four or more characters with a capital or a digit: names, ids).
func scrub(msg, corpus string) string {
	words := strings.Fields(msg)
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = strings.TrimSpace(normalize(w))
	}
	in := func(i, j int) bool {
		var parts []string
		for _, k := range keys[i:j] {
			if k != "" {
				parts = append(parts, k)
			}
		}
		if len(parts) == 0 {
			return false
		}
		return strings.Contains(corpus, " "+strings.Join(parts, " ")+" ")
	}
	var out []string
	for i := 0; i < len(words); {
		if keys[i] == "" {
			out = append(out, words[i])
			i++
			continue
		}
		j := i + 1
		for j < len(words) && in(i, j+1) {
			j++
		}
		if (j-i >= 2 && in(i, j)) || (j-i == 1 && distinctive(words[i]) && in(i, j)) {
			if len(out) == 0 || out[len(out)-1] != scrubbed {
				out = append(out, scrubbed)
			}
			i = j
			continue
		}
		out = append(out, words[i])
		i++
	}
	return strings.Join(out, " ")
}

// ownWords are words of medchron's and Go's own error messages, never
// scrubbed alone.
var ownWords = map[string]bool{"post": true, "get": true, "http": true, "https": true, "json": true, "eof": true, "pdf": true, "ocr": true}

// distinctive reports whether a word looks like a name or an identifier:
// four or more letters or digits, with a capital letter or a digit.
func distinctive(w string) bool {
	if ownWords[strings.ToLower(strings.Trim(w, ":,;.\"'()"))] {
		return false
	}
	n, marked := 0, false
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			marked = true
		}
	}
	return n >= 4 && marked
}

// shorten cuts s to at most n bytes on a rune boundary, marking the cut.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// pageTexts lists the pages' texts, for scrubbing.
func pageTexts(pages []extract.Page) []string {
	out := make([]string, 0, len(pages))
	for _, p := range pages {
		if p.Text != "" {
			out = append(out, p.Text)
		}
	}
	return out
}

// safeErr is an error whose message was made safe by SafeError; it keeps
// the original for errors.Is and errors.As within the process.
type safeErr struct {
	msg string
	err error
}

func (e *safeErr) Error() string { return e.msg }
func (e *safeErr) Unwrap() error { return e.err }

// safe wraps err so that its message, wherever it goes (River's job row,
// a log line), is SafeError's.
func safe(err error, texts ...string) error {
	if err == nil {
		return nil
	}
	var se *safeErr
	if errors.As(err, &se) && len(texts) == 0 {
		return err
	}
	return &safeErr{msg: SafeError(err, texts...), err: err}
}

// rePageRepeat is " page N:" after a working copy's name.
var rePageRepeat = lazyre.New(`^ page \d+:`)

// userError is the message a document's status shows for err: SafeError's,
// without the working copy's name the PDF tools put first (the user sees
// the error under the document's own file name).
func userError(d store.Document, err error, texts ...string) string {
	msg := SafeError(err, texts...)
	// Inside the message ("page 1: doc-….pdf page 1: an image …"), the
	// working copy's name and the page it repeats go too.
	for {
		i := strings.Index(msg, d.ID+".")
		if i <= 0 {
			break
		}
		rest := msg[i+len(d.ID):]
		if j := strings.IndexAny(rest, ": "); j > 0 {
			rest = rest[j:]
		} else {
			rest = ""
		}
		if m := rePageRepeat.FindString(rest); m != "" && strings.HasSuffix(strings.TrimSpace(msg[:i]), strings.TrimSpace(strings.TrimLeft(m, " "))) {
			rest = rest[len(m):]
		}
		msg = msg[:i] + strings.TrimLeft(rest, ": ")
	}
	rest, ok := strings.CutPrefix(msg, d.ID)
	if !ok {
		return msg
	}
	if dot := strings.IndexAny(rest, ": "); dot > 0 && rest[0] == '.' {
		rest = rest[dot:] // the working copy's extension
	}
	return strings.TrimLeft(rest, ": ")
}
