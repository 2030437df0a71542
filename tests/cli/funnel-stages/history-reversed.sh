# Input row order never changes a result: data/stages/history.csv with its
# data rows reversed (awk) gives the bytes of the history case.
# New columns included: same bytes as history.out, worked out there.
{ head -n 1; awk '{ r[NR] = $0 } END { for (i = NR; i > 0; i--) print r[i] }'; } \
	<data/stages/history.csv >reversed.csv
funnel-stages --stages Lead,Qualified,Proposal,Won reversed.csv
