package layout

import "strings"

// The page classifier counts phrases, not regular expressions: a page's
// text is normalised once (lower case, words of letters and digits, '#'
// and '$' as words of their own, one space between words) and every run
// of one to maxWords words is looked up in one map from phrase to the
// features it signals. A page costs a few thousand map lookups, whatever
// the number of phrases.

// feature is a kind of evidence a phrase gives about a page.
type feature uint8

const (
	fEOB         feature = iota // explanation of benefits, remittance
	fEOBWeak                    // allowed, plan paid, member responsibility, PIP / MedPay
	fFaxCover                   // fax cover sheet
	fAuthz                      // HIPAA authorization
	fRequest                    // records request
	fCustodian                  // custodian certification, affidavit, a translator's certificate of accuracy
	fCoverLetter                // billing or production cover letter
	fIndex                      // record index, table of contents
	fLetter                     // a letter: "Dear", "sincerely", "thank you for referring"
	fPharmacy                   // pharmacy printout: Rx numbers, NDCs, days supply, refills
	fQuantity                   // a quantity's label, which any itemized bill may print
	fUB04                       // UB-04 facility claim
	fCMS1500                    // CMS-1500 professional claim, ADA dental claim
	fLedger                     // payments, adjustments, balances, receipts
	fInvoice                    // invoice
	fItemized                   // statement, charges
	fLogTitle                   // a visit log's title
	fLogHead                    // a visit log's column words
	fOther                      // flowsheet, exercise log, MAR
	fReport                     // imaging, laboratory, diagnostic test
	fClinical                   // clinical vocabulary
	fNotice                     // an office's notice to the patient: missed appointment, collection of a debt
	fCopies                     // the fee for copies of records: search and retrieval, copying
	fLegal                      // a lawyer's correspondence: representation, letter of protection, payment from a settlement
	fClaimForm                  // an insurer's form the physician answers: attending physician's statement, date first treated
	fOrder                      // an order or requisition for a study: ordering physician, exam requested, performing facility
	fResult                     // what a study found: findings, impression, reference range
	fClaimFile                  // an insurer's claim file: claim number, claimant, date of loss, adjuster
	fBenefits                   // an insurer's benefits and what it decided of them: PIP, no-fault, medical payments, coverage denied, a bill held for verification
	fRecovery                   // a payer's claim on the settlement: conditional payments, subrogation, right of recovery, Medicaid's third party liability, a Medicaid lien
	fUtilization                // an insurer's review of requested care: utilization management, authorization approved or denied
	fMedLegal                   // a medico-legal report: its name, its addressee, its opinions (causation, impairment, future care)
	fSettlement                 // a lawyer's statement of a settlement's distribution: gross settlement, attorney's fee, net to the client
	fAcknowledge                // a form the patient signs: receipt of the privacy notice, consent to treatment
	fEstimate                   // an estimate of charges for care to come: a good faith estimate, estimated charges, a care plan's financial agreement
	fAdmission                  // a hospital stay's registration: admission date and source, attending physician, admitting diagnosis
	fRenewal                    // a pharmacy's request to renew a prescription: refill or renewal request, the prescriber's response block
	fPortal                     // a patient portal's messages: portal, message center, secure message
	fCrash                      // a police crash report: its title, the crash's boxes, the units, the officer
	fCard                       // a copy of a health insurance card: member ID, group, Rx BIN and PCN, copays, claims address
	fWages                      // an employer's payroll record of lost wages: rate of pay, hire date, last day worked, hours missed
	fVehicle                    // a vehicle's damage appraisal or repair estimate: VIN, body and paint labour, parts, sublet
	fCV                         // a physician's curriculum vitae: its title, training, board certification, licensure, appointments, publications
	fTravel                     // the patient's travel to treatment: medical mileage, rate per mile, round trip miles, parking and tolls
	fIntake                     // the form a patient fills in at a first visit: intake or registration form, patient information sheet
	fNecessity                  // a physician's letter asking a payer to authorize care: medical necessity, request for authorization
	fPhone                      // a telephone call the office took: telephone encounter, phone note, caller, reason for call, call-back number
	fCharity                    // a hospital's financial assistance (charity care) program: the poverty guidelines, household size and income, the assistance adjustment
	fCaseMgmt                   // a nurse case manager's report on a claim: case management, reporting period, barriers to recovery
	fSpecials                   // a lawyer's summary of the client's medical specials (damages) for a demand: its title, its total, attorney work product
	fDiary                      // a diary the patient keeps: pain diary, pain journal, symptom log
	fFutureCare                 // a projection of the costs of care to come: a life care plan, life expectancy, annual and lifetime costs
	fConsent                    // a consent for a procedure: informed consent, consent for surgery or an invasive procedure
	fDeposition                 // a deposition transcript: its caption, the examinations, the court reporter and her certificate
	fRegister                   // a point-of-sale register's receipt: subtotal, change due, the card's approval code, the cashier
	fEquipCert                  // a certificate of medical necessity for equipment: certification type, length of need, supplier's charge, fee schedule allowance, physician attestation
	fVocational                 // a vocational expert's report: transferable skills, labour market, earning capacity, work-life expectancy
	nFeatures
)

