package sqlite_test

import (
	"github.com/medchron/medchron/store/sqlite"
	"github.com/medchron/medchron/web"
)

// The SQLite store is everything the web application persists.
var _ web.Store = (*sqlite.Store)(nil)
