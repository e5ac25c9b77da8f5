// Package textutil holds the small text helpers several packages share:
// folding white space, formatting money and the edit distance between two
// words. It depends on nothing of medchron's, so any package may use it.
package textutil
