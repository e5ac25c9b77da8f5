package postgres

import "github.com/medchron/medchron/web"

// The PostgreSQL store is everything the web application persists.
var _ web.Store = (*Store)(nil)
