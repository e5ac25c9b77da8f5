package chronology

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/rxfilter"
)

// category is a body region or a kind of care, recognised by words in text
// and, for body regions, by ICD-10 code prefixes.
type category struct {
	name string
	// words is filtered by its literals: most texts name no category, and
	// matches tries them all on every text it is given.
	words *rxfilter.Regexp
	codes []string // ICD-10-CM prefixes without dots
}

// bodyRegions are compared between pre- and post-incident records.
var bodyRegions = []category{
	{"cervical spine (neck)", rxfilter.MustCompile(`(?i)\b(cervical|neck|c-?spine|whiplash|cervicalgia|c[1-7](-c?[1-7])?)\b`),
		[]string{"S12", "S13", "S14", "S16", "S19", "M50", "M542", "M4802", "M4322"}},
	{"thoracic spine (mid back)", rxfilter.MustCompile(`(?i)\b(thoracic|mid[- ]?back|upper back|t-?spine|t1[0-2]|t[1-9])\b`),
		[]string{"S22", "S23", "S24", "S29", "M546", "M4804"}},
	{"lumbar spine (low back)", rxfilter.MustCompile(`(?i)\b(lumbar|lumbosacral|low(er)? back|lbp|sciatica|l-?spine|l[1-5](-[ls]?[1-5])?)\b`),
		[]string{"S32", "S33", "S34", "S39", "M545", "M543", "M544", "M51", "M4806", "M4807"}},
	{"shoulder", rxfilter.MustCompile(`(?i)\b(shoulders?|rotator cuff|acromioclavicular)\b`),
		[]string{"S40", "S42", "S43", "S46", "M75"}},
	{"knee", rxfilter.MustCompile(`(?i)\b(knees?|menisc\w*|patell\w*|acl)\b`),
		[]string{"S80", "S82", "S83", "S86", "M23", "M2256"}},
	{"hip", rxfilter.MustCompile(`(?i)\b(hips?|acetabul\w*)\b`),
		[]string{"S70", "S72", "S73", "S76", "M2555", "M1610"}},
	{"head (concussion)", rxfilter.MustCompile(`(?i)\b(head|concussion|concussive|tbi|brain|headaches?|post-?concussi\w*)\b`),
		[]string{"S00", "S01", "S06", "S09", "R51", "G44", "F0781"}},
	{"wrist or hand", rxfilter.MustCompile(`(?i)\b(wrists?|carpal|hands?|scaphoid)\b`),
		[]string{"S60", "S61", "S62", "S63", "S66", "S69"}},
	{"elbow", rxfilter.MustCompile(`(?i)\b(elbows?|olecranon)\b`), []string{"S50", "S52", "S53"}},
	{"ankle or foot", rxfilter.MustCompile(`(?i)\b(ankles?|foot|feet)\b`), []string{"S90", "S92", "S93", "S96"}},
}

// careKinds classify referrals, orders, expected records and entries for
// missing-record flags.
var careKinds = []category{
	{"imaging", rxfilter.MustCompile(`(?i)\b(mri|mra|ct|cat scan|x-?rays?|radiographs?|ultrasound|imaging|radiology|scan|7[0-9]{4})\b`), nil},
	{"MRI", rxfilter.MustCompile(`(?i)\b(mri|mra|magnetic resonance)\b`), nil},
	{"CT", rxfilter.MustCompile(`(?i)\b(ct|cat scan|computed tomography)\b`), nil},
	{"X-ray", rxfilter.MustCompile(`(?i)\b(x-?rays?|radiographs?|xr)\b`), nil},
	{"ultrasound", rxfilter.MustCompile(`(?i)\b(ultrasound|sonogram)\b`), nil},
	{"orthopedics", rxfilter.MustCompile(`(?i)\borth(o|op(a)?edic\w*)\b`), nil},
	{"physical therapy", rxfilter.MustCompile(`(?i)\b(physical therap\w*|physiotherap\w*|pt|physical_therapy)\b`), nil},
	{"chiropractic", rxfilter.MustCompile(`(?i)\bchiro\w*`), nil},
	{"neurology", rxfilter.MustCompile(`(?i)\bneurolog\w*`), nil},
	{"neurosurgery", rxfilter.MustCompile(`(?i)\b(neurosurg\w*|spine surg\w*)\b`), nil},
	{"pain management", rxfilter.MustCompile(`(?i)\b(pain (management|medicine|clinic|specialist)|pain_management|epidural|esi|injections?)\b`), nil},
	{"primary care", rxfilter.MustCompile(`(?i)\b(primary care|primary_care|pcp|family (medicine|physician|doctor)|internal medicine)\b`), nil},
	{"ambulance", rxfilter.MustCompile(`(?i)\b(ambulance|ems|emergency medical services|paramedics?|fire (rescue|department)|medic unit|a04[0-9]{2})\b`), nil},
	{"electrodiagnostic", rxfilter.MustCompile(`(?i)\b(emg|ncs|ncv|emg/ncs|nerve conduction|electromyogra\w*|electrodiagnostic\w*|9586[0-9]|9588[0-9]|959[01][0-9])\b`), nil},
	{"laboratory", rxfilter.MustCompile(`(?i)\b(labs?|laborator(y|ies)|blood ?work|cbc|urinalysis|toxicology|lab_?oratory)\b`), nil},
	{"behavioral health", rxfilter.MustCompile(`(?i)\b(psycholog\w*|psychiatr\w*|counsel(l)?(ing|ors?)|behaviou?ral[ _]health|mental health|psychotherap\w*|lcsw|lpc|social work\w*|cognitive behaviou?ral|cbt|behaviou?ral therap\w*)\b`), nil},
	{"neuropsychology", rxfilter.MustCompile(`(?i)\bneuropsych\w*`), nil},
	{"surgery", rxfilter.MustCompile(`(?i)\b(surg(ery|ical|eons?)|operative|arthroscop\w*|discectomy|laminectomy|fusion)\b`), nil},
	{"occupational therapy", rxfilter.MustCompile(`(?i)\b(occupational therap\w*|ot|occupational_therapy)\b`), nil},
	// A "Speech & Cognitive Rehabilitation" practice is speech-language
	// pathology, whatever therapy its sessions read as.
	{"speech therapy", rxfilter.MustCompile(`(?i)\b(speech(-language)? (therap\w*|patholog\w*)|speech_therapy|speech (&|and) (cognitive|language)|slp)\b`), nil},
	{"vestibular therapy", rxfilter.MustCompile(`(?i)\bvestibular\b`), nil},
	{"cardiology", rxfilter.MustCompile(`(?i)\b(cardiolog\w*|echocardiogra\w*|ekg|ecg|holter)\b`), nil},
	{"ophthalmology", rxfilter.MustCompile(`(?i)\b(ophthalmolog\w*|optometr\w*|eye exam)\b`), nil},
	{"otolaryngology", rxfilter.MustCompile(`(?i)\b(ent|otolaryngolog\w*|audiolog\w*|hearing test)\b`), nil},
	{"dentistry", rxfilter.MustCompile(`(?i)\b(dent(al|ist\w*|istry)|oral surg\w*)\b`), nil},
	{"podiatry", rxfilter.MustCompile(`(?i)\bpodiatr\w*`), nil},
	{"acupuncture", rxfilter.MustCompile(`(?i)\bacupunct\w*`), nil},
	{"massage therapy", rxfilter.MustCompile(`(?i)\bmassage\b`), nil},
	{"sleep study", rxfilter.MustCompile(`(?i)\b(sleep stud(y|ies)|polysomnogra\w*)\b`), nil},
	{"EEG", rxfilter.MustCompile(`(?i)\b(eeg|electroencephalogra\w*)\b`), nil},
}

