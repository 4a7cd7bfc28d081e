#!/usr/bin/env bash
# bench/bench.sh measures idemlint against its floor, bench/noop: a
# multichecker that loads and type-checks exactly what idemlint loads but
# analyses nothing. The difference is what idemlint's checks cost.
#
#	bench/bench.sh                 # 5 rounds per cell
#	ROUNDS=3 bench/bench.sh
#
# Corpora: the Go standard library (std), two generated monorepos
# (bench/gen, N=200 and N=2000 packages) and examples/shop. Modes:
# standalone (TOOL PATTERN) and go vet (go vet -vettool=TOOL PATTERN). Each
# cell runs ROUNDS rounds, the tools taking turns to go first,
# after one unmeasured warm-up run. Wall time and peak RSS come from
# /usr/bin/time; for go vet the peak RSS is that of the largest single
# process (the go command or one tool process), not a sum.
#
# Environment:
#	ROUNDS            rounds per cell (default 5)
#	MAX_CELL_SECONDS  when a run of a cell's first round takes longer, the
#	                  cell stops after that round (default 600)
#	CORPORA           corpora to run (default "std gen-200 gen-2000 shop")
#	MODES             modes to run (default "standalone vet")
#	KEEP=1            keep the work directory (binaries, corpora, outputs)
#	SHAPE=1           also run bench/shape, idemlint's analyzer graph with
#	                  no work in it: its ratios to noop are what the driver
#	                  spends on the graph alone
#
# The machine's load is printed with every cell: other builds running at
# the same time slow both tools, so compare ratios rather than seconds.
set -euo pipefail

ROUNDS=${ROUNDS:-5}
MAX_CELL_SECONDS=${MAX_CELL_SECONDS:-600}
CORPORA=${CORPORA:-std gen-200 gen-2000 shop}
MODES=${MODES:-standalone vet}

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/idemlint-bench.XXXXXX")
if [[ ${KEEP:-} == 1 ]]; then
	echo "bench: work directory $work" >&2
else
	trap 'rm -rf "$work"' EXIT
fi
[[ -x /usr/bin/time ]] || { echo "bench: needs /usr/bin/time (GNU time)" >&2; exit 1; }

# A private build cache: warmed by the warm-up run of each cell, so that
# the measured runs compile nothing.
export GOCACHE=$work/gocache GOWORK=off GOTOOLCHAIN=local
mkdir -p "$work/bin" "$work/vettools" "$work/runs" "$work/empty"

log() { echo "bench: $*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

tools=(idemlint noop)
[[ ${SHAPE:-} == 1 ]] && tools+=(shape)

log "building ${tools[*]} and gen from $repo ($(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown))"
for tool in "${tools[@]}"; do
	case $tool in
	idemlint) pkg=./cmd/idemlint;;
	*) pkg=./bench/$tool;;
	esac
	(cd "$repo" && go build -o "$work/bin/$tool" "$pkg")
done
(cd "$repo" && go build -o "$work/bin/gen" ./bench/gen)

declare -A dir pattern expected
for c in $CORPORA; do
	case $c in
	std)
		dir[$c]=$work/empty pattern[$c]=std expected[$c]=;;
	gen-*)
		n=${c#gen-}
		"$work/bin/gen" -n "$n" -seed 1 -out "$work/$c"
		dir[$c]=$work/$c pattern[$c]=./... expected[$c]=$(wc -l <"$work/$c/EXPECTED.txt");;
	shop)
		(cd "$repo/examples/shop" && go mod download)
		dir[$c]=$repo/examples/shop pattern[$c]=./... expected[$c]=;;
	*)
		log "unknown corpus $c"; exit 2;;
	esac
done

