# --pipeline SMB counts only that pipeline's Date entered columns: a single
# funnel, no pipeline column. Hand count from wide-pipelines: SMB
# Discovery 2 (3, 4), Closed Won 1 (3, one day after Discovery).
funnel-stages --pipeline SMB data/stages3/hubspot-pipelines.csv
