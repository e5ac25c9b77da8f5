package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
)

// Bounds on the work TextLayer does for one document.
const (
	// DefaultTimeout bounds a poppler run when ctx has no deadline.
	DefaultTimeout = 5 * time.Minute
	// MaxTextBytes caps the text layer of one document (pdftotext -layout).
	MaxTextBytes = 64 << 20
	// MaxBBoxBytes caps the word-box output of one document.
	MaxBBoxBytes = 512 << 20
	// MinTextChars is how many letters and digits a page's text layer needs,
	// beside Bates stamps and fax headers, to count as real text.
	MinTextChars = 25
)

// TextLayer returns the text of every page of the PDF file at path, with
// word boxes, running pdftotext once for the layout text and once for the
// boxes. Pages whose text layer has real text (see MinTextChars) get
// extract.SourceText; the others get no Source, and need OCR. DocumentID is
// left for the caller to fill.
func TextLayer(ctx context.Context, path string) ([]extract.Page, error) {
	name := filepath.Base(path)
	bin, err := tool("pdftotext")
	if err != nil {
		return nil, fileErr(name, 0, "", err)
	}
	ctx, cancel := withDefaultTimeout(ctx)
	defer cancel()

	var (
		layout []byte
		boxes  []bboxPage
	)
	// The two runs go side by side; the first to fail stops the other.
	gctx, stop := context.WithCancel(ctx)
	defer stop()
	var (
		once  sync.Once
		first error
		done  = make(chan struct{})
	)
	fail := func(err error) {
		if err != nil {
			once.Do(func() { first = err; stop() })
		}
	}
	go func() {
		defer close(done)
		var err error
		layout, err = runCapped(gctx, MaxTextBytes, bin, "-layout", "-enc", "UTF-8", path, "-")
		fail(err)
	}()
	boxes, err = wordBoxes(gctx, bin, path)
	fail(err)
	<-done
	if first != nil {
		return nil, toolErr(ctx, name, "pdftotext", first)
	}
	texts := splitPages(string(layout))
	n := max(len(texts), len(boxes))
	pages := make([]extract.Page, n)
	for i := range pages {
		p := extract.Page{Number: i + 1}
		if i < len(texts) {
			p.Text = texts[i]
		}
		if i < len(boxes) {
			p.Width, p.Height = boxes[i].width, boxes[i].height
			p.Words = assignLines(p.Text, boxes[i].words)
		}
		if HasRealText(p.Text) {
			p.Source = extract.SourceText
		}
		pages[i] = p
	}
	return pages, nil
}

// wordBoxes runs pdftotext for the word boxes of every page. Output in the
// form parseBBoxFast knows is read by it; other output (rare) is read again,
// from a second run, by the XML decoder.
func wordBoxes(ctx context.Context, bin, path string) ([]bboxPage, error) {
	args := []string{"-bbox-layout", "-enc", "UTF-8", path, "-"}
	var boxes []bboxPage
	err := streamTool(ctx, bin, args, func(r io.Reader) error {
		var err error
		boxes, err = parseBBoxFast(io.LimitReader(r, MaxBBoxBytes+1), MaxBBoxBytes)
		return err
	})
	if errors.Is(err, errUnusual) {
		err = streamTool(ctx, bin, args, func(r io.Reader) error {
			var err error
			boxes, err = parseBBox(io.LimitReader(r, MaxBBoxBytes+1), MaxBBoxBytes)
			return err
		})
	}
	return boxes, err
}

// splitPages splits pdftotext output at form feeds; the output ends with one.
func splitPages(s string) []string {
	if s == "" {
		return nil
	}
	pages := strings.Split(s, "\f")
	if pages[len(pages)-1] == "" {
		pages = pages[:len(pages)-1]
	}
	for i, p := range pages {
		pages[i] = strings.TrimRight(p, "\n")
	}
	return pages
}

var (
	// batesLine is a lone Bates number: a prefix and a long number.
	batesLine = lazyre.New(`^[A-Za-z][A-Za-z0-9]{0,15}(?:[ _.-]?[A-Za-z0-9]{1,15})?[ _.-]?\d{4,10}$`)
	// pageOfLine is a lone "Page 3 of 10".
	pageOfLine = lazyre.New(`(?i)^(?:page|p\.?|pg\.?)?\s*\d{1,4}\s*(?:of|/)\s*\d{1,4}$`)
	// faxMark and pageMark make a fax transmission header when together, or
	// with a time of day.
	faxMark  = lazyre.New(`(?i)\bfax\b|\bfrom\s*:|\bto\s*:`)
	pageMark = lazyre.New(`(?i)\b(?:page|p\.?|pg\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\b|\b\d{1,2}:\d{2}\b`)
)

