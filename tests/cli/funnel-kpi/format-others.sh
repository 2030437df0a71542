# The other formats show the row as it is (no previous value, no arrow):
# json (undefined is null: see undefined-kpis.sh), tsv and csv with rates
# as fractions, md with percentages. With --append the history is CSV
# whatever the format shown. Values of kpis-hand-worked.sh.
funnel-kpi -f json --append hist.csv data/kpi/deals.csv
funnel-kpi -f tsv data/kpi/deals.csv
funnel-kpi -f md data/kpi/deals.csv
funnel-kpi -f csv data/kpi/deals.csv
cat hist.csv
