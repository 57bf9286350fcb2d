# tonnage.awk -- the awk baseline of `make bench`: tonnage per exercise.
#
#   awk -f tests/bench/tonnage.awk FILE ...
#
# What a user would write instead of liftlog for one number: reads liftlog
# journals (every FILE its own journal), resolves aliases, `unit lb`, `lb`
# and `kg` suffixes and `@ bw+x` loads (the latest `bodyweight:`), and
# prints "exercise<TAB>tonnage in kg", one line per exercise key (names
# folded as liftlog folds them, ASCII only).  It validates nothing and skips
# what it does not understand: a floor for a scripting language, not a
# replacement.  On the bench's journals its figures equal liftlog's.

function fold(s) {
	s = tolower(s)
	gsub(/[ \t_-]+/, "-", s)
	sub(/^-/, "", s)
	sub(/-$/, "", s)
	return s
}

# kg(text, bare unit): a load such as 100, 100kg, 225lb, 225lbs, in kg
function kg(v, u) {
	if (v ~ /lbs?$/)
		u = "lb"
	else if (v ~ /kg$/)
		u = "kg"
	return (u == "lb") ? v * 0.45359237 : v + 0
}

FNR == 1 { unit = "kg"; bw = ""; split("", alias) }

/^unit[ \t]/ { unit = $2; next }

/^alias[ \t]/ {
	eq = index($0, "=")
	a = substr($0, 7, eq - 7)
	b = substr($0, eq + 1)
	sub(/[ \t][;#].*/, "", b)
	alias[fold(a)] = fold(b)
	next
}

/^[ \t]+[A-Za-z]+:/ {
	if ($1 == "bodyweight:")
		bw = kg($2, unit)
	next
}

/^[ \t]+[^;# \t]/ {
	line = $0
	sub(/^[ \t]+/, "", line)
	if (match(line, /[ \t][;#]/))
		line = substr(line, 1, RSTART - 1)
	if (substr(line, 1, 1) == "\"") {
		i = index(substr(line, 2), "\"")
		name = substr(line, 2, i - 1)
		rest = substr(line, i + 2)
	} else if (match(line, /[ \t]+[0-9]+[ \t]*(x|\/)/)) {
		name = substr(line, 1, RSTART - 1)
		rest = substr(line, RSTART)
	} else
		next
	key = fold(name)
	if (key in alias)
		key = alias[key]
	n = split(rest, g, ",")
	for (i = 1; i <= n; i++) {
		at = index(g[i], "@")
		if (at == 0)
			continue
		sets = substr(g[i], 1, at - 1)
		split(substr(g[i], at + 1), w, " ")
		load = w[1]
		if (load ~ /^bw/) {
			if (bw == "")
				continue
			load = bw + kg(substr(load, 3), unit)
		} else
			load = kg(load, unit)
		if (sets ~ /\//) {
			reps = 0
			m = split(sets, r, "/")
			for (j = 1; j <= m; j++)
				reps += r[j]
		} else if (sets ~ /x[ \t]*[0-9]+[ \t]*$/) {
			split(sets, r, "x")
			reps = r[1] * r[2]
		} else
			continue	# a timed set: no reps, no tonnage
		ton[key] += reps * load
	}
}

END {
	for (k in ton)
		printf "%s\t%.1f\n", k, ton[k]
}
