# Standard input can be read once: by the input or by one file option,
# never two (the second would see an empty or half-read stream and say
# something about another problem).  Each is a usage error (64).
printf 'deal_id,stage\nD1,Open\n' |
	funnel-visits --report stale --deals-file - --stale 1d -
echo "exit $?"
# No file given: the input is standard input.
printf 'customer_id,segment\nC1,A\n' |
	funnel-visits --report coverage --segments -
echo "exit $?"
printf 'deal,stage\nD1,Lead\n' | funnel-stages - -
echo "exit $?"
# One reader of standard input is fine.
printf 'customer_id,segment\nC1,A\n' |
	funnel-visits --report coverage --segments - data/visits/visits.csv 2>/dev/null | tail -n +2
