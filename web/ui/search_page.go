package ui

import (
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/web/internal/core"
)

// searchPageData is the search page: the query and its hits.
type searchPageData struct {
	Query      string
	Configured bool
	Searched   bool
	Hits       []searchHitView
	Error      string
}

type searchHitView struct {
	search.Hit
	Href, Label string
	// Marked is the snippet with the query's words marked.
	Marked template.HTML
}

// SearchPage searches the matter's pages and entries (?q=). Hits link to
// the page view, highlighting the query where it stands as typed, or to
// the entry. The audit row records that a search
// happened, never the query: it may name the client's conditions.
func (s *Handler) SearchPage(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	ctx := r.Context()
	p := searchPageData{Query: strings.TrimSpace(r.URL.Query().Get("q")), Configured: s.Search != nil}
	status := http.StatusOK
	switch {
	case !p.Configured || p.Query == "":
	case len(p.Query) > 500:
		p.Error, status = "Use a shorter query (at most 500 characters).", http.StatusBadRequest
	default:
		hits, err := s.Search.Search(ctx, m.ID, p.Query, 50)
		if err != nil && !core.IsNotFound(err) {
			s.ServerError(w, r, err)
			return
		}
		p.Searched = true
		var ix docIndex
		if len(hits) > 0 {
			c, err := s.ReviewedChronology(ctx, m.ID)
			if err != nil && !core.IsNotFound(err) {
				s.ServerError(w, r, err)
				return
			}
			ix = indexDocuments(&c)
		}
		for _, h := range hits {
			v := searchHitView{Hit: h}
			switch {
			case h.Kind == "entry" && h.EntryID != "":
				v.Href = "/matters/" + url.PathEscape(m.ID) + "/entries/" + url.PathEscape(h.EntryID)
				v.Label = strings.TrimSpace(h.Date + " " + h.Provider)
			case h.DocumentID != "" && h.Page > 0:
				v.Href = pagePath(m.ID, h.DocumentID, h.Page) + "?q=" + url.QueryEscape(p.Query)
				v.Label = ix.pageLabel(h.DocumentID, h.Page, "")
				if h.File != "" && ix[h.DocumentID] == nil {
					v.Label = h.File + " p. " + strconv.Itoa(h.Page)
				}
			}
			v.Marked = markTerms(h.Snippet, p.Query)
			p.Hits = append(p.Hits, v)
		}
		// The exact phrase first, then the search's own order.
		phrase := strings.ToLower(strings.Join(strings.Fields(p.Query), " "))
		sort.SliceStable(p.Hits, func(i, j int) bool {
			return hasPhrase(p.Hits[i].Snippet, phrase) && !hasPhrase(p.Hits[j].Snippet, phrase)
		})
		if err := s.Audit(r, access.AuditSearch, m.ID, "search", strconv.Itoa(len(hits))+" results"); err != nil {
			s.ServerError(w, r, err)
			return
		}
	}
	s.render(w, r, status, "search", view{Title: "Search", Matter: &m, Nav: "chronology", Data: p})
}

// hasPhrase reports whether text holds phrase (lower case, single
// spaces), whatever its case and spacing.
func hasPhrase(text, phrase string) bool {
	return phrase != "" && strings.Contains(strings.ToLower(strings.Join(strings.Fields(text), " ")), phrase)
}

// markTerms escapes a snippet and marks, with <mark>, every occurrence of
// the query's words of two or more letters, whatever their case.
func markTerms(snippet, query string) template.HTML {
	var terms []string
	for _, w := range strings.Fields(query) {
		w = strings.Trim(w, `"'.,;:()[]`)
		if len([]rune(w)) >= 2 {
			terms = append(terms, regexp.QuoteMeta(w))
		}
	}
	if len(terms) == 0 {
		return template.HTML(template.HTMLEscapeString(snippet))
	}
	sort.Slice(terms, func(i, j int) bool { return len(terms[i]) > len(terms[j]) }) // longest first
	re, err := regexp.Compile(`(?i)` + strings.Join(terms, "|"))
	if err != nil {
		return template.HTML(template.HTMLEscapeString(snippet))
	}
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(snippet, -1) {
		b.WriteString(template.HTMLEscapeString(snippet[last:m[0]]))
		b.WriteString("<mark>" + template.HTMLEscapeString(snippet[m[0]:m[1]]) + "</mark>")
		last = m[1]
	}
	b.WriteString(template.HTMLEscapeString(snippet[last:]))
	return template.HTML(b.String())
}
