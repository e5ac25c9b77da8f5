package chronology

import (
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/claimref"
)

// ClaimReference is a claim number or payer the bills, claim forms and
// administrative pages print, offered to the attorney for the demand's Re:
// block; never taken into a letter without their confirmation.
type ClaimReference = claimref.Reference

// claimReferences finds the claim numbers and payers printed on the
// matter's bill, EOB and administrative pages (every page when the
// extractor classified none: a clinical note's "Primary:" is a diagnosis,
// not a payer), with Bates numbers on their citations.
func claimReferences(sources []Source, classes classIndex, px *pageIndex) []ClaimReference {
	var pages []extract.Page
	for si := range sources {
		s := &sources[si]
		for _, p := range s.Pages {
			info, classified := classes[pageRef{s.Document.ID, p.Number}]
			if classified && info.Class != extract.PageBill && info.Class != extract.PageEOB && info.Class != extract.PageAdmin {
				continue
			}
			pages = append(pages, p)
		}
	}
	refs := claimref.Find(pages)
	for i := range refs {
		for j := range refs[i].Citations {
			c := &refs[i].Citations[j]
			if info := px.byRef[pageRef{c.DocumentID, c.Page}]; info != nil {
				c.Bates = info.bates
			}
		}
	}
	return refs
}
