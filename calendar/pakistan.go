package calendar

import "time"

// pakistan is the calendar of Pakistan's federal government offices, from the rules in the
// calendars README: the Cabinet Division's annual list of public holidays (fixed days and
// four Islamic holidays), the Saturday–Sunday weekend restored in June 2022, and moon
// sighting by the Central Ruet-e-Hilal Committee, which has put Islamic dates on the
// Umm al-Qura date or up to two days later. Optional (denominational) holidays do not close
// an office and are left out; 26 December, a holiday for Christian employees only, is shown
// for information.
func pakistan() *Definition {
	const list = "Cabinet Division, annual list of public holidays"
	return &Definition{
		Party: "PAK",
		Name:  "Pakistan",
		Zone:  "Asia/Karachi",
		Profiles: []Profile{
			{
				Name:        "federal_five_day",
				Description: "Federal government office on the five-day week (Monday–Friday)",
				Weekend:     []time.Weekday{time.Saturday, time.Sunday},
				// Office hours 08:00–16:00 with a break around Friday prayers, as notified in
				// June 2022. Notices change them (Ramadan hours): pass other hours when they do.
				Hours: mustHours("mon-thu 08:00-16:00; fri 08:00-16:00 break 12:00-14:00"),
			},
			{
				Name:        "six_day",
				Description: "Office on the six-day week (Monday–Saturday)",
				Weekend:     []time.Weekday{time.Sunday},
				// Saturday hours are not taken from a notice: they repeat the weekday hours.
				// Set the hours the office keeps.
				Hours: mustHours("mon-thu 08:00-16:00; fri 08:00-16:00 break 12:00-14:00; sat 08:00-16:00"),
			},
		},
		Holidays: []Rule{
			Fixed{Month: time.February, Day: 5, Name: "Kashmir Solidarity Day", Source: list},
			Fixed{Month: time.March, Day: 23, Name: "Pakistan Day", Source: list},
			Fixed{Month: time.May, Day: 1, Name: "Labour Day", Source: list},
			// Declared on 27 May 2024 and kept in the lists for 2025 and 2026.
			Fixed{Month: time.May, Day: 28, Name: "Youm-e-Takbeer", Source: list, Years: Years{From: 2024}},
			Fixed{Month: time.August, Day: 14, Name: "Independence Day", Source: list},
			// Dropped from the list from 2015 to 2021, restored "henceforth" in November 2022.
			Fixed{Month: time.November, Day: 9, Name: "Iqbal Day", Source: list, Years: Years{Until: 2014}},
			Fixed{Month: time.November, Day: 9, Name: "Iqbal Day", Source: list, Years: Years{From: 2022}},
			Fixed{Month: time.December, Day: 25, Name: "Quaid-e-Azam Day (Christmas)", Source: list},
			Hijri{Month: 10, Day: 1, Days: 3, Name: "Eid-ul-Fitr", Source: list},
			Hijri{Month: 12, Day: 10, Days: 3, Name: "Eid-ul-Azha", Source: list},
			Hijri{Month: 1, Day: 9, Days: 2, Name: "Ashura", Source: list},
			Hijri{Month: 3, Day: 12, Days: 1, Name: "Eid Milad-un-Nabi", Source: list},
		},
		Observances: []Rule{
			Fixed{Month: time.December, Day: 26, Name: "Day after Christmas (holiday for Christian employees only)", Source: list},
		},
		Lunar:   LunarWindow{Expected: 1, Earliest: 0, Latest: 2},
		Notices: pakistanNotices,
	}
}
