# -q says nothing but errors: the same output without the warnings; with
# --strict a warning still fails the run, and says why; -q with -v is a
# usage error.
v=data/visits/visits.csv
funnel-visits --asof 2024-01-01 $v >loud.csv 2>loud.err
echo "exit $?"
cat loud.err
funnel-visits -q --asof 2024-01-01 $v >quiet.csv 2>quiet.err
echo "exit $?"
cmp loud.csv quiet.csv && echo "the same output"
wc -c <quiet.err
funnel-visits -q --strict --asof 2024-01-01 $v >/dev/null
echo "exit $?"
funnel-visits -q -v $v
echo "exit $?"
