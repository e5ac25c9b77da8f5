// Package adjuster reads a chronology the way an insurance adjuster would
// before a demand letter is sent, and lists the points the insurer would
// attack, so that the attorney can answer each one (in the letter or not)
// before approving it.
//
// Read finds, from the entries, gaps and flags of the chronology:
//
//   - gaps in treatment (chronology.Gap), with the reason when the visit
//     that ends the gap gives one ("insurance authorization delay");
//   - delayed first treatment: days from the incident to the first
//     encounter after it, when more than Options.DelayDays;
//   - prior history: entries before the incident, with the body regions the
//     chronology's pre-existing flag names;
//   - missed, cancelled or no-show appointments the records mention;
//   - inconsistent pain reports: a score that jumps by PainJump points or
//     more within PainWindowDays, or two providers recording scores
//     ContradictionPoints apart within ContradictionDays;
//   - harmful phrases: activities, later injuries, recovery and
//     non-compliance in the client's own records (see Phrases: "yard work",
//     "double shift", "gym", "vacation", "moved house" …), unless negated
//     ("no lifting").
//
// Each Point has a kind, an explanation, the entries and citations
// (document, page, Bates, quote) it rests on, a stable ID and an empty
// Answer for the attorney. WithAnswers restores saved answers by ID after
// the chronology changes; Markdown renders the list.
//
// Rejected entries are left out; every other entry is read, reviewed or
// not, because the insurer has every page.
package adjuster
