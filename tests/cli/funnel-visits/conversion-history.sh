# Conversion against the long stage history tests/data/visits/history.csv
# (deal_id, stage, entered_at), read by funnel-stages' code, and the
# visits of tests/data/visits/visits.csv.  -S Qualify,Propose,Negotiate:
# "Closed Won" is no stage of it, so it is a stage after Negotiate.
#   V1 D1 03-04 advance: before it Qualify (03-01): at Qualify; Propose
#      03-06, 2 days on: converted (7d and 14d).
#   V2 D1 03-11 continuation: at Propose (03-06); Negotiate 03-20, 9
#      days on: not within 7d, within 14d.
#   V3 D2 03-05 成交=order: at Qualify (02-20); Closed Won 03-08, 3 days
#      on: converted.
#   V4 no deal, unrecorded: a visit, not matched.
#   V5 D3 03-07 no-sale: at Qualify; Closed Lost (03-10) is no advance.
#   V6 D3 03-14 推进=advance: at Qualify, nothing further.
#   V7 D4 03-17 暂停=continuation: at Qualify (03-15); Propose 03-31, 14
#      days on: not within 7d, within 14d (14 <= 14).
#   V8 D4 03-31 advance: Propose entered 03-31 is not before the visit:
#      at Qualify; Propose the same day (0 days): converted.
# By outcome (in the vocabulary's order), --within 7d:
#   order 1 visit, 1 matched, 1 converted: 1.0000; advance V1 V6 V8: 3,
#   3, 2: 0.6667; continuation V2 V7: 2, 2, 0; no-sale V5: 1, 1, 0;
#   unrecorded V4: 1, 0, 0: rate undefined (blank).
h="--report conversion --history data/visits/history.csv -S Qualify,Propose,Negotiate"
funnel-visits $h --within 7d data/visits/visits.csv
# --within 2w: continuation 2 converted of 2.
funnel-visits $h --within 2w data/visits/visits.csv
# --by rep, 7d: alice V1 V2 V3: 3, 3, 2 (0.6667); bob V4 V5 V6: 3, 2
# (V4 has no deal), 0; carol V7 V8: 2, 2, 1 (0.5000).
funnel-visits $h --within 7d --by rep data/visits/visits.csv
# --from 2024-03-10: V2, V6, V7, V8 only: continuation V2 V7 (0 of 2),
# advance V6 V8 (1 of 2).
funnel-visits $h --within 7d --from 2024-03-10 data/visits/visits.csv
# A history without dates cannot place a visit: a usage error.
printf 'deal_id,stage\nD1,Qualify\n' >undated.csv
funnel-visits --report conversion --history undated.csv -S Qualify --within 7d data/visits/visits.csv
echo "exit $?"
# A bare number is no duration; the three options go together.
funnel-visits $h --within 7 data/visits/visits.csv
echo "exit $?"
funnel-visits $h data/visits/visits.csv
echo "exit $?"
funnel-visits --within 7d data/visits/visits.csv
echo "exit $?"
# Columns funnel-stages would not find, named: --history-key and
# --history-time.  D1 only: V1 (03-04, advance) at Qualify, Propose
# 03-06 within 7d: converted; V2 (03-11, continuation) at Propose,
# nothing further.  Other deals unmatched: order 0 matched (blank).
printf 'x,stage,when\nD1,Qualify,2024-03-01\nD1,Propose,2024-03-06\n' >named.csv
funnel-visits --report conversion --history named.csv --history-key x \
	--history-time when -S Qualify,Propose --within 7d data/visits/visits.csv
# Unnamed, the key is not found: the message names the option.
funnel-visits --report conversion --history named.csv -S Qualify --within 7d data/visits/visits.csv
echo "exit $?"
funnel-visits --history-key x data/visits/visits.csv
echo "exit $?"
