# A Chinese export in GBK read without --encoding: the header is not
# UTF-8, 65 with a hint (not mojibake). With --encoding GBK and the
# columns by number: one deal won 2024-01-01..01-11 = 10 days.
printf '编号,创建日期,成交日期,阶段\na,2024-01-01,2024-01-11,Won\n' | iconv -f UTF-8 -t GBK >gbk.csv
funnel-cycle -k 1 -c 2 -C 3 -s 4 gbk.csv
echo "exit $?"
funnel-cycle --encoding GBK -k 1 -c 2 -C 3 -s 4 gbk.csv
