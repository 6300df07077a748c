package server_test

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// parseFormValues returns what a browser posts from the first form of a page whose action
// ends in /apply: text and hidden inputs, checked radios and boxes, the selected option of
// each select (the first when none is), and text areas.
func parseFormValues(t *testing.T, page string) url.Values {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	form := nodeFind(doc, func(n *html.Node) bool { return n.Data == "form" && strings.HasSuffix(nodeAttr(n, "action"), "/apply") })
	if form == nil {
		t.Fatal("the page has no apply form")
	}
	v := url.Values{}
	nodeWalk(form, func(n *html.Node) {
		name := nodeAttr(n, "name")
		if n.Type != html.ElementNode || name == "" {
			return
		}
		switch n.Data {
		case "input":
			typ := nodeAttr(n, "type")
			if (typ == "radio" || typ == "checkbox") && !nodeHasAttr(n, "checked") {
				return
			}
			v.Add(name, nodeAttr(n, "value"))
		case "textarea":
			v.Add(name, nodeText(n))
		case "select":
			v.Add(name, nodeSelected(n))
		}
	})
	return v
}

func nodeSelected(sel *html.Node) string {
	first, chosen := "", ""
	nodeWalk(sel, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "option" {
			if first == "" {
				first = nodeAttr(n, "value")
			}
			if nodeHasAttr(n, "selected") && chosen == "" {
				chosen = nodeAttr(n, "value")
			}
		}
	})
	if chosen == "" && !nodeHasSelected(sel) {
		return first
	}
	return chosen
}

func nodeHasSelected(sel *html.Node) bool {
	return nodeFind(sel, func(n *html.Node) bool { return n.Data == "option" && nodeHasAttr(n, "selected") }) != nil
}

func nodeWalk(n *html.Node, visit func(*html.Node)) {
	visit(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		nodeWalk(c, visit)
	}
}

func nodeFind(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	nodeWalk(n, func(c *html.Node) {
		if found == nil && c.Type == html.ElementNode && match(c) {
			found = c
		}
	})
	return found
}

func nodeAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func nodeHasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	nodeWalk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}
