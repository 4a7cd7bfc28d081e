package dedup

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"math/big"
	"regexp"
	"strconv"
	"sync"
	"testing"
	"time"
)

// timeStub is the part of package time that duration expressions use.
const timeStub = `package time

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

func Now() Time { return Time{} }

type Time struct{ wall uint64 }
`

var (
	timeOnce sync.Once
	timePkg  *types.Package
)

type stubImporter struct{}

func (stubImporter) Import(path string) (*types.Package, error) {
	if path != "time" {
		return nil, fmt.Errorf("no package %q", path)
	}
	timeOnce.Do(func() {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "time.go", timeStub, 0)
		if err != nil {
			panic(err)
		}
		timePkg, err = new(types.Config).Check("time", fset, []*ast.File{f}, nil)
		if err != nil {
			panic(err)
		}
	})
	return timePkg, nil
}

// evalDuration type-checks expr as the value of a time.Duration (the
// argument of a TTL option) and evaluates it with durationConst. typed
// reports whether the file type-checks.
func evalDuration(expr string) (d time.Duration, ok, typed bool) {
	fset := token.NewFileSet()
	x, err := parser.ParseExprFrom(fset, "expr.go", expr, 0)
	if err != nil {
		return 0, false, false
	}
	f, err := parser.ParseFile(fset, "p.go", "package p\nimport \"time\"\nvar _ = time.Hour\nfunc ttl(time.Duration) {}\nfunc _() { ttl(0) }\n", 0)
	if err != nil {
		panic(err)
	}
	// replace the argument of ttl(0) by the expression
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "ttl" {
				call.Args[0] = x
				return false
			}
		}
		return true
	})
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: stubImporter{}, Error: func(error) {}}
	_, err = conf.Check("p", fset, []*ast.File{f}, info)
	d, ok = durationConst(info, x)
	return d, ok, err == nil
}

// hourForms match `N * time.Hour`, `time.Hour * N` and
// `time.Duration(N) * time.Hour` with a decimal N (without a leading zero,
// which makes an octal literal).
var hourForms = regexp.MustCompile(`^\s*(?:(0|[1-9][0-9]*)\s*\*\s*time\.Hour|time\.Hour\s*\*\s*(0|[1-9][0-9]*)|time\.Duration\(\s*(0|[1-9][0-9]*)\s*\)\s*\*\s*time\.Hour)\s*$`)

// checkHours checks that an N-hours form, when it type-checks, evaluates
// to exactly N hours, and that one that does not fit is not a constant.
func checkHours(t *testing.T, expr string, d time.Duration, ok, typed bool) {
	m := hourForms.FindStringSubmatch(expr)
	if m == nil {
		return
	}
	digits := m[1] + m[2] + m[3]
	n, good := new(big.Int).SetString(digits, 10)
	if !good {
		t.Fatalf("bad digits %q", digits)
	}
	want := new(big.Int).Mul(n, big.NewInt(int64(time.Hour)))
	if !want.IsInt64() {
		if typed || ok {
			t.Fatalf("durationConst(%s) = %v, %v (type-checks %v); want an overflow error and no constant", expr, d, ok, typed)
		}
		return
	}
	if !typed || !ok || int64(d) != want.Int64() {
		t.Fatalf("durationConst(%s) = %v, %v (type-checks %v); want %v", expr, d, ok, typed, time.Duration(want.Int64()))
	}
}

// FuzzDurationConst checks that evaluating a constant duration never
// panics, that a value it gives is the exact integer value the type
// checker computed, and that `N * time.Hour` forms give N hours.
func FuzzDurationConst(f *testing.F) {
	f.Fuzz(func(t *testing.T, expr string) {
		if len(expr) > 256 {
			return // keep each iteration cheap
		}
		d, ok, typed := evalDuration(expr)
		if !ok && d != 0 {
			t.Fatalf("durationConst(%s) = %v, false; want 0 when not constant", expr, d)
		}
		checkHours(t, expr, d, ok, typed)
	})
}

// FuzzDurationHours checks the N-hours forms for every int64 N.
func FuzzDurationHours(f *testing.F) {
	f.Fuzz(func(t *testing.T, n uint64, form uint8) {
		var expr string
		switch form % 3 {
		case 0:
			expr = strconv.FormatUint(n, 10) + " * time.Hour"
		case 1:
			expr = "time.Hour * " + strconv.FormatUint(n, 10)
		default:
			expr = "time.Duration(" + strconv.FormatUint(n, 10) + ") * time.Hour"
		}
		d, ok, typed := evalDuration(expr)
		checkHours(t, expr, d, ok, typed)
	})
}

func TestDurationConst(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want time.Duration
		ok   bool
	}{
		{"48 * time.Hour", 48 * time.Hour, true},
		{"time.Hour * 48", 48 * time.Hour, true},
		{"time.Duration(48) * time.Hour", 48 * time.Hour, true},
		{"(2 * 24) * time.Hour", 48 * time.Hour, true},
		{"90 * time.Minute", 90 * time.Minute, true},
		{"time.Duration(1.5 * float64(time.Hour))", 90 * time.Minute, true},
		{"time.Hour + 30*time.Minute", 90 * time.Minute, true},
		{"1e9", time.Second, true},
		{"0", 0, true},
		{"-time.Hour", -time.Hour, true},
		{"time.Duration(1<<63 - 1)", time.Duration(1<<63 - 1), true},
		{"time.Now().Sub(time.Now())", 0, false},
		{"x", 0, false},
	} {
		d, ok, _ := evalDuration(tc.expr)
		if d != tc.want || ok != tc.ok {
			t.Errorf("durationConst(%s) = %v, %v; want %v, %v", tc.expr, d, ok, tc.want, tc.ok)
		}
	}
}
