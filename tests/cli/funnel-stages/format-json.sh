# -f json with --by region: an array of objects, one per row; text quoted,
# numbers bare, undefined rates null (never NaN, never 0), the empty group
# name "". Numbers are the hand-computed ones of by-one-column.
funnel-stages -f json --by region --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
