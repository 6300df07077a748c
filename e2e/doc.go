// Package e2e holds entente's browser tests: they build the entente command, start it on a
// fresh demo database, and drive Debian's Chromium through chromedp the way a desk officer
// would, failing on any script error or any failed request for a page's assets.
package e2e
