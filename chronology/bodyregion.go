package chronology

// BodyRegions returns the body regions ("cervical spine (neck)", "lumbar
// spine (low back)", "shoulder" …) that text names or that ICD-10-CM codes
// fall in, in a fixed order; the same vocabulary the pre-existing-condition
// flags compare. A demand letter groups diagnoses by them.
func BodyRegions(text string, codes []string) []string {
	return matches(bodyRegions, text, codes)
}
