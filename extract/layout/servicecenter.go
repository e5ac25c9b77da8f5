package layout

import "github.com/medchron/medchron/internal/lazyre"

// rePatientServices is the part of a facility's name that serves
// patients: a laboratory's draw site ("Patient Service Center"), a
// hospital's desk ("Patient Services").
var rePatientServices = lazyre.New(`(?i)\bpatient\s+(?:service\s+cent(?:er|re)|services?\s+cent(?:er|re)|services)\b`)

// servicesNamed returns s without the words that name a facility's
// service to patients, which identify no patient: "Harbor Labs - Patient
// Service Center" is a letterhead.
func servicesNamed(s string) string { return rePatientServices.ReplaceAllString(s, "") }
