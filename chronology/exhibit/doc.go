// Package exhibit builds the exhibit of a matter's records: one PDF of every
// record document, in the order the caller gives (by provider, then date,
// then upload order), each page stamped with the Bates number the
// chronology cites for it, with an outline (bookmarks) of one entry per
// provider and, under it, one entry per document pointing at the
// document's first page and, under that, one per encounter the
// chronology cites in it (Doc.Marks). With Options.Index (as WriteMatter
// builds it) the exhibit opens with index pages: every document under its
// provider with its Bates range and page count, each line a link to it;
// the index pages carry no Bates number.
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
