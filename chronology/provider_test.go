package chronology

import "testing"

func TestNormalizeProvider(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Saint Mary's Regional Medical Center", "saint marys regional medical center"},
		{"ST MARYS REG MED CTR", "saint marys regional medical center"},
		{"St. Mary\u2019s Regional Med. Cntr", "saint marys regional medical center"},
		{"The Spine & Joint Assoc., P.C.", "spine joint associates"},
		{"Spine and Joint Associates PC", "spine joint associates"},
		{"Advanced PT, LLC", "advanced physical therapy"},
		{"Advanced Physical Therapy Inc.", "advanced physical therapy"},
		{"Coastal Orthopaedics", "coastal orthopedics"},
		{"Main Street Drug Store", "main street drug"},
		{"Lakeview Med Evals", "lakeview medical evaluations"},
		{"COASTAL ORTHO", "coastal orthopedics"},
		{"Coastal Orthopedic", "coastal orthopedics"},
		{"Mercy Hosp Emergency Dept", "mercy hospital emergency department"},
		{"Lakeview Int Med", "lakeview internal medical"},
		{"Summit Pain Mgmt", "summit pain management"},
		{"Momentum Phys Ther", "momentum physical therapy"},
		{"Riverside Gen Hosp – Emergency Services", "riverside general hospital emergency services"},
		// an accent OCR put on a letter of a fax ("Pinecrést"), and a
		// practice that prints its own
		{"Pinecrést Neuro Ctr", "pinecrest neurology center"},
		{"Clínica San José", "clinica san jose"},
		{"", "unknown"},
		{"  LLC ", "llc"},
	}
	for _, tt := range tests {
		if got := NormalizeProvider(tt.in); got != tt.want {
			t.Errorf("NormalizeProvider(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestProviderMerging(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		// others are extra names present in the matter (parents for departments)
		others []string
		same   bool
	}{
		{"abbreviated all caps", "ST MARYS REG MED CTR", "Saint Mary's Regional Medical Center", nil, true},
		{"possessive and punctuation", "St. Mary's Regional Medical Ctr.", "Saint Marys Regional Medical Center", nil, true},
		{"ortho practice stays apart", "Saint Mary's Regional Medical Center", "Saint Mary's Orthopedics", nil, false},
		{"different specialties", "Advanced Physical Therapy", "Advanced Imaging", nil, false},
		{"department joins parent", "Saint Mary's Regional Medical Center Emergency Department",
			"Saint Mary's Regional Medical Center", nil, true},
		{"radiology dept joins parent", "ST MARYS REG MED CTR RADIOLOGY DEPT", "Saint Mary's Regional Medical Center", nil, true},
		{"department without parent stays", "Mercy Hospital Emergency Department", "Mercy Hospital Radiology", nil, false},
		{"department with parent elsewhere", "Mercy Hospital Emergency Department", "Mercy Hospital Radiology", []string{"Mercy Hospital"}, true},
		{"generic word missing", "Saint Mary's Medical Center", "Saint Mary's Regional Medical Center", nil, true},
		{"OCR slip in a word", "Coastal Orthopedics Grоup", "Coastal Orthopedics Group", nil, true},
		{"one letter typo", "Lakeside Chiropractic Clinic", "Lakeside Chiropractc Clinic", nil, true},
		{"distinct names", "Lakeside Chiropractic", "Hillside Chiropractic", nil, false},
		{"hospital vs medical center", "Mercy Hospital", "Mercy Medical Center", nil, false},
		{"legal suffix and the", "The Pain Center, LLC", "Pain Center", nil, true},
		{"and vs ampersand", "Spine & Sports Ortho", "Spine and Sports Orthopaedics", nil, true},
		{"and rehab suffix", "MOMENTUM PHYSICAL THERAPY & REHAB", "Momentum Physical Therapy", nil, true},
		{"abbreviated words", "Adv Pain & Spine Spec.", "Advanced Pain & Spine Specialists", nil, true},
		{"BH is behavioral health", "Bridgeway BH - Counseling Center", "Bridgeway Behavioral Health LLC", nil, true},
		// Initials skip the small words of the name ("of the", "for").
		{"initials over small words", "VNV Home Care", "Visiting Nurses of the Valley", nil, true},
		{"initials for another name", "VNA Home Care", "Visiting Nurses of the Valley", nil, false},
		{"BH practices of two names stay apart", "Bridgeway BH", "Northgate Behavioral Health", nil, false},
		{"initials of the name", "IRP Group - Medical Evaluations", "Independent Review Physicians Group LLC", nil, true},
		{"initials of a surgery center", "Eastpoint ASC - Pain & Ortho", "Eastpoint Ambulatory Surgical Center", nil, true},
		{"initials of another name", "IRP Group", "Independent Review Group", nil, false},
		{"initials, another practice", "ABC Imaging", "Mercy Advanced Back Care", nil, false},
		{"a legal suffix OCR read as another practice's initials", "LAKESHORE ORAL AND MAXILLOFACIAL SURGERY, P. Cc.", "Cornerstone Chiropractic", nil, false},
		{"Rx is the pharmacy", "Greenleaf Rx", "Greenleaf Pharmacy", nil, true},
		{"a drug store is the pharmacy", "CarePlus Drug Store", "CarePlus Pharmacy", nil, true},
		{"pharmacies of two names stay apart", "Greenleaf Rx", "CarePlus Pharmacy", nil, false},
		{"ordinal and its OCR slip", "Family 1st Chiropractic", "Family Ist Chiropractic", []string{"Family First Chiropractic"}, true},
		{"rehab alone is not a name", "Momentum Rehabilitation", "Summit Rehabilitation", nil, false},
		// Abbreviations and department suffixes printed by billing systems.
		{"Int Med", "Lakeview Int Med Assoc", "Lakeview Internal Medicine Associates", nil, true},
		{"Int Med without associates", "LAKEVIEW INT MED", "Lakeview Internal Medicine", nil, true},
		{"Pain Mgmt", "Summit Pain Mgmt", "Summit Pain Management", nil, true},
		{"Pain Mgmt and a legal suffix", "Summit Pain Mgmt, PLLC", "Summit Pain Management Associates", nil, true},
		{"Sports Med", "Coastal Ortho & Sports Med", "Coastal Orthopaedics and Sports Medicine", nil, true},
		{"Ortho", "Parkway Ortho Assoc.", "Parkway Orthopaedic Associates", nil, true},
		{"Acup and Herbs", "Willow Acup. & Herbs", "Willow Acupuncture and Herbal Clinic", nil, true},
		{"Acup Ctr", "Willow Acup Ctr", "Willow Acupuncture Center, LLC", nil, true},
		{"PT", "Momentum PT", "Momentum Physical Therapy", nil, true},
		{"Phys Ther", "Momentum Phys Ther", "Momentum Physical Therapy", nil, true},
		{"Hosp – Emergency Services", "Riverside Gen Hosp – Emergency Services", "Riverside General Hospital", nil, true},
		{"Emergency Dept", "Riverside General Hospital Emergency Dept", "Riverside General Hospital", nil, true},
		{"department of an abbreviated parent", "Mercy Hosp – Emergency Services", "Mercy General Hospital", nil, true},
		{"a generic word more", "Mercy Hospital", "Mercy General Hospital", nil, true},
		{"dropped conjunct", "Westbrook Int Med", "Westbrook Family & Internal Medicine", nil, true},
		{"dropped conjunct, other side", "Keystone Pain Mgmt", "Keystone Spine & Pain Management", nil, true},
		{"dashed site of a practice", "Harborview Orthopaedics - Spine Center", "Harborview Orthopaedic Surgery PC", nil, true},
		{"MC for medical center", "Prairie Valley MC Emergency Dept", "Prairie Valley Medical Center", nil, true},
		{"Psych Assoc", "Birchwood Psych Assoc", "Birchwood Psychological Associates, PC", nil, true},
		{"psychology site of a psychological practice", "Birchwood Psychology - Chronic Pain Program", "Birchwood Psychological Associates, PC", nil, true},
		{"psychology vs psychiatry", "Birchwood Psych Assoc", "Birchwood Psychiatry Associates", nil, false},
		{"short form with a generic word more", "Harborview Orthopaedics", "Harborview Orthopaedic Surgery", nil, true},
		{"massage qualified two ways", "Quiet Pines Medical Massage", "QUIET PINES THERAPEUTIC MASSAGE, LLC", nil, true},
		{"clinical massage site of a bodywork studio", "Elm Street Bodywork - Clinical Massage", "Elm Street Massage & Bodywork", nil, true},
		{"EMS spelled out", "METRO COUNTY EMS", "Metro County Emergency Medical Services", nil, true},
		{"county abbreviated, a unit of the service", "Metro Co. EMS - Medic 14", "Metro County Emergency Medical Services", []string{"Metro County EMS"}, true},
		{"county abbreviated, the unit alone", "Metro Co. EMS - Medic 14", "Metro County EMS", nil, true},
		{"OMS for oral and maxillofacial surgery", "Cedar OMS", "Cedar Oral & Maxillofacial Surgery, PC", nil, true},
		{"a site of an oral surgeon printed OMFS", "Cedar OMFS - Facial Pain Clinic", "Cedar Oral and Maxillofacial Surgery", nil, true},
		// Different practices stay apart.
		{"two counties' services", "Metro County EMS", "Lake County Emergency Medical Services", nil, false},
		{"a hospital and its ambulance service", "Mercy Hospital EMS", "Mercy Hospital", nil, false},
		{"practice and its therapy clinic", "Valley Orthopedics", "Valley Orthopedics Physical Therapy", nil, false},
		{"dashed head of another practice", "Lakeside Ortho - Sports Med", "Lakeside Bone & Joint Specialists", nil, false},
		{"dashed single word", "Smith - Jones Chiropractic", "Smith Family Medicine", nil, false},
		{"departments without their hospital", "Mercy Hospital Emergency Department", "Mercy Hospital Radiology", nil, false},
		{"labs for laboratories", "Crescent Clinical Labs", "Crescent Clinical Laboratories", nil, true},
		{"a laboratory without its generic word", "Crescent Labs", "Crescent Clinical Laboratories", nil, true},
		{"two laboratories", "Crescent Labs", "Summit Clinical Laboratories", nil, false},
		{"one department named two ways", "Bayview Gen Hosp - Emergency Services", "Bayview General Hosp ER", nil, true},
		{"one department, other hospitals", "Bayview General Hosp ER", "Baypoint General Hosp ER", nil, false},
		{"internal vs family medicine", "Lakeview Int Med", "Lakeview Family Medicine", nil, false},
		{"pain management vs orthopedics", "Summit Pain Mgmt", "Summit Orthopedics", nil, false},
		{"sports medicine vs physical therapy", "Coastal Sports Med", "Coastal Physical Therapy", nil, false},
		{"hospital vs its physician group", "Mercy Hospital Emergency Physicians", "Mercy Hospital", nil, false},
		{"PT vs chiropractic", "Lakeside PT", "Lakeside Chiropractic", nil, false},
		{"emergency services of two hospitals", "Mercy Hosp – Emergency Services", "Riverside General Hospital", nil, false},
		{"same town, other practice", "Springfield Int Med", "Springfield Orthopedics", nil, false},
		{"one shared word is not enough", "Valley Medical Center", "Valley Health Clinic", nil, false},
		{"two massage practices", "Quiet Pines Medical Massage", "Elm Street Therapeutic Massage", nil, false},
		{"OCR's m for rn", "Comerstone Chiro & Wellness", "Cornerstone Chiropractic & Wellness", nil, true},
		{"one letter apart is no misreading of rn", "Comerstone Chiro & Wellness", "Capstone Chiropractic & Wellness", nil, false},
		{"a medical centre's massage service", "Valley Medical Center", "Valley Medical Massage", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := []mention{{name: tt.a}, {name: tt.b}}
			for _, o := range tt.others {
				ms = append(ms, mention{name: o})
			}
			px := newProviderIndex(ms)
			if got := px.lookup(tt.a) == px.lookup(tt.b); got != tt.same {
				t.Errorf("same(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
			}
		})
	}
}

func TestProviderCanonical(t *testing.T) {
	ms := []mention{
		{name: "ST MARYS REG MED CTR", kind: "emergency"},
		{name: "Saint Mary's Regional Medical Center", kind: "emergency", npi: "1234567893"},
		{name: "Saint Mary's Regional Medical Center", kind: "radiology"},
		{name: "Saint Mary's Regional Medical Center Radiology", kind: "radiology"},
		{name: "Saint Mary's Regional Medical Center Emergency Department", kind: "emergency"},
		{name: "COASTAL ORTHOPAEDICS & SPORTS MEDICINE", kind: "orthopedics"},
		{name: "Coastal  Orthopaedics and Sports Medicine"},
		{name: "COASTAL ORTHOPAEDICS & SPORTS MEDICINE"},
	}
	px := newProviderIndex(ms)
	used := map[string]bool{}
	for _, c := range px.clusters {
		used[c.id] = true
	}
	ps := px.providers(used)
	if len(ps) != 2 {
		t.Fatalf("got %d providers, want 2: %+v", len(ps), ps)
	}
	co, sm := ps[0], ps[1]
	if co.Name != "Coastal Orthopaedics & Sports Medicine" {
		t.Errorf("all-caps canonical name = %q", co.Name)
	}
	if len(co.Aliases) != 1 || co.Aliases[0] != "Coastal Orthopaedics and Sports Medicine" {
		t.Errorf("aliases = %q", co.Aliases)
	}
	if sm.Name != "Saint Mary's Regional Medical Center" || sm.Kind != "emergency" || sm.NPI != "1234567893" {
		t.Errorf("Saint Mary's = %+v", sm)
	}
	if len(sm.Aliases) != 3 {
		t.Errorf("Saint Mary's aliases = %q, want 3", sm.Aliases)
	}
	if sm.ID != "prov-"+shortHash("saint marys regional medical center") {
		t.Errorf("id %q is not derived from the parent key", sm.ID)
	}
	// The id does not depend on the order of mentions.
	rev := make([]mention, len(ms))
	for i := range ms {
		rev[len(ms)-1-i] = ms[i]
	}
	if got := newProviderIndex(rev).lookup("ST MARYS REG MED CTR").id; got != sm.ID {
		t.Errorf("id changed with mention order: %q vs %q", got, sm.ID)
	}
}

func TestNiceCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ST MARY'S REG MED CTR", "St Mary's Reg Med Ctr"},
		{"ADVANCED PT OF THE VALLEY, LLC", "Advanced PT of the Valley, LLC"},
		{"Mixed Case Stays", "Mixed Case Stays"},
		{"SMITH-JONES MRI", "Smith-Jones MRI"},
	}
	for _, tt := range tests {
		if got := niceCase(tt.in); got != tt.want {
			t.Errorf("niceCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDisplayForm(t *testing.T) {
	tests := []struct {
		forms map[string]int
		want  string
	}{
		{map[string]int{"Lakeview Mem Hosp ED": 9, "Lakeview Memorial Hospital": 2}, "Lakeview Memorial Hospital"},
		{map[string]int{"Family Ist Chiropractic": 3, "Family First Chiropractic": 1}, "Family First Chiropractic"},
		{map[string]int{"St. Mary's Regional Med Ctr": 5, "Saint Mary's Regional Medical Center": 1}, "Saint Mary's Regional Medical Center"},
		{map[string]int{"Parkway Orthopaedic Associates": 3, "Parkway Orthopaedic Associates LLC": 1}, "Parkway Orthopaedic Associates"},
		{map[string]int{"Spine & Sports": 1, "Spine and Sports": 1}, "Spine and Sports"},
	}
	for _, tt := range tests {
		if got := displayForm(tt.forms); got != tt.want {
			t.Errorf("displayForm(%v) = %q, want %q", tt.forms, got, tt.want)
		}
	}
}

// TestProvidersOfOnePhone: a practice prints other names for itself on
// some of its forms ("Lakeside Ortho – Sports Med" on the work status form
// of "Lakeside Bone & Joint Specialists"); the telephone number or NPI its
// letterhead prints under both tells it is one practice, when the names
// share a distinctive word. A number alone, or a word alone, does not.
func TestProvidersOfOnePhone(t *testing.T) {
	tests := []struct {
		name string
		a, b mention
		same bool
	}{
		{"one phone, a shared word", mention{name: "Lakeside Ortho - Sports Med", phone: "2625550151"},
			mention{name: "Lakeside Bone & Joint Specialists", phone: "2625550151"}, true},
		{"one NPI, a shared word", mention{name: "Lakeside Ortho - Sports Med", npi: "1366447997"},
			mention{name: "Lakeside Bone & Joint Specialists", npi: "1366447997"}, true},
		{"one phone, no shared word", mention{name: "Meridian Diagnostic Radiology", phone: "2625550151"},
			mention{name: "Lakeside Bone & Joint Specialists", phone: "2625550151"}, false},
		{"a shared word, other phones", mention{name: "Lakeside Oral Surgery", phone: "2625550199"},
			mention{name: "Lakeside Bone & Joint Specialists", phone: "2625550151"}, false},
		{"a shared word, one phone unknown", mention{name: "Lakeside Oral Surgery"},
			mention{name: "Lakeside Bone & Joint Specialists", phone: "2625550151"}, false},
		// Two departments of a hospital print its switchboard: they stay two.
		{"two departments, one switchboard", mention{name: "Saint Mary's Regional Medical Center Radiology", phone: "3195550100"},
			mention{name: "Saint Mary's Regional Medical Center Emergency Department", phone: "3195550100"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			px := newProviderIndex([]mention{tt.a, tt.b})
			if got := px.lookup(tt.a.name) == px.lookup(tt.b.name); got != tt.same {
				t.Errorf("same(%q, %q) = %v, want %v", tt.a.name, tt.b.name, got, tt.same)
			}
		})
	}
}
