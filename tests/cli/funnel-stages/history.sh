# Long layout (one row per stage change) from data/stages/history.csv, columns
# auto-detected (deal, stage, changed_at). Hand reasoning per deal:
# A Lead,Lead,Qualified (repeats are one stay) -> Qualified;
# B Lead,Proposal,Qualified (went backwards) -> keeps Proposal;
# C ...,Lost,Proposal (a stage after Lost reopens it) -> Proposal, open;
# D ...,Qualified,Closed Lost -> lost at Qualified; E ...,Closed Won -> Won;
# F Lead,Qualified,Lost all at one timestamp -> lost at Qualified.
# Furthest: Qualified A D F, Proposal B C, Won E.
# median_days/mean_days: days from first entering the previous stage to
# first entering this one, over deals with both times known (the later not
# earlier); bottleneck 0: no step has 30 deals entering it (--min-count). By
# hand: Qualified A 4, B 3, C 1, D 1, F 0 (E skipped Qualified) -> median
# 1.00, mean 9/5 = 1.80; Proposal C 2 (B entered Proposal before Qualified:
# no time) -> 2.00; Won E 4 -> 4.00.
funnel-stages --stages Lead,Qualified,Proposal,Won <data/stages/history.csv
