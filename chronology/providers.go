package chronology

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/medchron/medchron/internal/textutil"
)

// mention is one printed provider name found in the records.
type mention struct {
	name string // as printed, whitespace folded; or unknownMarker+document
	kind string // ProviderKind of an encounter, "" for bills
	npi  string
	// phone is the practice's telephone number its letterhead prints,
	// digits only ("" when none).
	phone string
	// section is the provider of the document section the fact's page
	// belongs to, as the extractor decided it ("" when none).
	section string
}

// providerKey is the comparison key of a mention's name: NormalizeProvider,
// or "unknown:<document>" for a document's unknown provider.
func providerKey(name string) string {
	if doc, ok := unknownDoc(name); ok {
		return "unknown:" + doc
	}
	return NormalizeProvider(name)
}

// isUnknownKey reports whether a key is a document's unknown provider.
func isUnknownKey(k string) bool { return strings.HasPrefix(k, "unknown:") || k == "unknown" }

// providerCluster is one provider after merging name variants.
type providerCluster struct {
	key   string // representative key (the shortest of its keys)
	id    string
	name  string
	forms map[string]int
	kinds map[string]int
	npis  map[string]int
	// unknownDoc is the document whose unknown provider this is, else "".
	unknownDoc string
}

// providerIndex resolves printed names to merged providers.
type providerIndex struct {
	byKey    map[string]*providerCluster
	clusters []*providerCluster
}

// newProviderIndex merges the mentions into providers: equal keys first,
// then department names into their parent facility, then a dashed name
// into the practice its head names, then keys similar enough by
// similarKeys. A document's unknown provider is never merged with
// anything.
func newProviderIndex(ms []mention) *providerIndex {
	count := map[string]int{}
	for _, m := range ms {
		count[providerKey(m.name)]++
	}
	keys := make([]string, 0, len(count))
	known := map[string]bool{}
	for k := range count {
		keys = append(keys, k)
		known[k] = true
	}
	slices.Sort(keys)
	uf := newUnionFind(keys)
	for _, k := range keys {
		if isUnknownKey(k) {
			continue
		}
		if p, ok := parentKey(k, known); ok {
			uf.union(k, p)
		}
	}
	// One department of a facility that never prints its own name alone,
	// named two ways ("Bayview Gen Hosp - Emergency Services" on the bill,
	// "Bayview General Hosp ER" on the record), is one provider; two
	// departments of it (its ER and its radiology) stay two.
	byDept := map[[2]string]string{}
	for _, k := range keys {
		if base, kind, ok := departmentOf(k); ok && !isUnknownKey(k) {
			if first, seen := byDept[[2]string{base, kind}]; seen {
				uf.union(k, first)
			} else {
				byDept[[2]string{base, kind}] = k
			}
		}
	}
	for _, m := range ms {
		if h, ok := dashHead(m.name); ok {
			if p, ok := headKey(providerKey(m.name), h, keys, known); ok {
				uf.union(providerKey(m.name), p)
			}
		}
	}
	for i, a := range keys {
		for _, b := range keys[i+1:] {
			if !isUnknownKey(a) && !isUnknownKey(b) && similarKeys(a, b) {
				uf.union(a, b)
			}
		}
	}
	for k, p := range sectionAliases(ms, keys, known) {
		uf.union(k, p)
	}
	for _, pair := range sameNumber(ms) {
		uf.union(pair[0], pair[1])
	}
	px := &providerIndex{byKey: map[string]*providerCluster{}}
	for _, k := range keys {
		root := uf.find(k)
		c := px.byKey[root]
		if c == nil {
			c = &providerCluster{key: root, forms: map[string]int{}, kinds: map[string]int{}, npis: map[string]int{}}
			px.byKey[root] = c
			px.clusters = append(px.clusters, c)
		}
		px.byKey[k] = c
	}
	for _, m := range ms {
		c := px.byKey[providerKey(m.name)]
		if _, unknown := unknownDoc(m.name); unknown {
			continue
		}
		if f := textutil.FoldSpace(m.name); f != "" {
			c.forms[f]++
		}
		if m.kind != "" {
			c.kinds[m.kind]++
		}
		if m.npi != "" {
			c.npis[m.npi]++
		}
	}
	for _, c := range px.clusters {
		c.id = "prov-" + shortHash(c.key)
		c.name = niceCase(displayForm(c.forms))
		if doc, ok := strings.CutPrefix(c.key, "unknown:"); ok {
			// Every document's unknown provider has its own id; the name
			// stays the one readers and tools know, and the document's
			// unknown_provider flag names the file.
			c.unknownDoc = doc
			c.name = UnknownProvider
		}
		if c.name == "" {
			c.name = UnknownProvider
		}
	}
	return px
}

