package rules

import "testing"

// TestLoneAmountUnderRateOCR: a faxed skilled nursing statement's rows of
// one unit print no rate, only the charge; OCR closed the gap before it,
// so the amount ends under the Rate caption. A lone amount of a row of
// one unit is its charge, whichever caption it stands nearest (its rate
// would be the same). Before: three lines charging 0.00.
func TestLoneAmountUnderRateOCR(t *testing.T) {
	page := `Maplewood Skilled Nursing -
Skilled Nursing and Rehabilitation
PATIENT STATEMENT - DETAIL OF CHARGES
Statement date 02/19/2024 Account R7137089 Page 1
Resident: HALVORSEN, SHAUNA                                DOB: 07/20/1977
” Service dates           Rev   HCPCS  Description                                        Units       Rate     Charge:
12/09/2023 -            0191       "SUBACUTE CARE LEVELI                            12     585.00    7,020.00
12/20/2023               ,                                        ,               .
12/09/2023 -            0250           PHARMACY - ROUTINE MEDICATIONS               oi.               444.00
12/20/2023                                        :                     :           :
12/09/2023 -            0270           MEDICAL/SURGICAL SUPPLIES                        1                 271,00
12/20/2023
12/09/2023 -            0300           LABORATORY - GENERAL                             1                 263.00
12/20/2023                                        .
Total charges                          7,998.00
`
	wantBillRows(t, extractOCR(t, page), "2023-12-09 0191 7020.00|2023-12-09 0250 444.00|2023-12-09 0270 271.00|2023-12-09 0300 263.00")
}

// TestSlashForThousandsCommaOCR: OCR read the thousands comma of a faxed
// statement's charge as a slash ("4/116.00"); no date prints three digits
// and cents after a slash: the charge is 4,116.00, the units times the
// rate. Before: a line charging 0.00.
func TestSlashForThousandsCommaOCR(t *testing.T) {
	page := `Cedar Hollow Inpatient Rehabilitation Hospital
PATIENT STATEMENT - DETAIL OF CHARGES
Service dates        Rev   HCPCS   Description                                   Units      Rate     Charge
10/1/24 - 10/7/24        0440  92507   SPEECH/LANGUAGE TREATMENT  -"                  3     178.00      534.00
10/8/24 - 10/14/24       0420  97110   PT THERAPEUTIC EXERCISE                         49      84.00    4/116.00
10/8/24 - 10/14/24       0420  97116    PT GAIT-TRAINING                                  14      77.00    1,078.00
`
	wantBillRows(t, extractOCR(t, page), "2024-10-01 92507 534.00|2024-10-08 97110 4116.00|2024-10-08 97116 1078.00")
}
