-- Phase 3 rollback script for SQL Server, idempotent: every statement is guarded
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
-- messaging.0009_conversation_management_drop_is_read (plan item 024)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management_drop_is_read')
    THROW 50001, N'messaging.0009_conversation_management_drop_is_read runs Python (recompute_is_read): apply it with manage.py plan rollback, or manage.py migrate messaging <the migration before it>, then run this script again.', 1;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management_drop_is_read')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management_drop_is_read')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD [IsRead] bit DEFAULT 0 NOT NULL');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management_drop_is_read')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management_drop_is_read';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0009_online_conversation_management (plan item 024)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_online_conversation_management')
BEGIN
    EXEC(N'DROP INDEX [IX_ConvParticipants_User_Inbox] ON [ConversationParticipants]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_online_conversation_management')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_online_conversation_management';
END;
GO
-- messaging.0009_conversation_management (plan item 024)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT [CK_ConversationParticipants_NotificationLevel]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT [ConversationParticipants_UserId_df636fbd_fk_Users_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'CREATE INDEX [ConversationParticipants_UserId_df636fbd] ON [ConversationParticipants] ([UserId])');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] ADD CONSTRAINT [ConversationParticipants_UserId_df636fbd_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [PinnedAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ConversationParticipants] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ConversationParticipants]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ConversationParticipants]''), N''NotificationLevel'', ''ColumnId''));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [NotificationLevel]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [MutedUntil]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ConversationParticipants] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ConversationParticipants]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ConversationParticipants]''), N''IsPinned'', ''ColumnId''));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [IsPinned]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ConversationParticipants] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ConversationParticipants]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ConversationParticipants]''), N''IsMuted'', ''ColumnId''));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [IsMuted]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ConversationParticipants] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ConversationParticipants]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ConversationParticipants]''), N''IsArchived'', ''ColumnId''));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [IsArchived]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserBlocks]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserBlocks]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserBlocks]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserBlocks]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageEdits]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageEdits]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageEdits]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [MessageEdits]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0009_conversation_management';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0008_presence (plan item 023)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserActivityIntervals]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserActivityIntervals]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserActivityIntervals]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserActivityIntervals]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserPresences]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserPresences]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[UserPresences]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserPresences]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0008_presence';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0007_push_settings (plan item 022)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'DROP INDEX [UX_NotifDeliveries_Notif_Dev] ON [NotificationDeliveries]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'DROP INDEX [UX_NotifDeliveries_Notif_Chan] ON [NotificationDeliveries]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'ALTER TABLE [NotificationDeliveries] DROP CONSTRAINT [NotificationDeliveries_PushDeviceId_95450e86_fk_PushDevices_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'DROP INDEX [NotificationDeliveries_PushDeviceId_95450e86] ON [NotificationDeliveries]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'ALTER TABLE [NotificationDeliveries] DROP COLUMN [PushDeviceId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PushDevices]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PushDevices]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[PushDevices]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PushDevices]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[NotificationPreferences]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[NotificationPreferences]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[NotificationPreferences]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [NotificationPreferences]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0007_push_settings';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0006_notifications (plan item 021)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[NotificationDeliveries]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[NotificationDeliveries]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[NotificationDeliveries]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [NotificationDeliveries]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Notifications]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Notifications]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[Notifications]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Notifications]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0006_notifications';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0005_video_calls (plan item 020)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[VideoCallParticipants]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[VideoCallParticipants]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[VideoCallParticipants]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [VideoCallParticipants]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[VideoCallSessions]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[VideoCallSessions]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[VideoCallSessions]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [VideoCallSessions]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0005_video_calls';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0004_reactions_read_receipts (plan item 019)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageReadReceipts]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageReadReceipts]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageReadReceipts]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [MessageReadReceipts]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageReactions]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageReactions]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageReactions]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [MessageReactions]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0004_reactions_read_receipts';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0003_message_attachments (plan item 018)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0003_message_attachments')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0003_message_attachments')
BEGIN
    EXEC(N'DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageAttachments]''))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageAttachments]'')
            SELECT
            @sql_drop_constraint = ''ALTER TABLE ['' + OBJECT_NAME(parent_object_id) + ''] '' +
            ''DROP CONSTRAINT ['' + @sql_foreign_constraint_name + ''] ''
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id(''[MessageAttachments]'') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [MessageAttachments]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0003_message_attachments')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0003_message_attachments';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0002_online_enhanced_messaging_direct_keys (plan item 017)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_direct_keys')
BEGIN
    EXEC(N'DROP INDEX [UX_Conversations_DirectKey] ON [Conversations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_direct_keys')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_direct_keys';
END;
GO
-- messaging.0002_enhanced_messaging_direct_keys (plan item 017)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_direct_keys')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_direct_keys')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP CONSTRAINT [CK_Conversations_Direct]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_direct_keys')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_direct_keys';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0002_enhanced_messaging_backfill (plan item 017)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_backfill')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_backfill')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging_backfill';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0002_online_enhanced_messaging_indexes (plan item 017)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'DROP INDEX [UX_Messages_Sender_ClientId] ON [Messages]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'DROP INDEX [IX_Messages_Conv_Id] ON [Messages]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'DROP INDEX [Messages_ReplyToMessageId_866a99a1] ON [Messages]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'DROP INDEX [Messages_DeletedById_83b66334] ON [Messages]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    EXEC(N'DROP INDEX [Conversations_CreatedById_5e4e33ad] ON [Conversations]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_online_enhanced_messaging_indexes';
END;
GO
-- messaging.0002_enhanced_messaging (plan item 017)
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
    BEGIN TRANSACTION;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP CONSTRAINT [CK_Messages_ModerationStatus]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP CONSTRAINT [CK_Messages_Type]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP CONSTRAINT [CK_ConversationParticipants_Role]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP CONSTRAINT [CK_Conversations_Type]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP CONSTRAINT [Messages_SenderId_bf8a300e_fk_Users_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'CREATE INDEX [Messages_SenderId_bf8a300e] ON [Messages] ([SenderId])');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] ADD CONSTRAINT [Messages_SenderId_bf8a300e_fk_Users_Id] FOREIGN KEY ([SenderId]) REFERENCES [Users] ([Id])');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP CONSTRAINT [Messages_ReplyToMessageId_866a99a1_fk_Messages_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP COLUMN [ReplyToMessageId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Messages] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Messages]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Messages]''), N''ModerationStatus'', ''ColumnId''));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP COLUMN [ModerationStatus]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Messages] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Messages]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Messages]''), N''Metadata'', ''ColumnId''));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Messages] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Messages]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Messages]''), N''Metadata'', ''ColumnId''));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP COLUMN [Metadata]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Messages] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Messages]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Messages]''), N''MessageType'', ''ColumnId''));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP COLUMN [MessageType]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_5 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Messages] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Messages]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Messages]''), N''HasAttachment'', ''ColumnId''));
