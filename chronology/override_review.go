package chronology

import "strings"

// followProviderCorrections files each entry whose provider a reviewer
// corrected under the provider of that name (created when there is none),
// so that the table, the index, the timeline and the flags agree with the
// correction. The summary names the corrected provider unless a reviewer
// corrected the summary too.
func followProviderCorrections(c *Chronology) {
	ps := newProviderSet(c)
	moved := false
	for _, list := range [][]Entry{c.Entries, c.UndatedEntries} {
		for i := range list {
			e := &list[i]
			var prov *Correction
			summary := false
			for k := range e.Corrections {
				switch e.Corrections[k].Field {
				case "provider":
					prov = &e.Corrections[k]
				case "summary":
					summary = true
				}
			}
			if prov == nil || prov.Value == prov.Original {
				continue
			}
			if p := ps.byID(e.ProviderID); p != nil && p.Name == e.Provider {
				continue
			}
			target := ps.byName(e.Provider)
			if target == nil {
				c.Providers = append(c.Providers, Provider{ID: "p-" + shortHash("override", strings.ToLower(e.Provider)), Name: e.Provider})
				target = &c.Providers[len(c.Providers)-1]
			}
			ps.renamed[e.ID] = prov.Original
			if !summary {
				e.Summary = strings.ReplaceAll(e.Summary, prov.Original, target.Name)
			}
			e.ProviderID, e.Provider = target.ID, target.Name
			moved = true
		}
	}
	if moved {
		ps.finish()
	}
}
