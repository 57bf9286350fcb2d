#!/bin/sh
# import-check-report.sh -- turn an app's CSV export into a new liftlog
# journal, check it, and print the nightly digest of it, in one go.
#
# usage: import-check-report.sh [-f] [-u kg|lb] [-i hard|easy] APP EXPORT JOURNAL
#
#   APP      strong, hevy or fitnotes: the app that wrote EXPORT
#   EXPORT   its CSV export (- for standard input)
#   JOURNAL  the journal file to create
#   -f       replace JOURNAL when it exists (without -f, an existing
#            JOURNAL is left alone and nothing is done)
#   -u UNIT  the unit of an export that states none (liftlog import --unit)
#   -i WHEN  the intent of every imported session (liftlog import --intent);
#            without it, `liftlog check` warns that intents are missing
#
# JOURNAL is written only when `liftlog import` succeeds (through a
# temporary file beside it); rows the importer rejects are named on
# standard error and make the exit status 1, but the rest is kept.
# Exit status: 0 done, 1 rejected rows or a journal with errors (no
# digest then), 2 a usage error or a failed import.  LIFTLOG names
# another liftlog binary.

set -eu

prog=${0##*/}
liftlog=${LIFTLOG:-liftlog}

usage_text() {
	echo "usage: $prog [-f] [-u kg|lb] [-i hard|easy] APP EXPORT JOURNAL"
	echo "  APP is strong, hevy or fitnotes; JOURNAL is created" \
	    "(-f: replaced if it exists)"
}

usage() {
	usage_text >&2
	exit 2
}

force=0
unit=
intent=
while getopts fu:i:h opt; do
	case $opt in
	f) force=1 ;;
	u) unit=$OPTARG ;;
	i) intent=$OPTARG ;;
	h) usage_text; exit 0 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 3 ] || usage
app=$1 csv=$2 journal=$3

case $app in
strong | hevy | fitnotes) ;;
*) echo "$prog: unknown app \"$app\" (expected strong, hevy or fitnotes)" >&2
   exit 2 ;;
esac
if [ "$csv" != - ] && [ ! -r "$csv" ]; then
	echo "$prog: cannot read $csv" >&2
	exit 2
fi
if [ -e "$journal" ] && [ "$force" -eq 0 ]; then
	echo "$prog: $journal exists; not replacing it (-f replaces it)" >&2
	exit 2
fi

# Import into a temporary file beside the journal, so that a failed import
# leaves nothing behind, and a replaced journal is replaced whole (mv).
case $journal in
*/*) dir=${journal%/*} ;;
*) dir=. ;;
esac
tmp=$dir/.${journal##*/}.import.$$
trap 'rm -f "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

set -- import "$app"
[ -z "$unit" ] || set -- "$@" "--unit=$unit"
[ -z "$intent" ] || set -- "$@" "--intent=$intent"
[ "$csv" = - ] || set -- "$@" "$csv"
status=0
(set -C; "$liftlog" "$@" >"$tmp") || status=$?
case $status in
0) ;;
1) echo "$prog: some rows were rejected (named above); the others are" \
       "imported" >&2 ;;
*) echo "$prog: liftlog import failed; $journal not written" >&2
   exit 2 ;;
esac

if [ "$force" -eq 1 ]; then
	mv -f "$tmp" "$journal"
else
	# noclobber: fails rather than overwrite a journal made meanwhile
	if ! (set -C; cat "$tmp" >"$journal") 2>/dev/null; then
		echo "$prog: $journal appeared meanwhile; not replacing it" >&2
		exit 2
	fi
fi
echo "$prog: wrote $journal" >&2

# Warnings (such as missing intents) are printed and let the digest run;
# errors stop here: a wrong number is worse than none.
if ! "$liftlog" check "$journal"; then
	echo "$prog: $journal has errors (above); no digest" >&2
	exit 1
fi
# check has shown the warnings already: report would repeat them.
if ! "$liftlog" report --color=never "$journal" 2>/dev/null; then
	echo "$prog: liftlog report failed" >&2
	exit 2
fi
exit "$status"
