package routes_test

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"github.com/idemlint/idemlint/internal/xpos"
	"github.com/idemlint/idemlint/passes/effects"
	"github.com/idemlint/idemlint/passes/routes"
)

// TestEncoding checks that a summary decodes to what was encoded, every
// field set, and that a corrupt one is an error.
func TestEncoding(t *testing.T) {
	at := func(line int) xpos.Pos {
		return xpos.Pos{File: "/src/svc/svc.go", Offset: 10 * line, Line: line, Column: 2}
	}
	reg := &routes.Registration{
		Pkg: "example.com/svc", Pos: at(3), End: at(4), Framework: "chi", Handler: "h.create",
		Effects:       effects.Effects{Kinds: effects.SQL | effects.Publish, NonIdempotent: "inserts into orders", MovesMoney: true},
		Visible:       true,
		Pending:       &effects.Pending{Base: effects.Effects{Kinds: effects.SQL, NonIdempotent: "inserts into audit"}, Methods: []uint64{7, 1 << 63}},
		BranchMethods: []string{"POST", "PATCH"},
		ClaimsDedup:   true, Readonly: true, Mutates: true, Harmless: true,
		Financial: "its handler calls charge.New",
		RPC:       &routes.SRPC{Streaming: true, Idem: routes.IdempotencyIdempotent},
		Exemptions: []routes.Exemption{
			{Pos: at(2), End: at(2), Checks: []string{"idemhandler"}, ADR: "ADR-1", Reason: "why"},
			{Pos: at(1), End: at(1), Checks: []string{}, ADR: "ADR-2", Reason: "all"},
		},
		Reported:   []string{"idemhandler POST /x"},
		Middleware: "idem.Middleware",
		Fix:        &routes.Fix{Message: "Wrap", Edits: []routes.Edit{{Pos: at(3), End: at(3), NewText: "idem.Middleware("}}},
	}
	mw := routes.SMW{Name: "idem.New", Pos: at(5), Platform: true, Unknown: true, Scope: routes.ScopeGroup, Order: 3, Prefix: "/v1",
		RPC: &routes.SRPCFilter{Kind: 1, Names: []string{"/a.B/C"}, Except: true, Idem: routes.IdempotencyNoSideEffects}, Param: 2,
		Held: &routes.SRef{Kind: routes.RefObject, Pkg: "example.com/web", Path: "App.UF2"}}
	handler := &routes.SValue{Kind: routes.ValueHandler, Router: 1, MWs: []routes.SMW{mw}, Prefix: "/strip"}
	s := &routes.Summary{
		Routers: []routes.SRouter{
			{Framework: "chi", Ref: routes.SRef{Kind: routes.RefParam, Param: -1},
				MWs:    []routes.SMW{mw, {Name: "log", Order: routes.OrderUnknown}},
				Regs:   []routes.SReg{{Method: "POST", Path: "/x", MWs: []routes.SMW{mw}, Order: 1, Reg: reg, Handler: handler}},
				Mounts: []routes.SMount{{Prefix: "/api", Method: "GET", MWs: []routes.SMW{mw}, Target: *handler, Order: routes.OrderInit}}},
			{Ref: routes.SRef{Kind: routes.RefObject, Pkg: "example.com/svc", Path: "Server.UF0"}},
		},
		Result: &routes.SValue{Kind: routes.ValueTuple, Elems: []routes.SValue{{Kind: routes.ValueGroup, Router: 0, Prefix: "/g"}, {Kind: routes.ValueHandler, Router: -1, Procs: []routes.SReg{{Method: "RPC", Path: "/a.B/C", Reg: reg}}}}},
		Serves: []routes.SValue{*handler},
		Stores: []routes.SStore{{Pkg: "example.com/app", Path: "Config.UF1", Value: routes.SValue{Kind: routes.ValueMWs, MWs: []routes.SMW{mw}}}},
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(routes.NewSummaryFact(s)); err != nil {
		t.Fatal(err)
	}
	size := buf.Len()
	got := new(routes.SummaryFact)
	if err := gob.NewDecoder(&buf).Decode(got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Summary(), s) {
		t.Errorf("decoded\n%#v\nwant\n%#v", got.Summary(), s)
	}
	// The encoding holds no description of the types a summary is made
	// of: 3 registrations take little room.
	if size > 800 {
		t.Errorf("the summary takes %d bytes; want at most 800", size)
	}

	data, err := routes.NewSummaryFact(s).GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int{1, len(data) / 2, len(data) - 1} {
		if err := new(routes.SummaryFact).GobDecode(data[:cut]); err == nil {
			t.Errorf("a summary cut to %d of %d bytes decoded without error", cut, len(data))
		}
	}
}
