package server_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestMeetingFormTakesAChosenSlot opens the new-meeting form from a slot of the find-a-time
// page: the day, the start and end in the venue's zone are filled in.
func TestMeetingFormTakesAChosenSlot(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		path := fmt.Sprintf("/roadmaps/%d/meetings/new?date=2024-12-10&start=10:00&zone=Europe/Minsk&duration=120", e.demo.Roadmap.ID)
		page := string(e.do(t, "GET", path, e.tokens["PAK"], nil).want(t, 200).body)
		for _, want := range []string{`value="2024-12-10"`, `value="2024-12-10T10:00"`, `value="2024-12-10T12:00"`, `value="Europe/Minsk" selected`} {
			if !strings.Contains(page, want) {
				t.Errorf("the form lacks %s", want)
			}
		}
		// A slot that does not parse leaves the form as it was.
		page = string(e.do(t, "GET", path[:strings.Index(path, "?")]+"?date=2024-02-30&start=25:00&zone=Mars/Base", e.tokens["PAK"], nil).want(t, 200).body)
		if strings.Contains(page, `value="2024-02-30`) || strings.Contains(page, `value="Mars/Base"`) {
			t.Error("an impossible date reached the form")
		}
	})
}
