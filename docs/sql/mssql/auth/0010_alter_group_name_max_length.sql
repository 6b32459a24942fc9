-- auth.0010_alter_group_name_max_length (plan item -): SQL Server DDL
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
-- Alter field name on group
DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [auth_group] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.key_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[auth_group]') AND c.type = 'UQ' AND (SELECT STRING_AGG(COL_NAME(ic.object_id, ic.column_id), N',') WITHIN GROUP (ORDER BY ic.key_ordinal) FROM sys.index_columns AS ic WHERE ic.object_id = c.parent_object_id AND ic.index_id = c.unique_index_id) = N'name');
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1;
GO
ALTER TABLE [auth_group] ALTER COLUMN [name] nvarchar(150) NOT NULL;
GO
ALTER TABLE [auth_group] ADD CONSTRAINT [auth_group_name_a6ea08ec_uniq] UNIQUE ([name]);
GO
COMMIT TRANSACTION;
GO
