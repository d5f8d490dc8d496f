-- The Microsoft Entra object id each user is known by in Teams (from.aadObjectId), set from the seed or by an admin.
ALTER TABLE tenant_users ADD COLUMN aad_object_id TEXT NULL;
