# TAB-delimited, detected from the header; fields hold commas. Hand count:
# 1 Lead, 2 Qualified, 3 Lead.
printf 'deal_id\tstage\tnote\n1\tLead\ta,b\n2\tQualified\tc,d\n3\tLead\te\n' | funnel-stages --stages Lead,Qualified
