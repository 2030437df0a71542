# Olist's exports name their columns mql_id, first_contact_date and
# won_date: the key is found without --key (the stage dates are named, as
# they say which stage each is).  Same funnel as files-column-in-one-file.
funnel-stages --stage-date Lead=first_contact_date --stage-date Won=won_date \
	data/olist/leads.csv data/olist/deals.csv
