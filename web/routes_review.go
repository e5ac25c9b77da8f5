package web

import "github.com/medchron/medchron/access"

// routesReview registers the chronology view, page images, entry review
// and the demand editor.
func (s *Server) routesReview() {
	s.handle("GET /matters/{matter}/chronology", s.matterPage(access.ViewMatter, s.chronologyPage))
	s.handle("GET /matters/{matter}/entries/{entry}", s.matterPage(access.ViewMatter, s.entryView))
	s.handle("POST /matters/{matter}/entries/{entry}/review", s.matterPage(access.ReviewEntries, s.entryReview))
	s.handle("POST /matters/{matter}/review/bulk", s.matterPage(access.ReviewEntries, s.reviewBulk))
	s.handle("GET /matters/{matter}/documents/{doc}", s.matterPage(access.ViewMatter, s.documentDownload))
	s.handle("GET /matters/{matter}/documents/{doc}/pages/{page}", s.matterPage(access.ViewMatter, s.pageView))
	s.handle("GET /matters/{matter}/documents/{doc}/pages/{page}/image.png", s.matterPage(access.ViewMatter, s.pageImage))
	s.handle("GET /matters/{matter}/demand", s.matterPage(access.ViewMatter, s.demandPage))
	s.handle("POST /matters/{matter}/demand/generate", s.matterPage(access.GenerateDemand, s.demandGenerate))
	s.handle("GET /matters/{matter}/demand/{section}", s.matterPage(access.ViewMatter, s.demandSectionEdit))
	s.handle("POST /matters/{matter}/demand/{section}", s.matterPage(access.EditDemand, s.demandSectionSave))
	s.handle("GET /matters/{matter}/demand/{section}/diff", s.matterPage(access.ViewMatter, s.demandSectionDiff))
	s.handle("POST /matters/{matter}/demand/{section}/approve", s.matterPage(access.ApproveDemand, s.demandSectionApprove))
	s.handle("GET /matters/{matter}/search", s.matterPage(access.ViewMatter, s.searchPage))
}
