# A quoted note of 1 MiB ("x," and a line break, 262,144 times) is one
# field of one record (funnel-input(7): a quoted field may hold the
# delimiter and line breaks). Cycles a 10 and b 20 days: mean 15, sample
# sd sqrt(50) = 7.07, type-7 percentiles 12.50 15.00 17.50 19.00.
# Then a bad date after it names its physical line: header 1, record a
# lines 2..262146, b 262147, c 262148 (65).
gen() {
	python3 -c '
import sys
w = sys.stdout.write
w("id,created_at,close_date,stage,note\n")
w("a,2024-01-01,2024-01-11,Won,\"" + "x,\n" * 262144 + "\"\n")
w("b,2024-01-01,2024-01-21,Won,ok\n")'
}
gen | funnel-cycle
echo "exit $?"
{ gen; echo 'c,2024-02-30,2024-03-05,Won,ok'; } | funnel-cycle
echo "exit $?"
