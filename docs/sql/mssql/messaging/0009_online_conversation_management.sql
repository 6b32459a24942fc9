-- messaging.0009_online_conversation_management (plan item 024): SQL Server DDL
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
-- Create index IX_ConvParticipants_User_Inbox online on model conversationparticipant
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [IX_ConvParticipants_User_Inbox] ON [ConversationParticipants] ([UserId], [IsArchived], [IsPinned]) WHERE [LeftAt] IS NULL WITH (ONLINE = ON)
ELSE
    CREATE INDEX [IX_ConvParticipants_User_Inbox] ON [ConversationParticipants] ([UserId], [IsArchived], [IsPinned]) WHERE [LeftAt] IS NULL;
GO
-- Validate constraint CK_ConversationParticipants_NotificationLevel on model conversationparticipant
ALTER TABLE [ConversationParticipants] WITH CHECK CHECK CONSTRAINT [CK_ConversationParticipants_NotificationLevel];
GO
