package web

import "net/http"

// routes registers the browser application. Every route is listed in one
// of the routes* functions; the access-control test walks them all.
func (s *Server) routes() {
	s.mux.Handle("GET /static/", staticHandler())
	s.mux.Handle("GET /{$}", s.page(func(w http.ResponseWriter, r *http.Request, _ *reqCtx) {
		http.Redirect(w, r, "/matters", http.StatusSeeOther)
	}))
	s.routesAccount()
	s.routesReview()
}
