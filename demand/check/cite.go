package check

import (
	"slices"
	"strconv"
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
)

var (
	pageRE    = lazyre.New(`\bpp?\.\s*(\d+)(?:\s*[–-]\s*(\d+))?`)
	exhibitRE = lazyre.New(`^\s*Ex\.\s*\d+\s*(?:,\s*|$)`)
	filePage  = lazyre.New(`^(.*\S)\s+pp?\.\s*(\d+)(?:\s*[–-]\s*(\d+))?$`)
)

// isCitation reports whether bracket content is a record citation: it
// names a page.
func isCitation(content string) bool { return pageRE.MatchString(content) }

// isCite reports whether a bracket or parenthesis group is a citation:
// "[Provider, Bates or file, p. N]", or "(Ex. N, Bates)", "(Ex. N, file
// p. N)" and "(Bates)" as the exhibits of package demand print them.
func (k *Checker) isCite(open byte, content string) bool {
	if open == '[' {
		return isCitation(content)
	}
	if exhibitRE.MatchString(content) {
		return true
	}
	_, ok := k.parenRefs(content)
	return ok
}

// brackets blanks every bracket of text[start:end], and every parenthesis
// holding a citation, in the returned body; resolves citations to the
// entries they cite and checks the provider they name and that they cite a
// page of the chronology.
func (k *Checker) brackets(text string, start, end int) (string, []string, []Finding) {
	body := []byte(text[start:end])
	var cited []string
	var fs []Finding
	for i := 0; i < len(body); i++ {
		open := body[i]
		if open != '[' && open != '(' {
			continue
		}
		closer := byte(']')
		if open == '(' {
			closer = ')'
		}
		j := strings.IndexByte(string(body[i:]), closer)
		if j < 0 {
			if open == '[' {
				break
			}
			continue
		}
		content := text[start+i+1 : start+i+j]
		var ids []string
		var f []Finding
		switch {
		case open == '[' && isCitation(content):
			ids, f = k.citation(content, start+i+1)
		case open == '(' && k.isCite(open, content):
			var ok bool
			if ids, ok = k.parenRefs(content); !ok {
				f = []Finding{{Kind: KindCitation, Text: content, Start: start + i + 1, End: start + i + j,
					Reason: "no entry or bill of the chronology cites this page"}}
			}
		case open == '(':
			continue // ordinary parentheses are checked as text
		}
		cited = append(cited, ids...)
		fs = append(fs, f...)
		for x := i; x <= i+j; x++ {
			body[x] = ' '
		}
		i += j
	}
	return string(body), cited, fs
}

// parenRefs resolves the references of a parenthesised citation, after
// any "Ex. N, ": one "file p. N" (the file name may hold commas), or Bates
// numbers separated by commas or semicolons. It reports whether every
// reference names a page some entry or bill cites.
func (k *Checker) parenRefs(content string) ([]string, bool) {
	rest := strings.TrimSpace(exhibitRE.ReplaceAllString(content, ""))
	if rest == "" {
		return nil, false
	}
	var ids []string
	add := func(r pageRefs) {
		for _, id := range r.entries {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if m := filePage.FindStringSubmatch(rest); m != nil {
		first, _ := strconv.Atoi(m[2])
		last := first
		if m[3] != "" {
			last, _ = strconv.Atoi(m[3])
		}
		found := false
		for p := first; p <= last && p-first < 200; p++ {
			if r, ok := k.pages[fileKey(m[1], p)]; ok {
				found = true
				add(r)
			}
		}
		return ids, found
	}
	for _, ref := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ';' }) {
		r, ok := k.pages[batesKey(strings.TrimPrefix(strings.TrimSpace(ref), "Ex. "))]
		if !ok {
			return ids, false
		}
		add(r)
	}
	return ids, true
}

// citation resolves one "[Provider, Bates or file, p. N]" to the entries
// citing that page. off is the content's offset in the text.
func (k *Checker) citation(content string, off int) ([]string, []Finding) {
	m := pageRE.FindStringSubmatchIndex(content)
	first, _ := strconv.Atoi(content[m[2]:m[3]])
	last := first
	if m[4] >= 0 {
		last, _ = strconv.Atoi(content[m[4]:m[5]])
	}
	prov, ref := k.splitRef(strings.TrimRight(content[:m[0]], ", "))
	var fs []Finding
	if prov != "" {
		a := strings.Index(content, prov)
		pf, _, _ := k.providerFindings(strings.Repeat(" ", a)+prov, off)
		if len(pf) == 0 {
			pf = []Finding{k.wholeName(prov, off+a)}
		}
		fs = append(fs, pf...)
	}
	var ids []string
	found := false
	for p := first; p <= last && p-first < 200; p++ {
		for _, key := range []string{batesKey(ref), fileKey(ref, p)} {
			r, ok := k.pages[key]
			if !ok {
				continue
			}
			found = true
			for _, id := range r.entries {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
	}
	if !found {
		fs = append(fs, Finding{Kind: KindCitation, Text: content, Start: off, End: off + len(content),
			Reason: "no entry or bill of the chronology cites this page"})
	}
	return ids, fs
}

// splitRef splits the part of a citation before its page into the
// provider and the reference (a Bates number, a file name or a document
// id). A file name may hold commas: the longest known file or id that ends
// the text is taken, else the text after the last comma.
func (k *Checker) splitRef(s string) (provider, ref string) {
	best := ""
	for _, d := range k.c.Documents {
		for _, r := range []string{d.File, d.ID} {
			if r != "" && len(r) > len(best) && (s == r || strings.HasSuffix(s, ", "+r) || strings.HasSuffix(s, ","+r)) {
				best = r
			}
		}
	}
	if best == "" {
		i := strings.LastIndexByte(s, ',')
		best = strings.TrimSpace(s[i+1:])
	}
	provider = strings.TrimSpace(strings.TrimRight(strings.TrimSuffix(s, best), ", "))
	return provider, best
}
