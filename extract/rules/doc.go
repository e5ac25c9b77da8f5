// Package rules is medchron's offline extractor: regular expressions and
// layout heuristics, no network and no model.
//
// It reads facts on top of package layout, which has already cut the
// document into lines (each classified once), classified every page and
// resolved the provider of every section from letterheads, running
// headers, fax banners, bill headers and custodian certifications.
// Extract then reads each run of pages by its class:
//
//   - Clinical notes and reports are cut into notes at new titles,
//     letterheads and date-of-service labels (segment.go). A note's date of
//     service is chosen by its label (service, birth, injury, signature,
//     print, follow-up; a laboratory report's is the specimen's
//     collection) and its place, and a letter's visit date is read from
//     its prose (dos.go); a note that prints none is kept undated,
//     cited by its title or first line, never dropped and never given a
//     wrong date. Its provider is its own facility label or letterhead,
//     else its section's. Sections are read by meaning (visit.go,
//     clinical.go, codes.go): negated findings are no diagnoses, goals and
//     history no work status, initials no medications; titles, signature
//     blocks, boilerplate and table rows end or stay out of a section.
//     An imaging report filed in another provider's packet opens a run of
//     its own, under its reading group.
//   - Visit logs give one encounter per dated row (visitlog.go), also
//     when each row has a note under it, per dated column of a flowsheet
//     (visitgrid.go; its orientation read from where its dates stand) and
//     per card of visit cards printed side by side (visitcards.go), with
//     its pain score, CPT codes and the clinician its initials stand for.
//     A row whose status or note says the visit was not made is none.
//   - Bills of every family go through one row reader (billrow.go):
//     revenue code, CPT/HCPCS with modifiers, units, amounts mapped to
//     their header columns; claim forms add their date cells and split
//     cents. Rows are charges, payments or adjustments; printed totals are
//     kept by kind (charges, payments, adjustments, balance) and never
//     counted as lines (billread.go, billtotals.go). A facility's detail
//     bill groups its rows under revenue-code headings: each row takes its
//     group's code; a rate column is the price of one unit, not the
//     charge. A pharmacy's fills grouped under a prescription header are
//     a line each, billing the header's drug; rows OCR ran together or cut
//     from their amounts, amounts OCR glued together, and amounts OCR
//     moved away from their captions, are read back (billgroup.go).
//     Receipts and slips print a service as a block of labelled fields
//     (date of service, service, fee, paid): each block is one item, a
//     block that itemises no service a payment, and a slip or row stamped
//     void nothing (billslip.go).
//   - Administrative, EOB, blank and other pages (flowsheets, exercise
//     logs) yield nothing.
//
// Every encounter's first citation holds its date (or, undated, its
// title), and every quote is a verbatim substring of its page. Notes also
// give evidence of records that should exist elsewhere (expected.go): an
// arrival by ambulance, ordered studies, referrals out, follow-ups, reports
// not received.
//
// An optional CodeBook, such as an icd10.Book loaded with
// icd10.LoadOrderFile, validates codes and supplies their descriptions.
package rules
