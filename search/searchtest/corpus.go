package searchtest

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Vocabulary of the generated notes: fictional, clinical in tone.
var (
	regions = []string{"cervical spine", "lumbar spine", "thoracic spine", "left shoulder", "right shoulder",
		"left knee", "right knee", "right wrist", "left hip", "sacroiliac joint", "neck", "low back"}
	qualities  = []string{"sharp", "dull", "aching", "burning", "throbbing", "stabbing", "radiating", "intermittent", "constant"}
	activities = []string{"sitting", "prolonged standing", "bending", "lifting", "driving", "overhead reaching", "climbing stairs", "sleeping on the affected side"}
	modalities = []string{"MRI", "CT", "X-ray", "ultrasound", "EMG/NCS"}
	findings   = []string{"disc protrusion", "disc herniation", "foraminal stenosis", "annular tear", "degenerative changes",
		"no acute fracture", "mild bone marrow edema", "straightening of the lordosis", "joint effusion", "partial-thickness tear"}
	levels = []string{"C4-C5", "C5-C6", "C6-C7", "T11-T12", "L3-L4", "L4-L5", "L5-S1"}
	exam   = []string{"tenderness to palpation", "paraspinal muscle spasm", "guarding", "positive straight leg raise",
		"positive Spurling test", "decreased grip strength", "reduced sensation in the L5 dermatome", "crepitus"}
	meds = []string{"ibuprofen 800 mg three times daily", "naproxen 500 mg twice daily", "cyclobenzaprine 10 mg at bedtime",
		"meloxicam 15 mg daily", "gabapentin 300 mg three times daily", "tramadol 50 mg as needed", "acetaminophen 650 mg as needed",
		"methocarbamol 750 mg four times daily", "prednisone taper"}
	therapies = []string{"therapeutic exercise", "manual therapy", "electrical stimulation", "ultrasound therapy", "cervical traction",
		"dry needling", "neuromuscular re-education", "kinesio taping", "review of the home exercise program"}
	diagnoses = []string{"S13.4XXA sprain of ligaments of cervical spine", "S39.012A strain of muscle of lower back",
		"M54.16 radiculopathy, lumbar region", "M54.2 cervicalgia", "M54.50 low back pain", "G44.309 post-traumatic headache",
		"S80.02XA contusion of left knee", "S06.0X0A concussion without loss of consciousness", "M51.16 disc disorder with radiculopathy, lumbar",
		"S43.401A sprain of right shoulder joint", "M25.561 pain in right knee", "F43.10 post-traumatic stress disorder"}
	symptoms   = []string{"numbness", "tingling", "weakness", "bowel or bladder changes", "fever", "dizziness", "nausea", "blurred vision", "chest pain"}
	workStatus = []string{"off work until re-evaluated", "light duty with no lifting over 10 pounds", "full duty", "modified duty, four-hour shifts"}
	sections   = []string{"CHIEF COMPLAINT", "HISTORY OF PRESENT ILLNESS", "REVIEW OF SYSTEMS", "PHYSICAL EXAMINATION", "IMAGING", "ASSESSMENT", "PLAN"}
)

// ClinicalPages returns n pages of generated clinical note text, each of
// about 1,000 to 2,500 characters, the same for the same seed.
func ClinicalPages(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, 0x6d656463))
	out := make([]string, n)
	for i := range out {
		out[i] = clinicalPage(r)
	}
	return out
}

func clinicalPage(r *rand.Rand) string {
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	var b strings.Builder
	fmt.Fprintf(&b, "Date of service: %02d/%02d/20%02d\n", 1+r.IntN(12), 1+r.IntN(28), 19+r.IntN(6))
	for _, sec := range sections {
		if r.IntN(4) == 0 {
			continue
		}
		b.WriteString(sec + ":\n")
		for range 1 + r.IntN(3) {
			switch r.IntN(9) {
			case 0:
				fmt.Fprintf(&b, "Patient reports %s %s pain rated %d/10, worse with %s and %s. ",
					pick(qualities), pick(regions), 1+r.IntN(10), pick(activities), pick(activities))
			case 1:
				fmt.Fprintf(&b, "Examination of the %s shows %s and %s; range of motion is reduced by about %d percent. ",
					pick(regions), pick(exam), pick(exam), 10+5*r.IntN(10))
			case 2:
				fmt.Fprintf(&b, "%s of the %s demonstrates %s at %s with %s at %s. ",
					pick(modalities), pick(regions), pick(findings), pick(levels), pick(findings), pick(levels))
			case 3:
				fmt.Fprintf(&b, "Diagnoses: %s; %s. ", pick(diagnoses), pick(diagnoses))
			case 4:
				fmt.Fprintf(&b, "Continue %s. Start %s. ", pick(meds), pick(meds))
			case 5:
				fmt.Fprintf(&b, "Tolerated %s and %s for %d minutes without adverse reaction. ",
					pick(therapies), pick(therapies), 8+r.IntN(30))
			case 6:
				fmt.Fprintf(&b, "Denies %s, %s or %s. ", pick(symptoms), pick(symptoms), pick(symptoms))
			case 7:
				fmt.Fprintf(&b, "Follow up in %d weeks; %s. ", 1+r.IntN(6), pick(workStatus))
			default:
				fmt.Fprintf(&b, "Vitals: BP %d/%d, HR %d, SpO2 %d%%, temperature %d.%d F. ",
					100+r.IntN(50), 60+r.IntN(30), 55+r.IntN(50), 94+r.IntN(6), 97+r.IntN(3), r.IntN(10))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
