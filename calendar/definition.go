package calendar

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/entente/entente"
)

// Definition describes one party's working calendar as data: its time zone, its office
// profiles, the rules of its statutory holidays and its information-only observances.
// Each country's definition lives in its own file (pakistan.go, belarus.go); adding a country
// means writing one more such file and naming it in definitions.
type Definition struct {
	Party string // ISO 3166-1 alpha-3 code
	Name  string
	Zone  string // IANA time zone of the capital's offices
	// Profiles are the kinds of office the party has; the first is the default.
	Profiles []Profile
	// Holidays are the statutory non-working days.
	Holidays []Rule
	// Observances are official days that remain working days; shown for information only.
	Observances []Rule
	// Lunar places the party's Islamic dates relative to Umm al-Qura.
	Lunar LunarWindow
	// AnnouncesTransfers is set for parties that publish working-day transfers each year
	// (Belarus). Until a transfers_announced override records a year's publication, the
	// holidays that could be bridged are tentative and the bridge days may become days off.
	AnnouncesTransfers bool
	// Notices returns the official notices shipped as seed overrides (see OfficialOverrides).
	Notices func() []entente.CalendarOverride
	// Generic marks the stand-in calendar of a party without a definition: Monday to Friday,
	// no holidays except those entered as overrides.
	Generic bool
}

// Profile is a kind of office of a party: its weekend and its working hours.
type Profile struct {
	Name        string
	Description string
	Weekend     []time.Weekday
	Hours       WorkingHours
}

// PartyInfo summarises a party's calendar definition for listings and forms.
type PartyInfo struct {
	Party    string        `json:"party"`
	Name     string        `json:"name"`
	Zone     string        `json:"zone"`
	Profiles []ProfileInfo `json:"profiles"`
}

// ProfileInfo summarises an office profile; Default marks the one used when none is named.
type ProfileInfo struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Default     bool   `json:"default"`
	Hours       string `json:"hours"` // in the form ParseWorkingHours reads
}

// definitions returns the definition of every party the package knows, in code order.
// Add a country here after writing its file.
func definitions() []*Definition {
	return []*Definition{belarus(), pakistan()}
}

// definitionFor returns the definition of the party with the ISO alpha-3 code.
func definitionFor(party string) (*Definition, bool) {
	for _, d := range definitions() {
		if d.Party == party {
			return d, true
		}
	}
	return nil, false
}

// Parties lists the parties that have a calendar definition, by code. Any other party gets a
// generic calendar (see Generic).
func Parties() []PartyInfo {
	var out []PartyInfo
	for _, d := range definitions() {
		out = append(out, d.info())
	}
	return out
}

// HasDefinition reports whether the party (ISO alpha-3 code, any case) has a calendar
// definition; parties without one need a generic calendar and a time zone.
func HasDefinition(party string) bool {
	_, ok := definitionFor(strings.ToUpper(party))
	return ok
}

func (d *Definition) info() PartyInfo {
	p := PartyInfo{Party: d.Party, Name: d.Name, Zone: d.Zone}
	for i, prof := range d.Profiles {
		p.Profiles = append(p.Profiles, ProfileInfo{
			Name: prof.Name, Description: prof.Description, Default: i == 0, Hours: prof.Hours.String(),
		})
	}
	return p
}

// profile returns the named profile, the default for "".
func (d *Definition) profile(name string) (*Profile, error) {
	if name == "" {
		return &d.Profiles[0], nil
	}
	var names []string
	for i := range d.Profiles {
		if d.Profiles[i].Name == name {
			return &d.Profiles[i], nil
		}
		names = append(names, d.Profiles[i].Name)
	}
	return nil, &entente.Error{
		Code:    entente.EINVALID,
		Message: fmt.Sprintf("%s has no office profile %q; choose one of %s.", d.Name, name, strings.Join(names, ", ")),
		Fields:  map[string]string{"profile": fmt.Sprintf("unknown profile %q (known: %s)", name, strings.Join(names, ", "))},
	}
}

// hasProfile reports whether name is one of the definition's profiles.
func (d *Definition) hasProfile(name string) bool {
	return slices.ContainsFunc(d.Profiles, func(p Profile) bool { return p.Name == name })
}

// isWeekend reports whether wd is a weekend day of the profile.
func (p *Profile) isWeekend(wd time.Weekday) bool { return slices.Contains(p.Weekend, wd) }

// loadZone loads an IANA zone by name. The empty name and "Local" are refused: the machine's
// zone must never decide a party's dates.
func loadZone(zone string) (*time.Location, error) {
	bad := func(problem string) error {
		return &entente.Error{
			Code:    entente.EINVALID,
			Message: fmt.Sprintf("The time zone %q cannot be used: %s.", zone, problem),
			Fields:  map[string]string{"zone": problem},
		}
	}
	switch zone {
	case "":
		return nil, bad("a party needs an IANA time zone such as Asia/Karachi")
	case "Local":
		return nil, bad("the machine's local zone is not a party's zone; name an IANA zone such as Europe/Minsk")
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, bad("no such IANA time zone")
	}
	return loc, nil
}
