# Chinese stage names end to end in CSV (same hand count as chinese-table).
funnel-stages --key 编号 --stage 阶段 --by 区域 --stages 线索,商机,赢单 \
	<data/stages/chinese.csv
