# A month in which nobody was active: March has S 0 (nobody active in
# February), so crr, retention and churn are 0/0, empty; April has S 0 too
# (nobody in March) although A comes back.  Hand count: Jan {A}; Apr {A}.
# Feb: S 1 (A), N 0, E 0, retained 0: crr 0, retention 0, churn 1.
# Mar: S 0, N 0, E 0.  Apr: S 0, N 0, E 1: every rate undefined.
printf '%s\n' 'customer_id,order_date' 'A,2024-01-10' 'A,2024-04-30' | funnel-retention --crr
