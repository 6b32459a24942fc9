-- messaging.0002_enhanced_messaging (plan item 017): SQL Server DDL
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
-- Add field created_by to conversation, its foreign key NOT VALID
ALTER TABLE [Conversations] ADD [CreatedById] nvarchar(450) NULL;
GO
ALTER TABLE [Conversations] WITH NOCHECK ADD CONSTRAINT [Conversations_CreatedById_5e4e33ad_fk_Users_Id] FOREIGN KEY ([CreatedById]) REFERENCES [Users] ([Id]);
GO
-- Add field direct_key to conversation
ALTER TABLE [Conversations] ADD [DirectKey] nvarchar(64) NULL;
GO
-- Add field is_locked to conversation
ALTER TABLE [Conversations] ADD [IsLocked] bit DEFAULT 0 NOT NULL;
GO
-- Add field last_message_at to conversation
ALTER TABLE [Conversations] ADD [LastMessageAt] datetimeoffset NULL;
GO
-- Add field last_message_id to conversation
ALTER TABLE [Conversations] ADD [LastMessageId] bigint NULL;
GO
-- Add field message_count to conversation
ALTER TABLE [Conversations] ADD [MessageCount] int DEFAULT 0 NOT NULL CHECK ([MessageCount] >= 0);
GO
-- Add field title to conversation
ALTER TABLE [Conversations] ADD [Title] nvarchar(200) DEFAULT '' NOT NULL;
GO
-- Add field type to conversation
ALTER TABLE [Conversations] ADD [Type] nvarchar(10) DEFAULT 'Direct' NOT NULL;
GO
-- Add field last_read_at to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [LastReadAt] datetimeoffset NULL;
GO
-- Add field last_read_message_id to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [LastReadMessageId] bigint NULL;
GO
-- Add field left_at to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [LeftAt] datetimeoffset NULL;
GO
-- Add field read_message_count to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [ReadMessageCount] int DEFAULT 0 NOT NULL CHECK ([ReadMessageCount] >= 0);
GO
-- Add field role to conversationparticipant
ALTER TABLE [ConversationParticipants] ADD [Role] nvarchar(10) DEFAULT 'Member' NOT NULL;
GO
-- Add field client_message_id to message
ALTER TABLE [Messages] ADD [ClientMessageId] nvarchar(64) NULL;
GO
-- Add field deleted_at to message
ALTER TABLE [Messages] ADD [DeletedAt] datetimeoffset NULL;
GO
-- Add field deleted_by to message, its foreign key NOT VALID
ALTER TABLE [Messages] ADD [DeletedById] nvarchar(450) NULL;
GO
ALTER TABLE [Messages] WITH NOCHECK ADD CONSTRAINT [Messages_DeletedById_83b66334_fk_Users_Id] FOREIGN KEY ([DeletedById]) REFERENCES [Users] ([Id]);
GO
-- Add field edited_at to message
ALTER TABLE [Messages] ADD [EditedAt] datetimeoffset NULL;
GO
-- Add field has_attachment to message
ALTER TABLE [Messages] ADD [HasAttachment] bit DEFAULT 0 NOT NULL;
GO
-- Add field message_type to message
ALTER TABLE [Messages] ADD [MessageType] nvarchar(12) DEFAULT 'Text' NOT NULL;
GO
-- Add field metadata to message
ALTER TABLE [Messages] ADD [Metadata] nvarchar(max) DEFAULT '{}' NOT NULL CHECK ((ISJSON ("Metadata") = 1));
GO
-- Add field moderation_status to message
ALTER TABLE [Messages] ADD [ModerationStatus] nvarchar(10) DEFAULT 'Clean' NOT NULL;
GO
-- Add field reply_to to message, its foreign key NOT VALID
ALTER TABLE [Messages] ADD [ReplyToMessageId] bigint NULL;
GO
ALTER TABLE [Messages] WITH NOCHECK ADD CONSTRAINT [Messages_ReplyToMessageId_866a99a1_fk_Messages_Id] FOREIGN KEY ([ReplyToMessageId]) REFERENCES [Messages] ([Id]);
GO
-- Alter field sender on message
ALTER TABLE [Messages] DROP CONSTRAINT [Messages_SenderId_bf8a300e_fk_Users_Id];
GO
DROP INDEX [Messages_SenderId_bf8a300e] ON [Messages];
GO
ALTER TABLE [Messages] ADD CONSTRAINT [Messages_SenderId_bf8a300e_fk_Users_Id] FOREIGN KEY ([SenderId]) REFERENCES [Users] ([Id]);
GO
-- Create constraint CK_Conversations_Type NOT VALID on model conversation
ALTER TABLE [Conversations] WITH NOCHECK ADD CONSTRAINT [CK_Conversations_Type] CHECK ([Type] IN ('Direct', 'Group', 'Booking', 'Support'));
GO
-- Create constraint CK_ConversationParticipants_Role NOT VALID on model conversationparticipant
ALTER TABLE [ConversationParticipants] WITH NOCHECK ADD CONSTRAINT [CK_ConversationParticipants_Role] CHECK ([Role] IN ('Owner', 'Admin', 'Member'));
GO
-- Create constraint CK_Messages_Type NOT VALID on model message
ALTER TABLE [Messages] WITH NOCHECK ADD CONSTRAINT [CK_Messages_Type] CHECK ([MessageType] IN ('Text', 'Image', 'File', 'System', 'CallEvent', 'BookingEvent'));
GO
-- Create constraint CK_Messages_ModerationStatus NOT VALID on model message
ALTER TABLE [Messages] WITH NOCHECK ADD CONSTRAINT [CK_Messages_ModerationStatus] CHECK ([ModerationStatus] IN ('Clean', 'Pending', 'Flagged', 'Blocked'));
GO
COMMIT TRANSACTION;
GO
