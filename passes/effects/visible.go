package effects

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// Visibility: whether the effects model sees everything a function does.
//
// A function is visible when every call it makes is known to the model
// and it changes no memory that outlives it. A call is known when it
// calls a function or method of the package (which must be visible in
// turn), a function of another package of the analysed module whose fact
// does not mark it opaque, an API the tables judge (when they can: a
// request whose method is not constant, a Query whose text is not, are
// not known), a harmless part of the standard library or of a few
// well-known libraries (harmless below), a literal, a parameter of
// function type (its callers' arguments are checked instead), or a local
// variable holding a function or a literal. A call through an interface
// is known only for the interfaces below (writing the response, reading
// the request body, hashing, contexts, errors) and for methods shaped
// like logging. A write that outlives the function is one to a
// package-level variable, or through a pointer, map, slice or channel
// the function did not make itself (nor reached from memory it made);
// a write through its receiver or a parameter is its callers' to judge
// (writes.go). A query whose text an unexported function's callers pass
// is known when each call passes a text whose first words are constant
// (sqlTexts). A function literal that writes a
// variable of the function around it is not visible on its own, but that
// function is.
//
// Packages of dependency modules (a version in their module) are not
// walked: they carry an [Unseen] package fact, and calls into them are
// known only when the tables or the harmless lists know them.

// Unseen marks a package of a dependency module, whose function bodies the
// pass does not walk for visibility.
type Unseen struct{}

// AFact marks Unseen as an analysis fact.
func (*Unseen) AFact() {}

func (*Unseen) String() string { return "unseen" }

// harmlessStd are the standard library's packages whose functions and
// concrete methods change nothing outside the memory they are given:
// formatting, parsing, encoding, hashing and signing, logging, time,
// synchronisation. Subpackages count with their parent.
var harmlessStd = []string{
	"archive", "bufio", "bytes", "cmp", "compress", "container", "context", "crypto", "embed",
	"encoding", "errors", "expvar", "fmt", "hash", "html", "image", "io", "iter", "log", "maps",
	"math", "mime", "net/http", "net/mail", "net/netip", "net/textproto", "net/url", "path",
	"reflect", "regexp", "runtime", "slices", "sort", "strconv", "strings", "sync", "text",
	"time", "unicode", "unique",
}

// notHarmlessStd are packages under harmlessStd that act on the world:
// a reverse proxy forwards requests, syslog writes to a socket.
var notHarmlessStd = []string{"net/http/httputil", "net/http/cgi", "net/http/fcgi", "log/syslog", "net/http/pprof"}

// partialStd lists, for standard packages that also write files or open
// connections, the functions and methods that only read.
var partialStd = map[string][]string{
	"os": {
		"Getenv", "LookupEnv", "Environ", "ExpandEnv", "Expand", "Hostname", "Getpid", "Getppid",
		"Getuid", "Getgid", "Getwd", "Executable", "TempDir", "UserHomeDir", "UserConfigDir",
		"UserCacheDir", "ReadFile", "ReadDir", "Stat", "Lstat", "Open", "DirFS", "IsExist",
		"IsNotExist", "IsPermission", "IsTimeout", "Getpagesize",
		"File.Read", "File.ReadAt", "File.ReadDir", "File.Readdir", "File.Readdirnames",
		"File.Stat", "File.Name", "File.Close", "File.Seek", "File.Fd",
	},
	"net": {
		"ParseIP", "ParseCIDR", "ParseMAC", "SplitHostPort", "JoinHostPort", "IPv4", "IPv4Mask",
		"CIDRMask", "LookupHost", "LookupIP", "LookupAddr", "LookupCNAME", "LookupTXT", "LookupMX",
		"IP.String", "IP.Equal", "IP.To4", "IP.To16", "IP.IsLoopback", "IP.IsPrivate",
		"IP.IsUnspecified", "IP.IsLinkLocalUnicast", "IP.IsLinkLocalMulticast",
		"IP.IsInterfaceLocalMulticast", "IP.IsMulticast", "IP.IsGlobalUnicast", "IP.Mask", "IP.DefaultMask", "IP.MarshalText", "IPNet.Contains",
		"IPNet.String", "IPMask.Size", "IPMask.String", "HardwareAddr.String",
		"TCPAddr.String", "UDPAddr.String", "LookupPort", "ResolveTCPAddr", "ResolveUDPAddr",
		"ResolveIPAddr",
		// Opening a connection changes nothing; writing to it is a call
		// through net.Conn, which the model does not know.
		"Dialer.Dial", "Dialer.DialContext",
	},
}

