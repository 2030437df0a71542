# A Salesforce Data Export writes the date field CloseDate as
# "2023-03-05 00:00:00" and the timestamp CreatedDate as
# "2023-03-05 09:12:44" (data/salesforce/opportunity-latin1.csv: the export's
# header, every field quoted, Latin-1 names, four currencies).  A clock of
# midnight says which day, not when in it (funnel-input(7)), so a deal closed
# the day it was created is 0 days old, not "closed before created", and
# every cycle is counted in calendar days.  Independent check (sqlite3, after
# iconv -f latin1): julianday(date(CloseDate)) - julianday(date(CreatedDate))
# of the won deals is 0, 19, 26 and 1: mean 11.50, sample sd
# sqrt(509/3) = 13.03, type-7 p25 0.75, median 10, p75 20.75, p90 23.90;
# the lost deal, closed the day it was created, 0.  --skip-bad skips nothing.
funnel-cycle --encoding LATIN1 data/salesforce/opportunity-latin1.csv
funnel-cycle --encoding LATIN1 --skip-bad data/salesforce/opportunity-latin1.csv | tail -n 1
funnel-cycle --encoding LATIN1 --outcome lost data/salesforce/opportunity-latin1.csv | tail -n 1
