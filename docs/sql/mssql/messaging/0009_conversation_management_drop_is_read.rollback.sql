-- messaging.0009_conversation_management_drop_is_read (plan item 024): SQL Server rollback DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
-- Reverses this migration on a database at its end (every later one reversed).
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
-- Undo: Remove field is_read from message
ALTER TABLE [Messages] ADD [IsRead] bit DEFAULT 0 NOT NULL;
GO
-- RunPython recompute_is_read(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
COMMIT TRANSACTION;
GO
