-- scheduling.0004_online_availability (plan item 025): SQL Server rollback DDL
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
-- Undo: Validate the foreign key of field schedule on model serviceoffering
-- Undo: Create the index of field schedule online on model serviceoffering
DROP INDEX [ServiceOfferings_ScheduleId_9d4c8ed5] ON [ServiceOfferings];
GO
