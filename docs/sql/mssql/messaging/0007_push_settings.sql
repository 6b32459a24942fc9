-- messaging.0007_push_settings (plan item 022): SQL Server DDL
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
-- Create model NotificationPreference
CREATE TABLE [NotificationPreferences] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [NotificationType] nvarchar(60) NOT NULL, [Channel] nvarchar(8) NOT NULL, [IsEnabled] bit DEFAULT 1 NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_NotifPrefs_User_Type_Chan] UNIQUE ([UserId], [NotificationType], [Channel]), CONSTRAINT [CK_NotificationPreferences_Channel] CHECK ([Channel] IN ('InApp', 'Email', 'Sms', 'Push')));
GO
-- Create model PushDevice
CREATE TABLE [PushDevices] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Platform] nvarchar(8) NOT NULL, [Token] nvarchar(max) NOT NULL, [TokenHash] nvarchar(64) NOT NULL, [P256dh] nvarchar(88) NOT NULL, [Auth] nvarchar(24) NOT NULL, [Browser] nvarchar(10) NOT NULL, [ApplicationId] nvarchar(64) NOT NULL, [DeviceName] nvarchar(100) NOT NULL, [AppVersion] nvarchar(30) NOT NULL, [IsActive] bit DEFAULT 1 NOT NULL, [FailureCount] smallint NOT NULL CONSTRAINT PushDevices_FailureCount_bd34024f_check CHECK ([FailureCount] >= 0), [LastUsedAt] datetimeoffset NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [UX_PushDevices_TokenHash] UNIQUE ([TokenHash]), CONSTRAINT [CK_PushDevices_WebPushKeys] CHECK (([Platform] IN ('FCM', 'APNS') OR ([P256dh] > '' AND [Auth] > ''))), CONSTRAINT [CK_PushDevices_Platform] CHECK ([Platform] IN ('WebPush', 'FCM', 'APNS')), CONSTRAINT [CK_PushDevices_Browser] CHECK ([Browser] IN ('', 'CHROME', 'FIREFOX', 'OPERA', 'EDGE', 'SAFARI')));
GO
-- Add field push_device to notificationdelivery
ALTER TABLE [NotificationDeliveries] ADD [PushDeviceId] char(32) NULL;
GO
-- Create constraint UX_NotifDeliveries_Notif_Chan on model notificationdelivery
CREATE UNIQUE INDEX [UX_NotifDeliveries_Notif_Chan] ON [NotificationDeliveries] ([NotificationId], [Channel]) WHERE [PushDeviceId] IS NULL;
GO
-- Create constraint UX_NotifDeliveries_Notif_Dev on model notificationdelivery
CREATE UNIQUE INDEX [UX_NotifDeliveries_Notif_Dev] ON [NotificationDeliveries] ([NotificationId], [PushDeviceId]) WHERE [PushDeviceId] IS NOT NULL;
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_PushDevices_User_Active] ON [PushDevices] ([UserId], [IsActive]);
GO
CREATE INDEX [NotificationDeliveries_PushDeviceId_95450e86] ON [NotificationDeliveries] ([PushDeviceId]);
GO
ALTER TABLE [NotificationDeliveries] ADD CONSTRAINT [NotificationDeliveries_PushDeviceId_95450e86_fk_PushDevices_Id] FOREIGN KEY ([PushDeviceId]) REFERENCES [PushDevices] ([Id]);
GO
ALTER TABLE [NotificationPreferences] ADD CONSTRAINT [NotificationPreferences_UserId_cb8a7a66_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [PushDevices] ADD CONSTRAINT [PushDevices_UserId_6049b158_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
