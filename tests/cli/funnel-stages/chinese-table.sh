# Chinese stage names and a Chinese --by column in -f table: CJK characters
# are two columns wide, so 区域/华北 fill a 4-wide column and 线索 pads to
# "stage". Hand count from data/stages/chinese.csv: 华北 = 1 2 3 7 (线索 x2,
# 商机, 赢单); 华南 = 4 5 6 (线索 x2, 商机); 华北 sorts first (UTF-8 bytes).
funnel-stages -f table --key 编号 --stage 阶段 --by 区域 --stages 线索,商机,赢单 \
	<data/stages/chinese.csv
