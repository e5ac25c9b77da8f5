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
	for _, l := range demand.Diff(a.Body, b.Body) {
		switch l.Op {
		case demand.DiffAdd:
			p.Lines = append(p.Lines, diffLine{"add", "+", l.Text})
			p.Added++
		case demand.DiffRemove:
			p.Lines = append(p.Lines, diffLine{"del", "−", l.Text})
			p.Removed++
		default:
			p.Lines = append(p.Lines, diffLine{"same", " ", l.Text})
		}
	}
	s.render(w, r, http.StatusOK, "demand_diff", view{Title: "Changes to " + b.Title, Matter: &m, Nav: "demand", Data: p})
}
