#!/usr/bin/env bash
# Runs idemlint on the open-source services listed in services.tsv.
#
#   bench/realworld/run.sh [NAME...]
#
# REALWORLD_MIRROR  directory holding the fetched snapshots (default /work/.mirror);
#                   a service OWNER/NAME is looked up as OWNER+NAME/repo/.git,
#                   OWNER+NAME/repo, OWNER+NAME.git or OWNER+NAME in it (a git
#                   directory that holds the pinned commit)
# REALWORLD_WORK    scratch directory for the checked-out sources and the
#                   idemlint binary (default ${TMPDIR:-/tmp}/idemlint-realworld)
# REALWORLD_OUT     where the outputs go (default $REALWORLD_WORK/out)
# IDEMLINT_SRC      the idemlint checkout to build (default: this repository)
# REALWORLD_CONFIG  a configuration file given to every run with -config, as
#                   a platform team would give one to every service (default:
#                   none, the defaults a new user gets); platform.idemlint.yaml
#                   here is the one the labelled results use
#
# For each service (all of them, or the NAMEs given) it extracts the pinned
# commit with git archive, runs go mod download in the module directory, then
#   idemlint -json PACKAGES                  > OUT/NAME.findings.json
#   idemlint inventory -format=json PACKAGES > OUT/NAME.inventory.json
# with each command's stderr in .stderr and exit status in .rc beside it.
# OUT/NAME.meta records the service line, the idemlint commit and the times.
# The only network access is go mod download (and the go command's loading
# of modules listed in go.mod), through the module proxy. Re-running reuses
# the extracted sources when the commit is unchanged and overwrites outputs.
# Summarise with: go run ./bench/realworld/summarize OUT
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "${IDEMLINT_SRC:-$here/../..}" && pwd)
mirror=${REALWORLD_MIRROR:-/work/.mirror}
work=${REALWORLD_WORK:-${TMPDIR:-/tmp}/idemlint-realworld}
out=${REALWORLD_OUT:-$work/out}
services=$here/services.tsv

mkdir -p "$work/src" "$out"
work=$(cd "$work" && pwd)
out=$(cd "$out" && pwd)

# Build idemlint.
# The commit measured is the last one that changed idemlint itself (this
# directory aside), "+dirty" when such files have uncommitted changes.
idemlint_commit=$(git -C "$root" log -1 --format=%H -- . ':!bench/realworld' 2>/dev/null || true)
idemlint_commit=${idemlint_commit:-unknown}
if ! git -C "$root" diff --quiet HEAD -- . ':!bench/realworld' 2>/dev/null; then
	idemlint_commit="$idemlint_commit+dirty"
fi
(cd "$root" && go build -o "$work/idemlint" ./cmd/idemlint)
echo "idemlint $idemlint_commit built into $work/idemlint" >&2

