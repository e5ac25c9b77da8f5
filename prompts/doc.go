// Package prompts holds medchron's LLM prompt templates, embedded in the
// binary and versioned.
//
// An extraction prompt is a pair of text/template files under extract/,
// named v<N>.system.tmpl and v<N>.user.tmpl, whose version string is
// "extract-v<N>". The version is recorded with every fact an LLM extracts,
// so a published version must never change: versions.txt holds the sha256
// of each version's files and a test fails when a file no longer matches.
// To change a prompt, add the next version and move LatestExtraction to it.
//
// A demand-letter section prompt is one file under demand/, named
// <section>.v<N>.md (the system message of that section), whose version is
// "demand-<section>-v<N>", checksummed in demand/versions.txt the same way.
// The drafter (demand/llmdraft) sends the reviewed facts and the ledger as
// JSON in the user message, between the same data delimiters.
//
// The system message is rendered without any record text; the pages go only
// into the user message, between explicit data delimiters, so that text
// printed on a page cannot pose as an instruction.
package prompts
