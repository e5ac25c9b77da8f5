package search

import "strings"

// MaxQueryTokens bounds the words of a query kept for full-text search.
const MaxQueryTokens = 32

// Query is a user's search text parsed into words and quoted phrases,
// each reduced to folded word tokens (see Tokens). Operators and
// punctuation are not syntax: "AND", "-" or "*" are words or separators.
// A store turns a Query into its own full-text syntax.
type Query struct {
	// Phrases are the quoted parts of at least two words, in order.
	Phrases [][]string
	// Terms are the words outside quotes (and one-word quotes), in order.
	Terms []string
}

// ParseQuery parses q. Text between double quotes is a phrase; a quote
// left open is ignored.
func ParseQuery(q string) Query {
	var out Query
	n := 0
	add := func(part string, quoted bool) {
		toks := Tokens(part)
		if n+len(toks) > MaxQueryTokens {
			toks = toks[:max(0, MaxQueryTokens-n)]
		}
		n += len(toks)
		switch {
		case len(toks) == 0:
		case quoted && len(toks) > 1:
			out.Phrases = append(out.Phrases, toks)
		default:
			out.Terms = append(out.Terms, toks...)
		}
	}
	parts := strings.Split(q, `"`)
	for i, part := range parts {
		// An odd part is quoted, unless its quote is never closed.
		add(part, i%2 == 1 && i < len(parts)-1)
	}
	return out
}

// Empty reports whether q has no word to search for.
func (q Query) Empty() bool { return len(q.Phrases) == 0 && len(q.Terms) == 0 }

// Tokens returns every word of q: the phrases' then the terms'.
func (q Query) Tokens() []string {
	var out []string
	for _, p := range q.Phrases {
		out = append(out, p...)
	}
	return append(out, q.Terms...)
}
