package chronology

import (
	"strings"

	"github.com/medchron/medchron/extract"
)

// classIndex holds what the extractors decided about each page: its class
// and the provider of its document section.
type classIndex map[pageRef]extract.PageInfo

// newClassIndex indexes the page infos of every source.
func newClassIndex(sources []Source) classIndex {
	ci := classIndex{}
	for si := range sources {
		s := &sources[si]
		for _, p := range s.Result.Pages {
			if p.Page >= 1 {
				ci[pageRef{s.Document.ID, p.Page}] = p
			}
		}
	}
	return ci
}

// pageClasses returns the class of every page of s, PageUnclassified for
// pages the extractor left out, or nil when it classified none.
func (ci classIndex) pageClasses(s *Source, pages int) []string {
	if len(s.Result.Pages) == 0 {
		return nil
	}
	out := make([]string, pages)
	for i := range out {
		out[i] = PageUnclassified
		if p, ok := ci[pageRef{s.Document.ID, i + 1}]; ok && p.Class != "" {
			out[i] = p.Class
		}
	}
	return out
}

// onlyOn reports whether every citation lies on a page of one of the
// classes (a fact with no citation lies on none).
func (ci classIndex) onlyOn(cs []extract.Citation, doc string, classes ...string) bool {
	if len(cs) == 0 {
		return false
	}
	for _, c := range cs {
		d := c.DocumentID
		if d == "" {
			d = doc
		}
		cl := ci[pageRef{d, c.Page}].Class
		found := false
		for _, want := range classes {
			found = found || cl == want
		}
		if !found {
			return false
		}
	}
	return true
}

// noFacts reports whether the citations all lie on pages that never
// create entries, bills or providers: administrative and blank pages.
func (ci classIndex) noFacts(cs []extract.Citation, doc string) bool {
	return ci.onlyOn(cs, doc, extract.PageAdmin, extract.PageBlank)
}

// unknownMarker prefixes the name under which the facts of a document that
// name no provider are filed: one unknown provider per document, never one
// shared across documents.
const unknownMarker = "\x00unknown:"

// unknownKeys are printed names that name no one.
var unknownKeys = map[string]bool{
	"unknown": true, "unknown provider": true, "na": true, "none": true, "not stated": true,
	"not available": true, "provider": true, "unknown facility": true, "not applicable": true,
}

// namesNoOne reports whether a printed provider name names no provider.
func namesNoOne(name string) bool { return unknownKeys[NormalizeProvider(name)] }

// providerName returns the name a fact of source s is filed under: its
// printed name; else the section provider of its first cited page; else
// the document's unknown provider.
func (ci classIndex) providerName(printed string, s *Source, cs []extract.Citation) string {
	if !namesNoOne(printed) {
		return printed
	}
	for _, c := range cs {
		d := c.DocumentID
		if d == "" {
			d = s.Document.ID
		}
		if p := ci[pageRef{d, c.Page}].Provider; !namesNoOne(p) {
			return p
		}
	}
	return unknownMarker + s.Document.ID
}

// section returns the section provider of a fact's first cited page, ""
// when the extractor decided none.
func (ci classIndex) section(s *Source, cs []extract.Citation) string {
	if len(cs) == 0 {
		return ""
	}
	d := cs[0].DocumentID
	if d == "" {
		d = s.Document.ID
	}
	return ci[pageRef{d, cs[0].Page}].Provider
}

// unknownDoc returns the document of an unknown-provider name.
func unknownDoc(name string) (string, bool) { return strings.CutPrefix(name, unknownMarker) }
