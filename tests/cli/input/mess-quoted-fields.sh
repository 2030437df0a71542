# Quoted fields holding commas, doubled quotes and a line break are one field
# each; a group name with a comma is quoted again in the CSV output. Hand
# count: "North, East" = {1 Lead, 3 Lead}; North = {2 Qualified}; "North"
# sorts before "North, East".
# p_value/small_expected (with --by): Pearson chi-square across the groups
# per step, no continuity correction, groups with nobody entering the step
# left out; worked out independently (python closed-form chi-square tail):
# Qualified 1/1 vs 0/2: statistic 3 on 1 df -> 0.0833; small_expected 1.
printf '%s\n' 'deal_id,stage,region,note' '1,Lead,"North, East","said ""call me"", twice"' \
	'2,"Qualified",North,"line one' 'line two, with a comma"' '3,Lead,"North, East",plain' |
funnel-stages --by region --stages Lead,Qualified