// sectionAliases finds names printed only inside another provider's
// document sections: a name all of whose facts lie on pages whose section
// provider (decided by the extractor over the whole document: letterhead,
// running header, fax sender) is one other provider S, and which shares a
// distinctive word with S, is a name S prints itself under ("Lakeside
// Ortho – Sports Med" on the ledger of "Lakeside Bone & Joint
// Specialists"). It maps such keys to the key of S.
func sectionAliases(ms []mention, keys []string, known map[string]bool) map[string]string {
	sections := map[string]map[string]bool{}
	for _, m := range ms {
		k := providerKey(m.name)
		if isUnknownKey(k) {
			continue
		}
		if sections[k] == nil {
			sections[k] = map[string]bool{}
		}
		s := NormalizeProvider(m.section)
		if m.section == "" || unknownKeys[s] {
			s = "" // a fact outside any section: the name stands alone
		}
		sections[k][s] = true
	}
	out := map[string]string{}
	for _, k := range keys {
		if len(sections[k]) != 1 {
			continue
		}
		var s string
		for s = range sections[k] {
		}
		if s == "" || s == k || similarKeys(s, k) || !shareDistinctive(s, k) {
			continue
		}
		if known[s] {
			out[k] = s
			continue
		}
		for _, o := range keys {
			if o != k && !isUnknownKey(o) && !isDepartment(o) && similarKeys(s, o) {
				out[k] = o
				break
			}
		}
	}
	return out
}

// sameNumber pairs the keys of names printed over one telephone number or
// one NPI that share a distinctive word: a practice's other names for
// itself on some of its forms ("Lakeside Ortho – Sports Med" on the work
// status form of "Lakeside Bone & Joint Specialists", under the same
// letterhead number). A number shared by names with no word in common (a
// hospital's switchboard printed by a reading group) joins nothing, nor do
// two departments of one facility (otherDepartments).
func sameNumber(ms []mention) [][2]string {
	byNumber := map[string][]string{}
	for _, m := range ms {
		k := providerKey(m.name)
		if isUnknownKey(k) {
			continue
		}
		for _, n := range []string{"tel:" + m.phone, "npi:" + m.npi} {
			if !strings.HasSuffix(n, ":") && !slices.Contains(byNumber[n], k) {
				byNumber[n] = append(byNumber[n], k)
			}
		}
	}
	var out [][2]string
	for _, n := range slices.Sorted(maps.Keys(byNumber)) {
		ks := byNumber[n]
		for i, a := range ks {
			for _, b := range ks[i+1:] {
				if shareDistinctive(a, b) && !otherDepartments(a, b) {
					out = append(out, [2]string{a, b})
				}
			}
		}
	}
	return out
}

// otherDepartments reports whether two keys name two departments of a
// facility of different kinds (its radiology and its emergency
// department), which print the facility's one switchboard and stay two.
func otherDepartments(a, b string) bool {
	_, ka, okA := departmentOf(a)
	_, kb, okB := departmentOf(b)
	return okA && okB && ka != kb
}

// shareDistinctive reports whether two keys share a word that is not
// generic.
func shareDistinctive(a, b string) bool {
	tb := strings.Fields(b)
	for _, x := range strings.Fields(a) {
		if !genericTokens[x] && slices.ContainsFunc(tb, func(y string) bool { return tokensMatch(x, y) }) {
			return true
		}
	}
	return false
}

// dashHead returns the part of a printed name before a spaced dash, which
// names the practice whose department, site or service line follows
// ("Harborview Orthopaedics – Spine Center"); false when there is none or
// it is a single word.
func dashHead(name string) (string, bool) {
	for _, sep := range []string{" - ", " – ", " — "} {
		if i := strings.Index(name, sep); i > 0 {
			head := strings.TrimSpace(name[:i])
			return head, len(providerTokens(head)) >= 2
		}
	}
	return "", false
}

