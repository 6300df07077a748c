package server

// RoutePatterns lists the patterns of every route, for the tests that hold each route to the
// contract and to the authorization rules.
func (s *Server) RoutePatterns() []string {
	var out []string
	for _, r := range s.routes() {
		out = append(out, r.pattern)
	}
	return out
}
