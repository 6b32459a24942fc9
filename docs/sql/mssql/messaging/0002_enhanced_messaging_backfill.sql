-- messaging.0002_enhanced_messaging_backfill (plan item 017): SQL Server DDL
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
-- RunPython set_types_and_direct_keys(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- RunPython merge_duplicate_direct_conversations(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- RunPython count_messages_and_set_read_cursors(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
COMMIT TRANSACTION;
GO
