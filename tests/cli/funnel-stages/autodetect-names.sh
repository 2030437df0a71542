# Key and stage columns are found by well-known CRM header names (Maven,
# Pipedrive, Salesforce, HubSpot, Dynamics), reported with --verbose. In the
# Salesforce header the row "Id" must lose to "OpportunityId". Every input
# holds deals 1 (Lead) and 2 (Qualified; two rows in the Salesforce one):
# hand count Lead 2, Qualified 1.
run() {
	echo "== $1"
	echo "== $1" >&2
	shift
	printf '%s\n' "$@" | funnel-stages -v --stages Lead,Qualified
}
run maven 'opportunity_id,deal_stage' '1,Lead' '2,Qualified'
run pipedrive 'Deal - ID,Deal - Stage' '1,Lead' '2,Qualified'
run salesforce 'Id,OpportunityId,StageName' 'h1,1,Lead' 'h2,2,Lead' 'h3,2,Qualified'
run hubspot 'Record ID,Deal Stage' '1,Lead' '2,Qualified'
run dynamics 'Opportunity ID,Sales Stage' '1,Lead' '2,Qualified'
run generic 'Deal ID,Stage' '1,Lead' '2,Qualified'