// phrases lists the phrases of each feature. A scan's OCR may run short
// words together: the banner "this is not a bill" is also read as its
// glued forms.
var phrases = map[feature]string{
	fEOB: `explanation of benefits|explanation of benefit|explanation of payment|explanation of review|this is not a bill|
		this is nota bill|this is not abill|this is notabill|this 1s not a bill|this 1s nota bill|this 1s not abill|
		medicare summary notice|
		remittance advice|provider remittance|electronic remittance|explanation of bill review|bill review|
		explanation of reimbursement|repricing|repriced|recommended allowance|recommended payment`,
	fEOBWeak: `allowed|allowed amount|plan paid|plan pays|plan discount|paid by plan|paid by insurer|member responsibility|
		member owes|member pays|what you owe|amount you owe|not covered|deductible|coinsurance|remark code|remark codes|
		claim status|group number|subscriber|fee sched|fee schedule|ppo reduction|reduction|recommend|recommended|
		review date|reason codes|reconsideration|denied|claimant|date of loss|pip limit|medpay limit|med pay limit|pip left|
		pip benefits|medpay|med pay|medicare approved|may be billed|maximum you may be billed|amount you may be billed`,
	fFaxCover: `fax cover|fax cover sheet|facsimile cover|facsimile transmission|facsimile transmittal|cover sheet|transmittal|
		number of pages|no of pages|# of pages|pages including cover|pages including this cover|total pages`,
	fAuthz: `authorization for release|authorization for the release|authorization to release|authorization for use|
		authorization to disclose|authorization for disclosure|authorization to obtain|authorisation for release|hipaa|
		i authorize|i hereby authorize|45 cfr|164 508|revoke this authorization|release of information|
		release of medical information|release of protected health information|authorization expires|redisclosure|
		redisclosed|authorization form`,
	fRequest: `request for medical records|request for records|request for billing records|request for complete medical records|
		request for certified records|records request|request for copies|please provide copies|please provide a copy|
		please forward|please send copies|please produce|attn medical records|attn records|attention medical records|
		subpoena|subpoena duces tecum|dates of treatment requested|dates of service requested|medical records and billing|
		records and billing department|requester|request received|date of request|dates requested|records needed to process|records needed to complete`,
	fCopies: `search and retrieval|retrieval fee|copy charges|copying fee|copying charges|copy fee|per page copy|
		copies of records|records copy|release of information services|certification fee`,
	fCustodian: `custodian of records|custodian of the records|records custodian|affidavit|sworn to and subscribed|
		subscribed and sworn|notary public|certification of records|certification of medical records|
		certification of business records|business records affidavit|business records declaration|
		business records certification|true and correct copy|true and correct copies|true and accurate copy|
		true and complete copy|under penalty of perjury|902 11|803 6|18 001|18 002|
		certificate of translation|certification of translation|certification of translation accuracy|
		translator s certificate|translator s certification|translator s certification of accuracy|
		statement of translation accuracy|certificate of accuracy|certification of accuracy|accurate translation|
		true and accurate translation|complete and accurate translation|true and correct translation|certified translator`,
	fCoverLetter: `enclosed please find|please find enclosed|enclosed are|enclosed is|enclosed you will find|
		in response to your request|in response to your letter|please remit|do not hesitate to contact`,
	fIndex: `index of records|index of medical records|records index|record index|table of contents|document index|
		bates range|production index|exhibit list`,
	fLetter: `dear|thank you for referring|thank you for the referral|thank you for the kind referral|thank you for allowing me|
		thank you for asking me|thank you for the opportunity|i had the pleasure of seeing|i saw him|i saw her|
		i saw your patient|sincerely|regards|kind regards|best regards|yours truly|very truly yours|respectfully yours`,
	fPharmacy: `rx #|rx no|rx number|ndc|days supply|day supply|refill|refills|pharmacist|dispensed|fill date|
		filled date|date filled|prescription history|prescription record|prescription profile|pharmacy|daw|sig`,
	fQuantity: `qty|quantity`,
	fUB04: `ub 04|ub04|type of bill|rev cd|rev code|revenue code|statement covers period|pat cntl|patient control|fed tax no|
		nubc|treatment authorization codes|admission date|serv date|serv units|total charges|non covered charges|
		attending|payer name|health plan id`,
	fCMS1500: `health insurance claim form|cms 1500|nucc|approved omb|carrier|picture in|24 a|dates of service|date s of service|
		place of service|days or units|epsdt|federal tax i d|federal tax id|signature of physician|insured s name|
		insured s id|insured s address|insured s policy|patient s or authorized|referring provider|outside lab|
		accept assignment|billing provider info|service facility location|diagnosis pointer|rendering provider id|
		dental claim form|american dental association|j430|j430d|predetermination|preauthorization|
		record of services provided|area of oral cavity|tooth system|tooth surface|diag pointer|other fee s|total fee|
		diagnosis code list qualifier|billing dentist|dental entity|treating dentist|auto accident state`,
	fLedger: `ledger|running balance|balance forward|beginning balance|previous balance|pmt|pymt|payment|payments|adjustment|
		adjustments|write off|writeoff|contractual|posted|post date|ins pd|ins paid|ins pmt|insurance payment|pt pd|pt paid|
		pt pmt|patient payment|copay received|receipt|receipts|receipt no|receipt number|receipt copies|amount received|
		payment received`,
	fRegister: `subtotal|sub total|change due|approval code|approval no|auth code|cashier|amount tendered|cash tendered|tendered|
		contactless|swiped|card ending|trn|trans no|register no`,
	fInvoice:  `invoice|inv #|inv no|invoice no|invoice number|bill to|due date|terms|net 30`,
	fItemized: `itemized|itemised|statement|charges|superbill|total billed|total charges|total due|amount due|balance due|fee`,
	fLogTitle: `daily log|treatment log|visit log|therapy log|chiropractic log|adjustment log|attendance log|daily record|
		treatment record|visit record|daily flow sheet|daily flowsheet|treatment flowsheet|treatment flow sheet|
		visit summary|treatment summary|daily treatment log|daily treatment record|sign in sheet|record of visits|
		record of treatment|visit history|treatment sheet|daily sheet|sign in|travel card|treatment card|visit card`,
	fLogHead: `date|visit|dos|pain|vas|nprs|cpt|code|codes|treatment|tx|modality|modalities|adjustment|adjusted|region|regions|
		segment|segments|initials|initial|therapist|provider|units|minutes|min|notes|response|sign|signature|level|
		levels|procedures|services`,
	fOther: `exercise log|exercise flowsheet|exercise flow sheet|exercise record|exercise program|exercise sheet|
		home exercise|home exercise program|medication administration record|mar|flowsheet|flow sheet|
		vital signs record|vital sign flowsheet|intake and output|nursing flowsheet|graphic record|sets|reps|repetitions`,
	fReport: `radiology|radiologist|imaging|technique|comparison|impression|findings|accession|interpreting physician|
		reading physician|clinical history|clinical indication|indication|laboratory|lab results|reference range|
		reference interval|specimen|collected|resulted|electrodiagnostic|nerve conduction|emg|ncs|ultrasound|mri|ct|
		x ray|xray|radiograph|radiographs|contrast|sagittal|axial|views|exam|
		electrocardiogram|ecg|ekg|12 lead|ventricular rate|vent rate|pr interval|pr int|qrs duration|qrs dur|qt qtc|
		qt qtcb|p r t axes|axis p qrs t`,
	fClinical: `chief complaint|history of present illness|history of present injury|hpi|subjective|objective|assessment|
		plan|physical exam|physical examination|review of systems|vital signs|diagnosis|diagnoses|diagnosed|discharge|
		disposition|medications|allergies|mechanism of injury|follow up|followup|complains|complaint|complaints|
		symptoms|tenderness|tender|range of motion|rom|patient reports|patient states|patient presents|presents with|
		presents for|pain|injury|injuries|injured|treatment|therapy|therapeutic|prescribed|referred|referral|
		examination|spasm|strain|sprain|radiating|numbness|palpation`,
	fNotice: `notice of missed appointment|missed appointment notice|did not keep your appointment|you missed your appointment|
		failed to keep your appointment|broken appointment|missed appointment fee|appointment reminder|reminder of your appointment|
		debt collector|collect a debt|collection of a debt|dispute the debt|dispute this debt|validation notice|
		original creditor|collection agency|collections agency|referred to collections|placed for collection|
		attendance policy|no show policy|cancellation policy|missed the following appointments|missed the following|
		non attendance|nonattendance|discharge for non attendance|discharged for non attendance`,
	fFutureCare: `life care plan|life care planner|life care planning|future medical care|future care needs|future care costs|
		cost of future care|cost of future medical care|future medical costs|future medical expenses|cost projection|projected costs|
		life expectancy|annual cost|annual costs|lifetime cost|lifetime costs|total lifetime|annual lifetime|present value|today s dollars|
		replacement every|replace every`,
	fEstimate: `good faith estimate|estimated charge|estimated charges|total estimated|estimated total|estimated cost|estimated costs|
		estimated amount|estimate number|estimate no|estimate date|gfe date|expected charges|no surprises act|nosurprises|
		patient provider dispute resolution|dispute resolution process|estimated fee|estimated fees|financial agreement|
		financial policy|care plan agreement|treatment plan agreement|prepaid plan|prepaid care plan|pay the plan in full`,
	fClaimForm: `attending physician s statement|attending physicians statement|attending physician statement|
		attending physician s report|attending physician report|attending provider s statement|attending provider statement|
		date you first treated|date first treated|date of first treatment|date you first saw|date of most recent examination|
		date of last examination`,
	fOrder: `requisition|order form|imaging order|radiology order|diagnostic imaging order|laboratory order|lab order|
		imaging request|radiology request|ordering physician|ordering provider|ordering practitioner|ordering clinician|
		date ordered|order date|date of order|exam requested|exams requested|examination requested|study requested|
		studies requested|test requested|tests requested|procedure requested|performing facility|performing location|
		perform at|prior authorization|prior auth|precertification|pre certification|patient notified|please schedule|
		booking form|booking request|booking sheet|procedure booking|surgery booking|scheduling form|scheduling sheet|
		surgery scheduling|procedure scheduling|date booked|originally booked|pre procedure instructions|
		preprocedure instructions|pre op instructions|preop instructions|pre operative instructions|pre procedure call|
		driver required|
		fax to scheduling|scheduling use|priority routine|priority stat|priority urgent|priority asap`,
	fResult: `findings|impression|impressions|conclusion|conclusions|interpretation|reference range|reference interval|
		resulted|result status|final result|preliminary result|final report|preliminary report`,
	fClaimFile: `claim number|claim no|claim #|claimant|date of loss|policyholder|policy number|policy no|named insured|
		our insured|your insured|adjuster|claims adjuster|claim adjuster|claims representative|claim representative|
		claims specialist|claims examiner`,
	fUtilization: `utilization management|utilization review|um department|prior authorization department|
		prior authorization request|authorization request|referral authorization|for health plan use only|
		precertification department|authorization approval|authorization approved|authorization denial|authorization denied|
		notice of prior authorization|notice of authorization|approved as medically necessary|not a guarantee of payment|
		member id|member number|subscriber id|auth #|authorization #|authorization number|valid dates|approved visits|
		approved units|services must be received|requested by|peer to peer`,
	fBenefits: `personal injury protection|pip|pip benefits|no fault benefits|medical payments|med pay|medpay|coverage|
		under the policy|policy limit|policy limits|benefits are denied|benefits denied|denial of benefits|
		termination of benefits|benefits terminated|exhausted|reservation of rights|appeal this decision|
		request reconsideration|no fault|additional verification|verification request|request for verification|
		proof of claim|claim is delayed`,
	fRecovery: `conditional payment|conditional payments|conditional payment letter|notice of conditional payments|
		secondary payer|medicare secondary payer|msp recovery|recovery contractor|benefits coordination|final demand|
		subrogation|subrogation claim|subrogation recovery|right of recovery|right of reimbursement|reimbursement claim|
		protect our lien|plan s lien|our lien|notice of lien|repaid from any settlement|repayment from any settlement|
		demand for repayment|third party liability|medical assistance|third party recovery|casualty recovery|
		medicaid lien|medicare lien`,
	fMedLegal: `narrative report|medical narrative|narrative medical report|medical legal|medicolegal|medico legal|
		dear counsel|dear counselor|counsel for|reasonable degree of medical probability|reasonable degree of medical certainty|
		reasonable medical probability|reasonable medical certainty|maximum medical improvement|permanent partial impairment|
		permanent impairment|whole person impairment|impairment rating|ama guides|causation|causally related|
		causally connected|future medical care|future medical treatment|future medical expenses|life care plan|apportionment`,
	fSettlement: `settlement statement|distribution statement|
		closing statement|settlement disbursement|disbursement statement|statement of settlement|gross settlement|
		total settlement|settlement amount|gross recovery|attorney s fee|attorneys fee|attorneys fees|
		attorney fee|attorney fees|contingency fee|case costs|costs advanced|case expenses|litigation costs|net to client|
		net to the client|net proceeds to client|amount to client|client s share|paid from settlement|paid from the settlement|
		approve the distribution|approve this distribution`,
	fAcknowledge: `notice of privacy practices|notice of privacy practice|privacy practices|acknowledgment of receipt|
		acknowledgement of receipt|acknowledge receipt|acknowledge that i have received|consent to treat|consent to treatment|
		consent for treatment|general consent for care`,
	fAdmission: `admit date|admission date|date of admission|admit time|admission time|admit type|admission type|admit source|
		admission source|source of admission|attending physician|admitting physician|attending md|admitting md|
		attending provider|admitting provider|admitting diagnosis|admitting diagnoses|admission diagnosis|admission diagnoses|
		admit diagnosis|patient class|unit room bed|room bed|discharge disposition`,
	fRenewal: `refill request|refill requests|request for refill|request for refills|refill authorization|
		refill authorisation|request for refill authorization|renewal request|renewal requests|prescription renewal|
		rx renewal|request for renewal|renewal authorization|refill approval|prescriber response|prescriber s response|
		physician response|prescriber signature|prescriber s signature|fax back|please fax back|fax this form back|
		fax this back|return by fax|number of refills|refills authorized|refills approved|patient must be seen|
		needs appointment|patient needs appointment|no refills remain|no refills remaining|no refills left`,
	fCrash: `crash report|traffic crash report|motor vehicle crash report|accident report|police accident report|
		traffic accident report|traffic collision report|collision report|crash date|date of crash|crash time|time of crash|
		investigating officer|reporting officer|investigating agency|badge|badge id|badge number|number of units|
		number of vehicles|unit 1|unit 2|vehicle 1|vehicle 2|damage area|damaged area|at intersection with|
		light condition|weather condition|road surface|towed|cited|citation issued|contributing circumstances|
		injury severity|records division`,
	fCard: `insurance card|ins card|id card|member card|rxbin|rx bin|rxpcn|rx pcn|rxgrp|rx grp|member id|member services|
		provider services|group no|group number|copay|copays|submit claims to|send claims to|mail claims to|
		does not guarantee|eligibility or payment|guarantee coverage|guarantee of coverage`,
	fWages: `lost wages|lost wage|wage loss|wages lost|loss of wages|loss of earnings|lost earnings|lost time|
		wage verification|wage and salary|salary verification|employment verification|verification of employment|
		employer s verification|employer verification|rate of pay|pay rate|hourly rate|hourly wage|wage rate|
		date of hire|hire date|last day worked|date last worked|last date worked|hours per week|regular hours|
		hours missed|hours lost|days missed|work days missed|scheduled work days|payroll|payroll records|
		payroll department|gross pay|gross wages|weekly wage|average weekly wage|net pay|overtime|paid time off|pto|
		sick leave|short term disability|wage continuation|pay period|w 2`,
	fVehicle: `repair estimate|estimate of record|supplement of record|preliminary estimate|vehicle appraisal|
		damage appraisal|appraiser|vehicle damage|property damage|vin|odometer|mileage in|mileage out|point of impact|
		type of loss|body labor|paint labor|refinish labor|frame labor|mechanical labor|mech labor|paint materials|
		paint supplies|shop supplies|sublet|sublet repairs|net cost of repairs|cost of repairs|labor rate|body shop|
		auto body|collision center|collision repair|total loss|actual cash value|part number|part no|repl|rpr|
		refinish|workfile|year make model`,
	fIntake: `intake form|patient intake form|new patient intake form|intake questionnaire form|registration form|
		patient registration|new patient registration|patient registration form|patient information form|
		patient information sheet|new patient information|new patient paperwork`,
	fCV: `curriculum vitae|postgraduate training|post graduate training|graduate medical education|internship|residency|
		fellowship|board certification|board certifications|board certified|diplomate|recertified|licensure|
		medical license|dea registration|hospital appointments|hospital affiliations|academic appointments|
		professional memberships|memberships|publications|selected publications|presentations|honors and awards|
		medicolegal|medico legal experience|deposition or trial testimony|expert testimony`,
	fTravel: `medical mileage|mileage statement|mileage log|mileage reimbursement|mileage claimed|mileage expense|mileage expenses|
		travel expense|travel expenses|medical travel|travel log|travel to treatment|per mile|cents per mile|rate per mile|
		round trip miles|round trip mileage|rt miles|total miles|miles driven|parking and tolls|parking tolls|tolls|
		starting address`,
	fNecessity: `letter of medical necessity|statement of medical necessity|certificate of medical necessity|medical necessity|
		medically necessary|reasonable and necessary|reasonable necessary|request for authorization|request authorization|
		requesting authorization|i request authorization|request approval|requesting approval|request coverage|
		requesting coverage|i am writing to request|to the reviewer|dear reviewer|peer reviewer|nurse reviewer`,
	fEquipCert: `certificate of medical necessity|dme information form|certification type|length of need|
		supplier s charge|suppliers charge|fee schedule allowance|narrative description of equipment|physician attestation|
		person answering section|i am the treating physician|treating physician identified`,
	fCharity: `financial assistance|charity care|federal poverty guidelines|federal poverty guideline|federal poverty level|
		poverty guidelines|poverty guideline|household size|household income|family size|fa adj|fa adjustment|
		financial assistance adjustment|charity adjustment|charity care adjustment|charity discount|sliding fee|sliding scale|
		uncompensated care|presumptive eligibility|your eligibility|eligibility period|period of eligibility|
		financial assistance determination|financial assistance program|financial assistance policy|financial counseling`,
	fCaseMgmt: `case management|case manager|nurse case manager|nurse case management|field case management|
		telephonic case management|medical case management|catastrophic case management|case management report|
		case management summary|case management plan|case management goals|certified case manager|ccm|crrn|
		reporting period|report period|period covered|barriers to recovery|barriers to return to work|
		time this period|hours this period|next report|appointments attended|claimant attended|accompanied the claimant|
		accompanied claimant`,
	fSpecials: `medical specials|summary of specials|specials summary|summary of medical specials|total medical specials|total specials|
		medical damages|summary of medical damages|itemization of medical damages|medical expenses summary|
		summary of medical expenses|medical expense summary|past medical expenses|total past medical expenses|
		attorney work product|attorneys work product|work product|demand package`,
	fConsent: `informed consent|consent for surgical|consent for surgery|consent to surgery|consent for procedure|
		consent for invasive procedure|consent for surgical or invasive procedure|consent to operation|consent for operation|
		procedure consent|surgical consent|consent to procedure`,
	fDeposition: `deposition of|discovery deposition|evidence deposition|videotaped deposition|video deposition|oral deposition|
		deposition concluded|deposition was taken|foregoing deposition|direct examination|cross examination|redirect examination|
		recross examination|shorthand reporter|court reporter|court reporting|deposition services|reporter s certificate|
		certificate of reporter|certificate of court reporter|marked for identification|the witness|duly sworn|appearances`,
	fVocational: `vocational expert|vocational evaluation|vocational assessment|vocational report|vocational expert report|
		vocational rehabilitation evaluation|vocational rehabilitation counselor|vocational consultant|vocational certainty|
		transferable skills|transferable skills analysis|labor market survey|labor market research|labour market survey|
		earning capacity|loss of earning capacity|pre injury earning capacity|post injury earning capacity|
		work life expectancy|worklife expectancy|o net|dictionary of occupational titles`,
	fDiary: `diary|journal|symptom log|headache log|sleep log|bring this log`,
	fPhone: `telephone encounter|phone encounter|telephone note|phone note|telephone message|phone message|
		telephone call|phone call|nurse triage|triage call|triage note|telephone triage|phone triage|reason for call|
		reason for the call|call back|callback|call back number|caller|date of call|call date|time of call|
		date time of call|call received|call taken by|taken by|returned call|returned the call|spoke with patient`,
	fPortal: `patient portal|portal message|portal messages|message center|secure message|secure messages|
		secure messaging|message thread|printed from portal`,
	fLegal: `letter of protection|this firm represents|our firm represents|this office represents|we represent|our client|
		your client|attorney at law|attorneys at law|esq|law firm|law office|law offices|law group|injury law|trial lawyers|
		judgment or verdict|from any settlement|from the settlement|settlement proceeds|proceeds of any settlement|
		guarantee of payment|attorney s lien|attorney lien`,
}

