// Package rules is medchron's offline extractor: regular expressions and
// layout heuristics, no network and no model.
//
// Extract cuts a document (often a whole bundle of notes from many
// providers) into notes at new titles, letterheads and date-of-service
// labels, then reads each note's date of service (preferring labelled dates
// and rejecting dates of birth, injury, printing, faxing, follow-up and
// history), its provider and clinician, its sections (complaints, findings,
// assessment, plan), diagnoses with ICD-10-CM codes, procedures,
// medications, pain score, work status, referrals and orders. Itemized bills
// become bill lines and printed totals. Every fact carries citations whose
// quotes are verbatim substrings of the cited page's text.
//
// An optional CodeBook, such as one loaded from the CMS ICD-10-CM order file
// with icd10.LoadOrderFile, validates codes and supplies their descriptions.
package rules
