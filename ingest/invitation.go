package ingest

import (
	"regexp"
	"strings"
)

// reInvited finds "invited <someone> to visit|pay|make|attend|come": the invitee is group 1,
// the invited action starts at group 2.
var reInvited = regexp.MustCompile(`(?i)\binvited\s+([^,;.]{2,60}?)\s+to\s+(visit|pay|make|attend|come|the\s+opening|the\s+launch|the\s+inauguration)\b`)

var invitedWords = wordSet("invited")

// reAccepted finds the acceptance of an invitation: "accepted", or the invitee's "said he
// would attend".
var reAccepted = regexp.MustCompile(`(?i)\baccept(ed|ing)?\b|\bwould\s+(attend|come|take\s+part|participate)\b`)

// invitations records an accepted invitation as the invitee's commitment: "Prime Minister
// Modi invited the Chancellor to visit India, and the Chancellor accepted the invitation"
// commits Germany to the visit; so does "… invited President Mirziyoyev to pay an official
// visit to Kazakhstan next year. The invitation was accepted with gratitude." An invitation
// not (yet) accepted is no one's commitment.
func (d *doc) invitations(s *sent) {
	if !s.hasWord(invitedWords) {
		return
	}
	text := d.text[s.Start:s.End]
	for _, m := range reInvited.FindAllStringSubmatchIndex(text, -1) {
		if !reAccepted.MatchString(text[m[1]:]) && !d.acceptedNext(s) {
			continue
		}
		lo, hi := wordIndexAt(s.parts, s.Start+m[2]), wordIndexAt(s.parts, s.Start+m[3])
		if lo >= hi {
			continue
		}
		subj := d.readSubject(s, lo, hi)
		if subj.responsible == "" || !d.isParty(subj.responsible) {
			continue
		}
		action := wordIndexAt(s.parts, s.Start+m[4])
		_, end := d.clause(s, action)
		end = d.statementEnd(s, action, end)
		for k := action; k < end; k++ {
			if s.parts[k].lower == "and" && strings.Contains(d.text[s.parts[k-1].end:s.parts[k].start], ",") {
				end = k // ", and the Chancellor accepted the invitation"
				break
			}
		}
		d.addCommitment(s, lo, end, action, subj.responsible, "", nil)
	}
}

// acceptedNext reports whether the sentence after s accepts an invitation.
func (d *doc) acceptedNext(s *sent) bool {
	next := d.sentByIndex(s.index + 1)
	if next == nil {
		return false
	}
	t := strings.ToLower(d.text[next.Start:next.End])
	return strings.Contains(t, "invitation") && reAccepted.MatchString(t)
}
