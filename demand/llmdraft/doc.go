// Package llmdraft drafts demand-letter sections through an
// OpenAI-compatible chat endpoint, optionally: the offline letter of
// package demand needs no model.
//
// A Drafter sends one section's versioned prompt (package prompts,
// demand/<section>.v<N>.md) as the system message and, as the user
// message, only the facts the draft may use: the entries the demand
// package's eligibility policy admits (reviewed by a person), with their
// ids, the providers' visit counts and dates, the gaps and the specials
// ledger, as JSON between data delimiters. The model answers sentences,
// each naming the entry ids it relies on.
//
// Every sentence is then validated: it must cite at least one entry, every
// id must be one of the entries sent (an unknown or ineligible id is a
// problem), and the text may hold no brackets of its own. The citations
// are rendered as the demand letter renders them ("(MC000003)", or the
// letter's "(Ex. 2, MC000003)" through Request.Cite) and the rendered
// sentence is run through the reconciliation
// checker (demand/check), with the entries it cites. A sentence that fails
// is kept, never dropped: it is returned with its problems and findings,
// and in Draft.Body it is followed by a "[Check failed: …]" note, which
// keeps the section from being approved until an editor fixes it.
//
// Configuration is passed in (Config); the package reads no environment.
package llmdraft