gitdir() { # OWNER/NAME -> a git directory in the mirror, or nothing
	local flat=${1/\//+} c
	for c in "$mirror/$flat/repo/.git" "$mirror/$flat/repo" "$mirror/$flat.git" "$mirror/$flat"; do
		if [[ -e $c ]] && git --git-dir="$c" rev-parse --git-dir >/dev/null 2>&1; then
			echo "$c"
			return
		fi
	done
}

want() { # NAME -> 0 when it was asked for (or nothing was)
	local n
	[[ $# -gt 1 ]] || return 0
	for n in "${@:2}"; do [[ $n == "$1" ]] && return 0; done
	return 1
}

# Read the list first: the loop runs for minutes, and the file may change.
mapfile -t lines <"$services"
failed=0
for line in "${lines[@]}"; do
	IFS=$'\t' read -r name repo commit subdir pattern libs _ <<<"$line"
	[[ -z $name || $name == \#* || $name == name ]] && continue
	want "$name" "$@" || continue
	echo "== $name ($repo@$commit ${subdir:-.} $pattern)" >&2

	g=$(gitdir "$repo")
	if [[ -z $g ]]; then
		echo "   no snapshot of $repo in $mirror; skipped" >&2
		echo "no snapshot of $repo in $mirror" >"$out/$name.skipped"
		failed=1
		continue
	fi
	rm -f "$out/$name.skipped"

	src=$work/src/$name
	if [[ ! -f $src/.realworld-commit || $(cat "$src/.realworld-commit") != "$commit" ]]; then
		rm -rf "$src"
		mkdir -p "$src"
		# A snapshot may lack large files (images, data); then take only the
		# module's directory.
		if ! git --git-dir="$g" archive --format=tar "$commit" 2>/dev/null | tar -x -C "$src" 2>/dev/null; then
			[[ ${subdir:-.} != . ]] || { echo "   cannot extract $commit of $repo" >&2; exit 1; }
			echo "   whole tree unreadable; extracting $subdir only" >&2
			rm -rf "$src"
			mkdir -p "$src"
			git --git-dir="$g" archive --format=tar "$commit" -- "$subdir" | tar -x -C "$src"
		fi
		echo "$commit" >"$src/.realworld-commit"
	fi
	dir=$src/${subdir:-.}

	# -mod=mod: some old modules lack go.sum lines; the go command then
	# completes go.sum from the module proxy instead of failing to load.
	# GOTOOLCHAIN=local: never download another toolchain.
	export GOFLAGS=-mod=mod GOTOOLCHAIN=local
	start=$(date +%s)
	(cd "$dir" && go mod download) >"$out/$name.download.log" 2>&1 || {
		echo "   go mod download failed: see $out/$name.download.log" >&2
		failed=1
	}
	read -r -a pkgs <<<"$pattern"
	cfg=()
	if [[ -n ${REALWORLD_CONFIG:-} ]]; then
		cfg=(-config="$(cd "$(dirname "$REALWORLD_CONFIG")" && pwd)/$(basename "$REALWORLD_CONFIG")")
	fi

	t0=$(date +%s)
	rc=0
	(cd "$dir" && "$work/idemlint" -json "${cfg[@]}" "${pkgs[@]}") \
		>"$out/$name.findings.json" 2>"$out/$name.findings.stderr" || rc=$?
	echo "$rc" >"$out/$name.findings.rc"
	t1=$(date +%s)
	irc=0
	(cd "$dir" && "$work/idemlint" inventory -format=json "${cfg[@]}" "${pkgs[@]}") \
		>"$out/$name.inventory.json" 2>"$out/$name.inventory.stderr" || irc=$?
	echo "$irc" >"$out/$name.inventory.rc"
	t2=$(date +%s)
	unset GOFLAGS GOTOOLCHAIN

	{
		printf 'name\t%s\nrepo\t%s\ncommit\t%s\nsubdir\t%s\npackages\t%s\nlibs\t%s\ndir\t%s\n' \
			"$name" "$repo" "$commit" "${subdir:-.}" "$pattern" "$libs" "$(cd "$dir" && pwd)"
		printf 'idemlint\t%s\ndownload_seconds\t%d\nfindings_seconds\t%d\ninventory_seconds\t%d\n' \
			"$idemlint_commit" $((t0 - start)) $((t1 - t0)) $((t2 - t1))
		printf 'findings_rc\t%d\ninventory_rc\t%d\nconfig\t%s\n' "$rc" "$irc" "${REALWORLD_CONFIG:-}"
	} >"$out/$name.meta"
	echo "   idemlint -json: exit $rc ($((t1 - t0))s); inventory: exit $irc ($((t2 - t1))s)" >&2
	# -json exits 0 (3 is not used with -json); 1 means packages did not load.
	if [[ $rc -ne 0 && $rc -ne 3 ]] || [[ $irc -ne 0 ]]; then
		failed=1
	fi
done

echo "outputs in $out; summary: (cd $(cd "$here/../.." && pwd) && go run ./bench/realworld/summarize $out)" >&2
exit "$failed"
