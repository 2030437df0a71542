# --delimiter tab (spelled "tab") on a TAB-separated file whose fields hold
# commas and semicolons. Same hand count as delimiter-option.
printf 'deal_id\tstage\tnote\n1\tLead\ta, b; c\n2\tQualified\tc\n3\tLead\td,e\n' |
funnel-stages --delimiter tab --stages Lead,Qualified