# vettool prints the path of a fresh copy of tool for one go vet run.
#
# go vet caches the output of every vet action, keyed by the vet tool's ID,
# which the go command takes from `TOOL -V=full`: for these drivers a hash
# of the executable file. A second run with the same binary replays the
# cache and measures nothing. The alternatives are worse: a fresh GOCACHE
# per run also recompiles the standard library and every package (the
# compiler would dominate both tools' times), and touching a source file
# changes nothing because the cache is keyed by content, not mtime. So
# each run gets a copy of the binary with a unique trailer (ELF ignores
# bytes after the last section): the compile cache stays warm and shared,
# every vet action, facts of dependencies included, runs again, and both
# tools are treated alike.
vettool() {
	local t
	t=$(mktemp "$work/vettools/$1.XXXXXX")
	cp "$work/bin/$1" "$t"
	chmod +x "$t"
	printf '\nbench run %s %s\n' "$t" "$(date +%s%N)" >>"$t"
	echo "$t"
}

failed=0

# run CORPUS MODE TOOL OUT: one run; appends "WALL RSS_KB USER SYS" to OUT.
run() {
	local c=$1 mode=$2 tool=$3 out=$4 bin rc
	local stem=$work/runs/$c.$mode.$tool
	if [[ $mode == vet ]]; then
		bin=$(vettool "$tool")
		set +e
		(cd "${dir[$c]}" && /usr/bin/time -f '%e %M %U %S' -o "$stem.time" go vet -vettool="$bin" "${pattern[$c]}" >"$stem.out" 2>&1)
		rc=$?
		set -e
		rm -f "$bin"
	else
		set +e
		(cd "${dir[$c]}" && /usr/bin/time -f '%e %M %U %S' -o "$stem.time" "$work/bin/$tool" "${pattern[$c]}" >"$stem.out" 2>&1)
		rc=$?
		set -e
	fi
	# /usr/bin/time writes "Command exited with non-zero status N" first.
	tail -n 1 "$stem.time" >>"$out"
	check "$c" "$mode" "$tool" "$rc" "$stem.out"
}

# check judges a run's exit status and output: standalone idemlint exits 3
# on findings and go vet 1; exit 1 of the standalone driver, or a panic or
# internal error anywhere, is a failure.
check() {
	local c=$1 mode=$2 tool=$3 rc=$4 out=$5 ok=1 n
	n=$({ grep -E '\.go:[0-9]+:[0-9]+: idem[a-z]*: ' "$out" || true; } | sort -u | wc -l)
	case $mode.$rc in
	standalone.0 | vet.0) [[ $n == 0 ]] || ok=0;;
	standalone.3 | vet.1) [[ $tool == idemlint && $n -gt 0 ]] || ok=0;;
	*) ok=0;;
	esac
	if grep -qE 'panic:|internal error|fatal error' "$out"; then ok=0; fi
	if [[ $ok == 0 ]]; then
		failed=1
		log "FAILED: $c $mode $tool: exit status $rc, $n findings; output:"
		head -n 30 "$out" >&2
	fi
	echo "$n" >"$out.findings"
}

# stats FILE: median wall, min, max, median RSS in MB, rounds, median CPU
# (user plus system, the go command and every vet process included).
stats() {
	awk '
		{ w[NR] = $1; r[NR] = $2; u[NR] = $3 + $4 }
		function median(a, n,   i, j, t) {
			for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
			return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
		}
		END {
			min = max = w[1]
			for (i = 2; i <= NR; i++) { if (w[i] < min) min = w[i]; if (w[i] > max) max = w[i] }
			printf "%.2f %.2f %.2f %.0f %d %.2f\n", median(w, NR), min, max, median(r, NR) / 1024, NR, median(u, NR)
		}' "$1"
}

# paired A B: the medians over the rounds of the per-round ratios A/B of
# wall time and of peak RSS. The two tools of a round run back to back, so
# these ratios cancel the machine's drift between rounds, which moves both.
paired() {
	paste -d' ' "$1" "$2" | awk '
		{ w[NR] = ($5 > 0 ? $1 / $5 : 0); r[NR] = ($6 > 0 ? $2 / $6 : 0) }
		function median(a, n,   i, j, t) {
			for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
			return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
		}
		END { printf "%.2f %.2f\n", median(w, NR), median(r, NR) }'
}

