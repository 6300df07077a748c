package calendar

import (
	"fmt"
	"time"

	"github.com/entente/entente"
)

// genericDefinition is the stand-in calendar of a party without a definition: Monday to
// Friday, 09:00–17:00, no holidays. Overrides can still add the party's holidays.
func genericDefinition(party, zone string) *Definition {
	return &Definition{
		Party: party,
		Name:  party + " (generic calendar: Monday–Friday, no holidays known)",
		Zone:  zone,
		Profiles: []Profile{{
			Name:        "five_day",
			Description: "Generic five-day week (Monday–Friday); no holidays are known for this party",
			Weekend:     []time.Weekday{time.Saturday, time.Sunday},
			Hours:       mustHours("mon-fri 09:00-17:00"),
		}},
		Lunar:   LunarWindow{Latest: 2},
		Generic: true,
	}
}

// Generic returns the calendar of a party that has no definition: Monday to Friday with no
// holidays, in the time zone the caller gives (the party's own, from its record), with the
// overrides entered for it. Its Days say nothing of holidays, and YearNotes says why.
// Errors: EINVALID for a party code that is not three letters, a zone that does not exist,
// or invalid overrides.
func Generic(party, zone string, overrides []entente.CalendarOverride) (*Calendar, error) {
	code, err := partyCode(party)
	if err != nil {
		return nil, err
	}
	return build(genericDefinition(code, zone), "", overrides)
}

// partyCode normalises an ISO 3166-1 alpha-3 code to upper case and checks its form.
func partyCode(party string) (string, error) {
	b := []byte(party)
	if len(b) != 3 {
		return "", partyError(party, "a party is named by its three-letter ISO 3166-1 alpha-3 code, such as PAK")
	}
	for i, c := range b {
		switch {
		case c >= 'A' && c <= 'Z':
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		default:
			return "", partyError(party, "a party is named by its three-letter ISO 3166-1 alpha-3 code, such as PAK")
		}
	}
	return string(b), nil
}

func partyError(party, problem string) error {
	return &entente.Error{
		Code:    entente.EINVALID,
		Message: fmt.Sprintf("The party %q is not valid: %s.", party, problem),
		Fields:  map[string]string{"party": problem},
	}
}

// mustHours parses working hours written in a definition; a definition with unreadable hours
// is a programming error caught by the tests.
func mustHours(spec string) WorkingHours {
	w, err := ParseWorkingHours(spec)
	if err != nil {
		panic(err)
	}
	return w
}
