package server

import (
	"net/http"

	"github.com/entente/entente"
	"github.com/entente/entente/api"
)

// handleHealth answers 200 when the database answers, 503 otherwise.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	status, body := http.StatusOK, map[string]string{"status": "ok"}
	if err := s.ping(r.Context()); err != nil {
		s.log.Error("health check failed", "error", err)
		status, body = http.StatusServiceUnavailable, map[string]string{"status": "database unavailable"}
	}
	writeJSON(w, status, body)
}

// handleOpenAPI serves the API contract.
func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/yaml")
	w.Write(api.OpenAPI)
}

// handlePartyCreate creates a party (keyed by its code rather than an id).
func (s *Server) handlePartyCreate(w http.ResponseWriter, r *http.Request) error {
	var p entente.Party
	if err := decodeJSON(r, &p); err != nil {
		return err
	}
	if err := s.svc.Parties.CreateParty(r.Context(), &p); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/parties/"+p.Code)
	return writeJSON(w, http.StatusCreated, p)
}

func (s *Server) handlePartyView(w http.ResponseWriter, r *http.Request) error {
	p, err := s.svc.Parties.FindPartyByCode(r.Context(), r.PathValue("code"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

func (s *Server) handlePartyUpdate(w http.ResponseWriter, r *http.Request) error {
	var u entente.PartyUpdate
	if err := decodeJSON(r, &u); err != nil {
		return err
	}
	if u.Version <= 0 {
		return &entente.Error{Code: entente.EINVALID, Message: "Say which version you are changing.",
			Fields: map[string]string{"version": "is required: the version you read"}}
	}
	p, err := s.svc.Parties.UpdateParty(r.Context(), r.PathValue("code"), u)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

func (s *Server) handlePartyDelete(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.Parties.DeleteParty(r.Context(), r.PathValue("code")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// handleDependencyList lists every dependency of a roadmap, for schedule views.
func (s *Server) handleDependencyList(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	deps, err := s.svc.Actions.FindDependencies(r.Context(), id)
	if err != nil {
		return err
	}
	if deps == nil {
		deps = []*entente.Dependency{}
	}
	return writeJSON(w, http.StatusOK, List[*entente.Dependency]{Items: deps, Total: len(deps)})
}

// handleDecisionAction turns a meeting's decision into an action; the body may give the
// action's fields (title, track, lead, due), which default to the decision's text.
func (s *Server) handleDecisionAction(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var a entente.Action
	if r.ContentLength != 0 {
		if err := decodeJSON(r, &a); err != nil {
			return err
		}
	}
	if err := s.svc.Meetings.CreateActionFromDecision(r.Context(), id, &a); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/actions/"+itoa(a.ID))
	return writeJSON(w, http.StatusCreated, a)
}
