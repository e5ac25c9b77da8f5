// Package demand drafts a personal-injury demand letter from a chronology,
// offline: every sentence is built by this package from the chronology's
// entries, its specials and the attorney's Inputs; no language model is
// involved.
//
// # Which entries a draft uses
//
// Eligible is the one policy, for the command line and the web alike. An
// entry a person verified or corrected (reviewed) is used. An entry nobody
// reviewed is used only when it is grounded (every quote it cites was
// found on its page), and then each of its facts is followed by
// UnreviewedMark and the section lists it in Section.Unreviewed. Rejected
// entries and unreviewed entries with a quote not found are left out and
// listed in Draft.Excluded. So a draft can be generated straight after
// processing, and says which facts nobody has checked yet; but a section
// built from unreviewed facts cannot be approved (see Finished): the
// paralegal reviews the entries and the draft is generated again. The
// letter never says "verified": "reviewed" is a person's act, "grounded"
// the automatic quote check.
//
// # The letter
//
// Generate writes, in order: an introduction with the Re: block
// (claimant, insured, claim number, date of loss, carrier, adjuster), the
// facts and liability (the mechanism of injury quoted from the first
// emergency or ambulance record, first care, the attorney's account of
// fault), the injuries (diagnoses grouped by body region with
// chronology.BodyRegions; imaging impressions and abnormal examination
// findings), the treatment as one short narrative per provider (dates,
// number of visits, first visit, procedures, pain trend, where care
// ended — never a paragraph per visit), causation and prior history,
// gaps in treatment with the reason when a record gives one, future
// care, lost wages (work status from the records, wage loss from the
// inputs; present when either exists), the medical specials per
// provider (billed, adjustments, paid, balance, from the chronology's
// specials only) with PIP, MedPay, out-of-pocket costs and liens, pain
// and suffering from the daily-life effects the records describe (sleep,
// driving, work, household, self-care, recreation — not pain scores),
// the demand with its damages summary and deadline in the variant the
// inputs choose (bodily injury, UM/UIM, time-limited policy-limits
// offer), and the exhibits with their Bates ranges. Citations read
// "(Ex. N, BATES)" — one exhibit per provider — so that a square bracket
// in a letter always means something left to do: a missing input stays
// a bracketed placeholder, and Finished refuses approval while any
// bracket remains. An all-approved letter holds none.
//
// Each section starts as a draft and is approved one by one (Draft.Approve,
// or Record.Approve for the stored versions); WriteMarkdown and WriteDOCX
// render the letter, marking every section still awaiting approval.
package demand
