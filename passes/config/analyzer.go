package config

import (
	"go/build"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
)

// Analyzer loads the configuration of each package. Its result is a
// *Config. Its -config flag names a configuration file that overrides
// discovery.
var Analyzer = &analysis.Analyzer{
	Name:             "idemconfig",
	Doc:              "load and validate the idemlint configuration of a package\n\nThe configuration comes from the -config file, else the golangci-lint settings, else the nearest .idemlint.yaml or .idemlint.yml above the package directory, else the built-in defaults. An invalid configuration fails the analysis.",
	URL:              "https://pkg.go.dev/github.com/idemlint/idemlint/passes/config",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Config](),
}

// configFile is the value of the -config flag.
var configFile *string

func init() {
	configFile = Analyzer.Flags.String("config", "", "path of the idemlint configuration `file`; overrides discovery of .idemlint.yaml")
}

// fileNames are the configuration file names Find looks for, preferred
// first.
var fileNames = []string{".idemlint.yaml", ".idemlint.yml"}

// Find walks up from dir to the filesystem root and returns the path of the
// first .idemlint.yaml or .idemlint.yml it finds (.yaml first), or "" if
// there is none.
func Find(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return find(dir)
}

// find is Find from an absolute directory.
func find(dir string) string {
	remember := memoize.Load()
	if remember {
		if path, ok := found.Load(dir); ok {
			return path.(string)
		}
	}
	path := ""
	for _, name := range fileNames {
		if p := filepath.Join(dir, name); isFile(p) {
			path = p
			break
		}
	}
	if parent := filepath.Dir(dir); path == "" && parent != dir {
		path = find(parent)
	}
	if remember {
		found.Store(dir, path)
	}
	return path
}

// memoize tells Find to remember what it found in each directory, in
// found.
var (
	memoize atomic.Bool
	found   sync.Map // directory -> path of its configuration file, or ""
)

// MemoizeDiscovery makes Find remember, for the rest of the process, what
// it found in each directory: packages share their ancestors, and one run
// of a command sees no configuration file come or go. A long-lived host
// such as an editor must not call it.
func MemoizeDiscovery() { memoize.Store(true) }

// installed is the configuration set by UseSettings.
var installed atomic.Pointer[Config]

// UseSettings makes every package use c, bypassing discovery; nil restores
// discovery. The golangci-lint plugin calls it with the configuration made
// by FromSettings. The precedence is: -config flag > UseSettings >
// discovery > defaults.
func UseSettings(c *Config) { installed.Store(c) }

// cacheEntry is a loaded configuration file and the file state it was
// loaded from.
type cacheEntry struct {
	modTime time.Time
	size    int64
	cfg     *Config
	err     error
}

// cache maps the absolute path of a configuration file to its *cacheEntry,
// so that all packages sharing a file share one parse (or one error).
var cache sync.Map

// cachedLoad loads the configuration file at path, reusing an earlier
// result while the file is unchanged.
func cachedLoad(path string) (*Config, error) {
	key, err := filepath.Abs(path)
	if err != nil {
		key = path
	}
	fi, err := os.Stat(path)
	if err != nil {
		return Load(path) // reports the missing or unreadable file
	}
	if v, ok := cache.Load(key); ok {
		e := v.(*cacheEntry)
		if e.modTime.Equal(fi.ModTime()) && e.size == fi.Size() {
			return e.cfg, e.err
		}
	}
	cfg, err := Load(path)
	cache.Store(key, &cacheEntry{modTime: fi.ModTime(), size: fi.Size(), cfg: cfg, err: err})
	return cfg, err
}

// defaults is the built-in configuration every package without a file
// shares: configurations are never modified once made.
var defaults = sync.OnceValue(Default)

func run(pass *analysis.Pass) (any, error) {
	return ForDir(packageDir(pass))
}

// ForDir returns the configuration of the package whose files are in dir,
// as the analyzer finds it: the -config file, else the settings installed
// with UseSettings, else the nearest configuration file above dir, else
// the defaults. The standard library and the modules of the module
// cache, which are analysed only for facts, have the defaults: the user's
// configuration does not govern them, and an error in it is reported once
// per package of the user's code. So has a package without files
// (unsafe), unless settings are installed.
func ForDir(dir string) (*Config, error) {
	if dependency(dir) || dir == "" && *configFile != "" {
		return defaults(), nil
	}
	if *configFile != "" {
		return cachedLoad(*configFile)
	}
	if c := installed.Load(); c != nil {
		return c, nil
	}
	if dir == "" {
		return defaults(), nil
	}
	if path := Find(dir); path != "" {
		return cachedLoad(path)
	}
	return defaults(), nil
}

// packageDir returns the directory of the package's source files, or "" if
// it has none. Files generated by cgo are located by their //line
// directives, which name the original source; cgo's own _cgo_ files are
// used only when there is nothing else.
func packageDir(pass *analysis.Pass) string {
	fallback := ""
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		name := tf.Name()
		if adjusted := tf.PositionFor(f.Package, true).Filename; adjusted != name && filepath.IsAbs(adjusted) {
			name = adjusted
		}
		if strings.HasPrefix(filepath.Base(name), "_cgo_") {
			if fallback == "" {
				fallback = filepath.Dir(name)
			}
			continue
		}
		return filepath.Dir(name)
	}
	return fallback
}

// roots are the directories of code that is never the user's own.
var roots = sync.OnceValue(func() []string {
	var dirs []string
	if goroot := build.Default.GOROOT; goroot != "" {
		dirs = append(dirs, filepath.Join(goroot, "src")+string(filepath.Separator))
	}
	modcache := os.Getenv("GOMODCACHE")
	if modcache == "" {
		if gopath := filepath.SplitList(build.Default.GOPATH); len(gopath) > 0 {
			modcache = filepath.Join(gopath[0], "pkg", "mod")
		}
	}
	if modcache != "" {
		dirs = append(dirs, modcache+string(filepath.Separator))
	}
	return dirs
})

// dependency reports whether dir holds the standard library or a module
// from the module cache.
func dependency(dir string) bool {
	if dir == "" {
		return false
	}
	for _, root := range roots() {
		if strings.HasPrefix(dir+string(filepath.Separator), root) {
			return true
		}
	}
	return false
}
