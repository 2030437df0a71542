# -f table with --by region: one block per group separated by a blank line,
# bars scaled within each group, undefined rates shown as "–" (U+2013, one
# column wide), no bar for a stage nobody reached, the empty group name as
# blanks. Numbers from the hand-computed by-one-column case.
funnel-stages -f table --by region --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
