# A quote opened on line 3 and never closed before the end of the file:
# 65, naming the line where it opens.
printf '%s\n' 'deal_id,stage,note' '1,Lead,x' '2,Lead,"never' 'closed' '3,Lead,y' | funnel-stages --stages Lead,Qualified
