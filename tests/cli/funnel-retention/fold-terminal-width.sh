# With stdout a terminal (script(1) gives one) the table is folded to the
# terminal's width (TIOCGWINSZ, set here with stty), COLUMNS only when
# the terminal does not say (0 columns), a COLUMNS that is no number is
# not used, and --width wins over both.  Blocks of fold-24-periods.sh:
# 80 gives p0-p14 and p15-p23, 40 five blocks; shown by their headers.
# Skipped where script(1) is not installed.
command -v script >/dev/null 2>&1 || { echo "no script(1)" >&2; exit 77; }
on_terminal() {
	script -qc "$1" /dev/null </dev/null | tr -d '\r' | grep '^cohort'
}
run='funnel-retention --counts --asof 2025-12-31 data/retention/24-periods.csv'
echo "terminal of 40 columns, COLUMNS=80:"
on_terminal "stty cols 40; COLUMNS=80 $run"
echo "terminal of 0 columns, COLUMNS=80:"
on_terminal "stty cols 0; COLUMNS=80 $run"
echo "terminal of 0 columns, COLUMNS=abc:"
on_terminal "stty cols 0; COLUMNS=abc $run"
echo "terminal of 40 columns, --width 80:"
on_terminal "stty cols 40; $run --width 80"
echo "terminal of 40 columns, --width 0:"
on_terminal "stty cols 40; $run --width 0"