// lexicon maps a normalised phrase to the features it signals.
var lexicon = map[string][]feature{}

// maxWords is the number of words of the longest phrase.
var maxWords int

// lexiconWords are the words the lexicon's phrases hold.
var lexiconWords = map[string]bool{}

func init() {
	for f, list := range phrases {
		for _, p := range strings.Split(list, "|") {
			n, _ := normalize(p)
			if n == "" {
				continue
			}
			lexicon[n] = append(lexicon[n], f)
			maxWords = max(maxWords, strings.Count(n, " ")+1)
			for _, w := range strings.Fields(n) {
				lexiconWords[w] = true
			}
		}
	}
}

// normalize lower-cases s, keeps runs of letters and digits as words and
// '#' and '$' as words of their own, and joins them with one space. It
// returns the offsets where each word starts in the result.
func normalize(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	starts := make([]int, 0, len(s)/5)
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if !in {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				starts = append(starts, b.Len())
				in = true
			}
			b.WriteByte(c)
		case c == '#' || c == '$':
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			starts = append(starts, b.Len())
			b.WriteByte(c)
			in = false
		default:
			in = false
		}
	}
	return b.String(), starts
}

// monthAbbrevs are the months as dates abbreviate them: one of them
// before a day or a year is a date ("Mar 4, 2024"), never a phrase (a
// MAR is a medication administration record).
var monthAbbrevs = map[string]bool{"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

// phraseCounts counts, per feature, the phrases of s in the lexicon.
func phraseCounts(s string, into *[nFeatures]int) {
	norm, starts := normalize(s)
	countNormalized(norm, starts, into)
}

// phraseCountsOCR is phraseCounts for text read by OCR, which confuses
// letters alike ("retease" for release, "beriefits" for benefits): a word
// of six letters or more that no phrase holds is read as the one word of
// the lexicon that undoing one such confusion makes of it.
func phraseCountsOCR(s string, into *[nFeatures]int) {
	norm, starts := normalize(s)
	var b strings.Builder
	b.Grow(len(norm))
	fixed := make([]int, 0, len(starts))
	for i, a := range starts {
		end := len(norm)
		if i+1 < len(starts) {
			end = starts[i+1] - 1
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fixed = append(fixed, b.Len())
		b.WriteString(ocrWord(norm[a:end]))
	}
	countNormalized(b.String(), fixed, into)
}

// ocrConfusions are the pairs of letters OCR reads one for the other.
var ocrConfusions = [][2]string{{"t", "l"}, {"l", "t"}, {"i", "l"}, {"l", "i"}, {"ri", "n"}, {"rn", "m"}, {"m", "rn"}, {"cl", "d"}, {"li", "h"}, {"vv", "w"}, {"e", "c"}, {"c", "e"}}

// ocrWord returns the word of the lexicon that w, a word OCR read, stands
// for: w itself when a phrase holds it, is shorter than six letters or
// holds a digit, and the one lexicon word that undoing one confusion at
// one place makes of it, else w.
func ocrWord(w string) string {
	if len(w) < 6 || lexiconWords[w] || strings.ContainsAny(w, "0123456789#$") {
		return w
	}
	if v := undoConfusion(w, lexiconWords); v != "" {
		return v
	}
	return w
}

// undoConfusion returns the one word of known that undoing one confusion
// of ocrConfusions at one place makes of w, or "" when none does or two
// different words do.
func undoConfusion(w string, known map[string]bool) string {
	found := ""
	for _, c := range ocrConfusions {
		for off := 0; ; {
			i := strings.Index(w[off:], c[0])
			if i < 0 {
				break
			}
			i += off
			if v := w[:i] + c[1] + w[i+len(c[0]):]; known[v] {
				if found != "" && found != v {
					return "" // two readings: none
				}
				found = v
			}
			off = i + 1
		}
	}
	return found
}

// countNormalized counts the phrases of normalized text (see normalize).
func countNormalized(norm string, starts []int, into *[nFeatures]int) {
	for i, a := range starts {
		for n := 0; n < maxWords && i+n < len(starts); n++ {
			end := len(norm)
			if i+n+1 < len(starts) {
				end = starts[i+n+1] - 1
			}
			if n == 0 && monthAbbrevs[norm[a:end]] && i+1 < len(starts) && isDayOrYear(norm, starts, i+1) {
				break
			}
			for _, f := range lexicon[norm[a:end]] {
				into[f]++
			}
		}
	}
}

// isDayOrYear reports whether word k of norm (starting at starts[k]) is a
// day of the month or a year: one or two digits, or four.
func isDayOrYear(norm string, starts []int, k int) bool {
	end := len(norm)
	if k+1 < len(starts) {
		end = starts[k+1] - 1
	}
	w := norm[starts[k]:end]
	if len(w) != 1 && len(w) != 2 && len(w) != 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) {
			return false
		}
	}
	return true
}
