-- guardian.0002_generic_permissions_index (plan item -): SQL Server DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Create index guardian_gr_content_ae6aec_idx on field(s) content_type, object_pk of model groupobjectpermission
CREATE INDEX [guardian_gr_content_ae6aec_idx] ON [guardian_groupobjectpermission] ([content_type_id], [object_pk]);
GO
-- Create index guardian_us_content_179ed2_idx on field(s) content_type, object_pk of model userobjectpermission
CREATE INDEX [guardian_us_content_179ed2_idx] ON [guardian_userobjectpermission] ([content_type_id], [object_pk]);
GO
COMMIT TRANSACTION;
GO
