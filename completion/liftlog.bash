# liftlog.bash -- bash completion for liftlog(1): commands, options, their
# values, files, and the exercise names of the journal for -x/--exercise.
#
# Installed by `make install` as
#   $(PREFIX)/share/bash-completion/completions/liftlog
# where the bash-completion package loads it on demand; without that
# package, source this file from ~/.bashrc.  Needs bash 4.
#
# The exercise names come from the journal named on the command line (its
# FILE arguments, else $LIFTLOG_FILE): the `exercise` and `alias` lines
# (read even while the journal has errors) and, when the journal is valid,
# every exercise `liftlog progress -o tsv` lists, declared or not.  Names
# with spaces or quotes are completed escaped (Back\ Squat), or inside the
# quote you opened ('Back Squat').

# _liftlog_declared FILE...: the names in the `exercise` and `alias` lines,
# one per line (a quoted name unescaped; the category word and an inline
# comment left out).  The same awk program is in _liftlog (zsh).
_liftlog_declared()
{
	awk '
	# unquote S: S starts with a double quote; its content, unescaped
	function unquote(s,    r, i, c) {
		r = ""
		for (i = 2; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c == "\\") {
				i++
				r = r substr(s, i, 1)
			} else if (c == "\"") {
				return r
			} else {
				r = r c
			}
		}
		return ""
	}
	# name S: the exercise name S starts with, up to a comment or END
	function name(s, end) {
		if (substr(s, 1, 1) == "\"")
			return unquote(s)
		sub(/[ \t]+[;#].*$/, "", s)
		sub(end, "", s)
		sub(/[ \t]+$/, "", s)
		return s
	}
	{ sub(/\r$/, "") }
	/^exercise[ \t]/ {
		s = $0
		sub(/^exercise[ \t]+/, "", s)
		n = name(s, "[ \t]+(core|accessory)[ \t]*([;#].*)?$")
		if (n != "")
			print n
	}
	/^alias[ \t].*=/ {
		s = $0
		sub(/^alias[ \t]+/, "", s)
		n = name(s, "[ \t]*=.*$")
		if (n != "")
			print n
	}' "$@" 2>/dev/null
}

# _liftlog_exercises LIFTLOG FILE...: every exercise name of the journal
_liftlog_exercises()
{
	local prog=$1 f
	shift
	[[ $# -gt 0 ]] || return 0
	_liftlog_declared "$@"
	if type -P "$prog" >/dev/null 2>&1; then
		# Read as one journal, as liftlog will; when that fails (errors,
		# or files that are journals of their own), one by one.
		{
			"$prog" progress -o tsv --color=never -- "$@" ||
			    for f; do
				"$prog" progress -o tsv --color=never -- "$f"
			    done
		} 2>/dev/null </dev/null | awk -F '\t' '
			$1 == "exercise" { next }
			# the CSV/TSV guard against spreadsheet formulas
			/^'\''[-=+@]/ { $1 = substr($1, 2) }
			$1 != "" { print $1 }'
	fi
}

# _liftlog_unquote WORD: WORD as the shell will pass it (a leading quote
# and backslashes removed; ~/ expanded), for a file name or a prefix
_liftlog_unquote()
{
	local s=$1
	case $s in
	\'*) s=${s#\'}; s=${s%\'} ;;
	\"*) s=${s#\"}; s=${s%\"}; s=${s//\\\\/\\} ;;
	*) s=${s//\\\\/$'\001'}; s=${s//\\/}; s=${s//$'\001'/\\} ;;
	esac
	[[ ${s:0:1} == "~" && ${s:1:1} == / ]] && s=$HOME/${s:2}
	printf '%s' "$s"
}

_liftlog()
{
	local commands='check progress weekly deload report export sessions
	    import print dump'
	local opts='-o --output= -b --begin= -e --end= --today= -x --exercise=
	    --by= --each --strict --color= -h --help --version'
	local -a w=() files=()
	local i t n cw=0 cur prev cmd="" app="" rest=0 want="" word

	# Join what COMP_WORDBREAKS split: --color = al is --color=al.
	for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
		t=${COMP_WORDS[i]}
		n=$((${#w[@]} - 1))
		if ((n > 0)) && [[ $t == = && ${w[n]} == --[!=]* &&
		    ${w[n]} != *=* ]]; then
			w[n]+=$t
		elif ((n > 0)) && [[ ${w[n]} == --*= && $t != = &&
		    ${COMP_WORDS[i - 1]} == = ]]; then
			w[n]+=$t
		else
			w+=("$t")
		fi
		((i == COMP_CWORD)) && cw=$((${#w[@]} - 1))
	done
	cur=${w[cw]}
	prev=
	((cw > 0)) && prev=${w[cw - 1]}

	# The command, the app of import and the files, from every word but
	# the one being completed; the state at the cursor is kept apart.
	local c_want="" c_rest=0 c_cmd="" c_app=""
	for ((i = 1; i < ${#w[@]}; i++)); do
		word=${w[i]}
		if ((i == cw)); then
			c_want=$want c_rest=$rest c_cmd=$cmd c_app=$app
			if [[ -n $want ]]; then
				want=""
			elif ((rest == 1)) || [[ $word != -?* ]]; then
				# this word takes the place of the command or app
				if [[ -z $cmd ]]; then
					cmd=$word
				elif [[ $cmd == import && -z $app ]]; then
					app=$word
				fi
			fi
			continue
		fi
		if ((rest == 0)) && [[ -n $want ]]; then
			want=""
			continue
		fi
		if ((rest == 0)); then
			case $word in
			--) rest=1; continue ;;
			-o | -b | -e | -x | --output | --begin | --end | \
			    --today | --exercise | --by | --color | --unit | \
			    --intent)
				want=$word
				continue ;;
			-?*) continue ;;
			esac
		fi
		if [[ -z $cmd ]]; then
			cmd=$word
		elif [[ $cmd == import && -z $app ]]; then
			app=$word
		elif [[ $word != - ]]; then
			files+=("$(_liftlog_unquote "$word")")
		fi
	done
	want=$c_want rest=$c_rest
	[[ $cmd == import ]] &&
	    opts+=' --unit= --intent='

	# The option whose value is being completed, and the value so far.
	local opt="" val=$cur
	if ((rest == 0)); then
		if [[ $cur == --*=* ]]; then
			opt=${cur%%=*}
			val=${cur#*=}
		elif [[ -n $want ]]; then
			opt=$prev
		elif [[ $cur == -[obex]?* ]]; then
			# -ocsv: the value is attached to a short option
			opt=${cur:0:2}
			val=${cur:2}
		fi
	fi

	COMPREPLY=()
	case $opt in
	-o | --output) t='text csv tsv svg' ;;
	--by) t=week ;;
	--color) t='auto always never' ;;
	--unit) t='kg lb' ;;
	--intent) t='hard easy' ;;
	-b | --begin | -e | --end | --today) t=$(date +%Y-%m-%d) ;;
	-x | --exercise)
		((${#files[@]} > 0)) || [[ -z ${LIFTLOG_FILE-} ]] ||
		    files=("$LIFTLOG_FILE")
		local prefix names
		prefix=$(_liftlog_unquote "$val")
		names=$(_liftlog_exercises "${w[0]}" "${files[@]}" | sort -u)
		# Let readline quote the names (spaces, quotes) as it quotes
		# file names: escaped, or inside a quote already opened.
		compopt -o filenames 2>/dev/null
		while IFS= read -r t; do
			[[ -n $t && $t == "$prefix"* ]] || continue
			# -xBack: the names follow the attached option
			[[ $cur == -x?* ]] && t=-x$t
			COMPREPLY+=("$t")
		done <<<"$names"
		return 0 ;;
	'') ;;
	*) return 0 ;;
	esac
	if [[ -n $opt ]]; then
		# -ocsv: keep the attached option in front of each value
		t=$(compgen -W "$t" -- "$val")
		[[ $cur == -[obe]?* ]] && t=$(compgen -P "$opt" -W "$t")
		[[ -n $t ]] && mapfile -t COMPREPLY <<<"$t"
		return 0
	fi

	if ((rest == 0)) && [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
		[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] &&
		    compopt -o nospace 2>/dev/null
		return 0
	fi
	if [[ -z $c_cmd ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
	elif [[ $c_cmd == import && -z $c_app ]]; then
		mapfile -t COMPREPLY < <(compgen -W 'strong hevy fitnotes' \
		    -- "$cur")
	else
		# Files: readline's own file name completion.
		compopt -o default 2>/dev/null
	fi
	return 0
}

complete -F _liftlog liftlog
