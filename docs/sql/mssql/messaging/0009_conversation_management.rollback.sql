-- messaging.0009_conversation_management (plan item 024): SQL Server rollback DDL
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
-- Undo: Create constraint CK_ConversationParticipants_NotificationLevel NOT VALID on model conversationparticipant
ALTER TABLE [ConversationParticipants] DROP CONSTRAINT [CK_ConversationParticipants_NotificationLevel];
GO
-- Undo: Alter field user on conversationparticipant
ALTER TABLE [ConversationParticipants] DROP CONSTRAINT [ConversationParticipants_UserId_df636fbd_fk_Users_Id];
GO
CREATE INDEX [ConversationParticipants_UserId_df636fbd] ON [ConversationParticipants] ([UserId]);
GO
ALTER TABLE [ConversationParticipants] ADD CONSTRAINT [ConversationParticipants_UserId_df636fbd_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
-- Undo: Add field pinned_at to conversationparticipant
ALTER TABLE [ConversationParticipants] DROP COLUMN [PinnedAt];
GO
-- Undo: Add field notification_level to conversationparticipant
DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ConversationParticipants]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ConversationParticipants]'), N'NotificationLevel', 'ColumnId'));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1;
GO
ALTER TABLE [ConversationParticipants] DROP COLUMN [NotificationLevel];
GO
-- Undo: Add field muted_until to conversationparticipant
ALTER TABLE [ConversationParticipants] DROP COLUMN [MutedUntil];
GO
-- Undo: Add field is_pinned to conversationparticipant
DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ConversationParticipants]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ConversationParticipants]'), N'IsPinned', 'ColumnId'));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2;
GO
ALTER TABLE [ConversationParticipants] DROP COLUMN [IsPinned];
GO
-- Undo: Add field is_muted to conversationparticipant
DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ConversationParticipants]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ConversationParticipants]'), N'IsMuted', 'ColumnId'));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3;
GO
ALTER TABLE [ConversationParticipants] DROP COLUMN [IsMuted];
GO
-- Undo: Add field is_archived to conversationparticipant
DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ConversationParticipants]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ConversationParticipants]'), N'IsArchived', 'ColumnId'));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4;
GO
ALTER TABLE [ConversationParticipants] DROP COLUMN [IsArchived];
GO
-- Undo: Create model UserBlock
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[UserBlocks]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[UserBlocks]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[UserBlocks]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserBlocks];
GO
-- Undo: Create model MessageEdit
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[MessageEdits]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[MessageEdits]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[MessageEdits]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [MessageEdits];
GO
COMMIT TRANSACTION;
GO
