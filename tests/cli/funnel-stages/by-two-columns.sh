# --by owner,region: groups are (owner, region) pairs sorted by owner, then
# region (the empty region first). Counts by hand from data/stages/snapshot.csv:
# Ann/"" = D7; Ann/North = D1 D2; Bob/North = D4 D8; Bob/South = D3;
# Cid/South = D5 D6.
funnel-stages --by owner,region --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
