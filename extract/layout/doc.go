// Package layout reads how a record bundle is laid out before any fact is
// read from it, for every extractor: the rules extractor builds on it and
// the LLM extractor shows its page classes and providers to the model.
//
// Analyze does, in one pass over the lines and one over the pages:
//
//   - Lines. Every non-empty line keeps its byte offset in the page text,
//     so any quote cut from it is a verbatim substring of its page (the
//     grounding check and the page highlights depend on it). Each line is
//     classified once: its dates, the label in front of each (service,
//     birth, injury, signature, follow-up), a document title, a letterhead,
//     the note section a heading opens, whether it belongs to a header
//     block. The rows of a card that prints its year once and each visit
//     as month and day are dated in that year (yearless.go).
//   - Boilerplate. Fax transmission lines and print stamps by their words;
//     Bates stamps by their shape; running headers and footers as lines
//     that, with their digits masked, stand at the top or bottom of two or
//     more pages. Boilerplate is provider evidence at most and never part
//     of a field.
//   - Page classes, decided from the page as a whole (phrases counted in
//     one lookup table, table rows that open with dates, money amounts,
//     revenue codes, headings, prose): clinical note, visit log, report,
//     bill (UB-04, CMS-1500, itemized, ledger, pharmacy, invoice), EOB,
//     administrative, blank, other (flowsheets, exercise logs, MARs). A
//     page showing nothing of its own continues the page before it.
//   - Sections and providers. Evidence of who made each page, strongest
//     first: a facility label, a letterhead, a running header, a bill
//     header, a running footer, a custodian certification, a fax sender.
//     A page naming another provider than its section starts a new
//     section; a page naming none belongs to the section it falls in;
//     "unknown" only when nothing in the section names one.
//     Administrative pages name no provider except through a custodian
//     certification or a fax cover; EOBs name none.
//
// The package knows nothing of facts: dates of service, diagnoses and bill
// lines are the extractors' to read.
package layout