// headKey returns the known key the head of a dashed name stands for: its
// own key, or one similar to it that is not itself a department; key is
// the whole name's key.
func headKey(key, head string, keys []string, known map[string]bool) (string, bool) {
	h := NormalizeProvider(head)
	if h == key || unknownKeys[h] {
		return "", false
	}
	if known[h] {
		return h, true
	}
	for _, o := range keys {
		if o != key && !isUnknownKey(o) && !isDepartment(o) && similarKeys(h, o) {
			return o, true
		}
	}
	return "", false
}

// lookup returns the provider of a name (which must have been among the
// mentions).
func (px *providerIndex) lookup(name string) *providerCluster {
	return px.byKey[providerKey(name)]
}

// find returns the provider a printed name stands for, which need not
// have been among the mentions: the provider with its key, else one whose
// key is similar by similarKeys or is its parent facility; nil when none.
func (px *providerIndex) find(name string) *providerCluster {
	k := NormalizeProvider(name)
	if unknownKeys[k] {
		return nil
	}
	if c := px.byKey[k]; c != nil {
		return c
	}
	known := map[string]bool{}
	keys := make([]string, 0, len(px.byKey))
	for key := range px.byKey {
		if !isUnknownKey(key) {
			keys = append(keys, key)
			known[key] = true
		}
	}
	slices.Sort(keys)
	for _, key := range keys {
		if similarKeys(k, key) {
			return px.byKey[key]
		}
	}
	if p, ok := parentKey(k, known); ok {
		return px.byKey[p]
	}
	return nil
}

// providers lists the merged providers that are used, sorted by name.
func (px *providerIndex) providers(used map[string]bool) []Provider {
	out := []Provider{}
	for _, c := range px.clusters {
		if !used[c.id] {
			continue
		}
		p := Provider{ID: c.id, Name: c.name, Kind: mostFrequent(c.kinds, false), NPI: mostFrequent(c.npis, false)}
		canonical := displayForm(c.forms)
		for f := range c.forms {
			if f != canonical {
				p.Aliases = append(p.Aliases, f)
			}
		}
		slices.Sort(p.Aliases)
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Provider) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// displayForm picks the printed form to show for a provider: the one with
// the fewest abbreviated words ("Lakeview Memorial Hospital" over "Lakeview
// Mem Hosp ED", "Family First" over an OCR'd "Family Ist"), then the most
// frequent, then the longest.
func displayForm(forms map[string]int) string {
	best, bestPen, bestN := "", 0, 0
	for f, n := range forms {
		pen := abbreviated(f)
		switch {
		case best == "":
		case pen != bestPen:
			if pen > bestPen {
				continue
			}
		case n != bestN:
			if n < bestN {
				continue
			}
		case len(f) != len(best):
			if len(f) < len(best) {
				continue
			}
		case f > best:
			continue
		}
		best, bestPen, bestN = f, pen, n
	}
	return best
}

// abbreviated counts the words of a printed name that are abbreviations of
// longer words (Ctr, Hosp, St, PT, 1st) rather than spelling variants.
func abbreviated(name string) int {
	n := 0
	for _, w := range strings.Fields(strings.ToLower(name)) {
		w = strings.Trim(w, ".,'’")
		if exp, ok := tokenSynonyms[w]; ok && w != "&" && len(exp) >= len(w)+2 {
			n++
		}
	}
	return n
}

// mostFrequent returns the key with the highest count; ties go to the
// longest key when preferLong is set, then to the smallest key.
func mostFrequent(counts map[string]int, preferLong bool) string {
	best, bestN := "", 0
	for k, n := range counts {
		switch {
		case n > bestN:
		case n < bestN:
			continue
		case preferLong && len(k) != len(best):
			if len(k) < len(best) {
				continue
			}
		case k > best:
			continue
		}
		best, bestN = k, n
	}
	return best
}

// unionFind groups keys; the root of a group is its shortest key (ties: the
// smallest), so that a facility's id does not depend on its departments.
type unionFind struct{ parent map[string]string }

func newUnionFind(keys []string) *unionFind {
	u := &unionFind{parent: map[string]string{}}
	for _, k := range keys {
		u.parent[k] = k
	}
	return u
}

func (u *unionFind) find(k string) string {
	for u.parent[k] != k {
		u.parent[k] = u.parent[u.parent[k]]
		k = u.parent[k]
	}
	return k
}

func (u *unionFind) union(a, b string) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if len(rb) < len(ra) || len(rb) == len(ra) && rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
}
