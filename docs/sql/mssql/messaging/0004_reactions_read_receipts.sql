-- messaging.0004_reactions_read_receipts (plan item 019): SQL Server DDL
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
-- Create model MessageReaction
CREATE TABLE [MessageReactions] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [EmojiCode] nvarchar(64) NOT NULL, [EmojiName] nvarchar(64) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [MessageId] bigint NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_Reactions_Msg_User_Emoji] UNIQUE ([MessageId], [UserId], [EmojiCode]));
GO
-- Create model MessageReadReceipt
CREATE TABLE [MessageReadReceipts] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [DeliveredAt] datetimeoffset NULL, [ReadAt] datetimeoffset NULL, [MessageId] bigint NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_ReadReceipts_Msg_User] UNIQUE ([MessageId], [UserId]));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_ReadReceipts_User_Unread] ON [MessageReadReceipts] ([UserId], [MessageId]) WHERE [ReadAt] IS NULL;
GO
CREATE INDEX [MessageReactions_UserId_d143f012] ON [MessageReactions] ([UserId]);
GO
ALTER TABLE [MessageReactions] ADD CONSTRAINT [MessageReactions_MessageId_de2c1ef0_fk_Messages_Id] FOREIGN KEY ([MessageId]) REFERENCES [Messages] ([Id]);
GO
ALTER TABLE [MessageReactions] ADD CONSTRAINT [MessageReactions_UserId_d143f012_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [MessageReadReceipts] ADD CONSTRAINT [MessageReadReceipts_MessageId_ad53ba34_fk_Messages_Id] FOREIGN KEY ([MessageId]) REFERENCES [Messages] ([Id]);
GO
ALTER TABLE [MessageReadReceipts] ADD CONSTRAINT [MessageReadReceipts_UserId_172471f0_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
