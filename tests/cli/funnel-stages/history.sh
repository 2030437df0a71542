# Long layout (one row per stage change) from data/stages/history.csv, columns
# auto-detected (deal, stage, changed_at). Hand reasoning per deal:
# A Lead,Lead,Qualified (repeats are one stay) -> Qualified;
# B Lead,Proposal,Qualified (went backwards) -> keeps Proposal;
# C ...,Lost,Proposal (a stage after Lost reopens it) -> Proposal, open;
# D ...,Qualified,Closed Lost -> lost at Qualified; E ...,Closed Won -> Won;
# F Lead,Qualified,Lost all at one timestamp -> lost at Qualified.
# Furthest: Qualified A D F, Proposal B C, Won E.
funnel-stages --stages Lead,Qualified,Proposal,Won <data/stages/history.csv
