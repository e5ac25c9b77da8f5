package core

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
)

// SettingsFields are the matter settings a form or an upload may set.
var SettingsFields = map[string]bool{"name": true, "client": true, "incident_date": true, "gap_days": true,
	"bates_prefix": true, "keep_sender_bates": true}

// maxSettingLen bounds a matter's name and client.
const maxSettingLen = 200

// ParseSettings validates the settings given in fields (a field absent
// is left as it is; an empty one clears it) and returns a function that
// applies them, or the messages of every invalid field. Nothing is
// changed until the function runs.
func ParseSettings(fields map[string]string) (func(*chronology.Matter), []string) {
	var errs []string
	var edits []func(*chronology.Matter)
	for _, name := range []string{"name", "client", "incident_date", "gap_days", "bates_prefix", "keep_sender_bates"} {
		v, ok := fields[name]
		if !ok {
			continue
		}
		switch name {
		case "name", "client":
			if len(v) > maxSettingLen {
				errs = append(errs, fmt.Sprintf("%s: at most %d characters", name, maxSettingLen))
				continue
			}
			v = pipeline.CleanText(v)
			if name == "name" {
				edits = append(edits, func(m *chronology.Matter) { m.Name = v })
			} else {
				edits = append(edits, func(m *chronology.Matter) { m.Client = v })
			}
		case "incident_date":
			var d dates.Date
			if v != "" {
				var err error
				if d, err = dates.ParseISO(v); err != nil {
					errs = append(errs, "incident_date: want YYYY-MM-DD")
					continue
				}
			}
			edits = append(edits, func(m *chronology.Matter) { m.DateOfIncident = d })
		case "gap_days":
			n := 0
			if v != "" {
				var err error
				if n, err = strconv.Atoi(v); err != nil || n < 1 || n > 3650 {
					errs = append(errs, "gap_days: want a number of days from 1 to 3650")
					continue
				}
			}
			edits = append(edits, func(m *chronology.Matter) { m.GapDays = n })
		case "bates_prefix":
			v = strings.ToUpper(v)
			if chronology.ValidBatesPrefix(v) != nil {
				errs = append(errs, "bates_prefix: want a letter then up to 11 letters, digits, - or _")
				continue
			}
			edits = append(edits, func(m *chronology.Matter) { m.BatesPrefix = v })
		case "keep_sender_bates":
			var keep bool
			switch strings.ToLower(v) {
			case "on", "true", "1", "yes":
				keep = true
			case "off", "false", "0", "no", "":
			default:
				errs = append(errs, "keep_sender_bates: want true or false")
				continue
			}
			edits = append(edits, func(m *chronology.Matter) { m.KeepSenderBates = keep })
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return func(m *chronology.Matter) {
		for _, e := range edits {
			e(m)
		}
	}, nil
}

// SettingsDiff describes what changed between two versions of a matter's
// settings, as the audit row keeps it: "incident_date: 2023-12-06 →
// 2024-01-02; gap_days: 30 → 45". Empty when nothing changed.
func SettingsDiff(before, after chronology.Matter) string {
	var parts []string
	add := func(name, a, b string) {
		if a != b {
			parts = append(parts, fmt.Sprintf("%s: %s → %s", name, orNone(a), orNone(b)))
		}
	}
	add("name", before.Name, after.Name)
	add("client", before.Client, after.Client)
	add("incident_date", before.DateOfIncident.String(), after.DateOfIncident.String())
	gap := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	add("gap_days", gap(before.GapDays), gap(after.GapDays))
	add("bates_prefix", before.BatesPrefix, after.BatesPrefix)
	if before.KeepSenderBates != after.KeepSenderBates {
		parts = append(parts, fmt.Sprintf("keep_sender_bates: %t → %t", before.KeepSenderBates, after.KeepSenderBates))
	}
	return strings.Join(parts, "; ")
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return strconv.Quote(s)
}

// ChangeMatter applies validated settings to the matter in one
// transaction with its audit row (before and after values) and the
// rebuild of its chronology; nothing is written when nothing changes.
func (s *Core) ChangeMatter(r *http.Request, id string, apply func(*chronology.Matter)) (bool, error) {
	return s.Pipeline.ChangeMatter(r.Context(), id, func(ctx context.Context, tx store.Tx, before chronology.Matter, after *chronology.Matter) error {
		apply(after)
		diff := SettingsDiff(before, *after)
		if diff == "" {
			return nil
		}
		as, ok := tx.(access.Store)
		if !ok {
			return fmt.Errorf("the store cannot audit inside a transaction")
		}
		return s.AuditTo(ctx, as, r, access.AuditMatterEdit, id, id, diff)
	})
}
