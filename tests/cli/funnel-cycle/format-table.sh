# -f table (stdout is no terminal): columns aligned, text left and numbers
# right, rates as percentages; one row per group and no blank lines between
# them; the row of all deals shows "–" for the group and a mark. Expected
# bytes laid out from the summary-velocity numbers by a python3 script
# (ljust / rjust by column width, two spaces between columns).
funnel-cycle -f table --summary --amount Amount --by Owner data/cycle/velocity.csv
