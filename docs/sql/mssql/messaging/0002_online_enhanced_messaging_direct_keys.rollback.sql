-- messaging.0002_online_enhanced_messaging_direct_keys (plan item 017): SQL Server rollback DDL
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
-- Undo: Validate constraint CK_Conversations_Direct on model conversation
-- Undo: Create unique constraint UX_Conversations_DirectKey online on model conversation
DROP INDEX [UX_Conversations_DirectKey] ON [Conversations];
GO
