package web

import (
	"net/http"

	"github.com/medchron/medchron/access"
)

// routesAccount registers sign-in, users, matters, uploads, exports and
// the audit log.
func (s *Server) routesAccount() {
	s.handle("GET /signin", http.HandlerFunc(s.signInForm))
	s.handle("POST /signin", s.signIn())
	s.handle("POST /signout", s.page(s.signOut))

	s.handle("GET /admin/users", s.global(access.ManageUsers, s.userList))
	s.handle("POST /admin/users", s.global(access.ManageUsers, s.userCreate))
	s.handle("POST /admin/users/{user}/status", s.global(access.ManageUsers, s.userStatus))
	s.handle("POST /admin/users/{user}/password", s.global(access.ManageUsers, s.userPassword))
	s.handle("POST /admin/users/{user}/role", s.global(access.ManageUsers, s.userRole))

	s.handle("GET /matters", s.page(s.matterList))
	s.handle("POST /matters", s.global(access.CreateMatter, s.matterCreate))
	s.handle("GET /matters/{matter}", s.matterPage(access.ViewMatter, s.matterShow))
	s.handle("POST /matters/{matter}/documents", s.uploadPage(s.matterUploadForm))
	s.handle("POST /matters/{matter}/settings", s.matterPage(access.EditMatter, s.matterSettings))
	s.handle("POST /matters/{matter}/retry", s.matterPage(access.UploadRecords, s.matterRetry))
	s.handle("GET /matters/{matter}/progress.json", s.matterPage(access.ViewMatter, s.matterProgressPage))
	s.handle("POST /matters/{matter}/members", s.matterPage(access.ManageMatter, s.matterMemberAdd))
	s.handle("POST /matters/{matter}/members/remove", s.matterPage(access.ManageMatter, s.matterMemberRemove))
	s.handle("GET /matters/{matter}/export/{name}", s.matterPage(access.ViewMatter, s.export))
	s.handle("GET /matters/{matter}/audit", s.matterPage(access.ViewAudit, s.matterAudit))
	s.handle("GET /audit", s.global(access.ViewAllAudit, s.auditList))
}
