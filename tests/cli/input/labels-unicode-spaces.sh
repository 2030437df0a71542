# No-break spaces (U+00A0), a thin space (U+2009) and an ideographic space
# (U+3000) around a stage label or a group are removed as blanks are, quoted
# or not: every row below is a Lead of region "North" (4 deals).  A quoted
# run of blanks alone stays ("South " in cli/funnel-kpi/history-edge-blanks).
# Before, three rows were "stages outside the funnel" and Lead counted 1.
printf 'deal_id,stage,region\n' >d.csv
printf '1,Lead,North\n' >>d.csv
printf '2,\302\240Lead\302\240,North\302\240\n' >>d.csv
printf '3,Lead\342\200\211,\343\200\200North\n' >>d.csv
printf '4," \302\240Lead",North\n' >>d.csv
funnel-stages --stages Lead --by region d.csv
