package web

// routesAccount registers sign-in, users, matters, uploads, exports and
// the audit log.
func (s *Server) routesAccount() {
}
