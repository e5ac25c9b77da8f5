package layout

// WordSet finds which of a fixed set of lower-case words a text holds,
// ignoring ASCII case, in one pass over the text and without allocating:
// the words are indexed by their first byte. Each word carries a tag bit;
// Tags returns the bits of the words found.
type WordSet struct {
	byFirst [256][]tagged
}

type tagged struct {
	word string
	tag  uint32
}

// NewWordSet returns a set of the words, all tagged 1.
func NewWordSet(words ...string) *WordSet {
	w := &WordSet{}
	w.Add(1, words...)
	return w
}

// Add adds words (lower case) under the tag bits.
func (w *WordSet) Add(tag uint32, words ...string) {
	for _, s := range words {
		if s == "" {
			continue
		}
		c := s[0]
		w.byFirst[c] = append(w.byFirst[c], tagged{s, tag})
		if c >= 'a' && c <= 'z' {
			w.byFirst[c-'a'+'A'] = append(w.byFirst[c-'a'+'A'], tagged{s, tag})
		}
	}
}

// In reports whether s holds one of the words.
func (w *WordSet) In(s string) bool { return w.tags(s, true) != 0 }

// Tags returns the union of the tags of the words s holds.
func (w *WordSet) Tags(s string) uint32 { return w.tags(s, false) }

func (w *WordSet) tags(s string, first bool) uint32 {
	var got uint32
	for i := 0; i < len(s); i++ {
		for _, t := range w.byFirst[s[i]] {
			if got&t.tag == t.tag || !hasFoldAt(s, i, t.word) {
				continue
			}
			got |= t.tag
			if first {
				return got
			}
		}
	}
	return got
}

// hasFoldAt reports whether s holds the lower-case word at i, ignoring
// ASCII case.
func hasFoldAt(s string, i int, word string) bool {
	if i+len(word) > len(s) {
		return false
	}
	for j := 1; j < len(word); j++ {
		c := s[i+j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[j] {
			return false
		}
	}
	return true
}
