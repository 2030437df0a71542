# funnel-visits' outcome vocabulary (Rackham) and its aliases, for the
# mawk peers that take it with a second -f and -v outcomes=FILE (the
# spec's table, ../outcomes.csv: label,outcome): outcome(label) is order,
# advance, continuation, no-sale or unrecorded (blank), trimmed and
# case-folded (tolower folds ASCII; the Chinese aliases have no case);
# another label stops the run.
BEGIN {
	while ((getline line < outcomes) > 0)
		if (split(line, w, ",") == 2 && w[1] != "label")
			ALIAS[w[1]] = w[2]
	close(outcomes)
	ALIAS[""] = "unrecorded"
}
function outcome(s) {
	gsub(/^[ \t]+|[ \t]+$/, "", s)
	s = tolower(s)
	if (!(s in ALIAS)) {
		printf "outcome.awk: line %d: unknown outcome \"%s\"\n", NR, s > "/dev/stderr"
		exit 65
	}
	return ALIAS[s]
}
