# --encoding LATIN1: French stage names written in ISO-8859-1 bytes (é =
# \351); the stage order on the command line is UTF-8. Hand count:
# 1 Prospect, 2 Qualifié, 3 Négociation, 4 Gagné, 5 Perdu (lost at Prospect).
printf 'deal_id,stage\n1,Prospect\n2,Qualifi\351\n3,N\351gociation\n4,Gagn\351\n5,Perdu\n' >latin1.csv
funnel-stages --encoding LATIN1 --lost Perdu --stages Prospect,Qualifié,Négociation,Gagné latin1.csv
