-- messaging.0002_enhanced_messaging (plan item 017): SQL Server rollback DDL
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
-- Undo: Create constraint CK_Messages_ModerationStatus NOT VALID on model message
ALTER TABLE [Messages] DROP CONSTRAINT [CK_Messages_ModerationStatus];
GO
-- Undo: Create constraint CK_Messages_Type NOT VALID on model message
ALTER TABLE [Messages] DROP CONSTRAINT [CK_Messages_Type];
GO
-- Undo: Create constraint CK_ConversationParticipants_Role NOT VALID on model conversationparticipant
ALTER TABLE [ConversationParticipants] DROP CONSTRAINT [CK_ConversationParticipants_Role];
GO
-- Undo: Create constraint CK_Conversations_Type NOT VALID on model conversation
ALTER TABLE [Conversations] DROP CONSTRAINT [CK_Conversations_Type];
GO
-- Undo: Alter field sender on message
ALTER TABLE [Messages] DROP CONSTRAINT [Messages_SenderId_bf8a300e_fk_Users_Id];
GO
CREATE INDEX [Messages_SenderId_bf8a300e] ON [Messages] ([SenderId]);
GO
ALTER TABLE [Messages] ADD CONSTRAINT [Messages_SenderId_bf8a300e_fk_Users_Id] FOREIGN KEY ([SenderId]) REFERENCES [Users] ([Id]);
GO
-- Undo: Add field reply_to to message, its foreign key NOT VALID
ALTER TABLE [Messages] DROP CONSTRAINT [Messages_ReplyToMessageId_866a99a1_fk_Messages_Id];
GO
ALTER TABLE [Messages] DROP COLUMN [ReplyToMessageId];
GO
-- Undo: Add field moderation_status to message
DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Messages] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Messages]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Messages]'), N'ModerationStatus', 'ColumnId'));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1;
GO
ALTER TABLE [Messages] DROP COLUMN [ModerationStatus];
GO
-- Undo: Add field metadata to message
DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Messages] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Messages]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Messages]'), N'Metadata', 'ColumnId'));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2;
GO
DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Messages] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Messages]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Messages]'), N'Metadata', 'ColumnId'));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3;
GO
ALTER TABLE [Messages] DROP COLUMN [Metadata];
GO
-- Undo: Add field message_type to message
DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Messages] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Messages]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Messages]'), N'MessageType', 'ColumnId'));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4;
GO
ALTER TABLE [Messages] DROP COLUMN [MessageType];
GO
-- Undo: Add field has_attachment to message
DECLARE @dj_drop_5 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Messages] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Messages]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Messages]'), N'HasAttachment', 'ColumnId'));
IF @dj_drop_5 IS NOT NULL EXEC sp_executesql @dj_drop_5;
GO
ALTER TABLE [Messages] DROP COLUMN [HasAttachment];
GO
-- Undo: Add field edited_at to message
ALTER TABLE [Messages] DROP COLUMN [EditedAt];
GO
-- Undo: Add field deleted_by to message, its foreign key NOT VALID
ALTER TABLE [Messages] DROP CONSTRAINT [Messages_DeletedById_83b66334_fk_Users_Id];
GO
ALTER TABLE [Messages] DROP COLUMN [DeletedById];
GO
-- Undo: Add field deleted_at to message
ALTER TABLE [Messages] DROP COLUMN [DeletedAt];
GO
-- Undo: Add field client_message_id to message
ALTER TABLE [Messages] DROP COLUMN [ClientMessageId];
GO
-- Undo: Add field role to conversationparticipant
DECLARE @dj_drop_6 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ConversationParticipants]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ConversationParticipants]'), N'Role', 'ColumnId'));
IF @dj_drop_6 IS NOT NULL EXEC sp_executesql @dj_drop_6;
GO
ALTER TABLE [ConversationParticipants] DROP COLUMN [Role];
GO
-- Undo: Add field read_message_count to conversationparticipant
DECLARE @dj_drop_7 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ConversationParticipants]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ConversationParticipants]'), N'ReadMessageCount', 'ColumnId'));
IF @dj_drop_7 IS NOT NULL EXEC sp_executesql @dj_drop_7;
GO
DECLARE @dj_drop_8 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ConversationParticipants]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ConversationParticipants]'), N'ReadMessageCount', 'ColumnId'));
IF @dj_drop_8 IS NOT NULL EXEC sp_executesql @dj_drop_8;
GO
ALTER TABLE [ConversationParticipants] DROP COLUMN [ReadMessageCount];
GO
-- Undo: Add field left_at to conversationparticipant
ALTER TABLE [ConversationParticipants] DROP COLUMN [LeftAt];
GO
-- Undo: Add field last_read_message_id to conversationparticipant
ALTER TABLE [ConversationParticipants] DROP COLUMN [LastReadMessageId];
GO
-- Undo: Add field last_read_at to conversationparticipant
ALTER TABLE [ConversationParticipants] DROP COLUMN [LastReadAt];
GO
-- Undo: Add field type to conversation
DECLARE @dj_drop_9 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Conversations] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Conversations]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Conversations]'), N'Type', 'ColumnId'));
IF @dj_drop_9 IS NOT NULL EXEC sp_executesql @dj_drop_9;
GO
ALTER TABLE [Conversations] DROP COLUMN [Type];
GO
-- Undo: Add field title to conversation
DECLARE @dj_drop_10 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Conversations] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Conversations]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Conversations]'), N'Title', 'ColumnId'));
IF @dj_drop_10 IS NOT NULL EXEC sp_executesql @dj_drop_10;
GO
ALTER TABLE [Conversations] DROP COLUMN [Title];
GO
-- Undo: Add field message_count to conversation
DECLARE @dj_drop_11 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Conversations] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Conversations]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Conversations]'), N'MessageCount', 'ColumnId'));
IF @dj_drop_11 IS NOT NULL EXEC sp_executesql @dj_drop_11;
GO
DECLARE @dj_drop_12 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Conversations] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Conversations]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Conversations]'), N'MessageCount', 'ColumnId'));
IF @dj_drop_12 IS NOT NULL EXEC sp_executesql @dj_drop_12;
GO
ALTER TABLE [Conversations] DROP COLUMN [MessageCount];
GO
-- Undo: Add field last_message_id to conversation
ALTER TABLE [Conversations] DROP COLUMN [LastMessageId];
GO
-- Undo: Add field last_message_at to conversation
ALTER TABLE [Conversations] DROP COLUMN [LastMessageAt];
GO
-- Undo: Add field is_locked to conversation
DECLARE @dj_drop_13 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Conversations] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Conversations]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Conversations]'), N'IsLocked', 'ColumnId'));
IF @dj_drop_13 IS NOT NULL EXEC sp_executesql @dj_drop_13;
GO
ALTER TABLE [Conversations] DROP COLUMN [IsLocked];
GO
-- Undo: Add field direct_key to conversation
ALTER TABLE [Conversations] DROP COLUMN [DirectKey];
GO
-- Undo: Add field created_by to conversation, its foreign key NOT VALID
ALTER TABLE [Conversations] DROP CONSTRAINT [Conversations_CreatedById_5e4e33ad_fk_Users_Id];
GO
ALTER TABLE [Conversations] DROP COLUMN [CreatedById];
GO
COMMIT TRANSACTION;
GO