// HasRealText reports whether page text has at least MinTextChars letters
// and digits outside lines that are only a Bates stamp, a "page x of y" or a
// fax transmission header, which scanned pages often carry as real text.
func HasRealText(text string) bool {
	count := 0
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || isStampLine(line) {
			continue
		}
		for _, r := range line {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				count++
			}
		}
		if count >= MinTextChars {
			return true
		}
	}
	return false
}

func isStampLine(line string) bool {
	if batesLine.MatchString(line) || pageOfLine.MatchString(line) {
		return true
	}
	return faxMark.MatchString(line) && pageMark.MatchString(line)
}

// tool finds a poppler program on PATH.
func tool(prog string) (string, error) {
	bin, err := exec.LookPath(prog)
	if err != nil {
		return "", fmt.Errorf("%w: %s not found on PATH; install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils)", ErrNoPoppler, prog)
	}
	return bin, nil
}

func withDefaultTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, DefaultTimeout)
}

// errTooBig reports poppler output over its cap.
var errTooBig = errors.New("output exceeds the size limit")

// cappedBuffer keeps at most limit bytes and fails past that.
type cappedBuffer struct {
	buf   bytes.Buffer
	limit int
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if c.buf.Len()+len(p) > c.limit {
		return 0, errTooBig
	}
	return c.buf.Write(p)
}

// tailBuffer keeps the last bytes a program writes on standard error, up
// to limit, and never refuses a write: poppler prints a warning per broken
// object (half a million on a hostile file), and a refused write would end
// the program with a broken pipe before its verdict.
type tailBuffer struct {
	buf   []byte
	limit int
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if len(t.buf) > 2*t.limit {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.limit:]...)
	}
	return len(p), nil
}

// String is the kept tail, at most limit bytes.
func (t *tailBuffer) String() string {
	return string(t.buf[max(0, len(t.buf)-t.limit):])
}

// runCapped runs a program and returns its standard output, failing when
// the output passes limit bytes.
func runCapped(ctx context.Context, limit int, bin string, args ...string) ([]byte, error) {
	out := &cappedBuffer{limit: limit}
	stderr := &tailBuffer{limit: 64 << 10}
	cmd := toolCommand(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = out, stderr
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		return nil, &runError{err: err, stderr: stderr.String()}
	}
	return out.buf.Bytes(), nil
}

// streamTool runs a program and hands its standard output to consume as it
// is written. The program is killed when consume returns early.
func streamTool(ctx context.Context, bin string, args []string, consume func(io.Reader) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stderr := &tailBuffer{limit: 64 << 10}
	cmd := toolCommand(ctx, bin, args...)
	cmd.Stderr = stderr
	cmd.WaitDelay = 5 * time.Second
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	cerr := consume(stdout)
	if cerr != nil {
		cancel()
	}
	_, _ = io.Copy(io.Discard, stdout)
	werr := cmd.Wait()
	if cerr != nil {
		return cerr
	}
	if werr != nil {
		return &runError{err: werr, stderr: stderr.String()}
	}
	return nil
}

// runError is a failed poppler run with what it wrote on standard error.
type runError struct {
	err    error
	stderr string
}

func (e *runError) Error() string {
	if msg := lastLine(e.stderr); msg != "" {
		return fmt.Sprintf("%v: %s", e.err, msg)
	}
	return e.err.Error()
}

func (e *runError) Unwrap() error { return e.err }

// exitCode is the program's exit status, or -1 when it did not exit.
func (e *runError) exitCode() int {
	var ee *exec.ExitError
	if errors.As(e.err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

// lastLine is the last non-empty line of s, shortened; poppler puts its
// verdict after its warnings.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return firstLine(strings.TrimSpace(lines[len(lines)-1]))
}

// toolErr turns a poppler failure into a FileError with a sentinel.
func toolErr(ctx context.Context, name, prog string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fileErr(name, 0, prog+" did not finish", ctxErr)
	}
	if errors.Is(err, errTooBig) {
		return fileErr(name, 0, prog+" output exceeds the size limit", err)
	}
	if errors.Is(err, errBadOutput) {
		return fileErr(name, 0, err.Error(), ErrCorrupt)
	}
	var re *runError
	if errors.As(err, &re) {
		msg := strings.ToLower(re.stderr)
		switch {
		case strings.Contains(msg, "password"):
			return fileErr(name, 0, "", ErrEncrypted)
		case re.exitCode() == 1, strings.Contains(msg, "couldn't read xref"):
			// poppler's exit status 1 is "error opening a PDF file".
			return fileErr(name, 0, prog+": "+re.Error(), ErrCorrupt)
		}
	}
	return fileErr(name, 0, prog+" failed", err)
}
