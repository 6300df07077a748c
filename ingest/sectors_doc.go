package ingest

// findSectors collects the sectors of the statement: those its sentences name (outside titles
// of office and names of bodies) and those of its commitments and interests.
func (d *doc) findSectors() {
	var out []string
	tagger := englishSectorTagger()
	for _, s := range d.sents {
		if !s.english {
			continue
		}
		for _, h := range tagger.find(s.parts, s.masked) {
			out = addSectors(out, h.sectors...)
		}
	}
	for _, c := range d.commits {
		if len(c.Sector) == 1 && c.Sector[0] == "other" {
			continue
		}
		out = addSectors(out, c.Sector...)
	}
	for _, i := range d.interes {
		out = addSectors(out, i.Sectors...)
	}
	d.sectors = out
}
