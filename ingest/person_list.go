package ingest

import "github.com/entente/entente/country"

// readNameLists reads names listed together after a plural title that lists the countries:
// "The foreign ministers of Azerbaijan, Georgia and Türkiye met … Jeyhun Bayramov, Maka
// Botchorishvili and Hakan Fidan signed …" gives each name the role and, in the same order,
// the country. A list of another length gets the role only.
func (d *doc) readNameLists(s *sent, runs []nameRun) {
	for _, group := range d.coordinatedRuns(runs) {
		role, countries := d.pluralTitleCountries(s)
		if role == "" {
			if prev := d.sentByIndex(s.index - 1); prev != nil {
				role, countries = d.pluralTitleCountries(prev)
			}
		}
		if role == "" {
			continue
		}
		for i, run := range group {
			p := d.personByName(run.words)
			if p == nil {
				p = &personRec{name: d.text[run.Start:run.End], words: run.words, evidence: s.Span, firstSeen: run.Start}
				d.people = append(d.people, p)
				s.persons = append(s.persons, personMention{Span: run.Span, p: p})
			}
			p.output = true
			if p.role == "" {
				p.role = role
			}
			if len(countries) == len(group) && !p.partyCue {
				p.party, p.partyCue = countries[i], true
			}
		}
	}
}

// coordinatedRuns returns the lists of two or more full names joined by ", " and "and".
func (d *doc) coordinatedRuns(runs []nameRun) [][]nameRun {
	var out [][]nameRun
	var cur []nameRun
	flush := func() {
		if len(cur) >= 2 {
			out = append(out, cur)
		}
		cur = nil
	}
	for _, r := range runs {
		if len(r.words) < 2 {
			flush()
			continue
		}
		if len(cur) > 0 {
			switch d.text[cur[len(cur)-1].End:r.Start] {
			case ", ", " and ", ", and ":
			default:
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// pluralTitleCountries reads "the foreign ministers of Azerbaijan, Georgia and Türkiye": the
// singular role and the countries in order.
func (d *doc) pluralTitleCountries(s *sent) (string, []string) {
	for i, w := range s.parts {
		if _, plural := pluralHeads[w.lower]; !plural {
			continue
		}
		role := d.pluralTitleBefore(s, w.end)
		if i+1 >= len(s.parts) || s.parts[i+1].lower != "of" {
			return role, nil
		}
		var countries []string
		for _, m := range s.countries {
			if m.Start < s.parts[i+1].end || (m.Kind != country.KindName && m.Kind != country.KindDemonym) {
				continue
			}
			if len(countries) > 0 {
				switch gap := d.text[prevEnd(s, m):m.Start]; gap {
				case ", ", " and ", ", and ":
				default:
					return role, countries
				}
			}
			countries = append(countries, m.Alpha3)
		}
		return role, countries
	}
	return "", nil
}

// prevEnd returns the end of the country mention before m in its sentence.
func prevEnd(s *sent, m country.Mention) int {
	end := m.Start
	for _, o := range s.countries {
		if o.End <= m.Start {
			end = o.End
		}
	}
	return end
}
