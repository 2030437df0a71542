# A file holding one line end has no header line: "empty input", 65, in
# funnel-cycle, funnel-kpi and funnel-retention alike.
printf '\n' >nl.csv
funnel-cycle nl.csv; echo "exit $?"
funnel-kpi nl.csv; echo "exit $?"
printf '\r\n' | funnel-retention; echo "exit $?"
