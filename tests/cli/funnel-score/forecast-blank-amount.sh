# A blank amount is missing, not 0: the deal counts in open_deals and
# expected_wins, not in pipeline or weighted, and a warning says so.
# Demo=50%: a 1000 -> 500; b blank.  open_deals 2, pipeline 1000, weighted
# 500, expected wins 0.5 + 0.5 = 1.  forecast-deals leaves b's amount and
# weighted blank.
printf '%s\n' id,stage,amount a,Demo,1000 b,Demo, >d.csv
funnel-score --forecast --stage-prob Demo=50% d.csv
funnel-score --report forecast-deals --stage-prob Demo=50% d.csv
# A row whose deals all have a blank amount has no pipeline: pipeline and
# weighted are empty, not 0 (as funnel-kpi's pipeline_value), while
# open_deals and expected_wins count: N a 1000 -> 500; S b, c blank at
# Demo 50%: 2 deals, expected wins 1.
printf '%s\n' id,region,stage,amount a,N,Demo,1000 b,S,Demo, c,S,Demo, >r.csv
funnel-score --forecast --stage-prob Demo=50% -b region r.csv
