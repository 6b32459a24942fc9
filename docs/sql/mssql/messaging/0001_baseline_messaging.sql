-- messaging.0001_baseline_messaging (plan item 000): SQL Server DDL
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
-- Create model Conversation
CREATE TABLE [Conversations] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY);
GO
-- Create model ConversationParticipant
CREATE TABLE [ConversationParticipants] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ConversationId] char(32) NOT NULL, [UserId] nvarchar(450) NOT NULL, [JoinedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [UX_ConvParticipants_Conv_User] UNIQUE ([ConversationId], [UserId]));
GO
-- Create model Message
CREATE TABLE [Messages] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ConversationId] char(32) NOT NULL, [SenderId] nvarchar(450) NULL, [Content] nvarchar(max) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [IsRead] bit DEFAULT 0 NOT NULL);
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [ConversationParticipants_UserId_df636fbd] ON [ConversationParticipants] ([UserId]);
GO
CREATE INDEX [IX_Messages_Conv_Created] ON [Messages] ([ConversationId], [CreatedAt] DESC);
GO
CREATE INDEX [Messages_SenderId_bf8a300e] ON [Messages] ([SenderId]);
GO
ALTER TABLE [ConversationParticipants] ADD CONSTRAINT [ConversationParticipants_ConversationId_68210e4b_fk_Conversations_Id] FOREIGN KEY ([ConversationId]) REFERENCES [Conversations] ([Id]);
GO
ALTER TABLE [ConversationParticipants] ADD CONSTRAINT [ConversationParticipants_UserId_df636fbd_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [Messages] ADD CONSTRAINT [Messages_ConversationId_04dbadd6_fk_Conversations_Id] FOREIGN KEY ([ConversationId]) REFERENCES [Conversations] ([Id]);
GO
ALTER TABLE [Messages] ADD CONSTRAINT [Messages_SenderId_bf8a300e_fk_Users_Id] FOREIGN KEY ([SenderId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
