package export

// File names of the output contract (../shared/spec/README.md), as written
// into an output folder and offered as downloads.
const (
	FileJSON = "chronology.json"
	FileCSV  = "chronology.csv"
	FileXLSX = "chronology.xlsx"
	FileHTML = "chronology.html"
	// FileDOCX is the chronology as a Word table (report.WriteDOCX).
	FileDOCX       = "chronology.docx"
	FileExhibit    = "exhibit.pdf"
	FileDemandDOCX = "demand.docx"
	FileDemandMD   = "demand.md"
	// FileAdjusterMD is the adjuster's read (package demand/adjuster): what
	// an insurer would attack in the records, with the pages.
	FileAdjusterMD = "adjuster.md"
)

// FolderFiles are the files WriteAll writes, in its order. The exhibit is
// not among them: it needs the matter's stored originals, and is written
// by WriteExhibit (medchron process) or downloaded from the web
// application.
var FolderFiles = []string{FileJSON, FileCSV, FileXLSX, FileHTML, FileDOCX, FileDemandDOCX, FileDemandMD, FileAdjusterMD}