// partialDeps lists, for packages of other modules that also run
// statements or write, the functions and methods that only read: a pgx
// command tag's accessors (result.RowsAffected()).
var partialDeps = map[string][]string{
	"github.com/jackc/pgx/v5/pgconn": commandTag,
	"github.com/jackc/pgx/v4/pgconn": commandTag,
	"github.com/jackc/pgconn":        commandTag,
}

var commandTag = []string{
	"CommandTag.RowsAffected", "CommandTag.String", "CommandTag.Insert", "CommandTag.Update",
	"CommandTag.Delete", "CommandTag.Select",
}

// harmless are the packages of other modules, by import path prefix
// without major versions, whose calls change nothing the standard cares
// about: the routers' request and response helpers, RPC status and
// metadata, protocol buffers, instrumentation and logging, identifiers,
// tokens, validation, errors, encodings and compression. Their interfaces
// count too.
var harmless = []string{
	"github.com/gin-gonic/gin", "github.com/labstack/echo", "github.com/gofiber/fiber",
	"github.com/go-chi/chi", "github.com/go-chi/render", "github.com/gorilla/mux",
	"github.com/julienschmidt/httprouter", "github.com/unrolled/render",
	"connectrpc.com/connect", "google.golang.org/grpc/status", "google.golang.org/grpc/codes",
	"google.golang.org/grpc/metadata", "google.golang.org/grpc/peer",
	"google.golang.org/protobuf", "github.com/golang/protobuf", "google.golang.org/genproto",
	"github.com/google/uuid", "github.com/gofrs/uuid", "github.com/oklog/ulid", "github.com/rs/xid",
	"github.com/segmentio/ksuid", "github.com/satori/go.uuid",
	"github.com/gosimple/slug", "github.com/golang-jwt/jwt", "github.com/go-playground/validator",
	"github.com/pkg/errors", "go.uber.org/multierr", "github.com/hashicorp/go-multierror",
	"github.com/json-iterator/go", "github.com/goccy/go-json", "github.com/tidwall/gjson",
	"github.com/bytedance/sonic", "gopkg.in/yaml", "github.com/shopspring/decimal",
	"golang.org/x/crypto", "golang.org/x/text", "github.com/stripe/stripe-go/webhook",
	"github.com/samber/lo", "github.com/lib/pq",
	// Evaluating an Open Policy Agent policy: a decision computed from
	// the policy and its input.
	"github.com/open-policy-agent/opa/rego",
	// Building SQL text: a statement run by a database call is judged
	// there, by the text a builder renders (squirrel.go); the builders'
	// own Exec and Query are not harmless (squirrelRuns).
	"github.com/Masterminds/squirrel",
	// MongoDB's option builders and BSON values: the tables judge the
	// driver's calls that take them.
	"go.mongodb.org/mongo-driver/mongo/options", "go.mongodb.org/mongo-driver/bson",
	// Compressing, minifying and parsing what a handler writes or reads.
	"github.com/andybalholm/brotli", "github.com/klauspost/compress", "github.com/tdewolff/minify",
	"golang.org/x/net/html", "github.com/PuerkitoBio/goquery", "github.com/andybalholm/cascadia",
	// Logging, metrics and tracing.
	"go.uber.org/zap", "github.com/sirupsen/logrus", "github.com/rs/zerolog",
	"github.com/prometheus/client_golang/prometheus", "go.opentelemetry.io/otel",
	"github.com/opentracing/opentracing-go",
}

// notHarmless are methods of the harmless packages that write files.
var notHarmless = []string{"SaveUploadedFile", "SaveFile", "SaveFileToStorage"}

