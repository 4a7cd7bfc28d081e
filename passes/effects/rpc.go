package effects

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/idemlint/idemlint/internal/names"
	"github.com/idemlint/idemlint/internal/typesutil"
)

// Outbound gRPC calls. A generated client's method calls Invoke on its
// grpc.ClientConnInterface (or on a *grpc.ClientConn) with the full name
// of the procedure, a constant of the generated code
// ("/shop.Cart/EmptyCart"). The server is another program: the call is
// judged by that name, as a procedure is when its implementation cannot
// be seen (routes.ReadProcedure). A name that reads as a read (Get,
// List, Find, ...) has no effect; a name whose verb is Put, Set, Save,
// Delete or Remove (the interface verbs taken as naturally idempotent),
// Clear or Empty is a naturally idempotent write; any other name
// (CreateOrder, Charge, AddItem, Convert) is a write that is not. A name
// that is not constant is not known, and neither is a stream
// (NewStream). The call options of the grpc package (grpc.StaticMethod(),
// grpc.WaitForReady(true)) change nothing.

const grpcPath = "google.golang.org/grpc"

// rpcIdempotentVerbs are the verbs of outbound procedure names taken as
// naturally idempotent: a repeat finds the state the first call left.
// They are the interface verbs so taken, and Clear and Empty.
var rpcIdempotentVerbs = slices.Concat(idempotentVerbs, []string{"Clear", "Empty"})

// grpcInvoke reports whether fn is the Invoke method of
// grpc.ClientConnInterface or grpc.ClientConn.
func grpcInvoke(fn *types.Func) bool {
	if fn.Name() != "Invoke" || fn.Pkg() == nil || fn.Pkg().Path() != grpcPath {
		return false
	}
	n := typesutil.NamedOf(recvType(fn))
	return n != nil && (n.Obj().Name() == "ClientConn" || n.Obj().Name() == "ClientConnInterface")
}

// grpcCallOption reports whether fn is a function of the grpc package
// that makes a call option.
func grpcCallOption(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg().Path() != grpcPath || fn.Signature().Recv() != nil {
		return false
	}
	res := fn.Signature().Results()
	if res.Len() != 1 {
		return false
	}
	n := typesutil.NamedOf(res.At(0).Type())
	return n != nil && n.Obj().Pkg() == fn.Pkg() && n.Obj().Name() == "CallOption"
}

// calling reports whether fn is the function the call being walked calls
// (not a use of it as a value).
func (in *inferrer) calling(fn *types.Func) bool {
	c, ok := in.calleeObj.(*types.Func)
	return ok && c.Origin() == fn
}

// outboundRPC returns the effect of an Invoke call, by the procedure name
// it passes, and whether the name is known.
func (in *inferrer) outboundRPC(call *ast.CallExpr) (Effects, bool) {
	if len(call.Args) < 2 {
		return Effects{}, false
	}
	name, ok := in.constString(call.Args[1])
	if !ok || name == "" {
		return Effects{}, false
	}
	switch {
	case names.ReadProcedure(name):
		return Effects{}, true
	case names.Verb(rpcIdempotentVerbs, names.Method(name)) != "":
		return Effects{Kinds: RPC}, true
	}
	return Effects{Kinds: RPC, NonIdempotent: "calls rpc " + name}, true
}
