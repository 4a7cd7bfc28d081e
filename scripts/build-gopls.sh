#!/usr/bin/env bash
# Build a gopls whose analyzer list includes idemlint's checks, using only the
# Go module proxy.
#
# gopls cannot load analyzers at run time (golang/go#59869): its list is
# compiled in (AllAnalyzers in gopls/internal/settings/analysis.go), and that
# package is internal to the gopls module. So this script copies the gopls
# module source from the module cache, adds one file to internal/settings
# that wraps every analyzer of analyzers.Editor() as a default-on gopls analyzer
# (severity warning), appends them to the list with a one-line edit, requires
# this checkout through a replace, and builds.
#
# Usage: scripts/build-gopls.sh [OUTPUT]
#   OUTPUT              path of the binary to write (default: ./bin/gopls-idemlint,
#                       relative to the current directory)
# Environment:
#   IDEMLINT_GOPLS_DIR  work directory (default: $(go env GOCACHE)/../idemlint-gopls)
#   GOPLS_VERSION       gopls version to build (default: v0.23.0; v0.24.0 needs Go 1.27)
#
# golang.org/x/tools is pinned to the exact version gopls requires (gopls uses
# x/tools internals, so a newer one, such as the v0.52.0 that idemlint requires,
# does not compile with it); idemlint's analyzers compile against it too, as
# they use only the stable go/analysis APIs.
#
# The copy is regenerated on every run and `go build` is always run; Go's
# build cache makes a rebuild with nothing changed take a few seconds.
# Point the editor at the binary as its gopls (docs/hosts.md, section Editors).
set -euo pipefail

GOPLS_MODULE=golang.org/x/tools/gopls
GOPLS_VERSION=${GOPLS_VERSION:-v0.23.0}

# Run the go commands in isolation from any go.work of the caller.
export GOWORK=off GO111MODULE=on

die() {
	echo "build-gopls: $*" >&2
	exit 1
}

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
module_path=$(cd "$repo_root" && go list -m -f '{{.Path}}')
[[ "$module_path" == github.com/idemlint/idemlint ]] ||
	die "unexpected module at $repo_root: $module_path"

out=${1:-./bin/gopls-idemlint}
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd -P)/$(basename "$out")

workdir=${IDEMLINT_GOPLS_DIR:-}
if [[ -z "$workdir" ]]; then
	gocache=$(go env GOCACHE)
	if [[ "$gocache" == /* ]]; then
		workdir=$gocache/../idemlint-gopls
	else # GOCACHE=off
		workdir=${XDG_CACHE_HOME:-$HOME/.cache}/idemlint-gopls
	fi
fi
mkdir -p "$workdir"
workdir=$(cd "$workdir" && pwd -P)

# Download outside any module so that no go.mod of the caller is consulted.
gopls_dir=$(cd / && go mod download -json "$GOPLS_MODULE@$GOPLS_VERSION" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
[[ -n "$gopls_dir" && -f "$gopls_dir/main.go" && -f "$gopls_dir/go.mod" ]] ||
	die "cannot locate $GOPLS_MODULE@$GOPLS_VERSION in the module cache"

# The x/tools that this gopls was released with (gopls and x/tools are
# versioned together).
tools_version=$(awk '$1 == "golang.org/x/tools" { print $2; exit } $1 == "require" && $2 == "golang.org/x/tools" { print $3; exit }' "$gopls_dir/go.mod")
[[ -n "$tools_version" ]] || die "no golang.org/x/tools requirement in $gopls_dir/go.mod"

# Regenerate the copy from scratch, keeping the checksums of the last run
# (go mod tidy prunes those no longer needed) so that a rebuild needs no
# checksum look-ups.
src=$workdir/gopls
old_sum=
if [[ -f "$src/go.sum" ]]; then
	old_sum=$(cat "$src/go.sum")
fi
rm -rf "$src"
cp -R "$gopls_dir" "$src"
chmod -R u+w "$src"
if [[ -n "$old_sum" ]]; then
	{ cat "$src/go.sum"; printf '%s\n' "$old_sum"; } | LC_ALL=C sort -u >"$src/go.sum.tmp"
	mv "$src/go.sum.tmp" "$src/go.sum"
fi

settings=$src/internal/settings
list=$settings/analysis.go
[[ -f "$list" ]] || die "$GOPLS_MODULE@$GOPLS_VERSION has no internal/settings/analysis.go: the analyzer list moved; adapt this script"

# Append idemlint's analyzers after every other one: the anchor is the last
# statement of initAnalyzers, which must occur exactly once.
anchor='	return append(res, staticcheckAnalyzers()...)'
replacement='	return append(append(res, staticcheckAnalyzers()...), idemlintAnalyzers()...)'
n=$(grep -cxF -- "$anchor" "$list" || true)
[[ "$n" == 1 ]] ||
	die "anchor line found $n times (want 1) in internal/settings/analysis.go of $GOPLS_MODULE@$GOPLS_VERSION: adapt this script
  anchor: $anchor"
grep -q '^type Analyzer struct' "$list" ||
	die "no Analyzer struct in internal/settings/analysis.go of $GOPLS_MODULE@$GOPLS_VERSION: adapt this script"
awk -v anchor="$anchor" -v repl="$replacement" '$0 == anchor { print repl; next } { print }' \
	"$list" >"$list.tmp"
mv "$list.tmp" "$list"

cat >"$settings/idemlint.go" <<'GO'
package settings

import (
	"github.com/idemlint/idemlint/analyzers"
	"golang.org/x/tools/gopls/internal/protocol"
)

// idemlintAnalyzers returns idemlint's checks as default-on analyzers,
// in their version for editors (an invalid configuration is a
// diagnostic). Each can be turned off with the "analyses" setting, by
// check name.
func idemlintAnalyzers() []*Analyzer {
	var res []*Analyzer
	for _, a := range analyzers.Editor() {
		res = append(res, &Analyzer{analyzer: a, severity: protocol.SeverityWarning})
	}
	return res
}
GO

cd "$src"
go mod edit \
	-require=github.com/idemlint/idemlint@v0.0.0 \
	-replace=github.com/idemlint/idemlint="$repo_root" \
	-replace=golang.org/x/tools=golang.org/x/tools@"$tools_version"
go mod tidy

got=$(go list -m -f '{{if .Replace}}{{.Replace.Version}}{{else}}{{.Version}}{{end}}' golang.org/x/tools)
[[ "$got" == "$tools_version" ]] ||
	die "golang.org/x/tools resolved to $got, want $tools_version"

# The version reported by `gopls version` carries a digest of the
# repository's non-test Go sources and go.mod/go.sum. gopls keeps its
# analysis cache per executable (a hash of the binary), so a rebuilt binary
# never reuses diagnostics of an older idemlint.
digest=$(
	cd "$repo_root" &&
		find . \( -name .git -o -name testdata -o -name vendor -o -name examples \) -prune -o -type f \
			\( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum \) -print |
		LC_ALL=C sort | xargs -r -d '\n' sha256sum
	sha256sum <"$src/go.sum"
)
digest=$(printf '%s\n' "$digest" | sha256sum | cut -c1-12)

go build -trimpath -ldflags "-s -w -X main.version=$GOPLS_VERSION-idemlint+$digest" -o "$out" .
echo "built $out ($GOPLS_MODULE $GOPLS_VERSION, golang.org/x/tools $tools_version)"
