# A Salesforce Event export: WhatId (the deal), AccountId, ActivityDate,
# OwnerId, Subject (the objective, always written in Salesforce),
# NextStep; outcomes in a custom field named with --visit-outcome.
cat >events.csv <<'CSV'
Id,WhatId,AccountId,ActivityDate,OwnerId,Subject,NextStep,Outcome__c
00U1,006A,001X,2024-06-03,005R1,Discovery call,Send proposal,Advance
00U2,006A,001X,2024-06-10,005R1,Proposal review,,Continuation
00U3,,001Y,2024-06-12,005R2,Intro,,
00U4,006B,001Y,2024-06-16,005R2,Demo,Pilot 2024-07-01,order
CSV
# Period 06-03 .. 06-16: 14 days, 2 weeks.
# 005R1: 2 visits of 006A (001X): 2/1 = 2.00; advance 1, continuation 1:
#   advance_rate 1/2; objective 2/2; next step 1/2; 2/2 = 1.00 a week.
# 005R2: 00U3 (no deal, 001Y, unrecorded), 00U4 (006B, 001Y, order):
#   deals 1, customers 1, 1 visit names a deal / 1 = 1.00; order 1,
#   unrecorded 1: advance_rate 1/(2-1) = 1.0000; objective 2/2; next
#   step 1/2 (a date is a next step, not parsed); 1.00 a week.
funnel-visits -v --visit Id --visit-outcome Outcome__c events.csv
