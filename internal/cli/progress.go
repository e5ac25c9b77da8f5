package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/medchron/medchron/pipeline"
)

// progress shows pages done and left: a bar on a terminal, plain lines
// (at most one every few seconds) otherwise.
type progress struct {
	w        io.Writer
	quiet    bool
	bar      *progressbar.ProgressBar
	lastLine time.Time
	lastDone int
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, quiet: quiet}
	if f, ok := w.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("pages"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("pages"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *progress) update(pr pipeline.Progress) {
	if p.quiet {
		return
	}
	if p.bar != nil {
		if p.bar.GetMax() != pr.Pages && pr.Pages > 0 {
			p.bar.ChangeMax(pr.Pages)
		}
		_ = p.bar.Set(pr.PagesDone)
		return
	}
	if pr.PagesDone == p.lastDone && !pr.Done {
		return
	}
	if time.Since(p.lastLine) < 2*time.Second && pr.PagesDone < pr.Pages {
		return
	}
	p.lastLine, p.lastDone = time.Now(), pr.PagesDone
	fmt.Fprintf(p.w, "pages %d/%d done, %d left; documents %d/%d\n",
		pr.PagesDone, pr.Pages, pr.Pages-pr.PagesDone, pr.DocumentsDone, pr.Documents)
}

func (p *progress) finish(pr pipeline.Progress) {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
