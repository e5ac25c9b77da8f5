package rules

import "testing"

// adaClaim is an ADA Dental Claim Form as a practice's software prints it,
// with the rows of its record of services given.
func adaClaim(rows string) string {
	return "ADA Dental Claim Form                                        American Dental Association J430D\n" +
		"HEADER INFORMATION  1. Type of Transaction: [X] Statement of Actual Services [] Request for Predetermination\n" +
		"20. Patient Name                              21. Date of Birth                               23. Patient ID/Account #\n" +
		"DOE, JANE                                      01/02/1980                                      55120\n" +
		"24. Proc. Date   25. Area 26.Sys 27.Tooth  28.Surf  29. Code    29a.Ptr 29b.Qty30. Description                        31. Fee\n" +
		rows +
		"33. Missing Teeth: 1 16 17 32                                        31a. Other Fee(s)                          0.00\n" +
		"34. Diagnosis Code List Qualifier: AB                                        32. Total Fee                        2,985.00\n" +
		"34a. A S03.4XXA    B M26.631\n" +
		"45. Treatment Resulting from                   46. Date of Accident                          47. Auto Accident State\n" +
		"[X] Auto accident                       02/28/2024                                PA\n" +
		"36. Patient Signature / Date                     48. Billing Dentist                             49. NPI\n" +
		"Signature on file   03/13/2024      Harbor Oral Surgery        1234567893\n" +
		"53. Treating Dentist / Date                      54. NPI                                      55. License #\n" +
		"Ann Lee, DDS   03/15/2024       1234567893                                DL5512\n"
}

// TestDentalClaimCodesOCR: every procedure code of a dental claim is a CDT
// code, a D and four digits. In the code cell of a scanned ADA claim, a D
// that OCR read as a lower-case letter ("p9944") or a B ("BO170"), a speck
// beside it ("bDo170.", "Dp9944"), digits OCR read as letters or twice
// ("DO1ISO)") and specks strewn over the cells before it are still the
// code; a tooth surface ("MOD") in the cell before it stays none. A row
// whose fee OCR cut from its cents ("815 .00") is a service of the claim
// all the same.
func TestDentalClaimCodesOCR(t *testing.T) {
	res := extractOCR(t, adaClaim(
		"03142024      01       JP                        p9944     A       1      occlusal guard hard full arc          671.00\n"+
			"03142024      00       JP    14      MOD         bDo170.   A       1      re-evaluation limited prob f          106.00\n"+
			"03142024      00       JP                        DO150     A       1      comprehensive oral evaluatio          255.00\n"+
			"03152024      00       JP                        DO1ISO)   A       1      comprehensive oral evaluatio          255.00\n"+
			"03152024      01       JP                        Dp9944    A       1      occlusal guard hard full arc          671.00\n"+
			"03162024      01°     JP                         p9944     A             occlusal guard hard full arc          815 .00\n"+
			"03172024      00      JP                        BO170     A       1      re-evaluation limited prob f          106.00\n"+
			"03182024      oo    ..}°) =O P              :          DO170     A       1      re-evaluation limited prob f          106.00\n"))
	wantBillRows(t, res, "2024-03-14 D9944 671.00|2024-03-14 D0170 106.00|2024-03-14 D0150 255.00|2024-03-15 D0150 255.00|2024-03-15 D9944 671.00|2024-03-16 D9944 815.00|2024-03-17 D0170 106.00|2024-03-18 D0170 106.00")
	if len(res.Encounters) != 0 {
		t.Errorf("%d encounters from a claim form, want none: %+v", len(res.Encounters), res.Encounters)
	}
}
