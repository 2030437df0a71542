# A stages file written on Windows (CRLF line ends) reads the same as
# data/stages/stages.txt; same hand count as stages-file.
tr -d '\r' <data/stages/stages.txt | sed 's/$/\r/' >stages-crlf.txt
printf '%s\n' 'deal_id,stage' '1,MQL' '2,Demo done' '3,Proposal' '4,Lead' '5,Won' |
funnel-stages --stages-file stages-crlf.txt