// modalities are the imaging kinds an order can name specifically.
var modalities = []string{"MRI", "CT", "X-ray", "ultrasound"}

// kindCategory maps a schema provider kind to its care kind.
var kindCategory = map[string]string{
	"radiology": "imaging", "imaging": "imaging", "orthopedics": "orthopedics",
	"physical_therapy": "physical therapy", "chiropractic": "chiropractic",
	"neurology": "neurology", "neurosurgery": "neurosurgery",
	"pain_management": "pain management", "primary_care": "primary care",
	"ambulance": "ambulance", "ems": "ambulance", "behavioral_health": "behavioral health",
	"psychology": "behavioral health", "laboratory": "laboratory", "surgery": "surgery",
	"occupational_therapy": "occupational therapy", "speech_therapy": "speech therapy",
	"neuropsychology": "neuropsychology",
}

// matches returns the names of the categories found in text or codes.
func matches(cats []category, text string, codes []string) []string {
	var out []string
	for _, c := range cats {
		hit := c.words.MatchString(text)
		for _, code := range codes {
			code = strings.ToUpper(strings.ReplaceAll(code, ".", ""))
			for _, p := range c.codes {
				if strings.HasPrefix(code, p) {
					hit = true
				}
			}
		}
		if hit {
			out = append(out, c.name)
		}
	}
	return out
}

// preIncidentText is everything a pre-incident entry says.
func preIncidentText(e *entryWork) (string, []string) {
	parts := []string{e.VisitType, e.Complaints, e.Findings, e.Assessment, e.Plan}
	var codes []string
	for _, d := range e.Diagnoses {
		parts = append(parts, d.Description)
		codes = append(codes, d.Code)
	}
	return strings.Join(parts, " \n "), codes
}

// diagnosisText is what a post-incident entry diagnoses: its diagnoses, or
// its assessment when it lists none.
func diagnosisText(e *entryWork) (string, []string) {
	if len(e.Diagnoses) == 0 {
		return e.Assessment, nil
	}
	var parts, codes []string
	for _, d := range e.Diagnoses {
		parts = append(parts, d.Description)
		codes = append(codes, d.Code)
	}
	return strings.Join(parts, " \n "), codes
}

// careOf is the care kinds an entry shows it provided, from its provider's
// kind and names (as printed and with abbreviations expanded: "Pain Mgmt"
// is pain management), its visit type and its procedures.
func careOf(e *entryWork) []string {
	if !e.careKnown {
		e.care, e.careKnown = computeCare(e), true
	}
	return e.care
}

// computeCare is careOf without the memo.
func computeCare(e *entryWork) []string {
	parts := []string{e.kind, e.VisitType, e.prov.name, e.prov.key}
	for f := range e.prov.forms {
		parts = append(parts, f)
	}
	for _, p := range e.Procedures {
		parts = append(parts, p.Description, p.Code)
	}
	out := matches(careKinds, strings.Join(parts, " \n "), nil)
	if k, ok := kindCategory[e.kind]; ok {
		out = append(out, k)
	}
	return out
}

// citing returns the citation of cs whose quote matches re, else the first.
func citing(cs []extract.Citation, re *rxfilter.Regexp) extract.Citation {
	for _, c := range cs {
		if re.MatchString(c.Quote) {
			return c
		}
	}
	return cs[0]
}
