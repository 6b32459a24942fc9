-- messaging.0009_conversation_management (plan item 024): SQL Server DDL
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
-- Create model MessageEdit
CREATE TABLE [MessageEdits] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [MessageId] bigint NOT NULL, [PreviousContent] nvarchar(max) NOT NULL, [EditedById] nvarchar(450) NULL, [EditedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL);
GO
-- Create model UserBlock
CREATE TABLE [UserBlocks] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [BlockerId] nvarchar(450) NOT NULL, [BlockedId] nvarchar(450) NOT NULL, [Reason] nvarchar(200) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [UX_UserBlocks_Pair] UNIQUE ([BlockerId], [BlockedId]), CONSTRAINT [CK_UserBlocks_NotSelf] CHECK (([BlockerId] < ([BlockedId]) OR [BlockerId] > ([BlockedId]))));
GO
-- Add field is_archived to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [IsArchived] bit DEFAULT 0 NOT NULL;
GO
-- Add field is_muted to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [IsMuted] bit DEFAULT 0 NOT NULL;
GO
-- Add field is_pinned to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [IsPinned] bit DEFAULT 0 NOT NULL;
GO
-- Add field muted_until to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [MutedUntil] datetimeoffset NULL;
GO
-- Add field notification_level to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [NotificationLevel] nvarchar(8) DEFAULT 'All' NOT NULL;
GO
-- Add field pinned_at to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [PinnedAt] datetimeoffset NULL;
GO
-- Alter field user on conversationparticipant
ALTER TABLE [ConversationParticipants] DROP CONSTRAINT [ConversationParticipants_UserId_df636fbd_fk_Users_Id];
GO
DROP INDEX [ConversationParticipants_UserId_df636fbd] ON [ConversationParticipants];
GO
ALTER TABLE [ConversationParticipants] ADD CONSTRAINT [ConversationParticipants_UserId_df636fbd_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
-- Create constraint CK_ConversationParticipants_NotificationLevel NOT VALID on model conversationparticipant
ALTER TABLE [ConversationParticipants] WITH NOCHECK ADD CONSTRAINT [CK_ConversationParticipants_NotificationLevel] CHECK ([NotificationLevel] IN ('All', 'Mentions', 'None'));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_MessageEdits_Msg] ON [MessageEdits] ([MessageId], [EditedAt]);
GO
CREATE INDEX [IX_UserBlocks_Blocked] ON [UserBlocks] ([BlockedId]);
GO
CREATE INDEX [MessageEdits_EditedById_a0c3081f] ON [MessageEdits] ([EditedById]);
GO
ALTER TABLE [MessageEdits] ADD CONSTRAINT [MessageEdits_EditedById_a0c3081f_fk_Users_Id] FOREIGN KEY ([EditedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [MessageEdits] ADD CONSTRAINT [MessageEdits_MessageId_6cae93d6_fk_Messages_Id] FOREIGN KEY ([MessageId]) REFERENCES [Messages] ([Id]);
GO
ALTER TABLE [UserBlocks] ADD CONSTRAINT [UserBlocks_BlockedId_a288f2d7_fk_Users_Id] FOREIGN KEY ([BlockedId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [UserBlocks] ADD CONSTRAINT [UserBlocks_BlockerId_fa06894b_fk_Users_Id] FOREIGN KEY ([BlockerId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
