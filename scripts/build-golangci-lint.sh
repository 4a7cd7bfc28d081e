#!/usr/bin/env bash
# Build a custom golangci-lint that includes the idemlint module plugin
# (github.com/idemlint/idemlint/plugin), using only the Go module proxy.
#
# Usage: scripts/build-golangci-lint.sh [OUTPUT]
#   OUTPUT            path of the binary to write (default: ./bin/golangci-lint-idemlint,
#                     relative to the current directory)
# Environment:
#   IDEMLINT_GCL_DIR  work directory for the wrapper module
#                     (default: $(go env GOCACHE)/../idemlint-gcl)
#   GCL_VERSION       golangci-lint version to build (default: v2.15.0)
#
# The wrapper module is regenerated on every run and `go build` is always run;
# Go's build cache makes a rebuild with nothing changed take a few seconds.
# Enable the linter in .golangci.yml with:
#   version: "2"
#   linters:
#     enable: [idemlint]
#     settings:
#       custom:
#         idemlint:
#           type: module
#           description: idemlint analyzers
set -euo pipefail

GCL_MODULE=github.com/golangci/golangci-lint/v2
GCL_VERSION=${GCL_VERSION:-v2.15.0}

# Run the go commands in isolation from any go.work of the caller.
export GOWORK=off GO111MODULE=on

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
module_path=$(cd "$repo_root" && go list -m -f '{{.Path}}')
if [[ "$module_path" != github.com/idemlint/idemlint ]]; then
	echo "build-golangci-lint: unexpected module at $repo_root: $module_path" >&2
	exit 1
fi

out=${1:-./bin/golangci-lint-idemlint}
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd -P)/$(basename "$out")

workdir=${IDEMLINT_GCL_DIR:-}
if [[ -z "$workdir" ]]; then
	gocache=$(go env GOCACHE)
	if [[ "$gocache" == /* ]]; then
		workdir=$gocache/../idemlint-gcl
	else # GOCACHE=off
		workdir=${XDG_CACHE_HOME:-$HOME/.cache}/idemlint-gcl
	fi
fi
mkdir -p "$workdir"
workdir=$(cd "$workdir" && pwd -P)

gcl_dir=$(cd "$workdir" && go mod download -json "$GCL_MODULE@$GCL_VERSION" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
if [[ -z "$gcl_dir" || ! -f "$gcl_dir/cmd/golangci-lint/main.go" ]]; then
	echo "build-golangci-lint: cannot locate $GCL_MODULE@$GCL_VERSION in the module cache" >&2
	exit 1
fi

# Regenerate the wrapper module from scratch (keeping go.sum speeds up tidy).
rm -f "$workdir/main.go" "$workdir/plugins.go" "$workdir/go.mod"
install -m 0644 "$gcl_dir/cmd/golangci-lint/main.go" "$workdir/main.go"

cat >"$workdir/plugins.go" <<'GO'
package main

import _ "github.com/idemlint/idemlint/plugin"
GO

cat >"$workdir/go.mod" <<GOMOD
module idemlint-golangci-lint

go $(cd "$repo_root" && go list -m -f '{{.GoVersion}}')

require (
	$GCL_MODULE $GCL_VERSION
	github.com/idemlint/idemlint v0.0.0
)

replace github.com/idemlint/idemlint => $repo_root
GOMOD

cd "$workdir"
go mod tidy

# Pin the golangci-lint version in the result: tidy must not have moved it.
got=$(go list -m -f '{{.Version}}' "$GCL_MODULE")
if [[ "$got" != "$GCL_VERSION" ]]; then
	echo "build-golangci-lint: $GCL_MODULE resolved to $got, want $GCL_VERSION" >&2
	echo "  (a dependency of the idemlint module requires a newer golangci-lint)" >&2
	exit 1
fi
# golangci-lint is compiled against the golang.org/x/tools it requires; a
# newer one required by idemlint is used instead and may not compile with it.
want_tools=$(awk '$1 == "golang.org/x/tools" { print $2; exit }' "$gcl_dir/go.mod")
got_tools=$(go list -m -f '{{.Version}}' golang.org/x/tools)
if [[ -n "$want_tools" && "$got_tools" != "$want_tools" ]]; then
	echo "build-golangci-lint: warning: golang.org/x/tools is $got_tools, golangci-lint $GCL_VERSION requires $want_tools" >&2
fi

# golangci-lint salts its analysis cache (issues and facts, under
# $(golangci-lint cache status)) with the version string alone when it is set,
# so the version must change whenever the plugin's code or dependencies do:
# it carries a digest of the repository's non-test Go sources, go.mod/go.sum
# and the wrapper's go.sum. main.go keeps `version` only when `date` is
# non-empty; otherwise it reports the main module's version ("(devel)").
# The values are stable for an unchanged tree so that it is not relinked.
digest=$(
	cd "$repo_root" &&
		find . \( -name .git -o -name testdata -o -name vendor \) -prune -o -type f \
			\( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum \) -print |
		LC_ALL=C sort | xargs -r -d '\n' sha256sum
	sha256sum <"$workdir/go.sum"
)
digest=$(printf '%s\n' "$digest" | sha256sum | cut -c1-12)
commit=unknown date=unknown
if git -C "$repo_root" rev-parse --verify -q HEAD >/dev/null 2>&1; then
	commit=$(git -C "$repo_root" rev-parse --short HEAD)
	date=$(git -C "$repo_root" log -1 --format=%cI HEAD)
fi
ldflags="-s -w"
ldflags+=" -X main.version=${GCL_VERSION#v}-idemlint+$digest"
ldflags+=" -X main.commit=idemlint-$commit"
ldflags+=" -X main.date=$date"

go build -trimpath -ldflags "$ldflags" -o "$out" .
echo "built $out"
