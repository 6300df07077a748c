// Package reading puts the statement reader to work in the product. ReadSource reads a
// statement with package ingest (a web page is first stripped to its text), adds what the
// product needs beyond the corpus's draft — the party hosting each event, found from its place
// with package country, and the state of a visit's invitation — and stores it as a source with
// its draft through the domain's SourceService. ApplySource hands what a user accepted to the
// store's SourceApplier, which plans and writes it in one transaction.
//
// Reading happens here, in a package that composes domain services (as package planning
// does), so that the store holds no reader and the HTTP handlers stay thin: the server, the
// command line and the demo all read and apply statements through one ReadingService.
package reading

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/country"
	"github.com/entente/entente/ingest"
)

// Service reads statements into sources and applies them; it implements
// entente.ReadingService.
type Service struct {
	sources entente.SourceService
	applier entente.SourceApplier
}

var _ entente.ReadingService = (*Service)(nil)

// NewService returns a reading service storing sources with sources and applying them with
// applier (the store's SourceService is both).
func NewService(sources entente.SourceService, applier entente.SourceApplier) *Service {
	return &Service{sources: sources, applier: applier}
}

// ReadSource reads a statement and stores it with its draft. format FormatHTML strips a web
// page to its text first. A source given with an Extraction keeps it (checked, with ids
// given to its items); otherwise the text is read. A source without a title is titled by its
// first line. The errors say what is wrong with the text or the date, under the fields text
// and published_on.
func (s *Service) ReadSource(ctx context.Context, src *entente.Source, format string) error {
	if err := prepareText(src, format); err != nil {
		return err
	}
	if src.PublishedOn.IsZero() {
		return &entente.Error{Code: entente.EINVALID, Message: "Give the date the statement was published: it resolves relative dates such as \"in two weeks\".",
			Fields: map[string]string{"published_on": "is required: the publication date resolves relative dates"}}
	}
	x, err := draftOf(src)
	if err != nil {
		return err
	}
	if src.Extraction, err = json.Marshal(x); err != nil {
		return err
	}
	if strings.TrimSpace(src.Title) == "" {
		src.Title = entente.DefaultSourceTitle(src.Text)
	}
	if src.Language == "" {
		src.Language = "en"
	}
	return s.sources.CreateSource(ctx, src)
}

// prepareText turns a web page into its text and refuses a text too long to store.
func prepareText(src *entente.Source, format string) error {
	switch format {
	case entente.FormatText, "":
	case entente.FormatHTML:
		text, err := ingest.TextFromHTML(strings.NewReader(src.Text))
		if err != nil {
			return textProblem(err)
		}
		src.Text = text
	default:
		return &entente.Error{Code: entente.EINVALID, Message: "The statement is text or a web page (html).",
			Fields: map[string]string{"format": "must be text or html"}}
	}
	if len(src.Text) > entente.MaxSourceText {
		return textProblem(entente.Errorf(entente.EINVALID, "The statement is %d bytes long; the limit is %d bytes (5 MiB).", len(src.Text), entente.MaxSourceText))
	}
	return nil
}

// textProblem puts a reading error under the text field.
func textProblem(err error) error {
	if entente.ErrorCode(err) != entente.EINVALID {
		return err
	}
	msg := entente.ErrorMessage(err)
	return &entente.Error{Code: entente.EINVALID, Message: msg, Fields: map[string]string{"text": msg}}
}

// draftOf returns the draft of a source: the one it came with, or the one read from its text.
func draftOf(src *entente.Source) (*entente.Extraction, error) {
	if len(src.Extraction) > 0 && string(src.Extraction) != "null" {
		if err := ingestCheck(src.Text); err != nil {
			return nil, err
		}
		return entente.ParseExtraction(src.Extraction, src.Text)
	}
	d, err := ingest.Read(src.Text, src.PublishedOn)
	if err != nil {
		if f := entente.ErrorFields(err); f["date"] != "" {
			return nil, &entente.Error{Code: entente.EINVALID, Message: entente.ErrorMessage(err), Fields: map[string]string{"published_on": f["date"]}}
		}
		return nil, textProblem(err)
	}
	return Extraction(d, src.Text), nil
}

// ingestCheck refuses a text with no words, which no draft can point into.
func ingestCheck(text string) error {
	if strings.TrimSpace(text) == "" {
		return textProblem(entente.Errorf(entente.EINVALID, "The statement is empty: there are no words to read."))
	}
	return nil
}

// ApplySource applies what a user accepted of a source's draft; see entente.SourceApplier.
func (s *Service) ApplySource(ctx context.Context, sourceID int64, app entente.SourceApplication) (*entente.SourceApplied, error) {
	return s.applier.ApplySource(ctx, sourceID, app)
}

// FindSourceLinks lists what the items of a source became; see entente.SourceApplier.
func (s *Service) FindSourceLinks(ctx context.Context, sourceID int64) ([]entente.SourceLink, error) {
	return s.applier.FindSourceLinks(ctx, sourceID)
}

// PartyNamed returns a party a statement may name, as the reader knows the country: its
// code, English name and the time zone of its capital. A code no country has is ENOTFOUND.
func (s *Service) PartyNamed(code string) (*entente.Party, error) {
	c, ok := country.ByAlpha3(code)
	if !ok || len(code) != 3 {
		return nil, entente.NotFound("country", code)
	}
	return &entente.Party{Code: c.Alpha3, Name: c.Name, TimeZone: c.Zone}, nil
}
