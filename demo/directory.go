package demo

import "github.com/entente/entente"

// body is one row of the demo directory: a key the rest of the demo refers to it by.
type body struct {
	key, party, name, short, kind, parent string
}

var bodies = []body{
	{"pak-mofa", "PAK", "Ministry of Foreign Affairs", "MOFA", "ministry", ""},
	{"pak-food", "PAK", "Ministry of National Food Security and Research", "MNFSR", "ministry", ""},
	{"pak-industries", "PAK", "Ministry of Industries and Production", "MoIP", "ministry", ""},
	{"pak-it", "PAK", "Ministry of Information Technology and Telecommunication", "MoITT", "ministry", ""},
	{"pak-commerce", "PAK", "Ministry of Commerce", "MoC", "ministry", ""},
	{"pak-energy", "PAK", "Ministry of Energy (Petroleum Division)", "MoE", "ministry", ""},
	{"pak-defence", "PAK", "Ministry of Defence Production", "MoDP", "ministry", ""},
	{"pak-law", "PAK", "Ministry of Law and Justice", "MoLJ", "ministry", ""},
	{"pak-cabinet", "PAK", "Cabinet Division", "", "office", ""},
	{"pak-na", "PAK", "National Assembly of Pakistan", "NA", "parliamentary_group", ""},
	{"blr-mfa", "BLR", "Ministry of Foreign Affairs", "MFA", "ministry", ""},
	{"blr-agri", "BLR", "Ministry of Agriculture and Food", "", "ministry", ""},
	{"blr-industry", "BLR", "Ministry of Industry", "", "ministry", ""},
	{"blr-comms", "BLR", "Ministry of Communications and Informatization", "", "ministry", ""},
	{"blr-trade", "BLR", "Ministry of Antimonopoly Regulation and Trade", "MART", "ministry", ""},
	{"blr-resources", "BLR", "Ministry of Natural Resources and Environmental Protection", "", "ministry", ""},
	{"blr-military", "BLR", "State Authority for Military Industry", "", "agency", ""},
	{"blr-council", "BLR", "Council of Ministers", "", "office", ""},
	{"blr-na", "BLR", "National Assembly of Belarus", "", "parliamentary_group", ""},
	{"jmc", "", "Pakistan–Belarus Joint Ministerial Commission", "JMC", "commission", ""},
}

// trackRow is one track of the roadmap with its lead body on each side.
type trackRow struct {
	sector, title, pakLead, blrLead string
}

var trackRows = []trackRow{
	{"agriculture", "Agriculture", "pak-food", "blr-agri"},
	{"mining_minerals", "Mining and minerals", "pak-energy", "blr-resources"},
	{"information_technology", "Information technology", "pak-it", "blr-comms"},
	{"heavy_machinery", "Heavy machinery manufacturing", "pak-industries", "blr-industry"},
	{"defense", "Defence industry", "pak-defence", "blr-military"},
	{"trade", "Trade and economic cooperation", "pak-commerce", "blr-trade"},
	{"textiles", "Textiles", "pak-commerce", "blr-trade"},
	{"parliamentary", "Inter-parliamentary exchanges", "pak-na", "blr-na"},
	{"political_dialogue", "Political dialogue", "pak-mofa", "blr-mfa"},
}

var people = []struct{ key, name, role, party, body string }{
	{"pm", "Shehbaz Sharif", "Prime Minister", "PAK", ""},
	{"president", "Aleksandr Lukashenko", "President", "BLR", ""},
	{"pak-fm", "Ishaq Dar", "Deputy Prime Minister and Minister of Foreign Affairs", "PAK", "pak-mofa"},
	{"blr-fm", "Maxim Ryzhenkov", "Minister of Foreign Affairs", "BLR", "blr-mfa"},
}

func (l *loader) directory() error {
	for _, b := range bodies {
		v := &entente.Body{Party: b.party, Name: b.name, ShortName: b.short, Kind: b.kind}
		if b.party == "" {
			v.Parties = []string{"PAK", "BLR"}
		}
		if err := l.s.Bodies.CreateBody(l.ctx, v); err != nil {
			return err
		}
		l.bodies[b.key] = v
	}
	for _, t := range trackRows {
		wg := &entente.Body{Parties: []string{"PAK", "BLR"}, Name: "Joint working group on " + lowerFirst(t.title),
			Kind: "working_group", ParentID: l.bodies["jmc"].ID}
		if err := l.s.Bodies.CreateBody(l.ctx, wg); err != nil {
			return err
		}
		l.bodies["jwg-"+t.sector] = wg
	}
	for _, p := range people {
		v := &entente.Person{Name: p.name, Role: p.role, Party: p.party}
		if p.body != "" {
			v.BodyID = l.bodies[p.body].ID
		}
		if err := l.s.People.CreatePerson(l.ctx, v); err != nil {
			return err
		}
		l.people[p.key] = v
	}
	return nil
}

func (l *loader) makeTracks() error {
	for _, t := range trackRows {
		v := &entente.Track{RoadmapID: l.roadmap.ID, Sector: t.sector, Title: t.title, Leads: []entente.TrackLead{
			{Party: "PAK", BodyID: l.bodies[t.pakLead].ID}, {Party: "BLR", BodyID: l.bodies[t.blrLead].ID}}}
		if err := l.s.Tracks.CreateTrack(l.ctx, v); err != nil {
			return err
		}
		l.tracks[t.sector] = v
	}
	return nil
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}
