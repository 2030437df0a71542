# --verbose reports on stderr the delimiter and every column chosen (name,
# 1-based number, type) and where open deals are censored; the same columns
# given by name and number give the same bytes.
funnel-cycle -v --survival --by sales_agent data/cycle/g3.csv >auto.csv
funnel-cycle --key 1 --created engage_date --closed 5 --stage deal_stage \
	--survival --by 2 data/cycle/g3.csv >given.csv
cmp auto.csv given.csv && echo 'given columns: same bytes'
