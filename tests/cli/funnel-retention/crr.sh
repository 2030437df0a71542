# --crr, activity-based: per month P, start S = active in P-1, new N =
# first active in P, end E = active in P, retained = active in P-1 and P,
# crr = (E-N)/S, retention = retained/S, churn = 1 - retention.
# Hand count on data/retention/orders.csv; active: Jan {A,B,C}, Feb
# {A,D,E}, Mar {B,D,F}, Apr {A,E}; new: Feb {D,E}, Mar {F}.
# Feb: S 3, N 2, E 3, retained {A} 1: crr 1/3, retention 1/3, churn 2/3.
# Mar: S 3, N 1, E 3, retained {D} 1: crr 2/3, retention 1/3.  B came back
# after a month away: a reactivation counts in crr, not in retention.
# Apr: S 3, N 0, E 2 {A,E}, retained 0: crr 2/3, retention 0, churn 1.
# January has no month before it: no row.
funnel-retention --crr data/retention/orders.csv
