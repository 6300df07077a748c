package demo

import "github.com/entente/entente"

func (l *loader) agreements() error {
	rows := []struct {
		kind, title, description, status, lead string
		tracks                                 []string
	}{
		{"mou", "Memorandum of understanding on cooperation in agricultural machinery manufacturing",
			"Joint assembly of Belarusian tractors and farm machinery in Pakistan, with transfer of technology.",
			entente.AgreementDrafting, "BLR", []string{"heavy_machinery", "agriculture"}},
		{"mou", "Memorandum of understanding on cooperation in information technology",
			"Exchange of expertise, software development and training.", entente.AgreementProposed, "PAK", []string{"information_technology"}},
		{"action_plan", "Roadmap for bilateral cooperation 2025–2027",
			"The comprehensive roadmap the leaders agreed to draw up, with actions per sector.", entente.AgreementDrafting, "PAK",
			[]string{"agriculture", "mining_minerals", "information_technology", "heavy_machinery"}},
	}
	for _, r := range rows {
		a := &entente.Agreement{RoadmapID: l.roadmap.ID, Kind: r.kind, Title: r.title, Description: r.description,
			Status: r.status, LeadParty: r.lead, Target: entente.MustWhen("2025-02", "", false), MeetingID: l.meeting["signing"].ID}
		for _, t := range r.tracks {
			a.TrackIDs = append(a.TrackIDs, l.tracks[t].ID)
		}
		if err := l.s.Agreements.CreateAgreement(l.ctx, a); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) commitments() error {
	rows := []struct {
		statement string
		sectors   []string
		due       entente.When
	}{
		{"Develop a comprehensive roadmap for cooperation in agriculture, mining and minerals, information technology and heavy machinery manufacturing",
			[]string{"agriculture", "mining_minerals", "information_technology", "heavy_machinery"}, entente.When{}},
		{"Strengthen political dialogue", []string{"political_dialogue"}, entente.When{}},
		{"Expand inter-parliamentary exchanges", []string{"parliamentary"}, entente.When{}},
		{"Increase bilateral trade and economic cooperation", []string{"trade"}, entente.When{}},
		{"Maintain regular high-level interactions", []string{"political_dialogue"}, entente.When{}},
		{"Build institutional cooperation between the two governments", []string{"political_dialogue", "other"}, entente.When{}},
		{"Sign agreements in February next year", []string{"other"}, entente.MustWhen("2025-02", "", false)},
	}
	for _, r := range rows {
		c := &entente.Commitment{RoadmapID: l.roadmap.ID, Statement: r.statement, Sectors: r.sectors,
			Responsible: entente.ResponsibleBoth, Due: r.due, Status: entente.CommitmentPending}
		if err := l.s.Commitments.CreateCommitment(l.ctx, c); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) interests() error {
	for _, i := range []*entente.Interest{
		{RoadmapID: l.roadmap.ID, Kind: entente.InterestOffer, FromParty: "BLR", ToParty: "PAK",
			Title:       "Transfer of technology in heavy machinery and agriculture",
			Description: "Belarus is ready to share its technologies with Pakistan, notably in tractors, farm machinery and trucks.",
			Sectors:     []string{"heavy_machinery", "agriculture", "science_technology"}, Products: []string{"8701", "8704", "8432", "8433"}},
		{RoadmapID: l.roadmap.ID, Kind: entente.InterestRequest, FromParty: "BLR", ToParty: "PAK",
			Title:       "Imports of Pakistani goods, textiles in particular",
			Description: "Belarus is interested in importing a range of Pakistani goods, above all textiles.",
			Sectors:     []string{"textiles", "trade"}, Products: []string{"52", "61", "62", "63"}},
	} {
		if err := l.s.Interests.CreateInterest(l.ctx, i); err != nil {
			return err
		}
	}
	return nil
}
