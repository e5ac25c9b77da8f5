package demand

import "github.com/medchron/medchron/chronology"

// Basis says on what footing a draft states an entry's facts.
type Basis string

// Bases of an entry a draft may use.
const (
	// BasisReviewed: a person verified or corrected the entry.
	BasisReviewed Basis = "reviewed"
	// BasisGrounded: nobody reviewed the entry, but every quote it cites
	// was found on its page. Its facts are stated with the mark
	// UnreviewedMark, and the section stating them cannot be approved.
	BasisGrounded Basis = "grounded"
)

// Reasons an entry is left out of a draft.
const (
	// ReasonRejected: a reviewer rejected the entry.
	ReasonRejected = "rejected"
	// ReasonUngrounded: nobody reviewed the entry and a quote it cites was
	// not found on its page.
	ReasonUngrounded = "ungrounded"
)

// UnreviewedMark follows the citation of every fact taken from an entry
// nobody has reviewed yet. It is a bracket, so the section cannot be
// approved while it stands (see Finished).
const UnreviewedMark = "[not yet reviewed]"

// Eligible is the one policy deciding which chronology entries a demand
// draft may use, for the command line and the web application alike:
//
//   - rejected by a reviewer: left out (ReasonRejected);
//   - verified or corrected by a person: used (BasisReviewed), even when
//     the automatic quote check failed, because the reviewer read the page;
//   - not reviewed, quotes found on their pages: used (BasisGrounded), each
//     fact marked UnreviewedMark, and the sections holding such facts
//     cannot be approved until the entries are reviewed and the draft is
//     generated again;
//   - not reviewed, a quote not found: left out (ReasonUngrounded).
//
// basis is empty exactly when the entry is left out, and reason then says
// why.
func Eligible(e chronology.Entry) (basis Basis, reason string) {
	switch {
	case e.Review == chronology.ReviewRejected:
		return "", ReasonRejected
	case e.Reviewed():
		return BasisReviewed, ""
	case grounded(e):
		return BasisGrounded, ""
	default:
		return "", ReasonUngrounded
	}
}

// grounded reports whether every quote of the entry was found on its
// page: chronology.Entry.Grounded carries that automatic check (not a
// person's review).
func grounded(e chronology.Entry) bool { return e.Grounded }
