# Empty lines after the last record (and blank lines before the header)
# are no records. Hand count: 1 Lead, 2 Qualified, 3 Lead.
printf '\n\ndeal_id,stage\n1,Lead\n2,Qualified\n3,Lead\n\n\n\n' | funnel-stages --stages Lead,Qualified
