# -f table marks the bottleneck row after its bar ("◀ bottleneck"); the
# 0/1 column itself is not shown in a table, nor are the days columns when
# no row has a value (a snapshot has no times). Lead 4, Qualified 3
# (75.0%), Proposal 1 (33.3%); --min-count 1 lets every step count: the
# lowest step conversion is Proposal's. Bars: 24, 18 and 6 blocks.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Qualified' '3,Qualified' '4,Proposal' |
funnel-stages -f table --min-count 1 --stages Lead,Qualified,Proposal
