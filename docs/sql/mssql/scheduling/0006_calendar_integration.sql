-- scheduling.0006_calendar_integration (plan item 027): SQL Server DDL
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
-- Create model CalendarConnection
CREATE TABLE [CalendarConnections] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NOT NULL, [Provider] nvarchar(10) NOT NULL, [ExternalAccountEmail] nvarchar(256) NOT NULL, [AccessTokenEncrypted] nvarchar(max) NOT NULL, [RefreshTokenEncrypted] nvarchar(max) NOT NULL, [TokenExpiresAt] datetimeoffset NULL, [Scopes] nvarchar(500) NOT NULL, [Status] nvarchar(10) NOT NULL, [LastSyncedAt] datetimeoffset NULL, [SyncError] nvarchar(500) NOT NULL, CONSTRAINT [UX_CalConn_User_Prov_Email] UNIQUE ([UserId], [Provider], [ExternalAccountEmail]), CONSTRAINT [CK_CalendarConnections_Provider] CHECK ([Provider] IN ('Google', 'Microsoft', 'CalDAV')), CONSTRAINT [CK_CalendarConnections_Status] CHECK ([Status] IN ('Active', 'Invalid', 'Revoked')));
GO
-- Create model ExternalCalendar
CREATE TABLE [ExternalCalendars] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [ConnectionId] char(32) NOT NULL, [ExternalCalendarId] nvarchar(255) NOT NULL, [Name] nvarchar(200) NOT NULL, [CheckForConflicts] bit DEFAULT 1 NOT NULL, [IsDestination] bit DEFAULT 0 NOT NULL, [WatchChannelId] nvarchar(255) NULL, [WatchResourceId] nvarchar(255) NULL, [WatchExpiresAt] datetimeoffset NULL, [SyncToken] nvarchar(500) NOT NULL, CONSTRAINT [UX_ExtCalendars_Conn_ExtId] UNIQUE ([ConnectionId], [ExternalCalendarId]));
GO
-- Create model CalendarEventLink
CREATE TABLE [CalendarEventLinks] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [AppointmentId] char(32) NOT NULL, [ExternalCalendarId] char(32) NULL, [ExternalEventId] nvarchar(255) NOT NULL, [SyncStatus] nvarchar(10) NOT NULL, [LastSyncedSequence] int NOT NULL CONSTRAINT CalendarEventLinks_LastSyncedSequence_a923ac04_check CHECK ([LastSyncedSequence] >= 0), [LastError] nvarchar(500) NOT NULL, CONSTRAINT [CK_CalendarEventLinks_SyncStatus] CHECK ([SyncStatus] IN ('Pending', 'Synced', 'Failed', 'Deleted')));
GO
-- Create model ExternalBusyBlock
CREATE TABLE [ExternalBusyBlocks] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ExternalCalendarId] char(32) NOT NULL, [StartAt] datetimeoffset NOT NULL, [EndAt] datetimeoffset NOT NULL, [ExternalEventId] nvarchar(255) NOT NULL, [FetchedAt] datetimeoffset NOT NULL, [ExpiresAt] datetimeoffset NOT NULL, CONSTRAINT [CK_BusyBlocks_Range] CHECK ([EndAt] > ([StartAt])));
GO
-- Create model CalendarFeedToken
CREATE TABLE [CalendarFeedTokens] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NOT NULL, [TokenHash] nvarchar(64) NOT NULL UNIQUE, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [RevokedAt] datetimeoffset NULL);
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [CalendarEventLinks_AppointmentId_ce485802] ON [CalendarEventLinks] ([AppointmentId]);
GO
CREATE INDEX [CalendarEventLinks_ExternalCalendarId_4062a301] ON [CalendarEventLinks] ([ExternalCalendarId]);
GO
CREATE INDEX [CalendarFeedTokens_UserId_90161606] ON [CalendarFeedTokens] ([UserId]);
GO
CREATE INDEX [IX_BusyBlocks_Cal_Range] ON [ExternalBusyBlocks] ([ExternalCalendarId], [StartAt], [EndAt]);
GO
CREATE UNIQUE INDEX [UX_CalEventLinks_Appt_Cal] ON [CalendarEventLinks] ([AppointmentId], [ExternalCalendarId]) WHERE [ExternalCalendarId] IS NOT NULL;
GO
ALTER TABLE [CalendarConnections] ADD CONSTRAINT [CalendarConnections_UserId_5f5b54f4_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [CalendarEventLinks] ADD CONSTRAINT [CalendarEventLinks_AppointmentId_ce485802_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
ALTER TABLE [CalendarEventLinks] ADD CONSTRAINT [CalendarEventLinks_ExternalCalendarId_4062a301_fk_ExternalCalendars_Id] FOREIGN KEY ([ExternalCalendarId]) REFERENCES [ExternalCalendars] ([Id]);
GO
ALTER TABLE [CalendarFeedTokens] ADD CONSTRAINT [CalendarFeedTokens_UserId_90161606_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [ExternalBusyBlocks] ADD CONSTRAINT [ExternalBusyBlocks_ExternalCalendarId_356638bc_fk_ExternalCalendars_Id] FOREIGN KEY ([ExternalCalendarId]) REFERENCES [ExternalCalendars] ([Id]);
GO
ALTER TABLE [ExternalCalendars] ADD CONSTRAINT [ExternalCalendars_ConnectionId_5c0c7ccf_fk_CalendarConnections_Id] FOREIGN KEY ([ConnectionId]) REFERENCES [CalendarConnections] ([Id]);
GO
COMMIT TRANSACTION;
GO
