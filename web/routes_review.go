package web

// routesReview registers the chronology view, page images, entry review
// and the demand editor.
func (s *Server) routesReview() {
}
