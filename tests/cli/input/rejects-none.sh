# --rejects with nothing to reject: the file is created (so a pipeline can
# rely on it) and stays empty; no warning. Hand count: A Lead, B Qualified.
printf '%s\n' 'deal_id,stage' 'A,Lead' 'B,Qualified' |
funnel-stages --rejects rej.csv --stages Lead,Qualified
echo "rejects: $(wc -c <rej.csv) bytes"