log "load average at start: $(load); $(nproc) cores"
rows=()
for c in $CORPORA; do
	for mode in $MODES; do
		cell=$work/$c.$mode
		for tool in "${tools[@]}"; do : >"$cell.$tool"; done
		l=$(load)
		log "$c $mode: warm-up (load $l)"
		run "$c" "$mode" noop /dev/null
		rounds=$ROUNDS
		for ((i = 1; i <= rounds; i++)); do
			# Each round starts with the next tool.
			for ((k = 0; k < ${#tools[@]}; k++)); do
				tool=${tools[(i - 1 + k) % ${#tools[@]}]}
				run "$c" "$mode" "$tool" "$cell.$tool"
				log "$c $mode round $i/$rounds $tool: $(tail -n 1 "$cell.$tool" | awk '{printf "%.2f s, %.0f MB, %.2f s CPU", $1, $2/1024, $3 + $4}')"
			done
			if ((i == 1 && rounds > 1)); then
				slow=$(for tool in "${tools[@]}"; do cat "$cell.$tool"; done | awk -v max="$MAX_CELL_SECONDS" '$1 > max { s = 1 } END { print s + 0 }')
				if ((slow)); then
					log "$c $mode: a run took over ${MAX_CELL_SECONDS}s; one round only"
					rounds=1
				fi
			fi
		done
		findings=$(cat "$work/runs/$c.$mode.idemlint.out.findings")
		if [[ -n ${expected[$c]} && $findings != "${expected[$c]}" ]]; then
			log "FAILED: $c $mode: $findings findings, EXPECTED.txt lists ${expected[$c]}"
			failed=1
		fi
		read -r nw nmin nmax nrss n ncpu <<<"$(stats "$cell.noop")"
		for tool in "${tools[@]}"; do
			[[ $tool == noop ]] && continue
			read -r tw tmin tmax trss n tcpu <<<"$(stats "$cell.$tool")"
			rw=$(awk -v a="$tw" -v b="$nw" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
			rr=$(awk -v a="$trss" -v b="$nrss" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
			rc=$(awk -v a="$tcpu" -v b="$ncpu" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
			read -r pw pr <<<"$(paired "$cell.$tool" "$cell.noop")"
			f=0
			[[ $tool == idemlint ]] && f=$findings
			rows+=("$c|$mode|$tool|$n|$tw|$tmin–$tmax|$trss|$tcpu|$rw|$rr|$rc|$pw|$pr|$f|${l%% *}")
		done
		rows+=("$c|$mode|noop|$n|$nw|$nmin–$nmax|$nrss|$ncpu||||||0|")
	done
done
log "load average at end: $(load)"

printf '%-9s %-10s %-8s %6s %10s %17s %9s %8s %7s %6s %6s %7s %6s %8s %5s\n' corpus mode tool rounds "wall (s)" "spread (s)" "RSS (MB)" "CPU (s)" "×wall" "×RSS" "×CPU" "p×wall" "p×RSS" findings load
for r in "${rows[@]}"; do
	IFS='|' read -r c mode tool n w spread rss cpu rw rr rc pw pr f l <<<"$r"
	printf '%-9s %-10s %-8s %6s %10s %17s %9s %8s %7s %6s %6s %7s %6s %8s %5s\n' "$c" "$mode" "$tool" "$n" "$w" "$spread" "$rss" "$cpu" "$rw" "$rr" "$rc" "$pw" "$pr" "$f" "$l"
done
echo "wall, RSS and CPU (user + system, all processes of a run): medians over the rounds; spread: min–max wall; ×: tool/noop of the medians; p×: median of the per-round ratios tool/noop; load: 1-minute load average when the cell started"
exit $failed
