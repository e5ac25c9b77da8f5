package access

// Action is something a user does to a matter.
type Action string

// Actions checked by Can.
const (
	ViewMatter     Action = "view_matter"     // pages, entries, drafts, exports, search, progress
	UploadRecords  Action = "upload_records"  // add documents, reprocess
	ReviewEntries  Action = "review_entries"  // verify, correct, reject entries
	GenerateDemand Action = "generate_demand" // (re)generate the demand draft
	EditDemand     Action = "edit_demand"     // save a new version of a section
	ApproveDemand  Action = "approve_demand"  // approve a section
	ViewAudit      Action = "view_audit"      // the matter's audit log
	ManageMatter   Action = "manage_matter"   // assign users to the matter
	EditMatter     Action = "edit_matter"     // change name, client, date of incident, gap threshold
)

// Global actions, not tied to one matter.
const (
	ManageUsers  Action = "manage_users"
	CreateMatter Action = "create_matter"
	ViewAllAudit Action = "view_all_audit"
	OperateJobs  Action = "operate_jobs" // River's operator UI
	ManageFirm   Action = "manage_firm"  // the firm's Word template
)

var roleActions = map[Role]map[Action]bool{
	RoleAdmin: {
		ViewMatter: true, UploadRecords: true, ReviewEntries: true, GenerateDemand: true, EditDemand: true,
		ViewAudit: true, ManageMatter: true, EditMatter: true, ManageUsers: true, CreateMatter: true, ViewAllAudit: true, OperateJobs: true,
		ManageFirm: true,
	},
	RoleAttorney: {
		ViewMatter: true, UploadRecords: true, ReviewEntries: true, GenerateDemand: true, EditDemand: true,
		ApproveDemand: true, ViewAudit: true, ManageMatter: true, EditMatter: true, CreateMatter: true,
	},
	RoleParalegal: {
		ViewMatter: true, UploadRecords: true, ReviewEntries: true, GenerateDemand: true, CreateMatter: true,
	},
}

// Can reports whether u may do a on a matter; member says whether u is
// assigned to it. Admins see every matter; nobody else sees a matter they
// are not assigned to, whatever their role. Only attorneys approve.
func Can(u User, a Action, member bool) bool {
	if u.Disabled || u.ID == "" {
		return false
	}
	if u.Role != RoleAdmin && !member {
		return false
	}
	return roleActions[u.Role][a]
}

// CanGlobal reports whether u may do a global action.
func CanGlobal(u User, a Action) bool {
	if u.Disabled || u.ID == "" {
		return false
	}
	return roleActions[u.Role][a]
}
