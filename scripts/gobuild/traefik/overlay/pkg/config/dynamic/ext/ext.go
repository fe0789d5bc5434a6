// Package ext stands in for Traefik's nested module
// "github.com/traefik/traefik/dynamic/ext", which traefik/v3's go.mod
// replaces with ./pkg/config/dynamic/ext. A module zip never contains a
// nested module, so that directory is missing from the module proxy's copy
// of traefik/v3 and the proxy does not serve the nested module either.
//
// In Traefik v3.7.13 the package is only embedded (inline, no fields) into
// dynamic.HTTP and dynamic.Router as an extension point; the open-source
// build uses empty structs, which is all this file provides.
package ext

// HTTP is embedded inline into dynamic.HTTP; it adds no configuration.
type HTTP struct{}

// Router is embedded inline into dynamic.Router; it adds no configuration.
type Router struct{}
