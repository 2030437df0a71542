# An Excel "sep=;" first line names the delimiter and is not the header,
# even though the header line alone would look comma-separated (a,b,c is
# one column name). Hand count: 1 Lead, 2 Qualified, 3 Lead.
printf '%s\n' 'sep=;' 'deal_id;stage;a,b,c' '1;Lead;x' '2;Qualified;y' '3;Lead;z' |
funnel-stages --stages Lead,Qualified
