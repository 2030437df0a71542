# A stage name with a comma (only possible through a stages file) is quoted
# in the CSV output; an alias maps onto it. Hand count: 1 Lead,
# 2 "Proposal, sent" (via alias Sent), 3 Proposal, sent.
printf '%s\n' 'Lead' 'Proposal, sent' 'Sent=Proposal, sent' >st.txt
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Sent' '3,"Proposal, sent"' |
funnel-stages --stages-file st.txt
