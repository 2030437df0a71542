# A file of blank lines has no header: 65.
printf '\n\n\r\n' | funnel-stages --stages Lead,Qualified
