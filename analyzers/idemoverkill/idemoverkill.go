package idemoverkill

import (
	_ "embed"
	"fmt"
	"go/token"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/analyzers/report"
	"github.com/idemlint/idemlint/internal/checkdoc"
	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/passes"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/routes"
)

//go:embed doc.go
var doc string

// Check finds the problems idemoverkill reports.
var Check = &report.Check{Name: "idemoverkill", Find: find}

// Analyzer reports idempotency middleware on reads and double dedup layers.
var Analyzer = &analysis.Analyzer{
	Name:       "idemoverkill",
	Doc:        checkdoc.MustExtract(doc, "idemoverkill"),
	URL:        "https://pkg.go.dev/github.com/idemlint/idemlint/analyzers/idemoverkill",
	Run:        safe.Run("idemoverkill", Check.Run),
	Requires:   []*analysis.Analyzer{passes.Analyzer},
	ResultType: reflect.TypeFor[*report.Findings](),
}

func find(pass *analysis.Pass) ([]*report.Finding, error) {
	models := passes.Of(pass)
	dirs := models.Directives
	res, err := models.Routes()
	if err != nil {
		return nil, err
	}
	rts := res.Routes

	// A group's middleware is overkill only when every served route
	// below it is a read, and no code the analysis cannot see received
	// the group (it may register writes there).
	groupRead := make(map[token.Pos]bool)
	for _, rt := range rts {
		if !rt.Served {
			continue
		}
		read := isRead(rt, dirs) && !rt.Unknown()
		for _, m := range platform(rt) {
			if m.Scope == routes.ScopeGroup {
				if r, ok := groupRead[m.Pos]; ok {
					read = read && r
				}
				groupRead[m.Pos] = read
			}
		}
	}

	var findings []*report.Finding
	for _, rt := range rts {
		mws := platform(rt)
		if len(mws) == 0 {
			continue
		}
		claim := rt.ClaimsDedup
		var msg string
		reason := report.DedupTwice
		switch {
		case rt.Home != nil && !attachedHere(mws):
			// Every layer was attached where the route was registered,
			// and judged there.
		case !rt.Served && len(mws) >= 2:
			msg = fmt.Sprintf("%s is deduplicated twice, by %s and %s (the inner layer finds the key the outer one just claimed and rejects every request as a duplicate); keep one layer or exempt it with an ADR",
				display(rt), mws[0].Name, mws[1].Name)
		case !rt.Served:
			if isRead(rt, dirs) && mws[0].Scope == routes.ScopeRoute {
				msg, reason = readMessage(rt, mws[0], "this route"), report.DedupRead
			}
		case len(mws) >= 2:
			msg = fmt.Sprintf("%s is deduplicated twice, by %s and %s (the inner layer finds the key the outer one just claimed and rejects every request as a duplicate); keep one layer or exempt it with an ADR",
				display(rt), mws[0].Name, mws[1].Name)
		case claim:
			msg = fmt.Sprintf("%s is deduplicated twice, by %s and by a dedup claim in its handler (the handler finds the key the middleware just claimed and rejects every request as a duplicate); keep one layer or exempt it with an ADR",
				display(rt), mws[0].Name)
		case isRead(rt, dirs):
			switch m := mws[0]; {
			case m.Scope == routes.ScopeRoute:
				msg, reason = readMessage(rt, m, "this route"), report.DedupRead
			case m.Scope == routes.ScopeGroup && groupRead[m.Pos]:
				msg, reason = readMessage(rt, m, "this read-only group or sub-router"), report.DedupRead
			}
		}
		if msg != "" {
			findings = append(findings, &report.Finding{
				Pos: rt.Pos, End: rt.End, Message: msg, Exemptions: rt.Exemptions(),
				Subject: report.Subject{Route: rt, Method: rt.Method},
				Reason:  reason,
			})
		}
	}
	return findings, nil
}

func readMessage(rt *routes.Route, m routes.Middleware, where string) string {
	return fmt.Sprintf("%s is a read wrapped in idempotency middleware %s (a read is safe to repeat; dedup only adds a store round trip and turns legitimate repeats into conflicts); remove it from %s or exempt it with an ADR",
		display(rt), m.Name, where)
}

// platform returns the distinct platform middleware of a route's chain.
func platform(rt *routes.Route) []routes.Middleware {
	var out []routes.Middleware
	for _, m := range rt.Chain {
		if m.Platform && !slices.ContainsFunc(out, func(o routes.Middleware) bool { return o.Pos == m.Pos }) {
			out = append(out, m)
		}
	}
	return out
}

// isRead reports whether a route only reads: GET, HEAD or OPTIONS, or an
// RPC whose name reads as a read (routes.ReadProcedure) or that declares
// NO_SIDE_EFFECTS. //idem:mutates on an RPC's method overrides its name.
func isRead(rt *routes.Route, dirs *directives.Result) bool {
	if rt.RPC {
		if rt.Idempotency == routes.IdempotencyNoSideEffects {
			return true
		}
		if rt.Idempotency != routes.IdempotencyUnknown || rt.Mutates {
			return false
		}
		return routes.ReadProcedure(rt.Path)
	}
	switch rt.Method {
	case "GET", "HEAD", "OPTIONS":
		return true
	}
	return false
}

func display(rt *routes.Route) string {
	path := rt.Path
	if path == "" {
		path = "(dynamic path)"
	}
	switch {
	case rt.RPC:
		return "rpc " + path
	case rt.Method == "":
		return "any-method route " + path
	}
	return rt.Method + " " + path
}

// attachedHere reports whether a layer of platform middleware was
// attached in this package.
func attachedHere(mws []routes.Middleware) bool {
	for _, m := range mws {
		if !m.Foreign {
			return true
		}
	}
	return false
}
