package calendar

import (
	"time"

	"github.com/entente/entente"
)

// belarusNotices are the Council of Ministers' resolutions on the transfer of working days
// for 2024 and 2025, as published on the National Legal Internet Portal (pravo.by). Each
// transfer makes a weekday a day off for staff on the five-day week and a Saturday a working
// day; the announcement records that the year's list is complete.
//
// The 2026 resolution (No. 397 of 22 July 2025) exists but its transfers are not recorded
// here: they were not at hand to check, so 2026 shows as not yet announced until a user
// enters them.
func belarusNotices() []entente.CalendarOverride {
	const (
		r2024 = "Council of Ministers of the Republic of Belarus, Resolution No. 814 of 23 November 2023 \"On the transfer of working days in 2024\" (pravo.by)"
		r2025 = "Council of Ministers of the Republic of Belarus, Resolution No. 839 of 14 November 2024 \"On the transfer of working days in 2025\" (pravo.by)"
	)
	return []entente.CalendarOverride{
		announced(2024, r2024),
		transfer(entente.NewDate(2024, time.May, 13), entente.NewDate(2024, time.May, 18), r2024),
		transfer(entente.NewDate(2024, time.November, 8), entente.NewDate(2024, time.November, 16), r2024),
		announced(2025, r2025),
		// 3 January 2025 (the Friday after the New Year holidays) stays a working day.
		transfer(entente.NewDate(2025, time.January, 6), entente.NewDate(2025, time.January, 11), r2025),
		transfer(entente.NewDate(2025, time.April, 28), entente.NewDate(2025, time.April, 26), r2025),
		transfer(entente.NewDate(2025, time.July, 4), entente.NewDate(2025, time.July, 12), r2025),
		transfer(entente.NewDate(2025, time.December, 26), entente.NewDate(2025, time.December, 20), r2025),
	}
}

// transfer is an OverrideTransfer for the five-day week: off is a day off, worked on worked.
func transfer(off, worked entente.Date, source string) entente.CalendarOverride {
	return entente.CalendarOverride{
		Kind: entente.OverrideTransfer, Date: off, ToDate: worked, Office: "five_day", Source: source,
	}
}

// announced is an OverrideTransfersAnnounced for the year, for every office profile.
func announced(year int, source string) entente.CalendarOverride {
	return entente.CalendarOverride{
		Kind: entente.OverrideTransfersAnnounced, Date: entente.NewDate(year, time.January, 1), Source: source,
	}
}
