package server

import (
	"context"
	"net/http"

	"github.com/entente/entente"
	"github.com/entente/entente/signingcopy"
)

// Printer prints HTML to PDF; package chromium's Printer is one.
type Printer interface {
	PrintPDF(ctx context.Context, html []byte) ([]byte, error)
}

// signingLayouts are the layouts a signing copy offers.
var signingLayouts = signingcopy.Layouts

// errNoPrinter is the error of a PDF asked for on a server without a browser to print it.
var errNoPrinter = &entente.Error{Code: entente.EINVALID,
	Message: "PDF printing is not available on this server: Chromium is not installed. Export the text or Markdown instead.",
	Fields:  map[string]string{"format": "pdf cannot be printed here"}}

// signingCopyPDF prints the signing copy of a version: its texts in the layout, the signature
// block of the roadmap's parties, and the signatures made over it.
func (s *Server) signingCopyPDF(r *http.Request, agreementID int64, v *entente.AgreementVersion, layout string) ([]byte, error) {
	html, err := s.signingCopyHTML(r, agreementID, v, layout)
	if err != nil {
		return nil, err
	}
	if s.svc.Printer == nil {
		return nil, errNoPrinter
	}
	return s.svc.Printer.PrintPDF(r.Context(), html)
}

// signingCopyHTML writes the signing copy of a version as HTML.
func (s *Server) signingCopyHTML(r *http.Request, agreementID int64, v *entente.AgreementVersion, layout string) ([]byte, error) {
	ctx := r.Context()
	a, err := s.svc.Agreements.FindAgreementByID(ctx, agreementID)
	if err != nil {
		return nil, err
	}
	rm, err := s.svc.Roadmaps.FindRoadmapByID(ctx, a.RoadmapID)
	if err != nil {
		return nil, err
	}
	sigs, err := s.svc.Signing.FindSignatures(ctx, agreementID)
	if err != nil {
		return nil, err
	}
	return signingcopy.HTML(s.catalog, signingcopy.Document{Agreement: a, Version: v, Parties: rm.Parties, Signatures: sigs, Layout: layout})
}
