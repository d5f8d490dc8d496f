-- Each user's licenses with the dates they were assigned and unassigned ("Sku|from|to;…", instants in ISO 8601 UTC,
-- an empty "to" while assigned): what a past month's minute pool is computed from. Rows from before this script have
-- none; their licenses count as assigned all along (as they were reported then).
ALTER TABLE tenant_users ADD COLUMN license_history TEXT NULL;
