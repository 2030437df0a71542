# The key needs a value in every row, so it must be in every file: a file
# without it is a usage error at its own header, before any row of it is
# read, even though another file has it.
sed 's/^mql_id,/lead,/' data/olist/deals.csv >deals.csv
funnel-stages --key mql_id --stage-date Lead=first_contact_date \
	--stage-date Won=won_date data/olist/leads.csv deals.csv
