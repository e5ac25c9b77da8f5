package demand

import (
	"fmt"
	"sort"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// exhibit is one provider's records and bills enclosed with the letter:
// the pages its used entries and bills cite.
type exhibit struct {
	N        int
	Provider string
	pages    map[pageKey]extract.Citation
}

type pageKey struct {
	doc  string
	page int
}

// exhibits numbers the providers in order of their first date of care
// and formats citations as "(Ex. N, BATES)".
type exhibits struct {
	list   []*exhibit
	byProv map[string]*exhibit
	files  map[string]string
	order  map[string]int // document order, for ranges
}

func providerKey(id, name string) string { return id + "\x00" + name }

func newExhibits(c chronology.Chronology, used []usedEntry) *exhibits {
	x := &exhibits{byProv: map[string]*exhibit{}, files: map[string]string{}, order: map[string]int{}}
	for i, d := range c.Documents {
		x.files[d.ID], x.order[d.ID] = d.File, i
	}
	type first struct {
		key, name string
		date      string
	}
	var firsts []first
	seen := map[string]bool{}
	add := func(id, name, date string) {
		k := providerKey(id, name)
		if !seen[k] {
			seen[k] = true
			firsts = append(firsts, first{k, name, date})
		}
	}
	for _, e := range used {
		add(e.ProviderID, e.Provider, e.Date.String())
	}
	for _, b := range c.Bills {
		if b.Grounded {
			add(b.ProviderID, b.Provider, b.Date.String())
		}
	}
	sort.SliceStable(firsts, func(i, j int) bool { return firsts[i].date < firsts[j].date })
	for i, f := range firsts {
		ex := &exhibit{N: i + 1, Provider: clean(f.name), pages: map[pageKey]extract.Citation{}}
		x.list = append(x.list, ex)
		x.byProv[f.key] = ex
	}
	for _, e := range used {
		for _, ct := range e.Citations {
			x.note(providerKey(e.ProviderID, e.Provider), ct)
		}
	}
	for _, b := range c.Bills {
		if b.Grounded {
			for _, ct := range b.Citations {
				x.note(providerKey(b.ProviderID, b.Provider), ct)
			}
		}
	}
	return x
}

func (x *exhibits) note(prov string, c extract.Citation) {
	if ex := x.byProv[prov]; ex != nil {
		ex.pages[pageKey{c.DocumentID, c.Page}] = c
	}
}

// cite formats a citation of a provider's page: "(Ex. 3, MC000020)", or
// with the file and page when the page has no Bates number.
func (x *exhibits) cite(providerID, provider string, c extract.Citation) string {
	ref := x.pageRef(c)
	if ex := x.byProv[providerKey(providerID, provider)]; ex != nil {
		return fmt.Sprintf("(Ex. %d, %s)", ex.N, ref)
	}
	return "(" + ref + ")"
}

func (x *exhibits) pageRef(c extract.Citation) string {
	if c.Bates != "" {
		return clean(c.Bates)
	}
	f := x.files[c.DocumentID]
	if f == "" {
		f = c.DocumentID
	}
	return fmt.Sprintf("%s p. %d", clean(f), c.Page)
}

// lines lists the exhibits with their page ranges.
func (x *exhibits) lines() []string {
	var out []string
	for _, ex := range x.list {
		if len(ex.pages) == 0 {
			continue
		}
		out = append(out, fmt.Sprintf("Exhibit %d: %s, records and billing, %s", ex.N, ex.Provider, x.ranges(ex)))
	}
	return out
}

// ranges compresses an exhibit's pages into runs: "MC000020–MC000031,
// MC000040", or "file.pdf pp. 3–9" without Bates numbers.
func (x *exhibits) ranges(ex *exhibit) string {
	cs := make([]extract.Citation, 0, len(ex.pages))
	for _, c := range ex.pages {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].DocumentID != cs[j].DocumentID {
			return x.order[cs[i].DocumentID] < x.order[cs[j].DocumentID]
		}
		return cs[i].Page < cs[j].Page
	})
	var runs []string
	var doc string     // the document of the page runs being collected
	var pages []string // its page runs without Bates numbers
	flush := func() {
		switch {
		case len(pages) == 1 && !strings.Contains(pages[0], "–"):
			runs = append(runs, clean(x.fileOf(extract.Citation{DocumentID: doc}))+" p. "+pages[0])
		case len(pages) > 0:
			runs = append(runs, clean(x.fileOf(extract.Citation{DocumentID: doc}))+" pp. "+strings.Join(pages, ", "))
		}
		pages = nil
	}
	for i := 0; i < len(cs); {
		j := i
		for j+1 < len(cs) && cs[j+1].DocumentID == cs[i].DocumentID && cs[j+1].Page == cs[j].Page+1 {
			j++
		}
		a, b := cs[i], cs[j]
		if a.DocumentID != doc {
			flush()
			doc = a.DocumentID
		}
		switch {
		case a.Bates != "" && b.Bates != "" && i == j:
			runs = append(runs, clean(a.Bates))
		case a.Bates != "" && b.Bates != "":
			runs = append(runs, clean(a.Bates)+"–"+clean(b.Bates))
		case i == j:
			pages = append(pages, fmt.Sprint(a.Page))
		default:
			pages = append(pages, fmt.Sprintf("%d–%d", a.Page, b.Page))
		}
		i = j + 1
	}
	flush()
	return strings.Join(runs, "; ")
}

func (x *exhibits) fileOf(c extract.Citation) string {
	if f := x.files[c.DocumentID]; f != "" {
		return f
	}
	return c.DocumentID
}

// number returns a provider's exhibit number, 0 when it has none.
func (x *exhibits) number(providerID, provider string) int {
	if ex := x.byProv[providerKey(providerID, provider)]; ex != nil {
		return ex.N
	}
	return 0
}
