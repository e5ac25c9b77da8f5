// Package check reconciles the text of a demand-letter section with the
// chronology and its ledger, sentence by sentence, so that an editor can
// mark a sentence that states something the records do not support and
// approval can be refused while one does.
//
// New indexes a chronology once; Checker.Check splits a section's text
// (Markdown: paragraphs, "### " headings, "- " bullets, pipe tables) into
// sentences and finds in each one every
//
//   - amount ("$1,234.56"), which must equal a bill line (charge, payment,
//     adjustment or balance), a visit's charges (one provider, one date), a
//     provider total (charges, payments, adjustments, balance), a printed
//     bill total, a kind total (all charges, payments, adjustments or
//     balance; the charges of one kind of provider) or the grand total, or
//     an attorney input given in Options; when the sentence names a
//     provider, the figure must be that provider's or matter-wide;
//   - date (03/14/2023, 3/14/23, 2023-03-14, March 14, 2023, 14 March 2023
//     …), which must be an entry's date or the end of its range, a bill's
//     date of service, the date of incident or an attorney input; when the
//     sentence names a provider, an entry or bill of that provider must fall
//     on it; a date printed in a record the sentence cites is accepted as
//     quoted from it;
//   - provider name (a facility or practice, "Dr. Name", "Name, MD"), which
//     must be a chronology provider, one of its aliases or printed names, or
//     a clinician of an entry;
//   - diagnosis, as an ICD-10 code (which must be a code of an entry) or a
//     name built on a diagnostic term (sprain, radiculopathy, concussion …;
//     see DiagnosisTerms), whose words must all be found in one entry's
//     diagnoses, assessment, findings or complaints;
//   - visit count ("12 visits", "twelve physical therapy sessions"), which
//     must equal the number of entries of the provider the sentence names
//     (or of the provider kind it names, or of the whole matter): all dated
//     entries, those after the incident, or the eligible ones among them.
//
// Citations — "[Provider, MC000012, p. 12]", and the rebuilt letter's
// "(Ex. 2, MC000012)", "(Ex. 3, records.pdf p. 4)" or "(MC000012)" — are
// read to know which entries a sentence cites; one that names a page no
// entry or bill cites fails, and a provider it names is checked like any
// other. Other brackets (placeholders such as "[Attorney to insert …]",
// "[not yet reviewed]") are not checked here: approval refuses them
// separately (demand.Finished).
//
// The result, a Report, lists every sentence with its span in the text and
// its findings, each with what it matched or why it failed.
package check
