package timex

// The lexicons are plain tables so that adding a word (or, later, a language) is one line.

// months maps full names and abbreviations to 1–12.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// monthAbbrevs are the abbreviated month names; they need a full stop or a number next to
// them ("Aug. 7", "Aug 7") to count, since "mar", "jan" and "dec" are also other words.
var monthAbbrevs = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// weekdays maps names and abbreviations to time.Weekday numbers (Sunday = 0) plus one, so the
// zero value means "not a weekday".
var weekdays = map[string]int{
	"sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
	"sun": 1, "mon": 2, "tue": 3, "tues": 3, "wed": 4, "thu": 5, "thur": 5, "thurs": 5, "fri": 6, "sat": 7,
}

// weekdayPlurals name a weekday every week ("on Mondays").
var weekdayPlurals = map[string]int{
	"sundays": 1, "mondays": 2, "tuesdays": 3, "wednesdays": 4, "thursdays": 5, "fridays": 6, "saturdays": 7,
}

// seasons maps season words to their TIMEX3 codes.
var seasons = map[string]string{
	"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
	"springtime": "SP", "summertime": "SU", "wintertime": "WI",
}

// partsOfDay maps words for parts of the day to their TIMEX3 codes.
var partsOfDay = map[string]string{
	"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

// unit is a unit of duration or of calendar period.
type unit uint8

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeekend
	uWeek
	uFortnight
	uMonth
	uQuarter
	uSeason
	uHalf
	uYear
	uDecade
	uCentury
	uMillennium
)

// units maps singular and plural unit words to units; plural reports the plural form.
var units = map[string]struct {
	u      unit
	plural bool
}{
	"second": {uSecond, false}, "seconds": {uSecond, true}, "sec": {uSecond, false}, "secs": {uSecond, true},
	"minute": {uMinute, false}, "minutes": {uMinute, true}, "min": {uMinute, false}, "mins": {uMinute, true},
	"hour": {uHour, false}, "hours": {uHour, true}, "hr": {uHour, false}, "hrs": {uHour, true},
	"day": {uDay, false}, "days": {uDay, true},
	"weekend": {uWeekend, false}, "weekends": {uWeekend, true},
	"week": {uWeek, false}, "weeks": {uWeek, true},
	"fortnight": {uFortnight, false}, "fortnights": {uFortnight, true},
	"month": {uMonth, false}, "months": {uMonth, true},
	"quarter": {uQuarter, false}, "quarters": {uQuarter, true},
	"season": {uSeason, false}, "seasons": {uSeason, true},
	"year": {uYear, false}, "years": {uYear, true}, "yr": {uYear, false}, "yrs": {uYear, true},
	"decade": {uDecade, false}, "decades": {uDecade, true},
	"century": {uCentury, false}, "centuries": {uCentury, true},
	"millennium": {uMillennium, false}, "millennia": {uMillennium, true}, "millenniums": {uMillennium, true},
}

// cardinals are number words with their values; "a dozen" and friends are handled in number.go.
var cardinals = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
	"ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12, "fortnight": 14,
}

// ordinals are ordinal words with their values.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "thirtieth": 30, "last": -1, "final": -1,
}

// vagueQuantities are words standing for an unspecified number ("several years" → PXY).
var vagueQuantities = map[string]bool{
	"few": true, "several": true, "many": true, "some": true, "numerous": true, "multiple": true,
	"various": true, "countless": true, "dozens": true, "hundreds": true, "thousands": true,
}

// setAdverbs are one-word sets ("daily" → P1D).
var setAdverbs = map[string]string{
	"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
	"fortnightly": "P2W", "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P3M",
	"yearly": "P1Y", "annually": "P1Y", "biannually": "P6M", "semiannually": "P6M",
	"biennially": "P2Y", "triennially": "P3Y",
}

// timeZones are zone names that may follow a time of day and belong to its extent.
var timeZones = map[string]bool{
	"gmt": true, "utc": true, "est": true, "edt": true, "cst": true, "cdt": true, "mst": true,
	"mdt": true, "pst": true, "pdt": true, "bst": true, "cet": true, "cest": true, "eet": true,
	"eest": true, "msk": true, "pkt": true, "ist": true, "jst": true, "hkt": true,
	"aest": true, "aedt": true, "wat": true, "cat": true, "eat": true, "sast": true, "ast": true,
	"gst": true, "ict": true, "wib": true, "kst": true, "et": true, "pt": true, "ct": true,
}

// presentWords are words TimeML marks PRESENT_REF on their own.
var presentWords = map[string]bool{
	"now": true, "currently": true, "current": true, "nowadays": true, "presently": true,
}

// pastWords are words TimeML marks PAST_REF on their own.
var pastWords = map[string]bool{"recently": true, "recent": true, "lately": true}

// futureWords are words TimeML marks FUTURE_REF on their own.
var futureWords = map[string]bool{"soon": true}

// yearRelatives map the words that relate a period to the reference period.
var relatives = map[string]int{
	"this": 0, "last": -1, "next": 1, "past": -1, "previous": -1, "coming": 1, "following": 1,
	"current": 0, "present": 0, "same": 0, "that": 0, "preceding": -1, "prior": -1,
}
