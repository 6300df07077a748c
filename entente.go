// Package entente is the domain of the entente program: the parties, roadmaps, tracks, actions,
// meetings, agreements, commitments, interests, sources and notes that two (or more) governments
// share when they turn a summit's promises into signed agreements and finished work.
//
// The package holds the types, their validation and allowed state transitions, the permission
// rules, the service interfaces that the storage adapter (sqlstore) implements and the HTTP
// adapter (server) consumes, the error type, and the When type for dates as people say them.
// It imports only the standard library.
package entente
