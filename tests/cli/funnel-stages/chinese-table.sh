# Chinese stage names and a Chinese --by column in -f table: CJK characters
# are two columns wide, so 区域/华北 fill a 4-wide column and 线索 pads to
# "stage". Hand count from data/stages/chinese.csv: 华北 = 1 2 3 7 (线索 x2,
# 商机, 赢单); 华南 = 4 5 6 (线索 x2, 商机); 华北 sorts first (UTF-8 bytes).
# p_value/small_expected (with --by): Pearson chi-square across the groups
# per step, no continuity correction, groups with nobody entering the step
# left out; worked out independently (python closed-form chi-square tail):
# 商机 2/4 vs 1/3: statistic 0.1944 on 1 df -> 0.6592; 赢单 1/2 vs 0/1: 0.75 ->
# 0.3865; small_expected 1.
# In a table the marker column small_expected is shown as the row's mark ("◀
# p_value doubtful: an expected count is below 5") and bottleneck likewise;
# median_days/mean_days, with no value at all, are left out.
funnel-stages -f table --key 编号 --stage 阶段 --by 区域 --stages 线索,商机,赢单 \
	<data/stages/chinese.csv
