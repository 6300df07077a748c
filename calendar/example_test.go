package calendar_test

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/calendar"
)

// The CLI's "entente calendar add-working-days --party BLR --from 2024-11-26 --days 10".
func ExampleCalendar_AddWorkingDays() {
	blr, err := calendar.For("BLR", "", calendar.OfficialOverrides("BLR"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(blr.AddWorkingDays(entente.NewDate(2024, 11, 26), 10))
	// Output: 2024-12-10
}

// The CLI's "entente calendar days --party BLR --from 2024-11-04 --to 2024-11-17 --json".
func ExampleList() {
	blr, _ := calendar.For("BLR", "", calendar.OfficialOverrides("BLR"))
	days := blr.NonWorkingDays(entente.NewDate(2024, 11, 4), entente.NewDate(2024, 11, 17))
	out, _ := json.MarshalIndent(calendar.List(days), "", " ")
	fmt.Println(string(out))
	// Output:
	// [
	//  {
	//   "date": "2024-11-07",
	//   "name": "October Revolution Day",
	//   "status": "holiday"
	//  },
	//  {
	//   "date": "2024-11-08",
	//   "name": "Day off (worked on Saturday 16 November 2024)",
	//   "status": "day_off_transfer"
	//  },
	//  {
	//   "date": "2024-11-09",
	//   "name": "Saturday",
	//   "status": "weekend"
	//  },
	//  {
	//   "date": "2024-11-10",
	//   "name": "Sunday",
	//   "status": "weekend"
	//  },
	//  {
	//   "date": "2024-11-16",
	//   "name": "Working Saturday (for Friday 8 November 2024)",
	//   "status": "working_transfer"
	//  },
	//  {
	//   "date": "2024-11-17",
	//   "name": "Sunday",
	//   "status": "weekend"
	//  }
	// ]
}

// The CLI's "entente calendar days --party PAK --from 2025-03-29 --to 2025-04-06".
func ExampleWriteTable() {
	pak, _ := calendar.For("PAK", "", calendar.OfficialOverrides("PAK"))
	calendar.WriteTable(os.Stdout, pak.Days(entente.NewDate(2025, 3, 29), entente.NewDate(2025, 4, 6)))
	// Output:
	// DATE        DAY  STATUS    NAME         NOTE
	// 2025-03-29  Sat  weekend   Saturday
	// 2025-03-30  Sun  weekend   Sunday
	// 2025-03-31  Mon  official  Eid-ul-Fitr
	// 2025-04-01  Tue  official  Eid-ul-Fitr
	// 2025-04-02  Wed  official  Eid-ul-Fitr
	// 2025-04-05  Sat  weekend   Saturday
	// 2025-04-06  Sun  weekend   Sunday
}

// The CLI's "entente schedule slots --parties PAK,BLR --duration 2h --from 2024-12-10
// --to 2024-12-10": the follow-up round in Minsk two weeks after the summit.
func ExampleFindSlots() {
	pak, _ := calendar.Open("PAK", "", "", calendar.OfficialOverrides("PAK"))
	blr, _ := calendar.Open("BLR", "", "", calendar.OfficialOverrides("BLR"))
	slots, err := calendar.FindSlots(calendar.SlotRequest{
		Parties:  []calendar.SlotParty{{Calendar: pak}, {Calendar: blr}},
		Duration: 2 * time.Hour,
		From:     entente.NewDate(2024, 12, 10),
		To:       entente.NewDate(2024, 12, 10),
		Limit:    3,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range slots {
		fmt.Printf("%s UTC  Karachi %s–%s  Minsk %s–%s\n", s.Start.Format("2006-01-02 15:04"),
			s.Local[0].Start.Format("15:04"), s.Local[0].End.Format("15:04"),
			s.Local[1].Start.Format("15:04"), s.Local[1].End.Format("15:04"))
	}
	// Output:
	// 2024-12-10 07:30 UTC  Karachi 12:30–14:30  Minsk 10:30–12:30
	// 2024-12-10 08:00 UTC  Karachi 13:00–15:00  Minsk 11:00–13:00
	// 2024-12-10 07:00 UTC  Karachi 12:00–14:00  Minsk 10:00–12:00
}
