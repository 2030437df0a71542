# Empty input (0 bytes) is bad data: 65; no header line to read.
funnel-kpi </dev/null
