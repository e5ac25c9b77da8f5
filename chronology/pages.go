package chronology

import (
	"fmt"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/par"
	"github.com/medchron/medchron/internal/textutil"
)

// pageRef keys a page by document and number.
type pageRef struct {
	doc  string
	page int
}

// pageInfo is what Build knows about one page of the matter.
type pageInfo struct {
	page  *extract.Page // nil when the source did not supply the page
	file  string
	bates string
	order int // position of the page in the matter, for sorting

	grounder *extract.Grounder // built on the first citation of the page
}

// pageIndex holds every page of the matter in matter order.
type pageIndex struct {
	byRef    map[pageRef]*pageInfo
	order    []pageRef
	docOrder map[string]int
	// doubtful are the grounded citations whose words OCR read with low
	// confidence (extract.Grounding.LowConfidence), with the lowest
	// confidence, in the order they were grounded.
	doubtful []doubtfulCite
}

// doubtfulCite is a grounded citation on words OCR read doubtfully.
type doubtfulCite struct {
	c    extract.Citation
	conf float64
}

// indexPages numbers the pages of the sources with Bates numbers, in the
// order the sources are given, and fills each Document's page sources and
// Bates range. A document has max(Document.Pages, len(Pages)) pages. With
// keepSender, a document whose pages carry the sender's own Bates numbers
// (senderBates) keeps them, and the numbering of the other documents runs
// on without a gap.
func indexPages(sources []Source, prefix string, keepSender bool) (*pageIndex, []Document) {
	px := &pageIndex{byRef: map[pageRef]*pageInfo{}, docOrder: map[string]int{}}
	docs := []Document{}
	taken := map[string]bool{}
	n, order := 0, 0
	for si := range sources {
		s := &sources[si]
		d := s.Document
		if _, seen := px.docOrder[d.ID]; !seen {
			px.docOrder[d.ID] = si
		}
		byNum := map[int]*extract.Page{}
		count := d.Pages
		for pi := range s.Pages {
			p := &s.Pages[pi]
			byNum[p.Number] = p
			count = max(count, p.Number)
		}
		d.Pages = count
		d.PageSources = nil
		var sender []string
		if keepSender {
			sender = senderBates(byNum, count, prefix, taken)
		}
		d.SenderBates = sender != nil
		for num := 1; num <= count; num++ {
			order++
			info := &pageInfo{page: byNum[num], file: d.File, order: order}
			if sender != nil {
				info.bates = sender[num-1]
			} else {
				n++
				info.bates = fmt.Sprintf("%s%06d", prefix, n)
			}
			src := extract.SourceEmpty
			if info.page != nil {
				src = info.page.Source
			}
			d.PageSources = append(d.PageSources, src)
			ref := pageRef{d.ID, num}
			if _, dup := px.byRef[ref]; !dup {
				px.byRef[ref] = info
				px.order = append(px.order, ref)
			}
			if num == 1 {
				d.BatesFirst = info.bates
			}
			d.BatesLast = info.bates
		}
		docs = append(docs, d)
	}
	return px, docs
}

// ground verifies c against its page and fills its Bates number. It
// reports whether the quote stands on the page.
func (px *pageIndex) ground(c *extract.Citation) bool {
	info := px.byRef[pageRef{c.DocumentID, c.Page}]
	if info == nil {
		return false
	}
	c.Bates = info.bates
	if info.page == nil {
		return false
	}
	if info.grounder == nil {
		info.grounder = extract.NewGrounder(*info.page)
	}
	g := info.grounder.Ground(c.Quote)
	if g.Found && g.LowConfidence {
		px.doubtful = append(px.doubtful, doubtfulCite{*c, g.MinConfidence})
	}
	return g.Found
}

// prepareGrounding builds, side by side, the Grounder of every page a fact
// of sources cites, its text normalised (extract.Grounder.Prepare): the
// Grounders ground would build on each page's first citation, so that
// grounding the facts in order only searches.
func (px *pageIndex) prepareGrounding(sources []Source) {
	seen := map[pageRef]bool{}
	var infos []*pageInfo
	cite := func(doc string, cs []extract.Citation) {
		for _, c := range cs {
			if c.DocumentID == "" {
				c.DocumentID = doc
			}
			ref := pageRef{c.DocumentID, c.Page}
			if info := px.byRef[ref]; info != nil && info.page != nil && info.grounder == nil && !seen[ref] {
				seen[ref] = true
				infos = append(infos, info)
			}
		}
	}
	for _, s := range sources {
		doc, r := s.Document.ID, s.Result
		for _, e := range r.Encounters {
			cite(doc, e.Citations)
		}
		for _, b := range r.Bills {
			cite(doc, b.Citations)
		}
		for _, t := range r.BillTotals {
			cite(doc, t.Citations)
		}
		for _, x := range r.Expected {
			cite(doc, x.Citations)
		}
	}
	par.Each(len(infos), func(i int) {
		g := extract.NewGrounder(*infos[i].page)
		g.Prepare()
		infos[i].grounder = g
	})
}

// pageCitation cites a whole page for a flag: its first line of text, or a
// bracketed note when the page has none.
func (px *pageIndex) pageCitation(ref pageRef, none string) extract.Citation {
	c := extract.Citation{DocumentID: ref.doc, Page: ref.page, Quote: none}
	info := px.byRef[ref]
	if info == nil {
		return c
	}
	c.Bates = info.bates
	if info.page != nil {
		for line := range strings.SplitSeq(info.page.Text, "\n") {
			if l := textutil.FoldSpace(line); l != "" {
				c.Quote = truncate(l, 80)
				break
			}
		}
	}
	return c
}

// less orders two page references in matter order.
func (px *pageIndex) less(a, b pageRef) int {
	ia, ib := px.byRef[a], px.byRef[b]
	switch {
	case ia != nil && ib != nil:
		return ia.order - ib.order
	case ia != nil:
		return -1
	case ib != nil:
		return 1
	}
	if c := strings.Compare(a.doc, b.doc); c != 0 {
		return c
	}
	return a.page - b.page
}

// truncate shortens s to at most n runes, cutting at a word boundary and
// adding an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
