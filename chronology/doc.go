// Package chronology turns what the extractors found in a matter's documents
// into one cited medical chronology, shaped as chronology.json.
//
// Build is the engine: it numbers the pages (Bates), verifies every citation
// against its page with extract.Grounded, finds duplicate pages, merges the
// printed variants of each provider's name into one provider, merges
// encounters of the same visit into one entry, computes treatment gaps and
// the medical specials in integer cents, and raises the flags a reviewer must
// see (unverified facts, pre-existing conditions, missing records, bills
// without records, printed totals that do not add up, unreadable pages).
// Everything here is a pure function over structs: no I/O, no logging.
package chronology
