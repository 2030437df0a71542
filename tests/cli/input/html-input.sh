# An HTML page saved as .xls/.csv (a common report export): 65.
printf '<!DOCTYPE html>\n<html><body><table></table></body></html>\n' | funnel-stages --stages Lead,Qualified
