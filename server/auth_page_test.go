package server_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

// browser is a user agent with its own cookies and network address.
type browser struct {
	e       *env
	addr    string
	cookies map[string]*http.Cookie
	lang    string
}

func (e *env) browser(addr string) *browser {
	return &browser{e: e, addr: addr, cookies: map[string]*http.Cookie{}}
}

// do sends a request with the browser's cookies and keeps the cookies of the answer.
func (b *browser) do(t testing.TB, method, path string, form url.Values) *httptest.ResponseRecorder {
	t.Helper()
	var req *http.Request
	if form != nil {
		req = httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, path, nil)
	}
	req.RemoteAddr = b.addr
	for _, c := range b.cookies {
		req.AddCookie(c)
	}
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
	}
	rec := httptest.NewRecorder()
	b.e.handler.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.MaxAge < 0 {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c
		}
	}
	return rec
}

func (b *browser) signIn(t testing.TB, email, password string) *httptest.ResponseRecorder {
	return b.do(t, "POST", "/signin", url.Values{"email": {email}, "password": {password}, "next": {"/account"}})
}

func account(e *env, party string) (string, string) {
	for _, a := range e.demo.Accounts {
		if a.Party == party {
			return a.Email, a.Password
		}
	}
	return "", ""
}

func TestSignInSessionAndSignOut(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		email, pw := account(e, "PAK")
		b := e.browser("198.51.100.2:4000")
		if rec := b.do(t, "GET", "/account", nil); rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/signin") {
			t.Fatalf("an anonymous visitor of /account: %d %s", rec.Code, rec.Header().Get("Location"))
		}
		rec := b.signIn(t, email, pw)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("sign-in: %d %s", rec.Code, rec.Body)
		}
		c := b.cookies["entente_session"]
		if c == nil || !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode {
			t.Fatalf("session cookie %+v", c)
		}
		if rec := b.do(t, "GET", "/account", nil); rec.Code != 200 || !strings.Contains(rec.Body.String(), email) {
			t.Fatalf("account page: %d", rec.Code)
		}
		b.do(t, "POST", "/signout", url.Values{})
		if rec := b.do(t, "GET", "/account", nil); rec.Code != http.StatusSeeOther {
			t.Fatalf("after sign-out the account page answers %d", rec.Code)
		}
	})
}

func TestWrongPasswordAndUnknownAccountLookAlike(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		email, _ := account(e, "PAK")
		a := e.browser("198.51.100.3:4000").signIn(t, email, "wrong password, long enough")
		b := e.browser("198.51.100.4:4000").signIn(t, "nobody@nowhere.example", "wrong password, long enough")
		if a.Code != http.StatusUnauthorized || b.Code != http.StatusUnauthorized {
			t.Fatalf("statuses %d and %d", a.Code, b.Code)
		}
		strip := func(s string) string { return strings.ReplaceAll(s, "nobody@nowhere.example", email) }
		if strip(b.Body.String()) != a.Body.String() {
			t.Fatal("the refusals differ between an existing and a missing account")
		}
	})
}

func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		email, pw := account(e, "BLR")
		first, second := e.browser("198.51.100.5:1"), e.browser("198.51.100.6:1")
		first.signIn(t, email, pw)
		second.signIn(t, email, pw)
		// Sessions record the second they began; a change in the same second must still end them.
		time.Sleep(1100 * time.Millisecond)
		rec := first.do(t, "POST", "/account/password", url.Values{"old_password": {pw},
			"new_password": {"a new passphrase of some length"}, "confirm_password": {"a new passphrase of some length"}})
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("password change: %d %s", rec.Code, rec.Body)
		}
		if rec := first.do(t, "GET", "/account", nil); rec.Code != 200 {
			t.Fatalf("the session that changed the password ended: %d", rec.Code)
		}
		if rec := second.do(t, "GET", "/account", nil); rec.Code != http.StatusSeeOther {
			t.Fatalf("another session survived the password change: %d", rec.Code)
		}
		if rec := e.browser("198.51.100.7:1").signIn(t, email, pw); rec.Code != http.StatusUnauthorized {
			t.Fatal("the old password still works")
		}
	})
}

// TestManyFailedSignInsAreThrottled sends a flood of failed sign-ins from one address: they
// are refused quickly, the server keeps answering, and the users of other accounts, from
// other addresses, still sign in.
func TestManyFailedSignInsAreThrottled(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		attempts := 10000
		if testing.Short() || e.db.Dialect() == "postgres" {
			attempts = 300
		}
		attacker := e.browser("203.0.113.66:9999")
		start := time.Now()
		for i := range attempts {
			rec := attacker.signIn(t, fmt.Sprintf("guess%d@mofa.gov.pk", i%50), "not the password at all")
			if rec.Code != http.StatusUnauthorized {
				t.Fatalf("attempt %d answered %d", i, rec.Code)
			}
		}
		perAttempt := time.Since(start) / time.Duration(attempts)
		t.Logf("%d failed sign-ins, %v each", attempts, perAttempt)
		email, pw := account(e, "PAK")
		if rec := e.browser("198.51.100.9:1").signIn(t, email, pw); rec.Code != http.StatusSeeOther {
			t.Fatalf("a legitimate user from another address cannot sign in: %d", rec.Code)
		}
		// The attacker's address stays throttled even with the right password.
		if rec := attacker.signIn(t, email, pw); rec.Code != http.StatusUnauthorized {
			t.Fatalf("the throttled address signed in: %d", rec.Code)
		}
		n := 0
		entries, total, err := e.svc.Audit.FindAuditEntries(entente.WithCaller(context.Background(), entente.SystemCaller),
			entente.AuditFilter{Action: "sign_in_failed", Page: entente.Page{Limit: 1}})
		if err != nil || total < attempts || len(entries) == 0 {
			t.Fatalf("failed sign-ins audited: %d of %d (%v)", total, attempts, err)
		}
		_ = n
	})
}
