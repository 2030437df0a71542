# A HubSpot export whose only "Date entered" column is a lost stage has no
# funnel: a usage error (64) asking for --stages, not a table.  (Found by
# fuzzing: it read past the end of a zero-stage tally, and leaked the
# pipeline list.)
printf '%s\n' 'Record ID,Deal Name,"Date entered ""Closed Lost (Sales Pipeline)"""' '1,One,2025-01-01' >deals.csv
funnel-stages deals.csv
