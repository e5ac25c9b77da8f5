package web

import "net/http"

// routes registers the browser application. Every route is registered
// with s.handle in one of the routes* functions, so that Routes lists it
// and the access-control test walks it.
func (s *Server) routes() {
	s.handle("GET /static/", staticHandler())
	s.handle("GET /{$}", s.page(func(w http.ResponseWriter, r *http.Request, _ *reqCtx) {
		http.Redirect(w, r, "/matters", http.StatusSeeOther)
	}))
	s.routesAccount()
	s.routesReview()
}
