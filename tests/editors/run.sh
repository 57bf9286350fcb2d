#!/bin/sh
# run.sh -- tests of the editor and shell support (editors/, completion/)
# and of examples/import-check-report.sh; prints TAP lines, each failure
# followed by its reasons as "# " lines, a tool that is not installed as
# "# SKIP".  tests/run.sh counts them.
#
# Usage: sh tests/editors/run.sh [LIFTLOG]     (from anywhere)
#
#   bash completion: commands, options, option values, exercise names of
#     examples/season.journal (spaces, commas, accents, aliases) and of
#     $LIFTLOG_FILE, read even when the journal has errors;
#   zsh completion: compinit loads _liftlog, whose exercise names are the
#     same as bash's;
#   Vim: filetype detection, and `:make` filling the quickfix list from a
#     real `liftlog check` (file, line, column in bytes, type);
#   Emacs: liftlog-mode.el byte-compiles without a warning, and
#     `liftlog-check' finds each diagnostic's file, line, column and type;
#   import-check-report.sh with a stand-in `liftlog import`;
#   and the shell scripts must pass ShellCheck.

set -u
LC_ALL=C
TZ=UTC
export LC_ALL TZ
cd "$(dirname "$0")/../.." || exit 2
root=$(pwd)
LIFTLOG=${1:-$root/liftlog}
case $LIFTLOG in /*) ;; *) LIFTLOG=$root/$LIFTLOG ;; esac
export LIFTLOG_TODAY=2026-11-25
unset LIFTLOG_FILE

tmp=$(mktemp -d "${TMPDIR:-/tmp}/liftlog-editors.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# not_ok NAME FILE: a failure, FILE's lines as the reasons
not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	sed 's/^/# /' "$2"
}
# expect NAME WANT GOT: GOT and WANT (files) must be the same
expect() {
	if diff -u "$2" "$3" >"$tmp/diff" 2>&1; then
		ok "$1"
	else
		not_ok "$1" "$tmp/diff"
	fi
}
have() { command -v "$1" >/dev/null 2>&1; }

# A journal with an error (no report from it: the names come from its
# `exercise` and `alias` lines) and a multibyte name before an error.
cat >"$tmp/bad.liftlog" <<'EOF'
unit kg
exercise Agachamento Búlgaro accessory   ; rear foot on a bench
exercise "Farmer's \"Walk\"" core
alias ab = Agachamento Búlgaro

2026-11-23 lift hard
    Agachamento Búlgaro 3x8 @ 20 rpe 11
	deadlfit 3x3 @ 140
EOF

# --- bash completion ---------------------------------------------------

# complete.bash WORD...: the completions of the last WORD, one a line
cat >"$tmp/complete.bash" <<'EOF'
. completion/liftlog.bash
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
COMPREPLY=()
_liftlog liftlog "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
[ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}"
EOF

# bash_case NAME EXPECTED WORD...: the completions of the last WORD
bash_case() {
	b_name=$1
	printf '%s' "$2" >"$tmp/want"
	[ -z "$2" ] || echo >>"$tmp/want"
	shift 2
	bash "$tmp/complete.bash" "$@" 2>"$tmp/err" | sort >"$tmp/got"
	cat "$tmp/err" >>"$tmp/got"
	expect "bash completion: $b_name" "$tmp/want" "$tmp/got"
}

if ! have bash; then
	skip "bash completion" "bash is not installed"
else
	bash_case "commands" 'check
deload
dump
export
import
print
progress
report
sessions
weekly' "$LIFTLOG" ''
	bash_case "a command by its start" 'weekly' "$LIFTLOG" we
	bash_case "options" '--each
--end=
--exercise=' "$LIFTLOG" weekly --e
	bash_case "--color=" 'always
auto
never' "$LIFTLOG" --color = ''
	bash_case "-o VALUE" 'csv
svg
text
tsv' "$LIFTLOG" progress -o ''
	bash_case "-oc" '-ocsv' "$LIFTLOG" -oc
	bash_case "--by=" 'week' "$LIFTLOG" progress --by = ''
	bash_case "the apps of import" 'fitnotes
hevy
strong' "$LIFTLOG" import ''
	bash_case "import's options" '--unit=' "$LIFTLOG" import strong --u
	bash_case "--intent=" 'easy
hard' "$LIFTLOG" import --intent = ''
	bash_case "no import options elsewhere" '' "$LIFTLOG" weekly --u
	bash_case "exercise names of the journal" 'Agachamento Búlgaro
Back Squat
Bench Press
Calf Raise, Single-Leg
Chin-Up
Deadlift
Nordic Curl
Plank
Romanian Deadlift
bss
rdl' "$LIFTLOG" progress examples/season.journal -x ''
	bash_case "an exercise by its start" 'Calf Raise, Single-Leg' \
	    "$LIFTLOG" progress examples/season.journal -x Ca
	bash_case "an exercise after an escaped space" 'Back Squat' \
	    "$LIFTLOG" progress examples/season.journal -x 'Back\ S'
	bash_case "an exercise inside a quote" 'Back Squat' \
	    "$LIFTLOG" weekly examples/season.journal -x "'Back S"
	bash_case "--exercise=" 'Agachamento Búlgaro' \
	    "$LIFTLOG" progress examples/season.journal --exercise = A
	bash_case "-xB" '-xBack Squat
-xBench Press' "$LIFTLOG" progress examples/season.journal -xB
	# The file may come after the cursor too.
	printf '%s\n' 'Back Squat' 'Bench Press' >"$tmp/want"
	bash -c '. completion/liftlog.bash
	    COMP_WORDS=("$1" progress -x B examples/season.journal)
	    COMP_CWORD=3; _liftlog; printf "%s\n" "${COMPREPLY[@]}"' \
	    sh "$LIFTLOG" 2>&1 | sort >"$tmp/got"
	expect "bash completion: a journal after the cursor" \
	    "$tmp/want" "$tmp/got"
	LIFTLOG_FILE=$tmp/bad.liftlog bash_case \
	    "names from \$LIFTLOG_FILE with errors in it" 'Agachamento Búlgaro
Farmer'\''s "Walk"
ab' "$LIFTLOG" weekly -x ''
fi

# --- zsh completion ----------------------------------------------------

if ! have zsh; then
	skip "zsh completion: loads" "zsh is not installed"
else
	# compinit finds _liftlog in $fpath; the file's functions (all but its
	# last line, the call) give the same exercise names as bash's.
	HOME=$tmp zsh -fc 'fpath=(completion $fpath)
	    autoload -U compinit && compinit -u -d "$HOME/zcompdump" &&
	    [[ $_comps[liftlog] == _liftlog ]] || { echo "not registered"; exit 1; }
	    eval "$(sed "\$d" completion/_liftlog)" || exit 1
	    _liftlog_exercise_names "$1" examples/season.journal |
	        sort -u' zsh "$LIFTLOG" >"$tmp/got" 2>&1
	if have bash; then
		bash -c '. completion/liftlog.bash
		    _liftlog_exercises "$1" examples/season.journal | sort -u' \
		    sh "$LIFTLOG" >"$tmp/want" 2>&1
	else
		cp "$tmp/got" "$tmp/want"
	fi
	expect "zsh completion: loads, names as bash's" "$tmp/want" "$tmp/got"
fi

# --- completion typed into a terminal ------------------------------------

# typein NAME SHELL SETUP KEYS WANT...: tests/editors/typein.py types KEYS
# into SHELL on a pseudo-terminal; every WANT must then be on the screen.
typein() {
	t_name=$1
	shift
	if ! have python3; then
		skip "$t_name" "python3 is not installed"
	elif ! have "$1"; then
		skip "$t_name" "$1 is not installed"
	elif PATH=$(dirname "$LIFTLOG"):$PATH LC_ALL=C.UTF-8 HOME=$tmp \
	    python3 tests/editors/typein.py "$@" >"$tmp/why" 2>&1; then
		ok "$t_name"
	else
		not_ok "$t_name" "$tmp/why"
	fi
}
t_bash='. completion/liftlog.bash'
# shellcheck disable=SC2016 # for zsh to expand
t_zsh='fpath=(completion $fpath); autoload -U compinit; compinit -u -D'
typein "bash: TAB escapes a name" bash "$t_bash" \
    'liftlog progress examples/season.journal -x Ag\t' \
    '-x Agachamento\ Búlgaro '
typein "bash: TAB completes inside a quote" bash "$t_bash" \
    "liftlog weekly examples/season.journal -x 'Calf\\t" \
    "-x 'Calf Raise, Single-Leg' "
typein "zsh: TAB escapes a name" zsh "$t_zsh" \
    'liftlog progress examples/season.journal -x Ag\t' \
    '-x Agachamento\ Búlgaro '
typein "zsh: TAB lists the apps of import" zsh "$t_zsh" \
    'liftlog import \t' fitnotes hevy strong
typein "zsh: TAB after the command offers options" zsh "$t_zsh" \
    'liftlog progress --col\t' 'progress --color='

# --- Vim -----------------------------------------------------------------

if ! have vim; then
	skip "vim: filetype detection" "vim is not installed"
	skip "vim: :make fills the quickfix list" "vim is not installed"
else
	# vim_run FILE EX-COMMAND...: vim on FILE with editors/vim, no vimrc
	vim_run() {
		v_file=$1
		shift
		PATH=$(dirname "$LIFTLOG"):$PATH vim -Es -N -u NONE -i NONE \
		    --cmd 'set encoding=utf-8' --cmd "set rtp^=$root/editors/vim" \
		    --cmd 'filetype plugin on' --cmd 'syntax on' \
		    --cmd 'set modeline' "$@" -c 'qa!' "$v_file" \
		    >/dev/null 2>&1 </dev/null
	}
	# shellcheck disable=SC2016 # a ledger amount, not a variable
	printf '2026-01-05 Grocery store\n    expenses:food  $20\n    assets:cash\n' \
	    >"$tmp/ledger.journal"
	printf '; my notes\n; vim: ft=liftlog\n' >"$tmp/notes.txt"
	cp "$tmp/bad.liftlog" "$tmp/bad.lift"
	cat >"$tmp/ft.vim" <<EOF
call writefile([expand('%:t') . ' ' . &ft . ' '
      \\ . get(b:, 'current_syntax', '-')], '$tmp/got', 'a')
EOF
	: >"$tmp/got"
	for v_f in examples/season.journal examples/season-travel.journal \
	    "$tmp/ledger.journal" "$tmp/notes.txt" "$tmp/bad.lift"; do
		vim_run "$v_f" -S "$tmp/ft.vim"
	done
	cat >"$tmp/want" <<'EOF'
season.journal liftlog liftlog
season-travel.journal liftlog liftlog
ledger.journal ledger -
notes.txt liftlog liftlog
bad.lift liftlog liftlog
EOF
	expect "vim: filetype detection" "$tmp/want" "$tmp/got"

	# :make on the journal; liftlog counts columns in characters, the
	# quickfix list in bytes: "Búlgaro" moves the error one byte right.
	cat >"$tmp/qf.vim" <<EOF
silent make
let s:out = []
for s:e in getqflist()
  call add(s:out, printf('%s:%d:%d:%s:%d: %s', bufname(s:e.bufnr),
        \\ s:e.lnum, s:e.col, s:e.type, s:e.valid, s:e.text))
endfor
call writefile(s:out + [&makeprg], '$tmp/got')
EOF
	rm -f "$tmp/got"
	(cd "$tmp" && vim_run bad.liftlog -S "$tmp/qf.vim")
	cat >"$tmp/want" <<'EOF'
bad.liftlog:7:39:e:1: rpe "11" is out of range (5-10 in steps of 0.5)
bad.liftlog:8:2:w:1: exercise "deadlfit" not declared
liftlog check %:S
EOF
	expect "vim: :make fills the quickfix list" "$tmp/want" "$tmp/got"
fi

# --- Emacs ---------------------------------------------------------------

if ! have emacs; then
	skip "emacs: byte-compiles without warnings" "emacs is not installed"
	skip "emacs: liftlog-check finds the diagnostics" \
	    "emacs is not installed"
else
	cp editors/emacs/liftlog-mode.el "$tmp/"
	if emacs --batch -Q --eval '(setq byte-compile-error-on-warn t)' \
	    -f batch-byte-compile "$tmp/liftlog-mode.el" >"$tmp/why" 2>&1 &&
	    [ ! -s "$tmp/why" ]; then
		ok "emacs: byte-compiles without warnings"
	else
		not_ok "emacs: byte-compiles without warnings" "$tmp/why"
	fi
	cat >"$tmp/check.el" <<'EOF'
(require 'liftlog-mode)
(find-file "bad.liftlog")
(princ (format "%s %s\n" major-mode compile-command))
(with-current-buffer (liftlog-check (liftlog--check-command))
  (while (get-buffer-process (current-buffer))
    (accept-process-output nil 0.1))
  (compilation--ensure-parse (point-max))
  (goto-char (point-min))
  (let (m)
    (while (setq m (next-single-property-change (point) 'compilation-message))
      (goto-char m)
      (let* ((msg (get-text-property m 'compilation-message))
             (loc (and msg (compilation--message->loc msg))))
        (when loc
          (princ (format "%s:%s:%s type %s\n"
                         (caar (compilation--loc->file-struct loc))
                         (compilation--loc->line loc)
                         (compilation--loc->col loc)
                         (compilation--message->type msg)))))
      (forward-line 1))))
EOF
	(cd "$tmp" && PATH=$(dirname "$LIFTLOG"):$PATH emacs --batch -Q \
	    -L "$tmp" -l "$tmp/check.el" 2>/dev/null) >"$tmp/got"
	cat >"$tmp/want" <<'EOF'
liftlog-mode liftlog check bad.liftlog
bad.liftlog:7:38 type 2
bad.liftlog:8:2 type 1
EOF
	expect "emacs: liftlog-check finds the diagnostics" "$tmp/want" \
	    "$tmp/got"
fi

# --- examples/import-check-report.sh ------------------------------------

# A stand-in liftlog: `import` writes a canned journal (with an error when
# STUB_BAD is set) and exits with STUB_STATUS; the rest is the real one.
cat >"$tmp/liftlog" <<EOF
#!/bin/sh
if [ "\$1" = import ]; then
	echo "import \$*" >>"$tmp/import-args"
	printf 'unit kg\n\n2026-11-02 lift hard "Morning" 1h\n    back squat 3x5 @ 100\n'
	[ -z "\${STUB_BAD-}" ] || printf '    back squat 3x500 @ 100\n'
	exit "\${STUB_STATUS:-0}"
fi
exec "$LIFTLOG" "\$@"
EOF
chmod +x "$tmp/liftlog"
icr() {
	(cd "$tmp" && LIFTLOG=$tmp/liftlog sh "$root/examples/import-check-report.sh" "$@")
}
echo 'Date,Workout Name' >"$tmp/export.csv"
: >"$tmp/import-args"
icr -u lb -i hard strong export.csv new.journal >"$tmp/out" 2>"$tmp/err"
i_rc=$?
if [ $i_rc -ne 0 ] || ! grep -q '^Weekly: the last 4 weeks' "$tmp/out" ||
    [ "$(cat "$tmp/import-args")" != \
    "import import strong --unit=lb --intent=hard export.csv" ] ||
    ! grep -q '^2026-11-02 lift hard' "$tmp/new.journal"; then
	{ echo "exit status $i_rc"; cat "$tmp/err" "$tmp/out" \
	    "$tmp/import-args"; } >"$tmp/why"
	not_ok "import-check-report.sh: imports, checks, reports" "$tmp/why"
else
	ok "import-check-report.sh: imports, checks, reports"
fi
echo 'my journal' >"$tmp/mine.journal"
icr strong export.csv mine.journal >"$tmp/out" 2>"$tmp/err"
i_rc=$?
if [ $i_rc -ne 2 ] || [ "$(cat "$tmp/mine.journal")" != 'my journal' ]; then
	{ echo "exit status $i_rc"; cat "$tmp/err"; } >"$tmp/why"
	not_ok "import-check-report.sh: never replaces a journal unasked" \
	    "$tmp/why"
else
	ok "import-check-report.sh: never replaces a journal unasked"
fi
STUB_STATUS=2 icr -f strong export.csv mine.journal >"$tmp/out" 2>"$tmp/err"
i_rc=$?
if [ $i_rc -ne 2 ] || [ "$(cat "$tmp/mine.journal")" != 'my journal' ] ||
    [ -n "$(find "$tmp" -name '.*.import.*')" ]; then
	{ echo "exit status $i_rc"; cat "$tmp/err"; ls -a "$tmp"; } >"$tmp/why"
	not_ok "import-check-report.sh: a failed import leaves all as it was" \
	    "$tmp/why"
else
	ok "import-check-report.sh: a failed import leaves all as it was"
fi
STUB_BAD=1 icr -f hevy export.csv mine.journal >"$tmp/out" 2>"$tmp/err"
i_rc=$?
if [ $i_rc -ne 1 ] || [ -s "$tmp/out" ] ||
    ! grep -q 'mine.journal:5:18: error' "$tmp/err"; then
	{ echo "exit status $i_rc"; cat "$tmp/err" "$tmp/out"; } >"$tmp/why"
	not_ok "import-check-report.sh: -f replaces; errors: no report" \
	    "$tmp/why"
else
	ok "import-check-report.sh: -f replaces; errors: no report"
fi

# --- shellcheck ----------------------------------------------------------

if ! have shellcheck; then
	skip "shellcheck" "shellcheck is not installed"
else
	for s_file in completion/liftlog.bash examples/import-check-report.sh \
	    tests/editors/run.sh; do
		s_shell="sh"
		[ "$s_file" != completion/liftlog.bash ] || s_shell=bash
		if shellcheck -s "$s_shell" "$s_file" >"$tmp/why" 2>&1; then
			ok "shellcheck: $s_file"
		else
			not_ok "shellcheck: $s_file" "$tmp/why"
		fi
	done
fi

echo "1..$n"
