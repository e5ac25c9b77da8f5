package chronology

import "encoding/json"

// Two words, two meanings. An entry or bill line is grounded when every
// citation quote was found on its cited page: the machine checked it. An
// entry is reviewed when a person verified or corrected it. chronology.json
// v1 first named grounding "verified" (and its flag "unverified"); those
// names are still written (the property) or read (the flag kind) so that
// older readers and stored chronologies keep working, but they mean
// grounded, never reviewed.

// entryFields is Entry without its JSON methods.
type entryFields Entry

// MarshalJSON writes the entry with "grounded", its deprecated alias
// "verified" (same value, for v1 readers) and "reviewed".
func (e Entry) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		entryFields
		Verified bool `json:"verified"`
		Reviewed bool `json:"reviewed"`
	}{entryFields(e), e.Grounded, e.Reviewed()})
}

// UnmarshalJSON reads an entry; a chronology written before "grounded"
// existed gives its "verified" property. "reviewed" is derived from
// "review" and not read.
func (e *Entry) UnmarshalJSON(b []byte) error {
	var v struct {
		entryFields
		Grounded *bool `json:"grounded"`
		Verified *bool `json:"verified"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*e = Entry(v.entryFields)
	e.Grounded = groundedOf(v.Grounded, v.Verified)
	return nil
}

// billFields is Bill without its JSON methods.
type billFields Bill

// MarshalJSON writes the bill line with "grounded" and its deprecated
// alias "verified".
func (b Bill) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		billFields
		Verified bool `json:"verified"`
	}{billFields(b), b.Grounded})
}

// UnmarshalJSON reads a bill line, old ("verified") or new ("grounded").
func (b *Bill) UnmarshalJSON(data []byte) error {
	var v struct {
		billFields
		Grounded *bool `json:"grounded"`
		Verified *bool `json:"verified"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*b = Bill(v.billFields)
	b.Grounded = groundedOf(v.Grounded, v.Verified)
	return nil
}

// specialsFields is Specials without its JSON methods.
type specialsFields Specials

// MarshalJSON writes the specials with "ungrounded_charges" and its
// deprecated alias "unverified_charges".
func (s Specials) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		specialsFields
		Unverified *float64 `json:"unverified_charges,omitempty"`
	}{specialsFields(s), s.UngroundedCharges})
}

// UnmarshalJSON reads specials, old ("unverified_charges") or new.
func (s *Specials) UnmarshalJSON(b []byte) error {
	var v struct {
		specialsFields
		Unverified *float64 `json:"unverified_charges"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = Specials(v.specialsFields)
	if s.UngroundedCharges == nil {
		s.UngroundedCharges = v.Unverified
	}
	return nil
}

// flagFields is Flag without its JSON methods.
type flagFields Flag

// UnmarshalJSON reads a flag; the kind FlagUnverified of older
// chronologies is read as FlagUngrounded.
func (f *Flag) UnmarshalJSON(b []byte) error {
	var v flagFields
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*f = Flag(v)
	if f.Kind == FlagUnverified {
		f.Kind = FlagUngrounded
	}
	return nil
}

func groundedOf(grounded, verified *bool) bool {
	if grounded != nil {
		return *grounded
	}
	return verified != nil && *verified
}
