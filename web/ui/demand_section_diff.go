package ui

import (
	"net/http"
	"strconv"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/web/internal/core"
)

// diffPage is the line diff of two versions of a section.
type diffPage struct {
	Key, Title string
	From, To   demand.Version
	Lines      []diffLine
	Added      int
	Removed    int
}

type diffLine struct {
	Class, Sign, Text string
	// Parts are a changed line's words ("change"): kept, removed or added.
	Parts []diffLine
}

// DemandSectionDiff shows what changed between versions ?from= and ?to=
// of a section (by default the latest and the one before it).
func (s *Handler) DemandSectionDiff(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	key := r.PathValue("section")
	rec, latest, ok := s.demandSectionOr404(w, r, m.ID)
	if !ok {
		return
	}
	q := r.URL.Query()
	to := latest.N
	if v, err := strconv.Atoi(q.Get("to")); err == nil {
		to = v
	}
	from := to - 1
	if v, err := strconv.Atoi(q.Get("from")); err == nil {
		from = v
	}
	a, okA := rec.Version(key, from)
	b, okB := rec.Version(key, to)
	if !okA || !okB {
		s.NotFound(w, r)
		return
	}
	p := diffPage{Key: key, Title: b.Title, From: a, To: b}
	p.Lines, p.Added, p.Removed = diffLines(demand.Diff(a.Body, b.Body))
	s.render(w, r, http.StatusOK, "demand_diff", view{Title: "Changes to " + b.Title, Matter: &m, Nav: "demand", Data: p})
}

// diffLines turns a line diff into the page's lines. A block of removed
// lines followed by as many added lines is shown line against line, each
// pair as one changed line with its words marked, so that an edit of a
// few words in a long paragraph shows those words, not two paragraphs.
func diffLines(ls []demand.DiffLine) (out []diffLine, added, removed int) {
	for i := 0; i < len(ls); {
		if ls[i].Op == demand.DiffSame {
			out = append(out, diffLine{Class: "same", Sign: " ", Text: ls[i].Text})
			i++
			continue
		}
		j := i
		for j < len(ls) && ls[j].Op == demand.DiffRemove {
			j++
		}
		k := j
		for k < len(ls) && ls[k].Op == demand.DiffAdd {
			k++
		}
		rem, add := ls[i:j], ls[j:k]
		removed, added = removed+len(rem), added+len(add)
		if len(rem) > 0 && len(rem) == len(add) {
			for n := range rem {
				out = append(out, changedLine(rem[n].Text, add[n].Text))
			}
		} else {
			for _, l := range rem {
				out = append(out, diffLine{Class: "del", Sign: "−", Text: l.Text})
			}
			for _, l := range add {
				out = append(out, diffLine{Class: "add", Sign: "+", Text: l.Text})
			}
		}
		i = k
	}
	return out, added, removed
}

// changedLine is one line edited into another, its words marked.
func changedLine(from, to string) diffLine {
	l := diffLine{Class: "change", Sign: "~"}
	for _, w := range demand.DiffWords(from, to) {
		class := "same"
		switch w.Op {
		case demand.DiffAdd:
			class = "add"
		case demand.DiffRemove:
			class = "del"
		}
		if n := len(l.Parts); n > 0 && l.Parts[n-1].Class == class {
			l.Parts[n-1].Text += w.Text
			continue
		}
		l.Parts = append(l.Parts, diffLine{Class: class, Text: w.Text})
	}
	return l
}
