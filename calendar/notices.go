package calendar

import (
	"strings"

	"github.com/entente/entente"
)

// OfficialOverrides returns the official notices shipped with the party's definition (for
// Pakistan and Belarus: 2024 and 2025), as seed data: the product stores them in its
// database when they are absent (see MissingOfficial), and from then on users edit them
// like any other override. A party without a definition has none.
func OfficialOverrides(party string) []entente.CalendarOverride {
	def, ok := definitionFor(strings.ToUpper(party))
	if !ok || def.Notices == nil {
		return nil
	}
	list := def.Notices()
	for i := range list {
		list[i].Party = def.Party
	}
	return list
}

// MissingOfficial returns the shipped notices of the party that stored lacks, for the store
// to insert at start. A notice counts as present when a stored override has its kind, date,
// office and (for a moon sighting) Hijri month, whatever its other fields say: a user's
// correction of a shipped notice is kept.
func MissingOfficial(party string, stored []entente.CalendarOverride) []entente.CalendarOverride {
	have := map[noticeKey]bool{}
	for _, o := range stored {
		have[keyOf(o)] = true
	}
	var out []entente.CalendarOverride
	for _, o := range OfficialOverrides(party) {
		if !have[keyOf(o)] {
			out = append(out, o)
		}
	}
	return out
}

// noticeKey identifies an override for seeding: what it is about, not what it says.
type noticeKey struct {
	party, kind, office string
	date                entente.Date
	hijri               hijriMonth
}

func keyOf(o entente.CalendarOverride) noticeKey {
	k := noticeKey{party: strings.ToUpper(o.Party), kind: o.Kind, office: o.Office, date: o.Date}
	if o.Kind == entente.OverrideHijriMonthStart {
		k.date, k.hijri = entente.Date{}, hijriMonth{o.HijriYear, o.HijriMonth}
	}
	return k
}
