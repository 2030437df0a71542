# --encoding GBK: the Chinese fixture converted to GBK bytes by iconv reads
# the same as the UTF-8 file; output is UTF-8. Hand count as chinese-csv.
# p_value/small_expected (with --by): Pearson chi-square across the groups
# per step, no continuity correction, groups with nobody entering the step
# left out; worked out independently (python closed-form chi-square tail):
# 商机 2/4 vs 1/3: statistic 0.1944 on 1 df -> 0.6592; 赢单 1/2 vs 0/1: 0.75 ->
# 0.3865; small_expected 1.
iconv -f UTF-8 -t GBK <data/stages/chinese.csv >gbk.csv
funnel-stages --encoding GBK --key 编号 --stage 阶段 --by 区域 \
	--stages 线索,商机,赢单 gbk.csv