// harmlessInterfaces are the standard library's interfaces whose calls
// change nothing the standard cares about, by path.Name ("" is the
// universe: error).
var harmlessInterfaces = map[string]bool{
	".error": true, "context.Context": true, "fmt.Stringer": true, "fmt.State": true,
	"io.Reader": true, "io.ReadCloser": true, "io.Closer": true, "io.ReaderAt": true,
	"io.ReadSeeker": true, "io.ReadSeekCloser": true, "io.Seeker": true, "io.ByteReader": true,
	"io.RuneReader": true, "io.ByteScanner": true, "io.RuneScanner": true,
	"hash.Hash": true, "hash.Hash32": true, "hash.Hash64": true,
	"net/http.ResponseWriter": true, "net/http.Flusher": true, "net/http.Pusher": true,
	"net/http.CloseNotifier": true, "mime/multipart.File": true,
	"sort.Interface": true, "crypto.Signer": true, "crypto.Decrypter": true,
	"crypto/cipher.AEAD": true, "crypto/cipher.Block": true, "crypto/cipher.Stream": true,
	"crypto/cipher.BlockMode": true, "encoding.TextMarshaler": true, "encoding.TextUnmarshaler": true,
	"encoding.BinaryMarshaler": true, "encoding.BinaryUnmarshaler": true,
	"encoding/json.Marshaler": true, "encoding/json.Unmarshaler": true,
	"log/slog.LogValuer": true, "net.Addr": true, "io/fs.File": true, "io/fs.FS": true,
	"database/sql/driver.Valuer": true, "database/sql.Result": true,
}

// logLevels are the method names of logging calls: an interface method so
// named, with a string among its first two parameters and no result, is
// taken as logging.
var logLevels = []string{
	"Trace", "Debug", "Info", "Notice", "Warn", "Warning", "Error", "Print", "Log",
	"Tracef", "Debugf", "Infof", "Warnf", "Warningf", "Errorf", "Printf", "Logf",
	"Traceln", "Debugln", "Infoln", "Warnln", "Errorln", "Println",
	"Debugw", "Infow", "Warnw", "Errorw", "DebugContext", "InfoContext", "WarnContext", "ErrorContext",
}

// A pkgKind says how calls into a package are judged.
type pkgKind uint8

const (
	pkgWalked   pkgKind = iota // the facts of its functions decide
	pkgStd                     // harmless standard package
	pkgPartial                 // partialStd: only the listed functions
	pkgKnown                   // the tables judge its calls
	pkgHarmless                // harmless library
	pkgOpaque                  // nothing known: another standard package, or an unseen one
)

// kinds caches pkgKind by package; the routes pass asks through
// [Result.Visible] while other passes may too.
type kinds struct {
	mu sync.Mutex
	m  map[*types.Package]pkgKind
}

// kindOf returns how calls into pkg are judged.
func (in *inferrer) kindOf(pkg *types.Package) pkgKind {
	in.kinds.mu.Lock()
	defer in.kinds.mu.Unlock()
	if k, ok := in.kinds.m[pkg]; ok {
		return k
	}
	k := in.classifyPkg(pkg)
	if in.kinds.m == nil {
		in.kinds.m = make(map[*types.Package]pkgKind)
	}
	in.kinds.m[pkg] = k
	return k
}

func (in *inferrer) classifyPkg(pkg *types.Package) pkgKind {
	path := pkg.Path()
	if typesutil.IsStd(path) {
		switch {
		case partialStd[path] != nil:
			return pkgPartial
		case hasPrefix(notHarmlessStd, path):
			return pkgOpaque
		case path == "database/sql" || path == "net/smtp":
			return pkgKnown
		case hasPrefix(harmlessStd, path):
			return pkgStd
		}
		return pkgOpaque
	}
	norm := typesutil.NormPath(path)
	switch {
	case partialDeps[path] != nil:
		return pkgPartial
	case hasPrefix(harmless, norm) || hasPrefix(ignoredInterfaces, path):
		return pkgHarmless
	case known(path):
		return pkgKnown
	case in.pass.ImportPackageFact(pkg, new(Unseen)):
		return pkgOpaque
	}
	return pkgWalked
}

// hasPrefix reports whether path is one of prefixes or below one.
func hasPrefix(prefixes []string, path string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(path, p) && (len(path) == len(p) || path[len(p)] == '/' || strings.HasSuffix(p, "/")) {
			return true
		}
	}
	return false
}

// seenFunc reports whether using fn, a function or a concrete method of
// another package, keeps the model seeing everything. Interface methods
// are judged at their selection (seenInterface).
func (in *inferrer) seenFunc(fn *types.Func) bool {
	if fn.Pkg() == nil || fn.Pkg() == in.pass.Pkg {
		return true
	}
	if grpcCallOption(fn) || grpcInvoke(fn) && in.calling(fn) {
		return true // an outbound call judged by its procedure's name (rpc.go)
	}
	switch in.kindOf(fn.Pkg()) {
	case pkgStd, pkgKnown:
		return true
	case pkgPartial:
		name := fn.Name()
		if n := typesutil.NamedOf(recvType(fn)); n != nil {
			name = n.Obj().Name() + "." + name
		}
		path := fn.Pkg().Path()
		return slices.Contains(partialStd[path], name) || slices.Contains(partialDeps[path], name)
	case pkgHarmless:
		for _, m := range notHarmless {
			if fn.Name() == m {
				return false
			}
		}
		return !squirrelRuns(fn)
	case pkgWalked:
		if execLike(fn) != nil {
			return true // judged at the call
		}
		var f Fact
		return !in.pass.ImportObjectFact(fn, &f) || !f.Opaque || loggingMethod(fn)
	}
	return execLike(fn) != nil
}

