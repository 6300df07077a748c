package server

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// The directory pages (parties, bodies and people) share these helpers: the names of parties
// and bodies that rows refer to, groups of checkboxes, and the handling of a refused creation.

// Checks is a group of checkboxes that share one name, such as the parties of a roadmap or of
// a joint body; Selected marks a checked box.
type Checks struct {
	Name, Label, Problem string
	Choices              []Choice
}

// checkGroup builds a group of checkboxes from the form's values, so that a form shown again
// after an error keeps the boxes the user ticked.
func checkGroup(f *Form, name, labelID string, choices []Choice) Checks {
	ticked := f.Values[name]
	c := Checks{Name: name, Label: f.L.T(labelID), Problem: f.Problems[name]}
	for _, ch := range choices {
		ch.Selected = slices.Contains(ticked, ch.Value)
		c.Choices = append(c.Choices, ch)
	}
	return c
}

// directory names the parties and bodies that the directory pages refer to.
type directory struct {
	parties []*entente.Party
	party   map[string]*entente.Party
	bodies  []*entente.Body
	body    map[int64]*entente.Body
}

// loadDirectory reads every party and up to a page's worth of bodies, by name.
func (s *Server) loadDirectory(ctx context.Context) (*directory, error) {
	d := &directory{party: map[string]*entente.Party{}, body: map[int64]*entente.Body{}}
	var err error
	if d.parties, _, err = s.svc.Parties.FindParties(ctx, entente.PartyFilter{}); err != nil {
		return nil, err
	}
	for _, p := range d.parties {
		d.party[p.Code] = p
	}
	d.bodies, _, err = s.svc.Bodies.FindBodies(ctx, entente.BodyFilter{Page: entente.Page{Limit: entente.MaxPageLimit, Sort: "name"}})
	for _, b := range d.bodies {
		d.body[b.ID] = b
	}
	return d, err
}

// partyChoices offers every party by code and name.
func (d *directory) partyChoices() []Choice {
	var out []Choice
	for _, p := range d.parties {
		out = append(out, Choice{Value: p.Code, Label: p.Code + " · " + p.Name})
	}
	return out
}

// partyCodes lists the codes of every party.
func (d *directory) partyCodes() []string {
	var out []string
	for _, p := range d.parties {
		out = append(out, p.Code)
	}
	return out
}

// bodyChoices offers the bodies of one party (every body when party is ""), each labelled with
// its party, or "joint"; joint bodies come along when withJoint is set.
func (d *directory) bodyChoices(l *i18n.Locale, party string, withJoint bool, except int64) []Choice {
	var out []Choice
	for _, b := range d.bodies {
		if b.ID == except || (party != "" && b.Party != party && !(withJoint && b.IsJoint())) {
			continue
		}
		out = append(out, Choice{Value: itoa(b.ID), Label: b.Name + " (" + bodyOwner(l, b) + ")"})
	}
	return out
}

// bodyName returns the name of a body, or "" when it is not known.
func (d *directory) bodyName(id int64) string {
	if b := d.body[id]; b != nil {
		return b.Name
	}
	return ""
}

// bodyOwner names who a body belongs to: its party's code, or "joint".
func bodyOwner(l *i18n.Locale, b *entente.Body) string {
	if b.IsJoint() {
		return l.T("directory.joint")
	}
	return b.Party
}

// languageNames names language tags in the page's language: "Urdu (ur)", "урду (ur)".
func languageNames(l *i18n.Locale, tags []string) []string {
	namer := display.Languages(l.Tag)
	var out []string
	for _, t := range tags {
		name := ""
		if tag, err := language.Parse(t); err == nil {
			name = namer.Name(tag)
		}
		if name == "" {
			out = append(out, t)
			continue
		}
		out = append(out, name+" ("+t+")")
	}
	return out
}

// splitList reads a list typed into one field, separated by commas or spaces.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n' })
}

// createFailed shows a creation form again after a refusal: field problems next to their fields
// (a duplicate code too) and a message in the page's language; other errors are error pages.
func (s *Server) createFailed(w http.ResponseWriter, r *http.Request, err error, show func(*Form)) {
	switch entente.ErrorCode(err) {
	case entente.EINVALID, entente.ECONFLICT:
		f := newForm(s.locale(r), r.PostForm)
		f.fail(err)
		f.Message = f.L.T("form.invalid")
		show(f)
	default:
		s.pageError(w, r, err)
	}
}

// updateFailed shows an edit form again after a refusal. A stale version shows the saved
// values next to what the user typed and moves the form to the current version.
func (s *Server) updateFailed(w http.ResponseWriter, r *http.Request, err error, saved url.Values, labels [][2]string, current int, show func(*Form)) {
	s.formFailed(w, r, err, func(f *Form) {
		f.Version = formInt(r.PostForm, "version", entente.Problems{})
		if entente.ErrorCode(err) == entente.ECONFLICT {
			f.Version = current
			f.Conflict = diffValues(f.L, saved, r.PostForm, labels)
		}
		show(f)
	})
}

// directoryPage is the common data of a directory page.
func (s *Server) directoryPage(r *http.Request, titleID string) Page {
	p := s.page(r, titleID)
	p.Section = "directory"
	return p
}

// formStatus is the status of a form shown again after a refused change: 409 when it was
// based on a stale version, 422 when fields need attention.
func formStatus(err error) int {
	if entente.ErrorCode(err) == entente.ECONFLICT {
		return http.StatusConflict
	}
	return http.StatusUnprocessableEntity
}

// parsed returns the problems of reading a form, together with those the domain finds in the
// value read, so that one submission shows every problem at once; nil when there are none.
func parsed(probs entente.Problems, v interface{ Validate() error }, what string) error {
	if len(probs) == 0 {
		return nil
	}
	for field, problem := range entente.ErrorFields(v.Validate()) {
		probs.Add(field, problem)
	}
	return probs.Err(what)
}

// isolate marks user text set inside a sentence of the interface as a unit of its own
// direction (first strong isolate … pop directional isolate), as <bdi> does in markup, so that
// a Latin name in an Urdu sentence, or the reverse, keeps its place and its punctuation.
func isolate(s string) string { return "\u2068" + s + "\u2069" }
