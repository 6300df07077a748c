package calendar

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

func TestParseWorkingHours(t *testing.T) {
	friday := DayHours{Open: Span{At(8, 0), At(16, 0)}, Breaks: []Span{{At(12, 0), At(14, 0)}}}
	weekday := DayHours{Open: Span{At(8, 0), At(16, 0)}}
	for _, tc := range []struct {
		spec string
		want WorkingHours
	}{
		{
			spec: "mon-thu 08:00-16:00; fri 08:00-16:00 break 12:00-14:00",
			want: WorkingHours{Week: [7]DayHours{time.Monday: weekday, time.Tuesday: weekday, time.Wednesday: weekday, time.Thursday: weekday, time.Friday: friday}},
		},
		{
			spec: "mon,wed 9:00-17:00 ; sun closed; short 1h",
			want: WorkingHours{
				Week:        [7]DayHours{time.Monday: {Open: Span{At(9, 0), At(17, 0)}}, time.Wednesday: {Open: Span{At(9, 0), At(17, 0)}}},
				ShortDayCut: time.Hour,
			},
		},
		{
			spec: "sat-sun 00:00-24:00",
			want: WorkingHours{Week: [7]DayHours{time.Saturday: {Open: Span{0, 1440}}, time.Sunday: {Open: Span{0, 1440}}}},
		},
	} {
		got, err := ParseWorkingHours(tc.spec)
		if err != nil {
			t.Errorf("ParseWorkingHours(%q): %v", tc.spec, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseWorkingHours(%q) = %+v, want %+v", tc.spec, got, tc.want)
		}
	}
}

func TestParseWorkingHoursErrors(t *testing.T) {
	for _, tc := range []struct{ spec, wantInMessage string }{
		{"", "empty clause"},
		{"mon", "opening hours"},
		{"mon 08:00", "not a span"},
		{"mon 16:00-08:00", "ends before it starts"},
		{"mon 08:00-25:00", "between 00:00 and 24:00"},
		{"mon 08:60-09:00", "between 00:00 and 24:00"},
		{"mon 8-9", "HH:MM"},
		{"xyz 08:00-16:00", "not a weekday"},
		{"fri-mon 08:00-16:00", "runs backwards"},
		{"mon 08:00-16:00; mon 09:00-17:00", "mon is given twice"},
		{"mon 08:00-16:00 break 07:00-09:00", "inside the opening hours"},
		{"mon 08:00-16:00 break 13:00-14:00 break 12:30-13:30", "overlaps"},
		{"mon 08:00-16:00 lunch 12:00-13:00", "expected \"break"},
		{"mon 08:00-16:00; short -1h", "whole number of minutes"},
		{"mon 08:00-16:00; short 30s", "whole number of minutes"},
		{"sun closed", "at least one weekday"},
	} {
		_, err := ParseWorkingHours(tc.spec)
		if err == nil {
			t.Errorf("ParseWorkingHours(%q): no error, want one mentioning %q", tc.spec, tc.wantInMessage)
			continue
		}
		if entente.ErrorCode(err) != entente.EINVALID || entente.ErrorFields(err)["hours"] == "" {
			t.Errorf("ParseWorkingHours(%q): %v is not an EINVALID error on field hours", tc.spec, err)
		}
		if !strings.Contains(entente.ErrorMessage(err), tc.wantInMessage) {
			t.Errorf("ParseWorkingHours(%q): message %q does not mention %q", tc.spec, entente.ErrorMessage(err), tc.wantInMessage)
		}
	}
}

func TestWorkingHoursString(t *testing.T) {
	for _, tc := range []struct{ spec, want string }{
		{"mon-thu 08:00-16:00; fri 08:00-16:00 break 12:00-14:00", "mon-thu 08:00-16:00; fri 08:00-16:00 break 12:00-14:00"},
		{"fri 09:00-17:00; mon,tue,wed,thu 09:00-17:00; short 1h", "mon-fri 09:00-17:00; short 1h0m0s"},
		{"mon 9:00-10:00; wed 09:00-10:00; sun 10:00-11:00", "mon 09:00-10:00; wed 09:00-10:00; sun 10:00-11:00"},
	} {
		w, err := ParseWorkingHours(tc.spec)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.String(); got != tc.want {
			t.Errorf("String of %q = %q, want %q", tc.spec, got, tc.want)
		}
	}
}

func TestShortDayCut(t *testing.T) {
	w := mustHours("mon 09:00-18:00 break 13:00-14:00; tue 09:00-13:00 break 12:30-12:45; short 1h")
	for _, tc := range []struct {
		wd    time.Weekday
		short bool
		want  string
	}{
		{time.Monday, false, "[09:00-13:00 14:00-18:00]"},
		{time.Monday, true, "[09:00-13:00 14:00-17:00]"},
		{time.Tuesday, true, "[09:00-11:45]"}, // 15 minutes after the break, 45 before it
		{time.Sunday, true, "[]"},
	} {
		if got := spansString(w.Day(tc.wd, tc.short)); got != tc.want {
			t.Errorf("%s short=%v: %s, want %s", tc.wd, tc.short, got, tc.want)
		}
	}
}

func spansString(s []Span) string {
	parts := make([]string, len(s))
	for i, x := range s {
		parts[i] = x.String()
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestShippedProfileHours(t *testing.T) {
	for _, p := range Parties() {
		for _, prof := range p.Profiles {
			if _, err := ParseWorkingHours(prof.Hours); err != nil {
				t.Errorf("%s %s: %v", p.Party, prof.Name, err)
			}
		}
	}
}

// FuzzParseWorkingHours checks that the parser never panics, that what it accepts is valid,
// and that writing the result back and parsing it again gives the same hours.
func FuzzParseWorkingHours(f *testing.F) {
	for _, s := range []string{
		"mon-thu 08:00-16:00; fri 08:00-16:00 break 12:00-14:00",
		"mon-fri 09:00-18:00 break 13:00-14:00; short 1h",
		"sat 9:00-14:00; sun closed",
		"mon,wed-fri 00:00-24:00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		w, err := ParseWorkingHours(spec)
		if err != nil {
			if entente.ErrorCode(err) != entente.EINVALID {
				t.Fatalf("%q: error %v is not EINVALID", spec, err)
			}
			return
		}
		if err := w.Validate(); err != nil {
			t.Fatalf("%q parsed to invalid hours: %v", spec, err)
		}
		again, err := ParseWorkingHours(w.String())
		if err != nil {
			t.Fatalf("%q → %q does not parse: %v", spec, w.String(), err)
		}
		if again.String() != w.String() {
			t.Fatalf("%q → %q → %q", spec, w.String(), again.String())
		}
	})
}

// FuzzParseSpan checks that every accepted span is well formed and prints back the same.
func FuzzParseSpan(f *testing.F) {
	for _, s := range []string{"08:00-16:00", "0:00-24:00", "12:30-12:31", "24:00-24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := ParseSpan(s)
		if err != nil {
			return
		}
		if !validSpan(sp) {
			t.Fatalf("%q parsed to invalid span %v", s, sp)
		}
		back, err := ParseSpan(sp.String())
		if err != nil || back != sp {
			t.Fatalf("%q → %q → %v, %v", s, sp.String(), back, err)
		}
	})
}
