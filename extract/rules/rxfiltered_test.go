package rules

import (
	"testing"

	"github.com/medchron/medchron/internal/rxfilter"
)

// TestHotRegexpsFiltered: the expressions the extractor runs on most lines
// and notes skip, by their literals, the texts they cannot match (a CPU
// profile of the born-digital bench bundle put them among its costliest).
func TestHotRegexpsFiltered(t *testing.T) {
	for name, re := range map[string]*rxfilter.Regexp{
		"reLabReport": reLabReport, "reLabHead": reLabHead, "reWorkCapacity": reWorkCapacity,
		"reProcReport": reProcReport, "reUrgentCare": reUrgentCare, "reElectrodiagnostic": reElectrodiagnostic,
		"reVoidStamp": reVoidStamp, "reTotalWords": reTotalWords, "reSpacedPoint": reSpacedPoint,
		"reGoalLead": reGoalLead, "reCodeSpace": reCodeSpace, "reDxList": reDxList,
		"reStatementPeriod": reStatementPeriod, "reAdmitted": reAdmitted, "reDischarged": reDischarged,
	} {
		if !re.Filtered() {
			t.Errorf("%s has no literal filter", name)
		}
	}
}
