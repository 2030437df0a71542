# --encoding GBK: the Chinese fixture converted to GBK bytes by iconv reads
# the same as the UTF-8 file; output is UTF-8. Hand count as chinese-csv.
iconv -f UTF-8 -t GBK <data/stages/chinese.csv >gbk.csv
funnel-stages --encoding GBK --key 编号 --stage 阶段 --by 区域 \
	--stages 线索,商机,赢单 gbk.csv
