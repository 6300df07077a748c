package e2e

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/entente/entente/internal/testenv"
)

// demo is a running entente demo server.
type demo struct {
	URL      string
	Accounts map[string][2]string // party → e-mail, password
	// Signatories are the ministers who sign: party → e-mail, password, key passphrase.
	Signatories map[string][3]string
	cmd         *exec.Cmd
}

// startDemo builds entente and serves the demo on a free port with a new database.
func startDemo(t *testing.T, args ...string) *demo {
	t.Helper()
	root := testenv.ModuleRoot(t)
	bin := filepath.Join(t.TempDir(), "entente")
	build := exec.Command("go", "build", "-o", bin, "./cmd/entente")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building entente: %v\n%s", err, out)
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	cmd := exec.Command(bin, append([]string{"demo", "--addr", "127.0.0.1:0", "--db", db}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = nil
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	d := &demo{Accounts: map[string][2]string{}, Signatories: map[string][3]string{}, cmd: cmd}
	account := regexp.MustCompile(`^\s+(\S+@\S+)\s+(\S+)\s+\((\w+),`)
	signatory := regexp.MustCompile(`^\s+(\S+@\S+)\s+(\S+)\s+(\S+)\s+\((\w+)\)$`)
	serving := regexp.MustCompile(`at (http://127\.0\.0\.1:\d+/)`)
	sc := bufio.NewScanner(out)
	deadline := time.AfterFunc(60*time.Second, func() { cmd.Process.Kill() })
	defer deadline.Stop()
	for sc.Scan() {
		line := sc.Text()
		if m := account.FindStringSubmatch(line); m != nil {
			d.Accounts[m[3]] = [2]string{m[1], m[2]}
		}
		if m := signatory.FindStringSubmatch(line); m != nil {
			d.Signatories[m[4]] = [3]string{m[1], m[2], m[3]}
		}
		if m := serving.FindStringSubmatch(line); m != nil {
			d.URL = strings.TrimSuffix(m[1], "/")
			break
		}
	}
	if d.URL == "" {
		t.Fatal("the demo did not start serving")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	return d
}

// browserPath is the Chromium to drive: ENTENTE_TEST_BROWSER, or chromium on the PATH.
func browserPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("ENTENTE_TEST_BROWSER"); p != "" {
		return p
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	testenv.Missing(t, "Chromium is not installed (apt-get install chromium) and ENTENTE_TEST_BROWSER is not set: the browser tests need it")
	return ""
}

// session is one browser tab with what it has seen go wrong.
type session struct {
	t        *testing.T
	ctx      context.Context
	base     string
	mu       sync.Mutex
	problems []string
}

// newSession starts a headless Chromium with a fresh profile, closed to the outside network,
// and records script errors, refused content and failed requests.
func newSession(t *testing.T, base string) *session {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browserPath(t)), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	s := &session{t: t, base: base}
	ctx, cancel := chromedp.NewContext(alloc, chromedp.WithListener(s.watch))
	t.Cleanup(func() { cancel(); cancelAlloc() })
	s.ctx = ctx
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return s
}

// watch records what goes wrong in the page; it runs on the browser's reading loop, so it
// only appends under the lock.
func (s *session) watch(ev any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			s.problems = append(s.problems, fmt.Sprintf("console error: %s", consoleArgs(ev.Args)))
		}
	case *runtime.EventExceptionThrown:
		s.problems = append(s.problems, "script exception: "+ev.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError && !strings.Contains(ev.Entry.URL, "favicon") {
			s.problems = append(s.problems, "browser error: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 && ev.Type != network.ResourceTypeDocument && !strings.HasSuffix(ev.Response.URL, "/favicon.ico") {
			s.problems = append(s.problems, fmt.Sprintf("%d for %s", ev.Response.Status, ev.Response.URL))
		}
	}
}

func consoleArgs(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		parts = append(parts, string(a.Value)+a.Description)
	}
	return strings.Join(parts, " ")
}

// check fails the test on anything seen going wrong so far.
func (s *session) check() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.problems) > 0 {
		s.t.Fatalf("the page had problems:\n%s", strings.Join(s.problems, "\n"))
	}
}

// do performs browser actions with a time limit, then checks for problems.
func (s *session) do(steps ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		s.t.Fatalf("browser: %v", err)
	}
	s.check()
}

// get runs one action that returns a value.
func get[T any](s *session, a chromedp.Action[T]) T {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		s.t.Fatalf("browser: %v", err)
	}
	s.check()
	return v
}

// open navigates to a path of the demo and waits for the page's heading.
func (s *session) open(path string) {
	s.t.Helper()
	s.do(chromedp.Navigate(s.base+path), chromedp.WaitVisible(chromedp.CSS("main h1")))
}

// follow performs steps that lead to another page (a link, a form) and waits for that page:
// the current one is marked first, since it has a heading too.
func (s *session) follow(steps ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	s.do(chromedp.Evaluate[chromedp.Void](`document.body.dataset.left = 'yes'`))
	s.do(append(steps, chromedp.WaitVisible(chromedp.CSS("body:not([data-left]) main h1")))...)
}

// text returns the text of the first element matching a CSS selector.
func (s *session) text(sel string) string {
	s.t.Helper()
	return get(s, chromedp.Text(chromedp.CSS(sel)))
}

// attr returns an attribute of the first element matching a CSS selector.
func (s *session) attr(sel, name string) string {
	s.t.Helper()
	return get(s, chromedp.AttributeValue(chromedp.CSS(sel), name)).Value
}

// signIn signs in as a demo account.
func (s *session) signIn(email, password string) {
	s.t.Helper()
	s.open("/signin")
	s.do(chromedp.SendKeys(chromedp.CSS("#f-email"), email), chromedp.SendKeys(chromedp.CSS("#f-password"), password),
		chromedp.Submit(chromedp.CSS("#f-password")), chromedp.WaitVisible(chromedp.CSS(".notice")))
}

// screenshot saves a picture of the whole page under e2e/out.
func (s *session) screenshot(name string) {
	s.t.Helper()
	png := get(s, chromedp.FullScreenshot(100)) // quality 100 gives a PNG; less gives a JPEG
	dir := filepath.Join(testenv.ModuleRoot(s.t), "e2e", "out")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		s.t.Fatal(err)
	}
}