// recvType returns the receiver type of a method, or nil.
func recvType(fn *types.Func) types.Type {
	if recv := fn.Signature().Recv(); recv != nil {
		return recv.Type()
	}
	return nil
}

// seenInterface reports whether a call of the interface method fn on a
// value of static type recv is known: an interface of harmlessInterfaces,
// of a harmless library or of a family the tables know (but net/http's
// Handler and RoundTripper), or a method shaped like logging.
func (in *inferrer) seenInterface(recv types.Type, fn *types.Func) bool {
	n := typesutil.NamedOf(recv)
	if n == nil {
		n = typesutil.NamedOf(recvType(fn))
	}
	if n != nil {
		path := ""
		if p := n.Obj().Pkg(); p != nil {
			path = p.Path()
		}
		if harmlessInterfaces[path+"."+n.Obj().Name()] {
			return true
		}
		if p := n.Obj().Pkg(); p != nil && !typesutil.IsStd(path) {
			if k := in.kindOf(p); k == pkgHarmless || k == pkgKnown {
				return true
			}
		}
	}
	return logging(fn)
}

// logging reports whether fn is shaped like a logging method: named after
// a level, a string among its first two parameters, no result.
func logging(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Results().Len() != 0 {
		return false
	}
	named := false
	for _, l := range logLevels {
		if fn.Name() == l {
			named = true
			break
		}
	}
	if !named {
		return false
	}
	for i := 0; i < sig.Params().Len() && i < 2; i++ {
		if b, ok := sig.Params().At(i).Type().Underlying().(*types.Basic); ok && b.Kind() == types.String {
			return true
		}
	}
	return false
}

// loggingMethod reports whether fn is a method of a concrete type shaped
// like logging (logging): what its body does that the model cannot see (a
// slog.Handler it hands records to, hooks held in function fields) does
// not hide its callers, as a logging method of an interface does not; its
// effects still count.
func loggingMethod(fn *types.Func) bool {
	return fn != nil && fn.Signature().Recv() != nil && !isInterfaceMethod(fn) && logging(fn)
}

// hide marks u as doing something the model cannot see.
func (in *inferrer) hide(u *unit) {
	if u != nil {
		u.opaque = true
	}
}

// seenCallee reports whether the callee of call is known, apart from the
// functions it names (judged as uses): a conversion, a builtin, a literal,
// a parameter, or a local variable holding a function.
func (in *inferrer) seenCallee(call *ast.CallExpr, cur *unit) bool {
	switch obj := in.calleeObj.(type) {
	case *types.Func, *types.TypeName:
		return true
	case *types.Builtin:
		switch obj.Name() {
		case "delete", "clear", "copy", "close":
			if len(call.Args) > 0 {
				in.write(call.Args[0], true, cur)
			}
		}
		return true
	case *types.Var:
		return in.funcVar(obj)
	}
	fun := ast.Unparen(call.Fun)
	if _, ok := fun.(*ast.FuncLit); ok {
		return true
	}
	if tv, ok := in.pass.TypesInfo.Types[fun]; ok && tv.IsType() {
		return true
	}
	return false
}

// funcVar reports whether calling, or passing on, the function variable v
// is known: a parameter (its callers' arguments are checked), a variable
// defined once with a literal or a function, or one of a function type
// that a harmless package declares (context.CancelFunc).
func (in *inferrer) funcVar(v *types.Var) bool {
	if in.params[v] {
		return true
	}
	if n, ok := types.Unalias(v.Type()).(*types.Named); ok && n.Obj().Pkg() != nil {
		if k := in.kindOf(n.Obj().Pkg()); k == pkgStd || k == pkgHarmless {
			return true
		}
	}
	switch def := ast.Unparen(in.definition(v)).(type) {
	case *ast.FuncLit:
		return true
	case *ast.Ident:
		_, ok := in.pass.TypesInfo.Uses[def].(*types.Func)
		return ok
	case *ast.SelectorExpr:
		_, ok := in.pass.TypesInfo.Uses[def.Sel].(*types.Func)
		return ok && !types.IsInterface(in.pass.TypesInfo.TypeOf(def.X))
	}
	return false
}

