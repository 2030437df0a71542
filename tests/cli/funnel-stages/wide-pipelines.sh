# Several HubSpot pipelines: one funnel per pipeline, with a leading
# "pipeline" column (data/stages3/hubspot-pipelines.csv).
# Enterprise (Discovery, Demo, Closed Won; Closed Lost is the outcome):
# 1 Discovery 01-01, Demo 01-03, Won 01-09; 2 Discovery 01-02, lost 01-04
# -> lost at Discovery; 5 Discovery 01-01, Demo 01-02. -> 3, 2, 1.
# Days: Discovery->Demo 1: 2, 5: 1 -> 1.50; Demo->Won 1: 6.
# SMB (Discovery, Closed Won): 3 Discovery 01-01, Won 01-02; 4 Discovery.
# -> 2, 1; days 1. Deals of one pipeline are not counted in the other.
funnel-stages data/stages3/hubspot-pipelines.csv
