# A key or group column named like one of the report's own columns is
# written as by_NAME, so that no two columns share a name: a JSON reader
# keeps one of two equal keys, and the customer id was lost.  Before,
# funnel-segment -k value wrote "value,value,...".
printf 'value,order_date,amount\nA,2024-01-02,10\nB,2024-01-03,5\n' >kv.csv
funnel-segment -k value kv.csv | head -1
funnel-segment -k value -f json kv.csv | python3 -c '
import json, sys
rows = json.load(sys.stdin)
print(sorted(rows[0]), len(rows))'
# funnel-score: the key "score", the group "rank".
printf 'score,rank,need,budget,authority,timeline,competition\nO1,r1,5,4,4,3,4\n' >ks.csv
funnel-score -k score -b rank ks.csv
