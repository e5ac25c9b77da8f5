// Package icd10 holds the ICD-10-CM code book: the official code table
// loaded from the CMS order file (fixed-width or CSV) or from a store's
// imported copy, to validate diagnosis codes and describe them.
//
// The extractors use a Book through their own narrow interfaces (a code is
// known, and what it means); finding codes in page text is theirs.
package icd10
