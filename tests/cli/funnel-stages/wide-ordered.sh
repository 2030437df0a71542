# Ordered mode over a HubSpot export: the dates must follow the column
# order. 1: Lead 01-01, Demo 01-02, Won 01-03 -> 3. 2: Demo (01-03) dated
# before Lead (01-05) -> 1. 3: Lead and Won, no Demo (skipped) -> 1.
# Lead 3, Demo 1, Won 1; days along deal 1's chain: 1, 1.
printf '%s\n' 'Record ID,"Date entered ""Lead (Sales)""","Date entered ""Demo (Sales)""","Date entered ""Won (Sales)"""' \
	'1,2025-01-01,2025-01-02,2025-01-03' '2,2025-01-05,2025-01-03,' '3,2025-01-01,,2025-01-04' |
funnel-stages --mode ordered
