-- messaging.0008_presence (plan item 023): SQL Server DDL
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
-- Create model UserPresence
CREATE TABLE [UserPresences] ([UserId] nvarchar(450) NOT NULL PRIMARY KEY, [Status] nvarchar(8) NOT NULL, [LastActiveAt] datetimeoffset NULL, [LastConnectedAt] datetimeoffset NULL, [StatusText] nvarchar(100) NOT NULL, [StatusExpiresAt] datetimeoffset NULL, [LastUpdateId] bigint NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_UserPresences_Status] CHECK ([Status] IN ('', 'Busy', 'Away')));
GO
-- Create model UserActivityInterval
CREATE TABLE [UserActivityIntervals] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [StartAt] datetimeoffset NOT NULL, [EndAt] datetimeoffset NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [CK_ActivityIntervals_Range] CHECK ([EndAt] >= ([StartAt])));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_ActivityIntervals_User_End] ON [UserActivityIntervals] ([UserId], [EndAt]);
GO
CREATE INDEX [IX_Presence_LastActive] ON [UserPresences] ([LastActiveAt] DESC);
GO
CREATE INDEX [IX_Presence_LastUpdate] ON [UserPresences] ([LastUpdateId]);
GO
ALTER TABLE [UserActivityIntervals] ADD CONSTRAINT [UserActivityIntervals_UserId_dea3b977_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [UserPresences] ADD CONSTRAINT [UserPresences_UserId_f4394eab_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
