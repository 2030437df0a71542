# examples/key-accounts runs as its comment says.  awk checks what the
# summaries add up to: 85 accounts with a won deal, 10,005,534 of won
# value in all, every deal closed in 2017 (the matrix covers them all).
sh examples/key-accounts >out.csv
cat out.csv
awk -F, '$5 == "Won" { v += $8; a[$4] = 1; if ($7 < "2017-01-01" || $7 > "2017-12-31") late++ }
	END { n = 0; for (k in a) n++; print n " accounts, " v " won, " late + 0 " outside 2017" }' \
	examples/sales_pipeline.csv
awk -F, '$1 ~ /^[ABC]$/ { n += $2; v += $4 } $1 ~ /^(key|maintain|develop|basic)$/ { m += $2; w += $4 }
	END { printf "abc: %d accounts, %.2f; matrix: %d accounts, %.2f\n", n, v, m, w }' out.csv
