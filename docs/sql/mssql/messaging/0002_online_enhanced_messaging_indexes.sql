-- messaging.0002_online_enhanced_messaging_indexes (plan item 017): SQL Server DDL
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
-- Create the index of field created_by online on model conversation
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [Conversations_CreatedById_5e4e33ad] ON [Conversations] ([CreatedById]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [Conversations_CreatedById_5e4e33ad] ON [Conversations] ([CreatedById]);
GO
-- Create the index of field deleted_by online on model message
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [Messages_DeletedById_83b66334] ON [Messages] ([DeletedById]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [Messages_DeletedById_83b66334] ON [Messages] ([DeletedById]);
GO
-- Create the index of field reply_to online on model message
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [Messages_ReplyToMessageId_866a99a1] ON [Messages] ([ReplyToMessageId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [Messages_ReplyToMessageId_866a99a1] ON [Messages] ([ReplyToMessageId]);
GO
-- Create index IX_Messages_Conv_Id online on model message
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [IX_Messages_Conv_Id] ON [Messages] ([ConversationId], [Id] DESC) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [IX_Messages_Conv_Id] ON [Messages] ([ConversationId], [Id] DESC);
GO
-- Create unique constraint UX_Messages_Sender_ClientId online on model message
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE UNIQUE INDEX [UX_Messages_Sender_ClientId] ON [Messages] ([SenderId], [ClientMessageId]) WHERE ([ClientMessageId] IS NOT NULL AND [SenderId] IS NOT NULL) WITH (ONLINE = ON)
ELSE
    CREATE UNIQUE INDEX [UX_Messages_Sender_ClientId] ON [Messages] ([SenderId], [ClientMessageId]) WHERE ([ClientMessageId] IS NOT NULL AND [SenderId] IS NOT NULL);
GO
-- Validate the foreign key of field created_by on model conversation
ALTER TABLE [Conversations] WITH CHECK CHECK CONSTRAINT [Conversations_CreatedById_5e4e33ad_fk_Users_Id];
GO
-- Validate the foreign key of field deleted_by on model message
ALTER TABLE [Messages] WITH CHECK CHECK CONSTRAINT [Messages_DeletedById_83b66334_fk_Users_Id];
GO
-- Validate the foreign key of field reply_to on model message
ALTER TABLE [Messages] WITH CHECK CHECK CONSTRAINT [Messages_ReplyToMessageId_866a99a1_fk_Messages_Id];
GO
-- Validate constraint CK_Conversations_Type on model conversation
ALTER TABLE [Conversations] WITH CHECK CHECK CONSTRAINT [CK_Conversations_Type];
GO
-- Validate constraint CK_ConversationParticipants_Role on model conversationparticipant
ALTER TABLE [ConversationParticipants] WITH CHECK CHECK CONSTRAINT [CK_ConversationParticipants_Role];
GO
-- Validate constraint CK_Messages_Type on model message
ALTER TABLE [Messages] WITH CHECK CHECK CONSTRAINT [CK_Messages_Type];
GO
-- Validate constraint CK_Messages_ModerationStatus on model message
ALTER TABLE [Messages] WITH CHECK CHECK CONSTRAINT [CK_Messages_ModerationStatus];
GO
