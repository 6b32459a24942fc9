-- messaging.0009_online_conversation_management (plan item 024): SQL Server rollback DDL
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
-- Undo: Validate constraint CK_ConversationParticipants_NotificationLevel on model conversationparticipant
-- Undo: Create index IX_ConvParticipants_User_Inbox online on model conversationparticipant
DROP INDEX [IX_ConvParticipants_User_Inbox] ON [ConversationParticipants];
GO
