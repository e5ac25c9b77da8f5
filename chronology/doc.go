// Package chronology turns what the extractors found in a matter's documents
// into one cited medical chronology, shaped as chronology.json.
//
// Build is the engine: it numbers the pages (Bates), verifies every citation
// against its page with extract.Grounded, finds duplicate pages, merges the
// printed variants of each provider's name into one provider (abbreviations
// and department suffixes kept as aliases), merges encounters of the same
// visit into one entry whose first citation holds its date, keeps records
// without a date of service as undated entries, computes treatment gaps and
// the medical specials in integer cents (charges from charge lines only;
// payments and adjustments per provider), reconciles printed totals by kind,
// and raises the flags a reviewer must see (ungrounded facts, pre-existing
// conditions, missing records of any kind of care, bills without records,
// printed totals that do not add up, unreadable pages, undated records,
// documents that name no provider, dates no quote holds). The page classes
// the extractors decide are honoured: administrative and blank pages create
// no entry, bill or provider; EOB lines never add charges.
// Everything here is a pure function over structs: no I/O, no logging.
package chronology
