-- messaging.0002_online_enhanced_messaging_indexes (plan item 017): SQL Server rollback DDL
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
-- Undo: Validate constraint CK_Messages_ModerationStatus on model message
-- Undo: Validate constraint CK_Messages_Type on model message
-- Undo: Validate constraint CK_ConversationParticipants_Role on model conversationparticipant
-- Undo: Validate constraint CK_Conversations_Type on model conversation
-- Undo: Validate the foreign key of field reply_to on model message
-- Undo: Validate the foreign key of field deleted_by on model message
-- Undo: Validate the foreign key of field created_by on model conversation
-- Undo: Create unique constraint UX_Messages_Sender_ClientId online on model message
DROP INDEX [UX_Messages_Sender_ClientId] ON [Messages];
GO
-- Undo: Create index IX_Messages_Conv_Id online on model message
DROP INDEX [IX_Messages_Conv_Id] ON [Messages];
GO
-- Undo: Create the index of field reply_to online on model message
DROP INDEX [Messages_ReplyToMessageId_866a99a1] ON [Messages];
GO
-- Undo: Create the index of field deleted_by online on model message
DROP INDEX [Messages_DeletedById_83b66334] ON [Messages];
GO
-- Undo: Create the index of field created_by online on model conversation
DROP INDEX [Conversations_CreatedById_5e4e33ad] ON [Conversations];
GO
