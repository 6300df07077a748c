package calendar

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestListJSON(t *testing.T) {
	blr := mustFor(t, "BLR", "", OfficialOverrides("BLR"))
	got, err := json.Marshal(List(blr.NonWorkingDays(date("2024-05-11"), date("2024-05-19"))))
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"date":"2024-05-11","name":"Saturday","status":"weekend"},` +
		`{"date":"2024-05-12","name":"Sunday","status":"weekend"},` +
		`{"date":"2024-05-13","name":"Day off (worked on Saturday 18 May 2024)","status":"day_off_transfer"},` +
		`{"date":"2024-05-14","name":"Radunitsa","status":"holiday"},` +
		`{"date":"2024-05-18","name":"Working Saturday (for Monday 13 May 2024)","status":"working_transfer"},` +
		`{"date":"2024-05-19","name":"Sunday","status":"weekend"}]`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	empty, _ := json.Marshal(List(blr.NonWorkingDays(date("2024-05-15"), date("2024-05-17"))))
	if string(empty) != "[]" {
		t.Errorf("an empty listing encodes as %s, want []", empty)
	}
}

func TestListingStatuses(t *testing.T) {
	pak := mustFor(t, "PAK", "", OfficialOverrides("PAK"))
	blr := mustFor(t, "BLR", "", OfficialOverrides("BLR"))
	for _, tc := range []struct {
		cal  *Calendar
		day  string
		want string
	}{
		{pak, "2025-04-01", ListOfficial},
		{pak, "2027-03-10", ListTentative},
		{pak, "2027-08-14", ListHoliday},
		{pak, "2025-04-05", ListWeekend},
		{pak, "2025-04-07", ""},
		{blr, "2025-04-26", ListWorkingTransfer},
		{blr, "2025-04-28", ListDayOffTransfer},
	} {
		if got := ListingStatus(tc.cal.Day(date(tc.day))); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.cal.Party(), tc.day, got, tc.want)
		}
	}
}

func TestWriteTable(t *testing.T) {
	pak := mustFor(t, "PAK", "", nil)
	var b bytes.Buffer
	if err := WriteTable(&b, pak.Days(date("2027-03-08"), date("2027-03-14"))); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 6 || !strings.HasPrefix(lines[0], "DATE") {
		t.Fatalf("got %d lines:\n%s", len(lines), b.String())
	}
	if !strings.Contains(lines[1], "2027-03-10  Wed  tentative  Eid-ul-Fitr (1 Shawwal 1448)") || !strings.Contains(lines[1], "possible 2027-03-09 to 2027-03-13") {
		t.Errorf("first row %q", lines[1])
	}
	for _, l := range lines {
		if strings.HasSuffix(l, " ") {
			t.Errorf("line %q ends in spaces", l)
		}
	}
}

func TestDayJSON(t *testing.T) {
	pak := mustFor(t, "PAK", "", nil)
	for _, tc := range []struct {
		day  string
		want string
	}{
		{"2025-03-31", `{"date":"2025-03-31","status":"holiday","name":"Eid-ul-Fitr (1 Shawwal 1446)","holiday_status":"tentative",` +
			`"source":"Cabinet Division, annual list of public holidays","possible_range":{"from":"2025-03-30","to":"2025-04-03"},` +
			`"note":"subject to the sighting of the moon"}`},
		{"2025-03-28", `{"date":"2025-03-28","status":"working","hours":["08:00-12:00","14:00-16:00"]}`},
	} {
		got, err := json.Marshal(pak.Day(date(tc.day)))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tc.day, got, tc.want)
		}
	}
}
