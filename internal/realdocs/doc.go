// Package realdocs measures the pipeline on hand-labelled real documents:
// public records from ../shared/data (rendered MTSamples notes and C-CDA
// documents, MTSamples, Synthea and ACI-bench notes rendered to PDF at run
// time, a handwritten note, an insurance card), each read by a person and
// labelled in testdata/real/. The documents themselves are never copied
// into the repository: a truth file names its source by path under the
// shared data folder, with the SHA-256 of the file (or of the CSV row's
// rendered fields), so a changed source is detected before anything is
// measured.
//
// # Labels
//
// A truth file holds one document: its class, its dates of service as
// printed (with the exact text), or undated when it prints none (injury
// dates, history dates and the dates of prior records a review lists are
// not dates of service), the provider as printed ("" when none is), the
// clinician, the diagnoses printed, negated findings that must not become
// diagnoses, and notes saying why. A records review or IME is one encounter
// on the date of its own examination; the prior records it lists are
// history, never encounters of this document.
//
// # Scoring
//
// Each rendering of a document (clean, scanned) is processed alone, as a
// user would: one matter, one file, the embedded store, the rules extractor.
// Against the label:
//
//   - right date (dated documents): every labelled date of service is the
//     date of some entry (for a stay, the admission date);
//   - invented dates: entries dated on a day that is neither a labelled date
//     of service, nor inside a labelled stay, nor among the label's
//     acceptable dates (dates a careful reader could also defend);
//   - right provider (records): at least one entry, and every entry's
//     provider equals the label's after chronology.NormalizeProvider (or one
//     of its printed aliases); when the label's provider is "", every entry
//     must carry the unknown provider (an empty name or "Unknown provider");
//   - undated flagged (undated documents): an undated entry (zero date) or a
//     flag of kind "undated" exists, and no date was invented;
//   - not a record: no entry and no bill line at all;
//   - negated findings: entry diagnoses containing a labelled negated term;
//   - quotes off their page: grounded entries or bills whose quote is not
//     on the stored page they cite (extract.Grounded), or that cite a page
//     the document does not have.
//
// The figures are measured, never asserted: tests check the scorer on
// hand-made cases and that the set can be run.
package realdocs
