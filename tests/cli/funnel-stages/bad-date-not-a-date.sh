# A time cell that is no date at all: 65.
printf '%s\n' 'deal_id,stage,entered_at' 'A,Lead,yesterday' | funnel-stages --stages Lead,Qualified
