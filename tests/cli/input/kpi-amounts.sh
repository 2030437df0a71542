# Amount cells read by funnel-kpi --amount (funnel-input(7) Amounts). One
# open deal created 2025-01-01 whose amount is the pipeline_value; win rate
# 0/0, so weighted pipeline, average won deal and velocity are undefined;
# the weighted pipeline's warning (funnel-kpi(1): "a warning says how
# many") comes once per accepted run.
# Accepted: "$1,200.00" -> 1200, "2500 USD" -> 2500, "-5" -> -5 (a sign),
# "1.234,56" with --decimal-comma -> 1234.56.
# Refused (65): "1.234,56" without --decimal-comma (with the hint),
# "1e309" (exponent), "NaN", "inf", "0x1A" (hexadecimal): not an amount.
run() {
	v=$1; shift
	printf 'id,stage,created_at,amount\n1,Lead,2025-01-01,"%s"\n' "$v" >d.csv
	funnel-kpi -k id -s stage -c created_at -a amount "$@" d.csv >o.csv
	echo "$v: exit $?"
	tail -n +2 o.csv
}
run '$1,200.00'
run '2500 USD'
run -5
run 1.234,56 --decimal-comma
run 1.234,56
run 1e309
run NaN
run inf
run 0x1A
