-- messaging.0006_notifications (plan item 021): SQL Server DDL
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
-- Create model Notification
CREATE TABLE [Notifications] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [NotificationType] nvarchar(60) NOT NULL, [Level] nvarchar(8) NOT NULL, [Title] nvarchar(200) NOT NULL, [Body] nvarchar(1000) NOT NULL, [EntityType] nvarchar(100) NULL, [EntityId] nvarchar(100) NULL, [ActionUrl] nvarchar(500) NOT NULL, [Data] nvarchar(max) NOT NULL CONSTRAINT Notifications_Data_74c5cf44_check CHECK ((ISJSON ("Data") = 1)), [DedupeKey] nvarchar(150) NULL, [IsRead] bit DEFAULT 0 NOT NULL, [ReadAt] datetimeoffset NULL, [IsArchived] bit DEFAULT 0 NOT NULL, [ScheduledFor] datetimeoffset NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ExpiresAt] datetimeoffset NULL, [ActorId] nvarchar(450) NULL, [RecipientId] nvarchar(450) NOT NULL, CONSTRAINT [CK_Notifs_Read] CHECK (([IsRead] = 0 OR [ReadAt] IS NOT NULL)), CONSTRAINT [CK_Notifications_Level] CHECK ([Level] IN ('success', 'info', 'warning', 'error')));
GO
-- Create model NotificationDelivery
CREATE TABLE [NotificationDeliveries] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Channel] nvarchar(8) NOT NULL, [Status] nvarchar(10) NOT NULL, [SkipReason] nvarchar(30) NOT NULL, [AttemptCount] smallint NOT NULL CONSTRAINT NotificationDeliveries_AttemptCount_76cc533b_check CHECK ([AttemptCount] >= 0), [NextAttemptAt] datetimeoffset NULL, [LastError] nvarchar(500) NOT NULL, [ProviderMessageId] nvarchar(200) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [SentAt] datetimeoffset NULL, [DeliveredAt] datetimeoffset NULL, [NotificationId] bigint NOT NULL, CONSTRAINT [CK_NotificationDeliveries_Channel] CHECK ([Channel] IN ('InApp', 'Email', 'Sms', 'Push')), CONSTRAINT [CK_NotificationDeliveries_Status] CHECK ([Status] IN ('Pending', 'Sent', 'Delivered', 'Failed', 'Skipped')), CONSTRAINT [CK_NotificationDeliveries_SkipReason] CHECK ([SkipReason] IN ('', 'UserOptOut', 'QuietHours', 'NoDevice', 'MasterSwitchOff')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_NotifDeliveries_Notif] ON [NotificationDeliveries] ([NotificationId]);
GO
CREATE INDEX [IX_NotifDeliveries_Status] ON [NotificationDeliveries] ([Status], [Channel]) WHERE [Status] = 'Pending';
GO
CREATE INDEX [IX_Notifs_Recipient_Unread] ON [Notifications] ([RecipientId], [IsRead], [CreatedAt] DESC);
GO
CREATE INDEX [IX_Notifs_Scheduled] ON [Notifications] ([ScheduledFor]) WHERE [ScheduledFor] IS NOT NULL;
GO
CREATE INDEX [Notifications_ActorId_88afa35e] ON [Notifications] ([ActorId]);
GO
CREATE UNIQUE INDEX [UX_Notifs_Recipient_Dedupe] ON [Notifications] ([RecipientId], [DedupeKey]) WHERE [DedupeKey] IS NOT NULL;
GO
ALTER TABLE [NotificationDeliveries] ADD CONSTRAINT [NotificationDeliveries_NotificationId_98775914_fk_Notifications_Id] FOREIGN KEY ([NotificationId]) REFERENCES [Notifications] ([Id]);
GO
ALTER TABLE [Notifications] ADD CONSTRAINT [Notifications_ActorId_88afa35e_fk_Users_Id] FOREIGN KEY ([ActorId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [Notifications] ADD CONSTRAINT [Notifications_RecipientId_fc1a239f_fk_Users_Id] FOREIGN KEY ([RecipientId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
