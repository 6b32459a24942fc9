-- Phase 3 deploy script for SQL Server, idempotent: every statement is guarded
-- by `django_migrations`, so the script can run again after a stop or a failure.
-- Rendered offline by `manage.py plan ddl --vendor mssql`. Do not edit; re-render.
-- Run with `sqlcmd -b -I -i <file>` so that the first error stops the script.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
IF OBJECT_ID(N'[django_migrations]', N'U') IS NULL
    CREATE TABLE [django_migrations] ([id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [app] nvarchar(255) NOT NULL, [name] nvarchar(255) NOT NULL, [applied] datetimeoffset NOT NULL);
GO
-- messaging.0002_enhanced_messaging (plan item 017)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] ADD [CreatedById] nvarchar(450) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] WITH NOCHECK ADD CONSTRAINT [Conversations_CreatedById_5e4e33ad_fk_Users_Id] FOREIGN KEY ([CreatedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] ADD [DirectKey] nvarchar(64) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] ADD [IsLocked] bit DEFAULT 0 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] ADD [LastMessageAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] ADD [LastMessageId] bigint NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] ADD [MessageCount] int DEFAULT 0 NOT NULL CHECK ([MessageCount] >= 0)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] ADD [Title] nvarchar(200) DEFAULT '''' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] ADD [Type] nvarchar(10) DEFAULT ''Direct'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [LastReadAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [LastReadMessageId] bigint NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [LeftAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [ReadMessageCount] int DEFAULT 0 NOT NULL CHECK ([ReadMessageCount] >= 0)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [Role] nvarchar(10) DEFAULT ''Member'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD [ClientMessageId] nvarchar(64) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD [DeletedAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD [DeletedById] nvarchar(450) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] WITH NOCHECK ADD CONSTRAINT [Messages_DeletedById_83b66334_fk_Users_Id] FOREIGN KEY ([DeletedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD [EditedAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD [HasAttachment] bit DEFAULT 0 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD [MessageType] nvarchar(12) DEFAULT ''Text'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD [Metadata] nvarchar(max) DEFAULT ''{}'' NOT NULL CHECK ((ISJSON ("Metadata") = 1))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD [ModerationStatus] nvarchar(10) DEFAULT ''Clean'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD [ReplyToMessageId] bigint NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] WITH NOCHECK ADD CONSTRAINT [Messages_ReplyToMessageId_866a99a1_fk_Messages_Id] FOREIGN KEY ([ReplyToMessageId]) REFERENCES [Messages] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP CONSTRAINT [Messages_SenderId_bf8a300e_fk_Users_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DROP INDEX [Messages_SenderId_bf8a300e] ON [Messages]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD CONSTRAINT [Messages_SenderId_bf8a300e_fk_Users_Id] FOREIGN KEY ([SenderId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] WITH NOCHECK ADD CONSTRAINT [CK_Conversations_Type] CHECK ([Type] IN (''Direct'', ''Group'', ''Booking'', ''Support''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] WITH NOCHECK ADD CONSTRAINT [CK_ConversationParticipants_Role] CHECK ([Role] IN (''Owner'', ''Admin'', ''Member''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] WITH NOCHECK ADD CONSTRAINT [CK_Messages_Type] CHECK ([MessageType] IN (''Text'', ''Image'', ''File'', ''System'', ''CallEvent'', ''BookingEvent''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] WITH NOCHECK ADD CONSTRAINT [CK_Messages_ModerationStatus] CHECK ([ModerationStatus] IN (''Clean'', ''Pending'', ''Flagged'', ''Blocked''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0002_enhanced_messaging', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0002_online_enhanced_messaging_indexes (plan item 017)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [Conversations_CreatedById_5e4e33ad] ON [Conversations] ([CreatedById]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [Conversations_CreatedById_5e4e33ad] ON [Conversations] ([CreatedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [Messages_DeletedById_83b66334] ON [Messages] ([DeletedById]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [Messages_DeletedById_83b66334] ON [Messages] ([DeletedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [Messages_ReplyToMessageId_866a99a1] ON [Messages] ([ReplyToMessageId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [Messages_ReplyToMessageId_866a99a1] ON [Messages] ([ReplyToMessageId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [IX_Messages_Conv_Id] ON [Messages] ([ConversationId], [Id] DESC) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [IX_Messages_Conv_Id] ON [Messages] ([ConversationId], [Id] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE UNIQUE INDEX [UX_Messages_Sender_ClientId] ON [Messages] ([SenderId], [ClientMessageId]) WHERE ([ClientMessageId] IS NOT NULL AND [SenderId] IS NOT NULL) WITH (ONLINE = ON)
ELSE
    CREATE UNIQUE INDEX [UX_Messages_Sender_ClientId] ON [Messages] ([SenderId], [ClientMessageId]) WHERE ([ClientMessageId] IS NOT NULL AND [SenderId] IS NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] WITH CHECK CHECK CONSTRAINT [Conversations_CreatedById_5e4e33ad_fk_Users_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'ALTER TABLE [Messages] WITH CHECK CHECK CONSTRAINT [Messages_DeletedById_83b66334_fk_Users_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'ALTER TABLE [Messages] WITH CHECK CHECK CONSTRAINT [Messages_ReplyToMessageId_866a99a1_fk_Messages_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] WITH CHECK CHECK CONSTRAINT [CK_Conversations_Type]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] WITH CHECK CHECK CONSTRAINT [CK_ConversationParticipants_Role]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'ALTER TABLE [Messages] WITH CHECK CHECK CONSTRAINT [CK_Messages_Type]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'ALTER TABLE [Messages] WITH CHECK CHECK CONSTRAINT [CK_Messages_ModerationStatus]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0002_online_enhanced_messaging_indexes', SYSUTCDATETIME());
END;
GO
-- messaging.0002_enhanced_messaging_backfill (plan item 017)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_backfill')
    THROW 50001, N'messaging.0002_enhanced_messaging_backfill runs Python (set_types_and_direct_keys, merge_duplicate_direct_conversations, count_messages_and_set_read_cursors): apply it with manage.py migrate messaging 0002_enhanced_messaging_backfill, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_backfill')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_backfill')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0002_enhanced_messaging_backfill', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0002_enhanced_messaging_direct_keys (plan item 017)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_direct_keys')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_direct_keys')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] WITH NOCHECK ADD CONSTRAINT [CK_Conversations_Direct] CHECK (([Type] IN (''Group'', ''Booking'', ''Support'') OR [DirectKey] IS NOT NULL))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_direct_keys')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0002_enhanced_messaging_direct_keys', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0002_online_enhanced_messaging_direct_keys (plan item 017)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_direct_keys')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE UNIQUE INDEX [UX_Conversations_DirectKey] ON [Conversations] ([DirectKey]) WHERE [DirectKey] IS NOT NULL WITH (ONLINE = ON)
ELSE
    CREATE UNIQUE INDEX [UX_Conversations_DirectKey] ON [Conversations] ([DirectKey]) WHERE [DirectKey] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_direct_keys')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] WITH CHECK CHECK CONSTRAINT [CK_Conversations_Direct]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_direct_keys')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0002_online_enhanced_messaging_direct_keys', SYSUTCDATETIME());
END;
GO
-- messaging.0003_message_attachments (plan item 018)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0003_message_attachments')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0003_message_attachments')
BEGIN
    EXEC(N'CREATE TABLE [MessageAttachments] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [SortOrder] smallint NOT NULL CONSTRAINT MessageAttachments_SortOrder_ea95a71b_check CHECK ([SortOrder] >= 0), [Caption] nvarchar(500) NOT NULL, [FileId] char(32) NOT NULL, [MessageId] bigint NOT NULL, CONSTRAINT [UX_MsgAttachments_Msg_File] UNIQUE ([MessageId], [FileId]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0003_message_attachments')
BEGIN
    EXEC(N'CREATE INDEX [IX_MsgAttachments_File] ON [MessageAttachments] ([FileId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0003_message_attachments')
BEGIN
    EXEC(N'ALTER TABLE [MessageAttachments] ADD CONSTRAINT [MessageAttachments_FileId_5710f9ad_fk_StoredFiles_Id] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0003_message_attachments')
BEGIN
    EXEC(N'ALTER TABLE [MessageAttachments] ADD CONSTRAINT [MessageAttachments_MessageId_13d2f138_fk_Messages_Id] FOREIGN KEY ([MessageId]) REFERENCES [Messages] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0003_message_attachments')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0003_message_attachments', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0004_reactions_read_receipts (plan item 019)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    EXEC(N'CREATE TABLE [MessageReactions] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [EmojiCode] nvarchar(64) NOT NULL, [EmojiName] nvarchar(64) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [MessageId] bigint NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_Reactions_Msg_User_Emoji] UNIQUE ([MessageId], [UserId], [EmojiCode]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    EXEC(N'CREATE TABLE [MessageReadReceipts] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [DeliveredAt] datetimeoffset NULL, [ReadAt] datetimeoffset NULL, [MessageId] bigint NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_ReadReceipts_Msg_User] UNIQUE ([MessageId], [UserId]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    EXEC(N'CREATE INDEX [IX_ReadReceipts_User_Unread] ON [MessageReadReceipts] ([UserId], [MessageId]) WHERE [ReadAt] IS NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    EXEC(N'CREATE INDEX [MessageReactions_UserId_d143f012] ON [MessageReactions] ([UserId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    EXEC(N'ALTER TABLE [MessageReactions] ADD CONSTRAINT [MessageReactions_MessageId_de2c1ef0_fk_Messages_Id] FOREIGN KEY ([MessageId]) REFERENCES [Messages] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    EXEC(N'ALTER TABLE [MessageReactions] ADD CONSTRAINT [MessageReactions_UserId_d143f012_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    EXEC(N'ALTER TABLE [MessageReadReceipts] ADD CONSTRAINT [MessageReadReceipts_MessageId_ad53ba34_fk_Messages_Id] FOREIGN KEY ([MessageId]) REFERENCES [Messages] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    EXEC(N'ALTER TABLE [MessageReadReceipts] ADD CONSTRAINT [MessageReadReceipts_UserId_172471f0_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0004_reactions_read_receipts', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0005_video_calls (plan item 020)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'CREATE TABLE [VideoCallSessions] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [CallType] nvarchar(6) NOT NULL, [VideoProvider] nvarchar(10) NOT NULL, [ExternalRoomId] nvarchar(100) NULL, [JoinUrl] nvarchar(500) NOT NULL, [Status] nvarchar(12) NOT NULL, [ScheduledStartAt] datetimeoffset NULL, [StartedAt] datetimeoffset NULL, [EndedAt] datetimeoffset NULL, [DurationSeconds] int NULL CONSTRAINT VideoCallSessions_DurationSeconds_a9633ed1_check CHECK ([DurationSeconds] >= 0), [EndReason] nvarchar(30) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ConversationId] char(32) NULL, [InitiatedById] nvarchar(450) NULL, [RecordingFileId] char(32) NULL, CONSTRAINT [CK_VideoCalls_Times] CHECK (([EndedAt] IS NULL OR [StartedAt] IS NULL OR [EndedAt] >= ([StartedAt]))), CONSTRAINT [CK_VideoCalls_Status] CHECK ([Status] IN (''Scheduled'', ''Ringing'', ''InProgress'', ''Completed'', ''Missed'', ''Declined'', ''Canceled'', ''Failed'')), CONSTRAINT [CK_VideoCallSessions_CallType] CHECK ([CallType] IN (''Audio'', ''Video'')), CONSTRAINT [CK_VideoCallSessions_VideoProvider] CHECK ([VideoProvider] IN (''Twilio'', ''Daily'', ''Jitsi'', ''Zoom'', ''WebRTC'')), CONSTRAINT [CK_VideoCallSessions_EndReason] CHECK ([EndReason] IN ('''', ''HungUp'', ''Timeout'', ''Error'', ''ProviderEnded'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'CREATE TABLE [VideoCallParticipants] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Role] nvarchar(12) NOT NULL, [Status] nvarchar(12) NOT NULL, [InvitedAt] datetimeoffset NULL, [JoinedAt] datetimeoffset NULL, [LeftAt] datetimeoffset NULL, [DurationSeconds] int NULL CONSTRAINT VideoCallParticipants_DurationSeconds_bf937151_check CHECK ([DurationSeconds] >= 0), [UserId] nvarchar(450) NOT NULL, [SessionId] char(32) NOT NULL, CONSTRAINT [UX_CallParticipants_Sess_User] UNIQUE ([SessionId], [UserId]), CONSTRAINT [CK_VideoCallParticipants_Role] CHECK ([Role] IN (''Host'', ''Participant'')), CONSTRAINT [CK_VideoCallParticipants_Status] CHECK ([Status] IN (''Invited'', ''Ringing'', ''Connected'', ''Disconnected'', ''Declined'', ''Missed'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'CREATE INDEX [IX_VideoCalls_Conv_Created] ON [VideoCallSessions] ([ConversationId], [CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'CREATE INDEX [IX_VideoCalls_Status] ON [VideoCallSessions] ([Status]) WHERE [Status] IN (''Ringing'', ''InProgress'')');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'CREATE INDEX [VideoCallParticipants_UserId_91d3282b] ON [VideoCallParticipants] ([UserId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'CREATE INDEX [VideoCallSessions_InitiatedById_6bf986e2] ON [VideoCallSessions] ([InitiatedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'CREATE INDEX [VideoCallSessions_RecordingFileId_bd5e37d6] ON [VideoCallSessions] ([RecordingFileId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_VideoCalls_Prov_Room] ON [VideoCallSessions] ([VideoProvider], [ExternalRoomId]) WHERE [ExternalRoomId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'ALTER TABLE [VideoCallParticipants] ADD CONSTRAINT [VideoCallParticipants_SessionId_6625f46f_fk_VideoCallSessions_Id] FOREIGN KEY ([SessionId]) REFERENCES [VideoCallSessions] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'ALTER TABLE [VideoCallParticipants] ADD CONSTRAINT [VideoCallParticipants_UserId_91d3282b_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'ALTER TABLE [VideoCallSessions] ADD CONSTRAINT [VideoCallSessions_ConversationId_398a07c8_fk_Conversations_Id] FOREIGN KEY ([ConversationId]) REFERENCES [Conversations] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'ALTER TABLE [VideoCallSessions] ADD CONSTRAINT [VideoCallSessions_InitiatedById_6bf986e2_fk_Users_Id] FOREIGN KEY ([InitiatedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'ALTER TABLE [VideoCallSessions] ADD CONSTRAINT [VideoCallSessions_RecordingFileId_bd5e37d6_fk_StoredFiles_Id] FOREIGN KEY ([RecordingFileId]) REFERENCES [StoredFiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0005_video_calls', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0006_notifications (plan item 021)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'CREATE TABLE [Notifications] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [NotificationType] nvarchar(60) NOT NULL, [Level] nvarchar(8) NOT NULL, [Title] nvarchar(200) NOT NULL, [Body] nvarchar(1000) NOT NULL, [EntityType] nvarchar(100) NULL, [EntityId] nvarchar(100) NULL, [ActionUrl] nvarchar(500) NOT NULL, [Data] nvarchar(max) NOT NULL CONSTRAINT Notifications_Data_74c5cf44_check CHECK ((ISJSON ("Data") = 1)), [DedupeKey] nvarchar(150) NULL, [IsRead] bit DEFAULT 0 NOT NULL, [ReadAt] datetimeoffset NULL, [IsArchived] bit DEFAULT 0 NOT NULL, [ScheduledFor] datetimeoffset NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ExpiresAt] datetimeoffset NULL, [ActorId] nvarchar(450) NULL, [RecipientId] nvarchar(450) NOT NULL, CONSTRAINT [CK_Notifs_Read] CHECK (([IsRead] = 0 OR [ReadAt] IS NOT NULL)), CONSTRAINT [CK_Notifications_Level] CHECK ([Level] IN (''success'', ''info'', ''warning'', ''error'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'CREATE TABLE [NotificationDeliveries] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Channel] nvarchar(8) NOT NULL, [Status] nvarchar(10) NOT NULL, [SkipReason] nvarchar(30) NOT NULL, [AttemptCount] smallint NOT NULL CONSTRAINT NotificationDeliveries_AttemptCount_76cc533b_check CHECK ([AttemptCount] >= 0), [NextAttemptAt] datetimeoffset NULL, [LastError] nvarchar(500) NOT NULL, [ProviderMessageId] nvarchar(200) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [SentAt] datetimeoffset NULL, [DeliveredAt] datetimeoffset NULL, [NotificationId] bigint NOT NULL, CONSTRAINT [CK_NotificationDeliveries_Channel] CHECK ([Channel] IN (''InApp'', ''Email'', ''Sms'', ''Push'')), CONSTRAINT [CK_NotificationDeliveries_Status] CHECK ([Status] IN (''Pending'', ''Sent'', ''Delivered'', ''Failed'', ''Skipped'')), CONSTRAINT [CK_NotificationDeliveries_SkipReason] CHECK ([SkipReason] IN ('''', ''UserOptOut'', ''QuietHours'', ''NoDevice'', ''MasterSwitchOff'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'CREATE INDEX [IX_NotifDeliveries_Notif] ON [NotificationDeliveries] ([NotificationId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'CREATE INDEX [IX_NotifDeliveries_Status] ON [NotificationDeliveries] ([Status], [Channel]) WHERE [Status] = ''Pending''');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'CREATE INDEX [IX_Notifs_Recipient_Unread] ON [Notifications] ([RecipientId], [IsRead], [CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'CREATE INDEX [IX_Notifs_Scheduled] ON [Notifications] ([ScheduledFor]) WHERE [ScheduledFor] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'CREATE INDEX [Notifications_ActorId_88afa35e] ON [Notifications] ([ActorId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Notifs_Recipient_Dedupe] ON [Notifications] ([RecipientId], [DedupeKey]) WHERE [DedupeKey] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'ALTER TABLE [NotificationDeliveries] ADD CONSTRAINT [NotificationDeliveries_NotificationId_98775914_fk_Notifications_Id] FOREIGN KEY ([NotificationId]) REFERENCES [Notifications] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'ALTER TABLE [Notifications] ADD CONSTRAINT [Notifications_ActorId_88afa35e_fk_Users_Id] FOREIGN KEY ([ActorId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'ALTER TABLE [Notifications] ADD CONSTRAINT [Notifications_RecipientId_fc1a239f_fk_Users_Id] FOREIGN KEY ([RecipientId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0006_notifications', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0007_push_settings (plan item 022)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'CREATE TABLE [NotificationPreferences] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [NotificationType] nvarchar(60) NOT NULL, [Channel] nvarchar(8) NOT NULL, [IsEnabled] bit DEFAULT 1 NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_NotifPrefs_User_Type_Chan] UNIQUE ([UserId], [NotificationType], [Channel]), CONSTRAINT [CK_NotificationPreferences_Channel] CHECK ([Channel] IN (''InApp'', ''Email'', ''Sms'', ''Push'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'CREATE TABLE [PushDevices] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Platform] nvarchar(8) NOT NULL, [Token] nvarchar(max) NOT NULL, [TokenHash] nvarchar(64) NOT NULL, [P256dh] nvarchar(88) NOT NULL, [Auth] nvarchar(24) NOT NULL, [Browser] nvarchar(10) NOT NULL, [ApplicationId] nvarchar(64) NOT NULL, [DeviceName] nvarchar(100) NOT NULL, [AppVersion] nvarchar(30) NOT NULL, [IsActive] bit DEFAULT 1 NOT NULL, [FailureCount] smallint NOT NULL CONSTRAINT PushDevices_FailureCount_bd34024f_check CHECK ([FailureCount] >= 0), [LastUsedAt] datetimeoffset NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_PushDevices_TokenHash] UNIQUE ([TokenHash]), CONSTRAINT [CK_PushDevices_WebPushKeys] CHECK (([Platform] IN (''FCM'', ''APNS'') OR ([P256dh] > '''' AND [Auth] > ''''))), CONSTRAINT [CK_PushDevices_Platform] CHECK ([Platform] IN (''WebPush'', ''FCM'', ''APNS'')), CONSTRAINT [CK_PushDevices_Browser] CHECK ([Browser] IN ('''', ''CHROME'', ''FIREFOX'', ''OPERA'', ''EDGE'', ''SAFARI'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'ALTER TABLE [NotificationDeliveries] ADD [PushDeviceId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_NotifDeliveries_Notif_Chan] ON [NotificationDeliveries] ([NotificationId], [Channel]) WHERE [PushDeviceId] IS NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_NotifDeliveries_Notif_Dev] ON [NotificationDeliveries] ([NotificationId], [PushDeviceId]) WHERE [PushDeviceId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'CREATE INDEX [IX_PushDevices_User_Active] ON [PushDevices] ([UserId], [IsActive])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'CREATE INDEX [NotificationDeliveries_PushDeviceId_95450e86] ON [NotificationDeliveries] ([PushDeviceId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'ALTER TABLE [NotificationDeliveries] ADD CONSTRAINT [NotificationDeliveries_PushDeviceId_95450e86_fk_PushDevices_Id] FOREIGN KEY ([PushDeviceId]) REFERENCES [PushDevices] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'ALTER TABLE [NotificationPreferences] ADD CONSTRAINT [NotificationPreferences_UserId_cb8a7a66_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'ALTER TABLE [PushDevices] ADD CONSTRAINT [PushDevices_UserId_6049b158_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0007_push_settings', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0008_presence (plan item 023)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    EXEC(N'CREATE TABLE [UserPresences] ([UserId] nvarchar(450) NOT NULL PRIMARY KEY, [Status] nvarchar(8) NOT NULL, [LastActiveAt] datetimeoffset NULL, [LastConnectedAt] datetimeoffset NULL, [StatusText] nvarchar(100) NOT NULL, [StatusExpiresAt] datetimeoffset NULL, [LastUpdateId] bigint NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_UserPresences_Status] CHECK ([Status] IN ('''', ''Busy'', ''Away'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    EXEC(N'CREATE TABLE [UserActivityIntervals] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [StartAt] datetimeoffset NOT NULL, [EndAt] datetimeoffset NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [CK_ActivityIntervals_Range] CHECK ([EndAt] >= ([StartAt])))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    EXEC(N'CREATE INDEX [IX_ActivityIntervals_User_End] ON [UserActivityIntervals] ([UserId], [EndAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    EXEC(N'CREATE INDEX [IX_Presence_LastActive] ON [UserPresences] ([LastActiveAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    EXEC(N'CREATE INDEX [IX_Presence_LastUpdate] ON [UserPresences] ([LastUpdateId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    EXEC(N'ALTER TABLE [UserActivityIntervals] ADD CONSTRAINT [UserActivityIntervals_UserId_dea3b977_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    EXEC(N'ALTER TABLE [UserPresences] ADD CONSTRAINT [UserPresences_UserId_f4394eab_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0008_presence', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0009_conversation_management (plan item 024)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'CREATE TABLE [MessageEdits] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [MessageId] bigint NOT NULL, [PreviousContent] nvarchar(max) NOT NULL, [EditedById] nvarchar(450) NULL, [EditedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'CREATE TABLE [UserBlocks] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [BlockerId] nvarchar(450) NOT NULL, [BlockedId] nvarchar(450) NOT NULL, [Reason] nvarchar(200) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [UX_UserBlocks_Pair] UNIQUE ([BlockerId], [BlockedId]), CONSTRAINT [CK_UserBlocks_NotSelf] CHECK (([BlockerId] < ([BlockedId]) OR [BlockerId] > ([BlockedId]))))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [IsArchived] bit DEFAULT 0 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [IsMuted] bit DEFAULT 0 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [IsPinned] bit DEFAULT 0 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [MutedUntil] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [NotificationLevel] nvarchar(8) DEFAULT ''All'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD [PinnedAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT [ConversationParticipants_UserId_df636fbd_fk_Users_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'DROP INDEX [ConversationParticipants_UserId_df636fbd] ON [ConversationParticipants]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD CONSTRAINT [ConversationParticipants_UserId_df636fbd_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] WITH NOCHECK ADD CONSTRAINT [CK_ConversationParticipants_NotificationLevel] CHECK ([NotificationLevel] IN (''All'', ''Mentions'', ''None''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'CREATE INDEX [IX_MessageEdits_Msg] ON [MessageEdits] ([MessageId], [EditedAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserBlocks_Blocked] ON [UserBlocks] ([BlockedId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'CREATE INDEX [MessageEdits_EditedById_a0c3081f] ON [MessageEdits] ([EditedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [MessageEdits] ADD CONSTRAINT [MessageEdits_EditedById_a0c3081f_fk_Users_Id] FOREIGN KEY ([EditedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [MessageEdits] ADD CONSTRAINT [MessageEdits_MessageId_6cae93d6_fk_Messages_Id] FOREIGN KEY ([MessageId]) REFERENCES [Messages] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [UserBlocks] ADD CONSTRAINT [UserBlocks_BlockedId_a288f2d7_fk_Users_Id] FOREIGN KEY ([BlockedId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [UserBlocks] ADD CONSTRAINT [UserBlocks_BlockerId_fa06894b_fk_Users_Id] FOREIGN KEY ([BlockerId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0009_conversation_management', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0009_online_conversation_management (plan item 024)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_online_conversation_management')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [IX_ConvParticipants_User_Inbox] ON [ConversationParticipants] ([UserId], [IsArchived], [IsPinned]) WHERE [LeftAt] IS NULL WITH (ONLINE = ON)
ELSE
    CREATE INDEX [IX_ConvParticipants_User_Inbox] ON [ConversationParticipants] ([UserId], [IsArchived], [IsPinned]) WHERE [LeftAt] IS NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_online_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] WITH CHECK CHECK CONSTRAINT [CK_ConversationParticipants_NotificationLevel]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_online_conversation_management')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0009_online_conversation_management', SYSUTCDATETIME());
END;
GO
-- messaging.0009_conversation_management_drop_is_read (plan item 024)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management_drop_is_read')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management_drop_is_read')
BEGIN
    EXEC(N'DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Messages] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Messages]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Messages]''), N''IsRead'', ''ColumnId''));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management_drop_is_read')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP COLUMN [IsRead]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management_drop_is_read')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0009_conversation_management_drop_is_read', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
