# -f tsv: the snapshot-auto funnel (hand-computed) with TAB separators.
funnel-stages -f tsv --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
