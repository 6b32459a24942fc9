-- contenttypes.0002_remove_content_type_name (plan item -): SQL Server DDL
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
-- Change Meta options on contenttype
-- Alter field name on contenttype
ALTER TABLE [django_content_type] ALTER COLUMN [name] nvarchar(100) NULL;
GO
-- RunPython noop(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- Remove field name from contenttype
ALTER TABLE [django_content_type] DROP COLUMN [name];
GO
COMMIT TRANSACTION;
GO
