// Package calendar keeps each party's working calendar: which days its offices work, which
// are weekends, holidays or transferred days off, and which weekend days are worked instead.
//
// A calendar is built in three layers for a party and an office profile:
//
//  1. the weekend set of the profile (Saturday–Sunday for a five-day office);
//  2. statutory holidays computed by rule: fixed dates, days counted from Western or
//     Orthodox Easter (Belarus's Radunitsa), and Islamic dates from the Umm al-Qura
//     calendar shifted into the party's sighting window (Pakistan: 0 to +2 days);
//  3. official notices (entente.CalendarOverride): announced moon sightings, holiday
//     notices, moved or cancelled holidays, and Belarus's yearly transfers of working days.
//
// Every day carries a status (working, weekend, holiday, day off by transfer, working
// transfer) and, for holidays, how sure we are: computed from a rule, tentative (a lunar date
// not yet announced, or a Belarus year whose transfers are not yet published) or official.
// Days also carry information-only observances, the shortened pre-holiday day of Belarus and
// the day's working hours (with Pakistan's Friday prayer break).
//
// A party is described by a Definition: data written as Go in one file per country
// (pakistan.go, belarus.go). Another country is a new file, not a new mechanism. Parties
// without a definition get a generic Monday–Friday calendar with no holidays, marked as such.
//
// Time zones come from the party, never from the machine: the package never reads time.Local,
// and it embeds the time zone database so that zones load on any host.
//
// FindSlots lists meeting slots that are working time for every party at once.
package calendar

import _ "time/tzdata" // zones must load on hosts without zoneinfo files
