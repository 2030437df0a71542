# A HubSpot export with Date entered "<Stage> (<Pipeline>)" columns is read
# as a wide layout without options: the stages are those columns in column
# order; "Closed Lost" is the lost outcome, not a stage; "Deal Stage" is
# not used. Per deal (data/stages3/hubspot.csv):
# 101 AS, QTB, CS, CW -> Closed Won; 102 AS, QTB, Closed Lost -> lost at
# Qualified To Buy; 103 AS; 104 AS, CS (QTB skipped) -> Contract Sent;
# 105 no date at all -> not in the funnel.
# Furthest: AS 4, QTB 3, CS 2, CW 1; lost 1 at QTB.
# Days: AS->QTB 101 3, 102 1 -> 2.00, 2.00 (104 has no QTB date);
# QTB->CS 101 5; CS->CW 101 10.
# --verbose names the pipeline and its stage count (Closed Lost is not
# counted as a stage), the key and every stage-date column bound (the lost
# one included), then the first-to-last line: deal 101 went from
# Appointment Scheduled (01-02) to Closed Won (01-20) in 18 days.
funnel-stages -v <data/stages3/hubspot.csv
