// Package demand drafts a personal-injury demand letter from a chronology.
//
// Generate fills embedded text/template files (templates/*.md.tmpl) with
// sentences built only from entries that are verified (Verified is true and
// the review is not "rejected"); every factual sentence about treatment ends
// with a bracketed citation naming the provider, the Bates number or file,
// and the page. Amounts come only from the chronology's specials; the demand
// amount is left as a placeholder for the attorney. Each section starts as a
// draft and is approved one by one; WriteMarkdown and WriteDOCX render the
// draft, marking every section still awaiting approval.
package demand
