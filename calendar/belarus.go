package calendar

import "time"

// belarus is the calendar of Belarus's organisations, from the rules in the calendars README:
// the non-working holidays of Presidential Decree No. 157 of 26 March 1998 (2 January
// permanent from 2020 by Decree No. 464 of 17 December 2019), Radunitsa nine days after
// Orthodox Easter, the Saturday–Sunday weekend, the one-hour shorter working day before a
// holiday, and the working-day transfers the Council of Ministers announces each year.
func belarus() *Definition {
	const decree = "Decree of the President No. 157 of 26 March 1998; Labour Code, art. 147"
	// The observances are official days that stay working days. The README lists them
	// from general knowledge without checking them; they only inform.
	const observed = "Decree of the President No. 157 of 26 March 1998 (working observance)"
	return &Definition{
		Party: "BLR",
		Name:  "Belarus",
		Zone:  "Europe/Minsk",
		Profiles: []Profile{
			{
				Name:        "five_day",
				Description: "Organisation on the five-day week (Monday–Friday, 40 hours)",
				Weekend:     []time.Weekday{time.Saturday, time.Sunday},
				// The common 09:00–18:00 day with an hour for lunch; one hour less before a
				// holiday.
				Hours: mustHours("mon-fri 09:00-18:00 break 13:00-14:00; short 1h"),
			},
			{
				Name:        "six_day",
				Description: "Organisation on the six-day week (Monday–Saturday, 40 hours); the yearly transfers do not apply",
				Weekend:     []time.Weekday{time.Sunday},
				// A usual split of 40 hours over six days; not from a notice. Set the hours
				// the organisation keeps.
				Hours: mustHours("mon-fri 09:00-17:00 break 13:00-14:00; sat 09:00-14:00; short 1h"),
			},
		},
		Holidays: []Rule{
			Fixed{Month: time.January, Day: 1, Name: "New Year", Source: decree},
			Fixed{Month: time.January, Day: 2, Name: "New Year", Source: "Decree of the President No. 464 of 17 December 2019", Years: Years{From: 2020}},
			Fixed{Month: time.January, Day: 7, Name: "Orthodox Christmas", Source: decree},
			Fixed{Month: time.March, Day: 8, Name: "Women's Day", Source: decree},
			EasterOffset{Name: "Catholic Easter", Source: decree},
			EasterOffset{Orthodox: true, Name: "Orthodox Easter", Source: decree},
			EasterOffset{Orthodox: true, Offset: 9, Name: "Radunitsa", Source: decree},
			Fixed{Month: time.May, Day: 1, Name: "Labour Day", Source: decree},
			Fixed{Month: time.May, Day: 9, Name: "Victory Day", Source: decree},
			Fixed{Month: time.July, Day: 3, Name: "Independence Day", Source: decree},
			Fixed{Month: time.November, Day: 7, Name: "October Revolution Day", Source: decree},
			Fixed{Month: time.December, Day: 25, Name: "Catholic Christmas", Source: decree},
		},
		Observances: []Rule{
			Fixed{Month: time.February, Day: 23, Name: "Defenders of the Fatherland and Armed Forces Day", Source: observed},
			Fixed{Month: time.March, Day: 15, Name: "Constitution Day", Source: observed},
			Fixed{Month: time.April, Day: 2, Name: "Day of Unity of the Peoples of Belarus and Russia", Source: observed},
			NthWeekday{Month: time.May, Weekday: time.Sunday, N: 2, Name: "Day of the State Flag, Emblem and Anthem", Source: observed},
			Fixed{Month: time.September, Day: 17, Name: "Day of National Unity", Source: observed, Years: Years{From: 2021}},
			Fixed{Month: time.November, Day: 2, Name: "Dzyady", Source: observed},
		},
		AnnouncesTransfers: true,
		Notices:            belarusNotices,
	}
}
