# -f table shows the KPIs one per line: kpi, value, previous and a trend
# arrow. Without an --append history there is no previous value ("–") and
# no arrow. Rates are percentages (3/7 = 42.9%, 3/12 = 25.0%); the values
# are those of kpis-hand-worked.sh.
funnel-kpi -f table data/kpi/deals.csv