// funcArgs hides cur when call passes a function value the model cannot
// resolve: the callee may call it.
func (in *inferrer) funcArgs(call *ast.CallExpr, cur *unit) {
	for _, a := range call.Args {
		var id *ast.Ident
		switch a := ast.Unparen(a).(type) {
		case *ast.Ident:
			id = a
		case *ast.SelectorExpr:
			id = a.Sel
		default:
			continue
		}
		v, ok := in.pass.TypesInfo.Uses[id].(*types.Var)
		if !ok {
			continue
		}
		if _, isFunc := v.Type().Underlying().(*types.Signature); isFunc && !in.funcVar(v) {
			in.hide(cur)
		}
	}
}

// write judges a write to x in cur, or through x when via is set (a send
// on a channel, delete from a map): to a local variable or memory the
// function made, it is seen; to a variable of a function around a
// literal, only the literals in between are not; else cur is hidden.
func (in *inferrer) write(x ast.Expr, via bool, cur *unit) {
	root, indirect, deep := in.lvalue(x)
	if via {
		if _, ok := ast.Unparen(x).(*ast.Ident); ok {
			indirect = true
		} else {
			deep = true
		}
	}
	if root == nil {
		if id, ok := ast.Unparen(x).(*ast.Ident); !ok || id.Name != "_" {
			in.hide(cur)
		}
		return
	}
	d := -1
	if root.Pkg() != nil && root.Parent() != root.Pkg().Scope() {
		for i := len(in.stack) - 1; i >= 0; i-- {
			if u := in.stack[i]; u.pos <= root.Pos() && root.Pos() < u.end {
				d = i
				break
			}
		}
	}
	if d < 0 || (deep || indirect) && !in.fresh(root) {
		// Through a parameter of the function being walked: its callers
		// judge their arguments (writes.go).
		if bit := in.paramBits[root]; bit != 0 && d == len(in.stack)-1 && cur == in.stack[d] {
			cur.writes |= bit
			return
		}
		if bits := in.paramAlias(root, cur, 0); bits != 0 && d == len(in.stack)-1 {
			cur.writes |= bits
			return
		}
		in.hide(cur)
		return
	}
	for _, u := range in.stack[d+1:] {
		u.captures = true
	}
}

// lvalue returns the variable at the root of an assignable expression,
// whether the write goes through a pointer, map or slice held by that
// variable (indirect), and whether it goes through one held elsewhere
// (deep).
func (in *inferrer) lvalue(x ast.Expr) (root *types.Var, indirect, deep bool) {
	info := in.pass.TypesInfo
	through := func(operand ast.Expr) {
		if _, ok := ast.Unparen(operand).(*ast.Ident); ok {
			indirect = true
		} else {
			deep = true
		}
	}
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.Ident:
			obj := info.Uses[e]
			if obj == nil {
				obj = info.Defs[e]
			}
			v, _ := obj.(*types.Var)
			return v, indirect, deep
		case *ast.SelectorExpr:
			sel := info.Selections[e]
			if sel == nil { // a variable of another package
				v, _ := info.Uses[e.Sel].(*types.Var)
				return v, indirect, deep
			}
			if sel.Indirect() {
				through(e.X)
			}
			x = e.X
		case *ast.IndexExpr:
			t := info.TypeOf(e.X)
			if t == nil {
				return nil, indirect, deep
			}
			switch t.Underlying().(type) {
			case *types.Map, *types.Slice, *types.Pointer:
				through(e.X)
			}
			x = e.X
		case *ast.StarExpr:
			through(e.X)
			x = e.X
		default:
			return nil, indirect, deep
		}
	}
}

// fresh reports whether a local variable holds memory the function made
// (freshVar).
func (in *inferrer) fresh(v *types.Var) bool {
	return in.freshVar(v, 0)
}

// isStringType reports whether t is of a string type, named or not.
func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// walked reports whether the pass walks the package for visibility: a
// package of the analysed module (or of no module), not the standard
// library.
func walked(pass *analysis.Pass) bool {
	if typesutil.IsStd(pass.Pkg.Path()) {
		return false
	}
	return pass.Module == nil || pass.Module.Version == ""
}
