package calendar

import "testing"

func TestUmmAlQuraMonthStart(t *testing.T) {
	// First days of months in Saudi Arabia's Umm al-Qura calendar, as published for
	// Ramadan, Eid-ul-Fitr (1 Shawwal), the Hajj month and the Islamic new year.
	for _, tc := range []struct {
		year, month int
		want        string
	}{
		{1356, 1, "1937-03-14"},
		{1441, 10, "2020-05-24"},
		{1443, 10, "2022-05-02"},
		{1444, 10, "2023-04-21"},
		{1444, 12, "2023-06-19"},
		{1445, 9, "2024-03-11"},
		{1445, 10, "2024-04-10"},
		{1445, 12, "2024-06-07"},
		{1446, 1, "2024-07-07"},
		{1446, 3, "2024-09-04"},
		{1446, 9, "2025-03-01"},
		{1446, 10, "2025-03-30"},
		{1446, 12, "2025-05-28"},
		{1447, 1, "2025-06-26"},
		{1447, 3, "2025-08-24"},
		{1447, 9, "2026-02-18"},
		{1447, 10, "2026-03-20"},
		{1500, 12, "2077-10-18"},
	} {
		got, ok := UmmAlQuraMonthStart(tc.year, tc.month)
		if !ok || got != date(tc.want) {
			t.Errorf("UmmAlQuraMonthStart(%d, %d) = %s, %v; want %s", tc.year, tc.month, got, ok, tc.want)
		}
	}
}

func TestUmmAlQuraMonthStartOutsideTable(t *testing.T) {
	// The library panics past its table; the guard must refuse first.
	for _, tc := range []struct{ year, month int }{{1355, 12}, {1501, 1}, {1501, 2}, {1446, 0}, {1446, 13}, {-5, 1}} {
		if d, ok := UmmAlQuraMonthStart(tc.year, tc.month); ok {
			t.Errorf("UmmAlQuraMonthStart(%d, %d) = %s, want no date", tc.year, tc.month, d)
		}
	}
}

func TestApproxHijriYearCoversTheYear(t *testing.T) {
	// Hijri rules look at approxHijriYear(y)-1 to +2; every Hijri year with a day in y must be
	// among them.
	for y := firstLunarYear; y <= lastLunarYear; y++ {
		h0 := approxHijriYear(y)
		for hy := h0 - 3; hy <= h0+4; hy++ {
			start, ok1 := UmmAlQuraMonthStart(hy, 1)
			next, ok2 := UmmAlQuraMonthStart(hy+1, 1)
			if !ok1 || !ok2 {
				continue
			}
			overlaps := start.Year <= y && next.AddDays(-1).Year >= y
			if overlaps && (hy < h0-1 || hy > h0+2) {
				t.Errorf("%d: Hijri year %d overlaps it but rules only look at %d to %d", y, hy, h0-1, h0+2)
			}
		}
	}
}

func TestHijriMonthName(t *testing.T) {
	for _, tc := range []struct {
		m    int
		want string
	}{{1, "Muharram"}, {3, "Rabi-ul-Awwal"}, {9, "Ramadan"}, {10, "Shawwal"}, {12, "Zil Hajj"}, {0, ""}, {13, ""}} {
		if got := HijriMonthName(tc.m); got != tc.want {
			t.Errorf("HijriMonthName(%d) = %q, want %q", tc.m, got, tc.want)
		}
	}
}