IF @dj_drop_5 IS NOT NULL EXEC sp_executesql @dj_drop_5');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP COLUMN [HasAttachment]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP COLUMN [EditedAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP CONSTRAINT [Messages_DeletedById_83b66334_fk_Users_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP COLUMN [DeletedById]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP COLUMN [DeletedAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Messages] DROP COLUMN [ClientMessageId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_6 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ConversationParticipants] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ConversationParticipants]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ConversationParticipants]''), N''Role'', ''ColumnId''));
IF @dj_drop_6 IS NOT NULL EXEC sp_executesql @dj_drop_6');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [Role]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_7 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ConversationParticipants] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ConversationParticipants]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ConversationParticipants]''), N''ReadMessageCount'', ''ColumnId''));
IF @dj_drop_7 IS NOT NULL EXEC sp_executesql @dj_drop_7');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_8 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [ConversationParticipants] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[ConversationParticipants]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[ConversationParticipants]''), N''ReadMessageCount'', ''ColumnId''));
IF @dj_drop_8 IS NOT NULL EXEC sp_executesql @dj_drop_8');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [ReadMessageCount]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [LeftAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [LastReadMessageId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [ConversationParticipants] DROP COLUMN [LastReadAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_9 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Conversations] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Conversations]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Conversations]''), N''Type'', ''ColumnId''));
IF @dj_drop_9 IS NOT NULL EXEC sp_executesql @dj_drop_9');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP COLUMN [Type]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_10 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Conversations] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Conversations]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Conversations]''), N''Title'', ''ColumnId''));
IF @dj_drop_10 IS NOT NULL EXEC sp_executesql @dj_drop_10');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP COLUMN [Title]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_11 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Conversations] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Conversations]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Conversations]''), N''MessageCount'', ''ColumnId''));
IF @dj_drop_11 IS NOT NULL EXEC sp_executesql @dj_drop_11');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_12 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Conversations] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Conversations]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Conversations]''), N''MessageCount'', ''ColumnId''));
IF @dj_drop_12 IS NOT NULL EXEC sp_executesql @dj_drop_12');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP COLUMN [MessageCount]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP COLUMN [LastMessageId]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP COLUMN [LastMessageAt]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'DECLARE @dj_drop_13 nvarchar(max) = (SELECT TOP 1 N''ALTER TABLE [Conversations] DROP CONSTRAINT '' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N''[Conversations]'') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N''[Conversations]''), N''IsLocked'', ''ColumnId''));
IF @dj_drop_13 IS NOT NULL EXEC sp_executesql @dj_drop_13');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP COLUMN [IsLocked]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP COLUMN [DirectKey]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP CONSTRAINT [Conversations_CreatedById_5e4e33ad_fk_Users_Id]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] DROP COLUMN [CreatedById]');
END;
GO
IF EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging')
BEGIN
    DELETE FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0002_enhanced_messaging';
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
