package calendar

import (
	"time"

	"github.com/entente/entente"
)

// pakistanNotices are the official notices of 2024 and 2025 for Pakistan's federal offices,
// from public reporting of the Cabinet Division's holiday circulars and press releases and of
// the Central Ruet-e-Hilal Committee's moon sightings. Notice numbers are not recorded here
// because they were not at hand; the issuing body, the subject and the month are.
//
// The moon sightings make the Islamic holidays official; the holiday notices confirm every
// listed day and add the extra days of an Eid break. Days that fall on a weekend are kept
// because the notices list them.
func pakistanNotices() []entente.CalendarOverride {
	var out []entente.CalendarOverride
	out = append(out, pakistan2024()...)
	return append(out, pakistan2025()...)
}

func pakistan2024() []entente.CalendarOverride {
	const (
		circular  = "Cabinet Division (Cabinet Secretariat), Government of Pakistan: public and optional holidays for 2024, circular of December 2023 (cabinet.gov.pk)"
		elections = "Ministry of Interior, Government of Pakistan: 8 February 2024 declared a public holiday for the general elections, notification of February 2024"
		takbeer   = "Cabinet Division, Government of Pakistan: 28 May 2024 declared a public holiday (Youm-e-Takbeer), notification of 27 May 2024"
		fitr      = "Cabinet Division, Government of Pakistan: Eid-ul-Fitr holidays 10–13 April 2024 (Wednesday–Saturday) approved by the Prime Minister, press release of April 2024"
		azha      = "Cabinet Division, Government of Pakistan: Eid-ul-Azha holidays 17–19 June 2024 (Monday–Wednesday), notification of June 2024"
		ashura    = "Cabinet Division, Government of Pakistan: Ashura holidays 16–17 July 2024 (9–10 Muharram 1446), notification of July 2024"
		ruet      = "Central Ruet-e-Hilal Committee, Ministry of Religious Affairs and Interfaith Harmony: moon-sighting announcement"
	)
	return []entente.CalendarOverride{
		holiday(2024, time.February, 5, "Kashmir Solidarity Day", circular),
		holiday(2024, time.February, 8, "General elections", elections),
		holiday(2024, time.March, 23, "Pakistan Day", circular),
		sighting(1445, 10, 2024, time.April, 10, ruet+" of 9 April 2024: 1 Shawwal 1445 on 10 April 2024"),
		holiday(2024, time.April, 10, "Eid-ul-Fitr", fitr),
		holiday(2024, time.April, 11, "Eid-ul-Fitr", fitr),
		holiday(2024, time.April, 12, "Eid-ul-Fitr", fitr),
		holiday(2024, time.April, 13, "Eid-ul-Fitr", fitr),
		holiday(2024, time.May, 1, "Labour Day", circular),
		holiday(2024, time.May, 28, "Youm-e-Takbeer", takbeer),
		sighting(1445, 12, 2024, time.June, 8, ruet+" of 7 June 2024: 1 Zil Hajj 1445 on 8 June 2024, Eid-ul-Azha on 17 June"),
		// 16 June 2024 (a Sunday) was also reported as part of the break; on a Sunday it
		// changes nothing for either office profile, and it is left out.
		holiday(2024, time.June, 17, "Eid-ul-Azha", azha),
		holiday(2024, time.June, 18, "Eid-ul-Azha", azha),
		holiday(2024, time.June, 19, "Eid-ul-Azha", azha),
		sighting(1446, 1, 2024, time.July, 8, ruet+" of July 2024: 1 Muharram 1446 on 8 July 2024, Ashura on 17 July"),
		holiday(2024, time.July, 16, "Ashura", ashura),
		holiday(2024, time.July, 17, "Ashura", ashura),
		holiday(2024, time.August, 14, "Independence Day", circular),
		sighting(1446, 3, 2024, time.September, 6, ruet+" of September 2024: 1 Rabi-ul-Awwal 1446 on 6 September 2024, Eid Milad-un-Nabi on 17 September"),
		holiday(2024, time.September, 17, "Eid Milad-un-Nabi", circular+"; date fixed by the moon sighting"),
		holiday(2024, time.November, 9, "Iqbal Day", circular),
		holiday(2024, time.December, 25, "Quaid-e-Azam Day (Christmas)", circular),
	}
}

