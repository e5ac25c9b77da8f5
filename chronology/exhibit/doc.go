// Package exhibit builds the exhibit of a matter's records: one PDF of every
// record document, in the order the caller gives (by provider, then date,
// then upload order), each page stamped with the Bates number the
// chronology cites for it, with an outline (bookmarks) of one entry per
// provider and, under it, one entry per document pointing at the
// document's first page.
//
// Build reads each document with pdfcpu, merges them into one PDF in
// memory, stamps every page in one pass (pdfcpu text stamps: the Bates
// number at the bottom right, an optional footer such as "DRAFT" or a
// confidentiality legend at the bottom left), adds the outline last (a
// merge would drop it) and writes the result once. It never writes
// pdfcpu's configuration directory.
//
// The Bates numbers continue across documents as chronology.Build numbers
// them: a document's pages carry BatesFirst, BatesFirst+1, and so on, with
// the prefix and the six-digit zero padding of chronology.Build. Errors
// name the file (and page when there is one) and never contain page text.
package exhibit
