# A record with an empty date: 65 (an activity without a day belongs to no
# period).
printf '%s\n' 'customer_id,order_date' 'A,' | funnel-retention
