# Snapshot layout, columns auto-detected (deal_id, stage, status); one row per
# deal, status won/lost/open. Expected counts worked out by hand from
# data/stages/snapshot.csv: furthest stage Lead x3 (D1 D7 D8), Qualified x2
# (D2 D5), Proposal x2 (D3 D6), Won x1 (D4); lost: D7@Lead D2@Qualified D6@Proposal.
funnel-stages --stages Lead,Qualified,Proposal,Won <data/stages/snapshot.csv
