// Package chromium prints HTML to PDF with headless Chromium, driven through the DevTools
// protocol by chromedp. entente prints its own HTML rather than drawing PDFs itself, because
// only a browser's text engine shapes Urdu (Nastaliq and Naskh joining, right-to-left runs) and
// Cyrillic alike; the fonts come from the system (Debian's fonts-noto-core).
//
// Every print starts a fresh browser with a fresh profile in a temporary folder and closes it
// afterwards, so that no state leaks from one document to the next; the browser reaches no
// network (background networking, component updates and first-run tasks are off), and the
// document is given to it directly rather than through a URL.
package chromium

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Names are the program names Find looks for on PATH, in order.
var Names = []string{"chromium", "chromium-browser"}

// ErrNotFound is the error of Find when no browser is installed.
var ErrNotFound = errors.New("PDF printing needs Chromium, and no chromium program is on PATH: " +
	"install it (on Debian: apt-get install chromium fonts-noto-core)")

// Find returns the path of the Chromium program on PATH, or ErrNotFound.
func Find() (string, error) {
	for _, name := range Names {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNotFound
}

// Printer prints HTML documents to PDF with the Chromium program at Path. It prints at most
// one document at a time: a browser takes a few hundred megabytes.
type Printer struct {
	Path    string
	Timeout time.Duration // for one document; one minute when zero
	slot    chan struct{}
}

// NewPrinter returns a printer using the Chromium program at path.
func NewPrinter(path string) *Printer {
	return &Printer{Path: path, slot: make(chan struct{}, 1)}
}

// PrintPDF prints an HTML document, whose page size and margins its CSS sets (@page), and
// returns the PDF. It waits for the document's fonts before printing.
func (p *Printer) PrintPDF(ctx context.Context, html []byte) ([]byte, error) {
	select {
	case p.slot <- struct{}{}:
		defer func() { <-p.slot }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	timeout := p.Timeout
	if timeout == 0 {
		timeout = time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	profile, err := os.MkdirTemp("", "entente-chromium-")
	if err != nil {
		return nil, fmt.Errorf("print PDF: %w", err)
	}
	defer os.RemoveAll(profile)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(p.Path), chromedp.Headless, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true))
	defer cancelAlloc()
	browser, closeBrowser := chromedp.NewContext(allocCtx)
	defer closeBrowser()
	pdf, err := printDocument(browser, string(html))
	if err != nil {
		return nil, fmt.Errorf("print PDF with %s: %w", p.Path, err)
	}
	return pdf, nil
}

// printDocument loads the document into a blank page, waits for its fonts and prints it.
func printDocument(ctx context.Context, html string) ([]byte, error) {
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return nil, err
	}
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return nil, err
	}
	if _, err := chromedp.Call(ctx, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: html}); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("document.fonts.ready.then(() => true)", chromedp.EvalAwaitPromise)); err != nil {
		return nil, err
	}
	yes := true
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PrintBackground: &yes, PreferCSSPageSize: &yes})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}
