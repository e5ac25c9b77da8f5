// Package oracle answers the LLM extractor's requests with the true facts
// of a labelled bundle: an OpenAI-compatible chat-completions server that
// reads the pages each request holds and replies, in the extractor's answer
// schema (llm.Answer), with what the bundle's truth says is printed on them
// — page classes, encounters (undated ones too), diagnoses, bill lines with
// their codes, printed totals by kind, and the records the pages prove
// missing — each fact quoted verbatim from the page text it received.
//
// With perfect facts in, everything downstream of extraction (provider
// resolution, merging, gaps, specials, totals, duplicates, flags) must
// score exactly: the oracle test in this package keeps it so, and
// "medchron eval --extractor oracle" measures it on any labelled bundles.
// A fact the oracle cannot quote from the page it received is not invented:
// it is left out and reported by Misses.
package oracle
