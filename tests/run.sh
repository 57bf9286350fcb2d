#!/bin/sh
# run.sh -- run every liftlog test and print TAP; the last line is
# "N passed, N failed" (then ", N skipped" when some were skipped).
# Exit status 0 only when no test failed.
#
# Usage: sh tests/run.sh          (from anywhere; `make check` builds first)
#
# What runs, in order:
#  1. unit tests: build/unit/NAME and build/unit-asan/NAME for every
#     tests/unit/NAME.c (built by `make unit`); every ok / not ok line they
#     print is one test, renumbered here;
#  2. golden CLI tests with ./liftlog: every tests/check/NAME.journal runs
#     `liftlog check --today=2026-11-25 NAME.journal` from inside
#     tests/check/, or the arguments in NAME.args when it exists; every
#     tests/cli/NAME.args, tests/report/NAME.args, tests/import/NAME.args
#     and tests/print/NAME.args (mandatory there) run liftlog with those
#     arguments from inside their folder; every tests/import/NAME.out (a
#     journal written by import) must then pass `liftlog check`.  Standard
#     output is compared with
#     NAME.out, standard error with NAME.err (a missing file: expect
#     nothing) and the exit status with NAME.status (missing: 0).
#     NAME.stdin, when it exists, is standard input (else /dev/null);
#     NAME.env, when it exists, is sourced with every variable exported.
#     NAME.args holds one line of sh words (quotes work as in sh);
#     then the same cases again with LIFTLOG_WHOLE=1 (journals read whole,
#     not streamed), as "whole: ...";
#  3. the same golden tests with ./liftlog-asan, as "asan: ...";
#     then man/*.[1-9] must lint clean (mandoc -T lint -W warning);
#  4. the conformance cases (tests/conformance/run.sh): see CONFORMANCE_DUE.
#
# LIFTLOG and LIFTLOG_ASAN in the environment name other binaries.

set -u

# Conformance cases due now, as sh patterns over run.sh's case names; a
# failing case that matches none of them is reported as skipped, not
# failed.  Every case is due.
CONFORMANCE_DUE=${CONFORMANCE_DUE-'*'}

LC_ALL=C
TZ=UTC
ASAN_OPTIONS=detect_leaks=1
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LC_ALL TZ ASAN_OPTIONS UBSAN_OPTIONS
unset LIFTLOG_FILE LIFTLOG_TODAY

cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
LIFTLOG=${LIFTLOG:-$root/liftlog}
LIFTLOG_ASAN=${LIFTLOG_ASAN:-$root/liftlog-asan}
case $LIFTLOG in /*) ;; *) LIFTLOG=$root/$LIFTLOG ;; esac
case $LIFTLOG_ASAN in /*) ;; *) LIFTLOG_ASAN=$root/$LIFTLOG_ASAN ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/liftlog-tests.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

n=0
passed=0
failed=0
skipped=0

# show FILE: FILE's first 60 lines as TAP comments
show() {
	if [ -s "$1" ]; then
		sed -n '1,60s/^/# /p' "$1"
		s_lines=$(wc -l <"$1")
		if [ "$s_lines" -gt 60 ]; then
			echo "# ... ($((s_lines - 60)) more lines)"
		fi
	fi
}

pass() {
	n=$((n + 1))
	passed=$((passed + 1))
	echo "ok $n - $1"
}

# fail NAME [FILE]: a failed test, with FILE (the reasons) shown
fail() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	if [ $# -ge 2 ]; then
		show "$2"
	fi
}

skip() {
	n=$((n + 1))
	skipped=$((skipped + 1))
	echo "ok $n - $1 # SKIP $2"
}

# --- 1. unit tests ----------------------------------------------------

# unit LABEL BINARY: run a TAP-printing unit test program
unit() {
	u_label=$1 u_bin=$2
	if [ ! -x "$u_bin" ]; then
		echo "$u_bin is missing: it did not build (see \`make unit\`)" \
		    >"$tmp/why"
		fail "$u_label" "$tmp/why"
		return
	fi
	"$u_bin" </dev/null >"$tmp/unit.out" 2>"$tmp/unit.err"
	u_rc=$?
	u_plan=
	u_ran=0
	u_failed=0
	while IFS= read -r u_line; do
		case $u_line in
		'ok '* | 'not ok '*)
			u_rest=${u_line#not }
			u_rest=${u_rest#ok }
			u_rest=${u_rest#"${u_rest%%[!0-9]*}"}
			u_rest=${u_rest# }
			u_rest=${u_rest#- }
			u_ran=$((u_ran + 1))
			case $u_line in
			ok*) pass "$u_label: $u_rest" ;;
			*) fail "$u_label: $u_rest"; u_failed=$((u_failed + 1)) ;;
			esac
			;;
		1..*)
			u_plan=${u_line#1..}
			;;
		*)
			printf '%s\n' "$u_line"
			;;
		esac
	done <"$tmp/unit.out"
	if [ "$u_rc" -ne 0 ] && [ "$u_failed" -eq 0 ]; then
		echo "exit status $u_rc with no failed check" >"$tmp/why"
		cat "$tmp/unit.err" >>"$tmp/why"
		fail "$u_label: exit status" "$tmp/why"
	elif [ "$u_plan" != "$u_ran" ]; then
		echo "plan 1..${u_plan:-(none)}, but $u_ran checks ran" >"$tmp/why"
		cat "$tmp/unit.err" >>"$tmp/why"
		fail "$u_label: plan" "$tmp/why"
	fi
}

echo "# unit tests"
for u_src in tests/unit/*.c; do
	[ -e "$u_src" ] || continue
	u_name=${u_src#tests/unit/}
	u_name=${u_name%.c}
	unit "unit/$u_name" "build/unit/$u_name"
	unit "asan: unit/$u_name" "build/unit-asan/$u_name"
done

# --- 2. and 3. golden CLI tests ----------------------------------------

# golden LABEL BINARY DIR NAME DEFAULT-ARGS: run one case from inside DIR
golden() {
	g_label=$1 g_bin=$2 g_dir=$3 g_name=$4 g_args=$5
	g_base=$root/$g_dir/$g_name
	if [ ! -x "$g_bin" ]; then
		echo "$g_bin is missing: it did not build" >"$tmp/why"
		fail "$g_label" "$tmp/why"
		return
	fi
	if [ -f "$g_base.args" ]; then
		g_args=$(cat "$g_base.args")
	fi
	g_in=/dev/null
	if [ -f "$g_base.stdin" ]; then
		g_in=$g_base.stdin
	fi
	# The outer redirection takes the shell's own "Segmentation fault";
	# the exit status (128 + signal) tells of a crash anyway.
	{
		(
			cd "$root/$g_dir" || exit 125
			if [ -f "$g_base.env" ]; then
				set -a
				. "$g_base.env" || exit 125
				set +a
			fi
			eval "set -- $g_args" || exit 125
			exec "$g_bin" "$@"
		) <"$g_in" >"$tmp/out" 2>"$tmp/err"
		g_rc=$?
	} 2>/dev/null

	: >"$tmp/why"
	g_want=0
	if [ -f "$g_base.status" ]; then
		g_want=$(tr -d ' \t\r\n' <"$g_base.status")
	fi
	if [ "$g_rc" != "$g_want" ]; then
		echo "exit status $g_rc, expected $g_want" >>"$tmp/why"
	fi
	for g_stream in out err; do
		g_expect=$g_base.$g_stream
		[ -f "$g_expect" ] || g_expect=/dev/null
		if ! diff -u "$g_expect" "$tmp/$g_stream" >"$tmp/diff"; then
			if [ "$g_stream" = out ]; then
				echo "standard output differs:" >>"$tmp/why"
			else
				echo "standard error differs:" >>"$tmp/why"
			fi
			cat "$tmp/diff" >>"$tmp/why"
		fi
	done
	if [ -s "$tmp/why" ]; then
		echo "(liftlog $g_args, in $g_dir)" >>"$tmp/why"
		fail "$g_label" "$tmp/why"
	else
		pass "$g_label"
	fi
}

# orphans DIR ANCHOR-EXT: expected files with no case to go with them
orphans() {
	for o_file in "$1"/*.args "$1"/*.out "$1"/*.err "$1"/*.status \
	    "$1"/*.stdin "$1"/*.env; do
		[ -f "$o_file" ] || continue
		o_stem=${o_file%.*}
		if [ ! -f "$o_stem.$2" ]; then
			echo "$o_file has no $(basename "$o_stem").$2" >"$tmp/why"
			fail "${o_file#tests/}: no case" "$tmp/why"
		fi
	done
}

# golden_all PREFIX BINARY: every golden case with one binary
golden_all() {
	for a_case in tests/check/*.journal; do
		[ -e "$a_case" ] || continue
		a_name=${a_case#tests/check/}
		a_name=${a_name%.journal}
		golden "${1}check/$a_name" "$2" tests/check "$a_name" \
		    "check --today=2026-11-25 $a_name.journal"
	done
	for a_dir in cli report import print; do
		for a_case in tests/$a_dir/*.args; do
			[ -e "$a_case" ] || continue
			a_name=${a_case#tests/$a_dir/}
			a_name=${a_name%.args}
			golden "${1}$a_dir/$a_name" "$2" tests/$a_dir \
			    "$a_name" ""
		done
	done
}

echo "# golden CLI tests"
orphans tests/check journal
orphans tests/cli args
orphans tests/report args
orphans tests/import args
orphans tests/print args
golden_all "" "$LIFTLOG"
# The same cases with every journal read whole (LIFTLOG_WHOLE): streaming
# and the whole model must give the same bytes.
echo "# golden CLI tests, journals read whole"
LIFTLOG_WHOLE=1
export LIFTLOG_WHOLE
golden_all "whole: " "$LIFTLOG"
unset LIFTLOG_WHOLE
# Every journal import wrote passes check (warnings allowed: the intent is
# left to the user).
for i_out in tests/import/*.out; do
	[ -e "$i_out" ] || continue
	if "$LIFTLOG" check --today=2100-01-01 - <"$i_out" >"$tmp/out" \
	    2>"$tmp/err"; then
		pass "import: ${i_out#tests/import/} passes check"
	else
		cat "$tmp/err" >"$tmp/why"
		fail "import: ${i_out#tests/import/} passes check" "$tmp/why"
	fi
done
echo "# golden CLI tests with the sanitizers"
golden_all "asan: " "$LIFTLOG_ASAN"
# Valgrind memcheck: zero errors and zero leaks (VALGRIND=0 leaves it out).
if [ "${VALGRIND-1}" != 0 ]; then
	echo "# golden CLI tests under valgrind memcheck"
	if command -v valgrind >/dev/null 2>&1; then
		golden_all "valgrind: " "$root/tests/valgrind-liftlog"
	else
		echo "valgrind is not installed (scripts/install-deps)" \
		    >"$tmp/why"
		fail "valgrind: golden tests" "$tmp/why"
	fi
fi

# --- print: idempotent, and the same journal ----------------------------

# For every valid journal: print | print == print, and export of the
# printed journal == export of the original (but for the file column:
# the printed one is read from standard input).  Run from the journal's
# folder, so that its includes are found from standard input as well.
echo "# print: idempotence and export of the printed journal"
for p_file in examples/*.journal tests/conformance/*.journal \
    tests/check/valid-*.journal tests/import/*.out; do
	p_dir=$(dirname "$p_file")
	p_name=$(basename "$p_file")
	(
		cd "$p_dir" || exit 125
		"$LIFTLOG" check --today=2026-11-25 "$p_name" >/dev/null \
		    2>&1 || exit 124
		: >"$tmp/why"
		"$LIFTLOG" print --today=2026-11-25 "$p_name" >"$tmp/p1" \
		    2>/dev/null || echo "print failed" >>"$tmp/why"
		"$LIFTLOG" print --today=2026-11-25 - <"$tmp/p1" >"$tmp/p2" \
		    2>/dev/null || echo "print | print failed" >>"$tmp/why"
		diff -u "$tmp/p1" "$tmp/p2" >>"$tmp/why" ||
		    echo "print | print differs from print" >>"$tmp/why"
		"$LIFTLOG" export -o tsv --today=2026-11-25 "$p_name" \
		    2>/dev/null | awk -F '\t' -v OFS='\t' \
		    '{ $(NF - 1) = ""; print }' >"$tmp/x1"
		"$LIFTLOG" export -o tsv --today=2026-11-25 - <"$tmp/p1" \
		    2>/dev/null | awk -F '\t' -v OFS='\t' \
		    '{ $(NF - 1) = ""; print }' >"$tmp/x2"
		diff -u "$tmp/x1" "$tmp/x2" >>"$tmp/why" ||
		    echo "print | export differs from export" >>"$tmp/why"
		[ -s "$tmp/x1" ] || echo "export printed nothing" >>"$tmp/why"
		[ ! -s "$tmp/why" ]
	)
	p_rc=$?
	if [ "$p_rc" = 0 ]; then
		pass "print: $p_file"
	elif [ "$p_rc" != 124 ]; then
		fail "print: $p_file" "$tmp/why"
	fi
done

# --- hostile inputs --------------------------------------------------------

# tests/hostile/gen.sh writes the inputs too big or too many to keep in the
# repository (50 MB lines, a chain of 1000 includes, 100,000 exercises,
# 100,000 set lines) into build/hostile with the expected results kept in
# tests/hostile; each case runs there like a tests/cli case, with ./liftlog
# and with ./liftlog-asan.
echo "# hostile inputs (generated by tests/hostile/gen.sh)"
if sh tests/hostile/gen.sh "$root/build/hostile" >"$tmp/why" 2>&1; then
	for h_bin in "$LIFTLOG" "$LIFTLOG_ASAN"; do
		h_label=hostile
		[ "$h_bin" = "$LIFTLOG" ] || h_label="asan: hostile"
		for h_case in build/hostile/*.args; do
			h_name=${h_case#build/hostile/}
			h_name=${h_name%.args}
			golden "$h_label/$h_name" "$h_bin" build/hostile "$h_name" ""
		done
	done
else
	fail "hostile: tests/hostile/gen.sh" "$tmp/why"
fi

# tap_lines PREFIX FILE STATUS NAME: count the TAP lines a helper script
# wrote to FILE, one test each, named "PREFIX: ..."; the "# " lines after a
# "not ok" are its reasons, "ok ... # SKIP why" a skipped test, and a
# non-zero STATUS of the script NAME one more failure.
tap_lines() {
	t_prefix=$1 t_file=$2 t_rc=$3 t_name=$4
	t_pending=
	while IFS= read -r t_line; do
		case $t_line in
		"ok "*" # SKIP "*)
			[ -z "$t_pending" ] || fail "$t_pending" "$tmp/why"
			t_pending=
			t_line=${t_line#* - }
			skip "$t_prefix: ${t_line%% # SKIP *}" "${t_line#* # SKIP }" ;;
		"ok "*)
			[ -z "$t_pending" ] || fail "$t_pending" "$tmp/why"
			t_pending=
			pass "$t_prefix: ${t_line#* - }" ;;
		"not ok "*)
			[ -z "$t_pending" ] || fail "$t_pending" "$tmp/why"
			t_pending="$t_prefix: ${t_line#* - }"
			: >"$tmp/why" ;;
		"# "*)
			echo "${t_line#??}" >>"$tmp/why" ;;
		esac
	done <"$t_file"
	[ -z "$t_pending" ] || fail "$t_pending" "$tmp/why"
	if [ "$t_rc" -ne 0 ]; then
		tail -n 20 "$t_file" >"$tmp/why"
		fail "$t_name exit status $t_rc" "$tmp/why"
	fi
}

# python_tap PREFIX SCRIPT: run a Python test script on liftlog and count
# its TAP lines (a missing python3 is one failure).
python_tap() {
	if ! command -v python3 >/dev/null 2>&1; then
		echo "python3 is not installed (scripts/install-deps)" >"$tmp/why"
		fail "$1: $2" "$tmp/why"
		return
	fi
	python3 "$2" "$LIFTLOG" >"$tmp/$1" 2>&1
	tap_lines "$1" "$tmp/$1" $? "$2"
}

# --- Unix filter etiquette -------------------------------------------------

echo "# etiquette: pipes, full disks, read-only journals"
e_big=build/hostile/setlines-100k.journal
# A reader that stops early ends the report quietly: a silent SIGPIPE
# (status 141 from the shell) and nothing on standard error.
if [ -f "$e_big" ]; then
	e_rc=$( { "$LIFTLOG" export -o csv --today=2026-11-25 "$e_big" \
	    2>"$tmp/err"; echo $? >"$tmp/rc"; } | head -n 1 >"$tmp/out";
	    cat "$tmp/rc")
	if [ "$e_rc" != 141 ] && [ "$e_rc" != 0 ]; then
		echo "exit status $e_rc, expected 141 (SIGPIPE) or 0" >"$tmp/why"
		fail "etiquette: export | head -1 ends quietly" "$tmp/why"
	elif [ -s "$tmp/err" ] || [ "$(cat "$tmp/out")" != \
	    "date,kind,intent,title,exercise,category,set,reps,seconds,load,unit,rpe,rir,e1rm,tonnage,note,file,line" ]; then
		{ echo "standard error:"; cat "$tmp/err"; echo "output:"; \
		    cat "$tmp/out"; } >"$tmp/why"
		fail "etiquette: export | head -1 ends quietly" "$tmp/why"
	else
		pass "etiquette: export | head -1 ends quietly"
	fi
fi
# A full disk is a failure, said once, with status 2; so is a pipe whose
# reader went away when SIGPIPE is ignored.
for e_cmd in "export -o csv" "weekly" "report"; do
	# shellcheck disable=SC2086 # e_cmd is words on purpose
	"$LIFTLOG" $e_cmd --today=2026-11-25 examples/season.journal \
	    >/dev/full 2>"$tmp/err"
	e_rc=$?
	grep -v "season.journal:74\|^2026-08-13\|^ *^" "$tmp/err" >"$tmp/err2"
	if [ -e /dev/full ] && { [ $e_rc != 2 ] || [ "$(cat "$tmp/err2")" != \
	    "liftlog: write error: No space left on device" ]; }; then
		{ echo "exit status $e_rc, standard error:"; cat "$tmp/err2"; } \
		    >"$tmp/why"
		fail "etiquette: $e_cmd >/dev/full fails with status 2" "$tmp/why"
	else
		pass "etiquette: $e_cmd >/dev/full fails with status 2"
	fi
done
# Diagnostics reach standard error, which has no buffer, in large pieces:
# written a byte at a time, the caret lines of a journal with 400,000
# warnings took 26 s (0.7 s in pieces).  Four warnings here: one write.
if command -v strace >/dev/null 2>&1; then
	strace -e trace=write -o "$tmp/strace-w" "$LIFTLOG" check \
	    --today=2000-01-01 tests/report/export-repeats.journal \
	    >/dev/null 2>"$tmp/err"
	e_writes=$(grep -c '^write(2,' "$tmp/strace-w")
	e_diags=$(grep -c ': warning: date' "$tmp/err")
	if [ "$e_diags" != 4 ] || [ "$e_writes" != 1 ]; then
		echo "$e_diags warnings in $e_writes writes (want 4 in 1)" \
		    >"$tmp/why"
		fail "etiquette: diagnostics written in one piece" "$tmp/why"
	else
		pass "etiquette: diagnostics written in one piece"
	fi
else
	echo "strace is not installed (scripts/install-deps)" >"$tmp/why"
	fail "etiquette: diagnostics written in one piece" "$tmp/why"
fi
# An import's rejected rows are said one line per row, each written in one
# piece (it took three write() calls a row before).
if command -v strace >/dev/null 2>&1; then
	(cd tests/import && strace -s 512 -e trace=write -o "$tmp/strace-i" \
	    "$LIFTLOG" import strong rejected.csv >/dev/null 2>"$tmp/err")
	e_lines=$(grep -c '^rejected.csv:[0-9]*: error: ' "$tmp/err")
	e_whole=$(grep -c '^write(2, "rejected.csv:[0-9]*: error: .*\\n", ' \
	    "$tmp/strace-i")
	e_writes=$(grep -c '^write(2,' "$tmp/strace-i")
	if [ "$e_lines" != 7 ] || [ "$e_whole" != 7 ] || [ "$e_writes" -gt 10 ]
	then
		echo "$e_lines rejected rows, $e_whole written whole, $e_writes" \
		    "writes in all (want 7, 7, at most 10)" >"$tmp/why"
		fail "etiquette: import's rejected rows written whole" "$tmp/why"
	else
		pass "etiquette: import's rejected rows written whole"
	fi
else
	echo "strace is not installed (scripts/install-deps)" >"$tmp/why"
	fail "etiquette: import's rejected rows written whole" "$tmp/why"
fi
# A journal named as a pipe (a FIFO, a shell's <(...)) can be read once:
# it is read whole, and a diagnostic shows its line from a copy.  Before,
# export read it a second time and wrote no rows, and a diagnostic's line
# waited for a writer that never came.
e_fifo="$tmp/journal.fifo"
for e_case in "export -o csv|tests/report/export-repeats.journal" \
    "sessions -o csv|tests/report/export-repeats.journal" \
    "weekly -o csv|tests/report/export-repeats.journal" \
    "check|tests/check/read-line-ends-16.journal"; do
	e_cmd=${e_case%%|*}
	e_file=${e_case#*|}
	rm -f "$e_fifo"
	if ! mkfifo "$e_fifo" 2>/dev/null; then
		skip "etiquette: $e_cmd of a journal named as a pipe" \
		    "mkfifo failed"
		continue
	fi
	# shellcheck disable=SC2086 # e_cmd is words on purpose
	"$LIFTLOG" $e_cmd --today=2026-11-25 "$e_file" >"$tmp/want" \
	    2>"$tmp/want-err"
	e_want_rc=$?
	# The writer opens the FIFO under timeout too: should liftlog never
	# open it, the wait below still ends.
	timeout 20 sh -c 'cat "$1" >"$2"' sh "$e_file" "$e_fifo" &
	# shellcheck disable=SC2086
	timeout 20 "$LIFTLOG" $e_cmd --today=2026-11-25 "$e_fifo" \
	    >"$tmp/got" 2>"$tmp/got-err"
	e_rc=$?
	wait
	sed "s|$e_fifo|$e_file|g" "$tmp/got" >"$tmp/got2"
	sed "s|$e_fifo|$e_file|g" "$tmp/got-err" >"$tmp/got-err2"
	# A report must have rows to compare; check must have its error.
	e_bad=0
	if [ "$e_cmd" = check ]; then
		[ -s "$tmp/want-err" ] || e_bad=1
	else
		[ "$(wc -l <"$tmp/want")" -ge 2 ] || e_bad=1
	fi
	if [ $e_bad = 1 ] || [ $e_rc != $e_want_rc ] ||
	    ! cmp -s "$tmp/want" "$tmp/got2" ||
	    ! cmp -s "$tmp/want-err" "$tmp/got-err2"; then
		{ echo "exit status $e_rc (read as a file: $e_want_rc)"; \
		    diff "$tmp/want" "$tmp/got2"; \
		    diff "$tmp/want-err" "$tmp/got-err2"; } >"$tmp/why"
		fail "etiquette: $e_cmd of a journal named as a pipe" "$tmp/why"
	else
		pass "etiquette: $e_cmd of a journal named as a pipe"
	fi
done
rm -f "$e_fifo"
# The rows of a CSV or TSV report wait in a spool until the journal is
# known valid, then go out by sendfile().  Where sendfile() refuses the
# output after a first 100 bytes (tests/shim/sendfile_refused.c, preloaded),
# the rest must go through a buffer from where it stopped: the same bytes.
e_shim="$root/build/shim/sendfile_refused.so"
for e_cmd in "weekly -o csv" "deload -o tsv" "progress -o csv" \
    "sessions -o csv"; do
	if [ ! -f "$e_shim" ]; then
		echo "no $e_shim (make shim)" >"$tmp/why"
		fail "etiquette: $e_cmd when sendfile() refuses" "$tmp/why"
		continue
	fi
	rm -f "$tmp/mark"
	# shellcheck disable=SC2086 # e_cmd is words on purpose
	"$LIFTLOG" $e_cmd --today=2026-11-25 examples/season.journal \
	    >"$tmp/want" 2>/dev/null
	# shellcheck disable=SC2086
	SHIM_MARK="$tmp/mark" LD_PRELOAD="$e_shim" "$LIFTLOG" $e_cmd \
	    --today=2026-11-25 examples/season.journal >"$tmp/got" 2>/dev/null
	e_rc=$?
	if [ $e_rc != 0 ] || [ "$(wc -c <"$tmp/want")" -le 100 ] ||
	    [ "$(cat "$tmp/mark" 2>/dev/null)" != refused ] ||
	    ! cmp -s "$tmp/want" "$tmp/got"; then
		{ echo "exit status $e_rc; the shim: $(cat "$tmp/mark" \
		    2>/dev/null)"; diff "$tmp/want" "$tmp/got"; } >"$tmp/why"
		fail "etiquette: $e_cmd when sendfile() refuses" "$tmp/why"
	else
		pass "etiquette: $e_cmd when sendfile() refuses"
	fi
done
# The journal is only ever opened for reading (strace shows every open).
if command -v strace >/dev/null 2>&1; then
	strace -f -e trace=open,openat,creat,truncate -o "$tmp/strace" \
	    "$LIFTLOG" report --today=2026-11-25 examples/season.journal \
	    >/dev/null 2>&1
	if grep 'journal' "$tmp/strace" | grep -q 'O_WRONLY\|O_RDWR\|creat\|truncate'; then
		grep 'journal' "$tmp/strace" >"$tmp/why"
		fail "etiquette: journals opened read-only" "$tmp/why"
	elif ! grep -q 'season.journal.*O_RDONLY' "$tmp/strace"; then
		echo "strace saw no open of the journal" >"$tmp/why"
		fail "etiquette: journals opened read-only" "$tmp/why"
	else
		pass "etiquette: journals opened read-only"
	fi
else
	echo "strace is not installed (scripts/install-deps)" >"$tmp/why"
	fail "etiquette: journals opened read-only" "$tmp/why"
fi

# --- CSV read back ---------------------------------------------------------

# tests/csv/readback.py reads every report's CSV and TSV back with Python's
# csv module and checks them against the contract's column lists; its TAP
# lines are counted here one by one.
echo "# CSV and TSV read back with a real CSV parser"
python_tap csv tests/csv/readback.py

# --- SVG charts ------------------------------------------------------------

# tests/svg/check.py parses every chart of -o svg as XML and counts what it
# plots against the CSV of the same report; its TAP lines are counted here.
echo "# SVG charts read back as XML against the CSV"
python_tap svg tests/svg/check.py

# --- editors, shells and examples ----------------------------------------

# tests/editors/run.sh checks the Vim, Emacs, bash and zsh support and
# examples/import-check-report.sh; an editor or shell that is not
# installed gives skipped tests.  Its TAP lines are counted here one by one.
echo "# editors, shells and examples (tests/editors/run.sh)"
sh tests/editors/run.sh "$LIFTLOG" >"$tmp/editors" 2>&1
tap_lines editors "$tmp/editors" $? tests/editors/run.sh

# --- fuzzing smoke run -----------------------------------------------------

# `make fuzz` built the libFuzzer harness (tests/fuzz/fuzz_journal.c) and
# its seed corpus; a short run must end without a crash, a leak, a
# sanitizer report or a timeout.  FUZZ_SECONDS=0 leaves it out.
FUZZ_SECONDS=${FUZZ_SECONDS-60}
if [ "$FUZZ_SECONDS" -gt 0 ]; then
	echo "# fuzzing: $FUZZ_SECONDS s smoke run (make fuzz-long for hours)"
	if [ ! -x build/fuzz/fuzz_journal ]; then
		echo "build/fuzz/fuzz_journal did not build (make fuzz)" >"$tmp/why"
		fail "fuzz: smoke run" "$tmp/why"
	elif ASAN_OPTIONS=detect_leaks=1 build/fuzz/fuzz_journal \
	    -dict=tests/fuzz/journal.dict -max_len=4096 -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix="$tmp/" \
	    -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 \
	    build/fuzz/corpus >"$tmp/fuzz" 2>&1; then
		f_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/fuzz")
		pass "fuzz: $FUZZ_SECONDS s, ${f_runs:-?} executions, no crash"
	else
		grep -v '^#\|^INFO\|^\[' "$tmp/fuzz" | tail -n 40 >"$tmp/why"
		for f_art in "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-* \
		    "$tmp"/oom-*; do
			[ -f "$f_art" ] || continue
			mkdir -p build/fuzz/found
			cp "$f_art" build/fuzz/found/
			echo "input kept in build/fuzz/found/$(basename "$f_art")" \
			    >>"$tmp/why"
		done
		fail "fuzz: smoke run" "$tmp/why"
	fi
fi

# build/fuzz/fuzz_import (tests/fuzz/fuzz_import.c) feeds arbitrary bytes to
# `liftlog import` for each app and aborts when the journal written does not
# pass check; FUZZ_IMPORT_SECONDS (default 30; 0 leaves it out).
FUZZ_IMPORT_SECONDS=${FUZZ_IMPORT_SECONDS-30}
if [ "$FUZZ_SECONDS" -gt 0 ] && [ "$FUZZ_IMPORT_SECONDS" -gt 0 ]; then
	echo "# fuzzing import: $FUZZ_IMPORT_SECONDS s smoke run"
	if [ ! -x build/fuzz/fuzz_import ]; then
		echo "build/fuzz/fuzz_import did not build (make fuzz)" >"$tmp/why"
		fail "fuzz: import smoke run" "$tmp/why"
	elif ASAN_OPTIONS=detect_leaks=1 build/fuzz/fuzz_import \
	    -dict=tests/fuzz/import.dict -max_len=4096 -timeout=10 \
	    -rss_limit_mb=2048 -artifact_prefix="$tmp/" \
	    -max_total_time="$FUZZ_IMPORT_SECONDS" -print_final_stats=1 \
	    build/fuzz/import-corpus >"$tmp/fuzz" 2>&1; then
		f_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/fuzz")
		pass "fuzz: import $FUZZ_IMPORT_SECONDS s, ${f_runs:-?} executions, no crash"
	else
		grep -v '^#\|^INFO\|^\[' "$tmp/fuzz" | tail -n 40 >"$tmp/why"
		for f_art in "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-* \
		    "$tmp"/oom-*; do
			[ -f "$f_art" ] || continue
			mkdir -p build/fuzz/found
			cp "$f_art" build/fuzz/found/
			echo "input kept in build/fuzz/found/$(basename "$f_art")" \
			    >>"$tmp/why"
		done
		fail "fuzz: import smoke run" "$tmp/why"
	fi
fi

# --- man pages ------------------------------------------------------------

echo "# man pages (mandoc -T lint -W warning)"
for m_page in man/*.[1-9]; do
	[ -e "$m_page" ] || continue
	if ! command -v mandoc >/dev/null 2>&1; then
		echo "mandoc is not installed (scripts/install-deps)" >"$tmp/why"
		fail "man: $m_page" "$tmp/why"
	elif mandoc -T lint -W warning "$m_page" >"$tmp/why" 2>&1; then
		pass "man: $m_page"
	else
		fail "man: $m_page" "$tmp/why"
	fi
done

# --- 4. conformance -------------------------------------------------------

# due CASE: is the conformance case due now?
due() {
	set -f
	for d_pat in $CONFORMANCE_DUE; do
		# shellcheck disable=SC2254 # d_pat is a pattern on purpose
		case $1 in
		$d_pat) set +f; return 0 ;;
		esac
	done
	set +f
	return 1
}

# The case names tests/conformance/run.sh gives, in its order.
conformance_cases() {
	c_each=
	while read -r c_name c_date; do
		case $c_name in
		'' | '#'*) continue ;;
		each) c_each=$c_date; continue ;;
		esac
		for c_report in weekly progress progress-by-week deload export \
		    sessions check; do
			echo "$c_name.$c_report"
		done
	done <tests/conformance/today.txt
	if [ -n "$c_each" ]; then
		echo each.weekly
		echo each.sessions
	fi
	for c_file in tests/conformance/bad/*.journal; do
		[ -e "$c_file" ] || continue
		c_file=${c_file#tests/conformance/}
		echo "${c_file%.journal}"
	done
}

# conformance_block CASE: run.sh's FAIL line for CASE and its indented lines
conformance_block() {
	awk -v c="FAIL $1: " '
		/^FAIL / { on = index($0, c) == 1 }
		!/^FAIL / && !/^    / { on = 0 }
		on' "$tmp/conf"
}

echo "# conformance (due now: $CONFORMANCE_DUE)"
sh tests/conformance/run.sh "$LIFTLOG" >"$tmp/conf" 2>&1
c_rc=$?
c_summary=$(tail -n 1 "$tmp/conf")
c_pass=${c_summary%% passed, *}
c_fail=${c_summary#* passed, }
c_fail=${c_fail% failed}
case $c_pass$c_fail in
'' | *[!0-9]*)
	echo "tests/conformance/run.sh stopped with status $c_rc:" >"$tmp/why"
	cat "$tmp/conf" >>"$tmp/why"
	fail "conformance: run.sh" "$tmp/why"
	;;
*)
	conformance_cases >"$tmp/cases"
	sed -n 's/^FAIL \([^:]*\): .*/\1/p' "$tmp/conf" >"$tmp/failed"
	if [ "$(wc -l <"$tmp/cases")" -ne $((c_pass + c_fail)) ]; then
		{
			echo "run.sh ran $((c_pass + c_fail)) cases;" \
			    "tests/run.sh knows $(wc -l <"$tmp/cases")" \
			    "(update conformance_cases in tests/run.sh)"
			cat "$tmp/conf"
		} >"$tmp/why"
		fail "conformance: case list" "$tmp/why"
	fi
	while read -r c_case; do
		if grep -Fqx "$c_case" "$tmp/cases"; then
			continue
		fi
		conformance_block "$c_case" >"$tmp/why"
		fail "conformance: $c_case (a case tests/run.sh does not know)" \
		    "$tmp/why"
	done <"$tmp/failed"
	while read -r c_case; do
		if ! grep -Fqx "$c_case" "$tmp/failed"; then
			pass "conformance: $c_case"
			continue
		fi
		conformance_block "$c_case" >"$tmp/why"
		if due "$c_case"; then
			fail "conformance: $c_case" "$tmp/why"
		else
			c_reason=$(sed -n "1s/^FAIL [^:]*: //p" "$tmp/why")
			skip "conformance: $c_case" "not due yet ($c_reason)"
		fi
	done <"$tmp/cases"
	;;
esac

echo "1..$n"
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
