# A column named for a stage date may be absent from some of the files, not
# from all of them: a misspelt one is a usage error at the last file's
# header, which counts the file before it that lacked it too.
funnel-stages --key mql_id --stage-date Lead=first_contact_date \
	--stage-date Won=won_at data/olist/leads.csv data/olist/deals.csv
