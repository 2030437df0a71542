# --verbose reports on stderr the delimiter and every column chosen (name,
# 1-based number, type); stdout is the same hand-computed by-one-column funnel.
funnel-stages -v --by region --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
