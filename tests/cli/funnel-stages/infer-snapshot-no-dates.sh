# A snapshot without any date gives nothing to infer an order from: usage
# error 64, a message saying why and what to give, nothing on stdout.
printf '%s\n' 'deal_id,stage' '1,Lead' '2,Qualified' | funnel-stages
