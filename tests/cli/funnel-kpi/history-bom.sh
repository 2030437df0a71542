# A history file that gained a UTF-8 byte order mark (opened and saved in
# a spreadsheet or Notepad) is read like any input (funnel-input(7)): the
# mark is stripped, so its header is still this result's and the next
# --append adds a row (exit 0) instead of refusing the file, the table's
# previous values are the 2025-03-14 row's, and the history is written
# back without the mark (its first bytes are "date"). Numbers: those of
# append-new-file (kpis-hand-worked), the same on both dates.
funnel-kpi --asof 2025-03-14 --append hist.csv data/kpi/deals.csv >/dev/null
{ printf '\357\273\277'; cat hist.csv; } >bom.csv
mv bom.csv hist.csv
funnel-kpi --asof 2025-03-15 -f table --append hist.csv data/kpi/deals.csv | head -3
echo "exit $?"
cat hist.csv
