# examples/salesforce-stages.txt as Notepad saves it ("UTF-8 with BOM",
# CRLF line ends) reads as the file itself: the byte order mark is
# stripped, so its first line is still a comment, not a phantom first
# stage that no deal reaches. Hand count in mode ordered (a chain from
# the first stage): deal 1 Prospecting -> Qualification -> Needs Analysis,
# deal 2 Prospecting -> Qualification, deal 3 Prospecting: reached 3, 2, 1,
# then 0 for the six later stages. The output is the same byte for byte
# as with the file unchanged.
printf '%s\n' deal_id,stage,date 1,Prospecting,2024-01-01 \
	1,Qualification,2024-01-05 '1,Needs Analysis,2024-01-09' \
	2,Prospecting,2024-01-02 2,Qualification,2024-01-06 \
	3,Prospecting,2024-01-03 >deals.csv
{ printf '\357\273\277'; sed 's/$/\r/' examples/salesforce-stages.txt; } >notepad.txt
funnel-stages -m ordered --stages-file notepad.txt deals.csv >bom.out
echo "exit $?"
cut -d, -f1-2 bom.out
funnel-stages -m ordered --stages-file examples/salesforce-stages.txt deals.csv |
	cmp - bom.out && echo "same as without the BOM"
