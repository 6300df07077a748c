package server

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/i18n"
)

// Field is one form field as a template shows it.
type Field struct {
	L        *i18n.Locale
	Name     string
	Label    string
	Type     string
	Value    string
	Problem  string
	Required bool
	Hint     string
	Rows     int
	Checked  bool
	Choices  []Choice
}

// Choice is one option of a select.
type Choice struct {
	Value, Label string
	Selected     bool
}

// Form holds what a form shows: its values (from the item, or as the user typed them) and the
// problems of each field.
type Form struct {
	L        *i18n.Locale
	Values   url.Values
	Problems map[string]string
	Message  string // a problem of the whole form
	Version  int    // the version the form is based on
	// Conflict holds the current values when the user's change was based on a stale
	// version: the page shows both, and the form, now at the current version, lets the user
	// apply their change again.
	Conflict []Diff
	// domainProblems are the domain's own words for Problems, before translation, so that a
	// page can still recognise a problem to word it its own way.
	domainProblems map[string]string
}

// Diff is one field whose stored value differs from what the user typed.
type Diff struct {
	Label, Theirs, Yours string
}

func newForm(l *i18n.Locale, values url.Values) *Form {
	if values == nil {
		values = url.Values{}
	}
	return &Form{L: l, Values: values, Problems: map[string]string{}}
}

// fail records the error of a refused change on the form: its field problems next to their
// fields (translated where the catalogue knows the wording) and its message on top.
func (f *Form) fail(err error) {
	f.domainProblems = entente.ErrorFields(err)
	for k, v := range f.domainProblems {
		f.Problems[k] = f.problemText(v)
	}
	f.Message = entente.ErrorMessage(err)
	if entente.ErrorCode(err) == entente.EINVALID {
		f.Message = f.L.T("form.invalid")
	}
}

// problemText translates the usual problems of the domain's validation; rarer ones keep the
// domain's English words.
func (f *Form) problemText(p string) string {
	id := "problem." + strings.NewReplacer(" ", "_", ":", "", ",", "", "(", "", ")", "").Replace(p)
	if f.L.Has(id) {
		return f.L.T(id)
	}
	return p
}

func (f *Form) field(name, labelID, typ string, required bool) Field {
	return Field{L: f.L, Name: name, Label: f.L.T(labelID), Type: typ, Value: f.Values.Get(name),
		Problem: f.Problems[name], Required: required}
}

// Text is a one-line text field.
func (f *Form) Text(name, labelID string, required bool) Field {
	return f.field(name, labelID, "text", required)
}

// DateField is a date field (YYYY-MM-DD).
func (f *Form) DateField(name, labelID string) Field { return f.field(name, labelID, "date", false) }

// Number is a number field.
func (f *Form) Number(name, labelID string) Field { return f.field(name, labelID, "number", false) }

// Area is a text area.
func (f *Form) Area(name, labelID string, rows int) Field {
	fl := f.field(name, labelID, "", false)
	fl.Rows = rows
	return fl
}

// Select is a choice among options; labelPrefix+value names each option's message.
func (f *Form) Select(name, labelID string, values []string, labelPrefix string, blank bool) Field {
	fl := f.field(name, labelID, "", false)
	if blank {
		fl.Choices = append(fl.Choices, Choice{Value: "", Label: "—", Selected: fl.Value == ""})
	}
	for _, v := range values {
		label := v
		if labelPrefix != "" {
			label = f.L.T(labelPrefix + v)
		}
		fl.Choices = append(fl.Choices, Choice{Value: v, Label: label, Selected: fl.Value == v})
	}
	return fl
}

// Options is a select over given choices (ids and names of rows).
func (f *Form) Options(name, labelID string, choices []Choice) Field {
	fl := f.field(name, labelID, "", false)
	fl.Choices = append([]Choice{{Value: "", Label: "—", Selected: fl.Value == ""}}, choices...)
	for i := range fl.Choices {
		fl.Choices[i].Selected = fl.Choices[i].Value == fl.Value
	}
	return fl
}

// When is the three inputs of a date as said: value, modifier and approximate.
func (f *Form) When(name, labelID string) Field {
	fl := f.field(name, labelID, "", false)
	fl.Value = f.Values.Get(name + ".value")
	fl.Checked = f.Values.Get(name+".approximate") == "true"
	mod := f.Values.Get(name + ".mod")
	fl.Choices = []Choice{{Value: "", Label: "—", Selected: mod == ""}}
	for _, m := range []string{entente.ModStart, entente.ModMid, entente.ModEnd, entente.ModBefore, entente.ModOnOrBefore, entente.ModAfter, entente.ModOnOrAfter} {
		fl.Choices = append(fl.Choices, Choice{Value: m, Label: f.L.T("whenmod." + m), Selected: mod == m})
	}
	return fl
}

// whenValues writes a When into form values.
func whenValues(v url.Values, name string, w entente.When) {
	v.Set(name+".value", w.Value)
	v.Set(name+".mod", w.Mod)
	if w.Approximate {
		v.Set(name+".approximate", "true")
	}
}

// formWhen reads the three inputs of a When, recording a problem under the field's name.
func formWhen(v url.Values, name string, probs entente.Problems) entente.When {
	w, err := entente.ParseWhen(strings.TrimSpace(v.Get(name+".value")), "", v.Get(name+".mod"), v.Get(name+".approximate") == "true")
	if err != nil {
		probs.Add(name, err.Error())
	}
	return w
}

// formInt reads an optional integer.
func formInt(v url.Values, name string, probs entente.Problems) int {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		probs.Add(name, "must be a whole number")
	}
	return n
}

// formID reads an optional id.
func formID(v url.Values, name string, probs entente.Problems) int64 {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 0
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		probs.Add(name, "is not a valid choice")
	}
	return n
}

// formDate reads an optional date.
func formDate(v url.Values, name string, probs entente.Problems) entente.Date {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return entente.Date{}
	}
	d, err := entente.ParseDate(s)
	if err != nil {
		probs.Add(name, err.Error())
	}
	return d
}

func itoa64(n int64) string {
	if n == 0 {
		return ""
	}
	return strconv.FormatInt(n, 10)
}