func pakistan2025() []entente.CalendarOverride {
	const (
		circular = "Cabinet Division (Cabinet Secretariat), Government of Pakistan: public and optional holidays for 2025 (17 general holidays), circular of December 2024 (cabinet.gov.pk)"
		fitr     = "Cabinet Division, Government of Pakistan: Eid-ul-Fitr holidays 31 March–2 April 2025 (Monday–Wednesday), notification of March 2025"
		azha     = "Cabinet Division, Government of Pakistan: Eid-ul-Azha holidays 6–9 June 2025 (Friday–Monday) approved by the Prime Minister, notification of June 2025"
		ashura   = "Cabinet Division, Government of Pakistan: Ashura holidays 5–6 July 2025 (9–10 Muharram 1447), notification of July 2025"
		ruet     = "Central Ruet-e-Hilal Committee, Ministry of Religious Affairs and Interfaith Harmony: moon-sighting announcement"
	)
	return []entente.CalendarOverride{
		holiday(2025, time.February, 5, "Kashmir Solidarity Day", circular),
		holiday(2025, time.March, 23, "Pakistan Day", circular),
		sighting(1446, 10, 2025, time.March, 31, ruet+" of 30 March 2025: 1 Shawwal 1446 on 31 March 2025"),
		holiday(2025, time.March, 31, "Eid-ul-Fitr", fitr),
		holiday(2025, time.April, 1, "Eid-ul-Fitr", fitr),
		holiday(2025, time.April, 2, "Eid-ul-Fitr", fitr),
		holiday(2025, time.May, 1, "Labour Day", circular),
		holiday(2025, time.May, 28, "Youm-e-Takbeer", circular),
		sighting(1446, 12, 2025, time.May, 29, ruet+" of 28 May 2025: 1 Zil Hajj 1446 on 29 May 2025, Eid-ul-Azha on 7 June"),
		holiday(2025, time.June, 6, "Eid-ul-Azha", azha),
		holiday(2025, time.June, 7, "Eid-ul-Azha", azha),
		holiday(2025, time.June, 8, "Eid-ul-Azha", azha),
		holiday(2025, time.June, 9, "Eid-ul-Azha", azha),
		sighting(1447, 1, 2025, time.June, 27, ruet+" of June 2025: 1 Muharram 1447 on 27 June 2025, Ashura on 6 July"),
		holiday(2025, time.July, 5, "Ashura", ashura),
		holiday(2025, time.July, 6, "Ashura", ashura),
		holiday(2025, time.August, 14, "Independence Day", circular),
		sighting(1447, 3, 2025, time.August, 26, ruet+" of August 2025: 1 Rabi-ul-Awwal 1447 on 26 August 2025, Eid Milad-un-Nabi on 6 September"),
		holiday(2025, time.September, 6, "Eid Milad-un-Nabi", circular+"; date fixed by the moon sighting"),
		holiday(2025, time.November, 9, "Iqbal Day", circular),
		holiday(2025, time.December, 25, "Quaid-e-Azam Day (Christmas)", circular),
	}
}

// holiday is an OverrideHoliday for every office profile.
func holiday(y int, m time.Month, d int, name, source string) entente.CalendarOverride {
	return entente.CalendarOverride{Kind: entente.OverrideHoliday, Date: entente.NewDate(y, m, d), Name: name, Source: source}
}

// sighting is an OverrideHijriMonthStart: Hijri month hm of hy began on y-m-d.
func sighting(hy, hm, y int, m time.Month, d int, source string) entente.CalendarOverride {
	return entente.CalendarOverride{
		Kind: entente.OverrideHijriMonthStart, Date: entente.NewDate(y, m, d),
		HijriYear: hy, HijriMonth: hm, Name: "1 " + HijriMonthName(hm), Source: source,
	}
}
