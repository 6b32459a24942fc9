-- Phase 4 deploy script for SQL Server, idempotent: every statement is guarded
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
-- scheduling.0004_availability (plan item 025)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'CREATE TABLE [AvailabilitySchedules] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [ProviderId] char(32) NOT NULL, [Name] nvarchar(100) NOT NULL, [TimeZone] nvarchar(50) NOT NULL, [IsDefault] bit DEFAULT 0 NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'CREATE TABLE [AvailabilityRules] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ScheduleId] char(32) NOT NULL, [DayOfWeek] smallint NOT NULL CONSTRAINT AvailabilityRules_DayOfWeek_bbeb9738_check CHECK ([DayOfWeek] >= 0), [StartTime] time NOT NULL, [EndTime] time NOT NULL, CONSTRAINT [CK_AvailRules_Day] CHECK (([DayOfWeek] >= 1 AND [DayOfWeek] <= 7)), CONSTRAINT [CK_AvailRules_Range] CHECK ([StartTime] < ([EndTime])))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'CREATE TABLE [AvailabilityOverrides] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ScheduleId] char(32) NOT NULL, [Kind] nvarchar(12) NOT NULL, [StartAt] datetimeoffset NOT NULL, [EndAt] datetimeoffset NOT NULL, [Reason] nvarchar(20) NOT NULL, [Notes] nvarchar(300) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_AvailOverrides_Range] CHECK ([EndAt] > ([StartAt])), CONSTRAINT [CK_AvailabilityOverrides_Kind] CHECK ([Kind] IN (''ExtraHours'', ''Unavailable'')), CONSTRAINT [CK_AvailabilityOverrides_Reason] CHECK ([Reason] IN ('''', ''Vacation'', ''Sick'', ''Holiday'', ''Personal'', ''Other'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'ALTER TABLE [ServiceOfferings] ADD [ScheduleId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'ALTER TABLE [ServiceOfferings] WITH NOCHECK ADD CONSTRAINT [ServiceOfferings_ScheduleId_9d4c8ed5_fk_AvailabilitySchedules_Id] FOREIGN KEY ([ScheduleId]) REFERENCES [AvailabilitySchedules] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'CREATE INDEX [AvailabilitySchedules_ProviderId_73871e95] ON [AvailabilitySchedules] ([ProviderId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'CREATE INDEX [IX_AvailOverrides_Sched_Range] ON [AvailabilityOverrides] ([ScheduleId], [StartAt], [EndAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'CREATE INDEX [IX_AvailRules_Sched_Day] ON [AvailabilityRules] ([ScheduleId], [DayOfWeek])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Schedules_Provider_Default] ON [AvailabilitySchedules] ([ProviderId]) WHERE [IsDefault] = 1');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'ALTER TABLE [AvailabilityOverrides] ADD CONSTRAINT [AvailabilityOverrides_ScheduleId_d4843093_fk_AvailabilitySchedules_Id] FOREIGN KEY ([ScheduleId]) REFERENCES [AvailabilitySchedules] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'ALTER TABLE [AvailabilityRules] ADD CONSTRAINT [AvailabilityRules_ScheduleId_78054b94_fk_AvailabilitySchedules_Id] FOREIGN KEY ([ScheduleId]) REFERENCES [AvailabilitySchedules] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    EXEC(N'ALTER TABLE [AvailabilitySchedules] ADD CONSTRAINT [AvailabilitySchedules_ProviderId_73871e95_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_availability')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0004_availability', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0004_online_availability (plan item 025)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_online_availability')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [ServiceOfferings_ScheduleId_9d4c8ed5] ON [ServiceOfferings] ([ScheduleId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [ServiceOfferings_ScheduleId_9d4c8ed5] ON [ServiceOfferings] ([ScheduleId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_online_availability')
BEGIN
    EXEC(N'ALTER TABLE [ServiceOfferings] WITH CHECK CHECK CONSTRAINT [ServiceOfferings_ScheduleId_9d4c8ed5_fk_AvailabilitySchedules_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0004_online_availability')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0004_online_availability', SYSUTCDATETIME());
END;
GO
-- scheduling.0005_appointments (plan item 026)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
    THROW 50001, N'scheduling.0005_appointments runs Python (create_no_overlap): apply it with manage.py migrate scheduling 0005_appointments, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE TABLE [Appointments] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Reference] nvarchar(12) NOT NULL UNIQUE, [IdempotencyKey] nvarchar(64) NULL, [OwnerId] nvarchar(450) NOT NULL, [ProviderId] char(32) NOT NULL, [ServiceOfferingId] char(32) NOT NULL, [StartAt] datetimeoffset NOT NULL, [EndAt] datetimeoffset NOT NULL, [TimeZone] nvarchar(50) NOT NULL, [Status] nvarchar(12) NOT NULL, [BufferBeforeMinutes] smallint NOT NULL CONSTRAINT Appointments_BufferBeforeMinutes_cfdbedc9_check CHECK ([BufferBeforeMinutes] >= 0), [BufferAfterMinutes] smallint NOT NULL CONSTRAINT Appointments_BufferAfterMinutes_f07c0d33_check CHECK ([BufferAfterMinutes] >= 0), [LocationType] nvarchar(16) NOT NULL, [AddressId] char(32) NULL, [LocationText] nvarchar(300) NOT NULL, [PriceAmount] numeric(12, 2) NOT NULL, [Currency] nvarchar(3) NOT NULL, [PriceUnits] numeric(6, 2) NOT NULL, [DepositAmount] numeric(12, 2) NOT NULL, [OwnerNotes] nvarchar(max) NOT NULL, [ProviderNotes] nvarchar(max) NOT NULL, [ConfirmedAt] datetimeoffset NULL, [CompletedAt] datetimeoffset NULL, [CancelledAt] datetimeoffset NULL, [CancelledById] nvarchar(450) NULL, [CancellationReason] nvarchar(500) NOT NULL, [DeclineReason] nvarchar(500) NOT NULL, [NoShowParty] nvarchar(8) NULL, [RescheduledFromId] char(32) NULL, [RescheduleCount] smallint NOT NULL CONSTRAINT Appointments_RescheduleCount_640dc9fd_check CHECK ([RescheduleCount] >= 0), [ICalUid] nvarchar(255) NOT NULL, [ICalSequence] int NOT NULL CONSTRAINT Appointments_ICalSequence_cb49eee6_check CHECK ([ICalSequence] >= 0), [BlockStartAt] datetimeoffset NOT NULL, [BlockEndAt] datetimeoffset NOT NULL, [IsExclusive] bit DEFAULT 1 NOT NULL, CONSTRAINT [CK_Appointments_Range] CHECK ([EndAt] > ([StartAt])), CONSTRAINT [CK_Appointments_Status] CHECK ([Status] IN (''Requested'', ''Confirmed'', ''InProgress'', ''Completed'', ''Cancelled'', ''Declined'', ''NoShow'', ''Expired'', ''Rescheduled'')), CONSTRAINT [CK_Appointments_Amounts] CHECK (([PriceAmount] >= 0 AND [DepositAmount] >= 0 AND [DepositAmount] <= ([PriceAmount]))), CONSTRAINT [CK_Appointments_Cancelled] CHECK ((NOT ([Status] IN (''Cancelled'', ''Rescheduled'')) OR [CancelledAt] IS NOT NULL)), CONSTRAINT [CK_Appointments_Completed] CHECK ((NOT ([Status] = ''Completed'') OR [CompletedAt] IS NOT NULL)), CONSTRAINT [CK_Appointments_Block] CHECK (([BlockStartAt] <= ([StartAt]) AND [BlockEndAt] >= ([EndAt]))), CONSTRAINT [CK_Appointments_LocationType] CHECK ([LocationType] IN (''OwnerHome'', ''ProviderLocation'', ''Virtual'', ''Other'')), CONSTRAINT [CK_Appointments_NoShowParty] CHECK (([NoShowParty] IS NULL OR [NoShowParty] IN (''Owner'', ''Provider''))))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE TABLE [AppointmentPets] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [AppointmentId] char(32) NOT NULL, [DogId] char(32) NOT NULL, [CareInstructions] nvarchar(max) NOT NULL, CONSTRAINT [UX_AppointmentPets_Appt_Dog] UNIQUE ([AppointmentId], [DogId]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [ProviderReviews] ADD [AppointmentId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [ProviderReviews] WITH NOCHECK ADD CONSTRAINT [ProviderReviews_AppointmentId_93a41554_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE INDEX [AppointmentPets_DogId_b56b3082] ON [AppointmentPets] ([DogId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE INDEX [Appointments_AddressId_1182e916] ON [Appointments] ([AddressId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE INDEX [Appointments_CancelledById_ef7033b1] ON [Appointments] ([CancelledById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE INDEX [Appointments_RescheduledFromId_5b03554e] ON [Appointments] ([RescheduledFromId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE INDEX [Appointments_ServiceOfferingId_e6863d54] ON [Appointments] ([ServiceOfferingId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE INDEX [IX_Appointments_Owner_Start] ON [Appointments] ([OwnerId], [StartAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE INDEX [IX_Appointments_Prov_Block] ON [Appointments] ([ProviderId], [BlockStartAt], [BlockEndAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE INDEX [IX_Appointments_Provider_Start] ON [Appointments] ([ProviderId], [StartAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE INDEX [IX_Appointments_Start_End_St] ON [Appointments] ([StartAt], [EndAt], [Status])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE INDEX [IX_Appointments_Status] ON [Appointments] ([Status])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Appointments_Owner_Idem] ON [Appointments] ([OwnerId], [IdempotencyKey]) WHERE [IdempotencyKey] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [AppointmentPets] ADD CONSTRAINT [AppointmentPets_AppointmentId_0daa9e56_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [AppointmentPets] ADD CONSTRAINT [AppointmentPets_DogId_b56b3082_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_AddressId_1182e916_fk_Addresses_Id] FOREIGN KEY ([AddressId]) REFERENCES [Addresses] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_CancelledById_ef7033b1_fk_Users_Id] FOREIGN KEY ([CancelledById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_OwnerId_5cf125e5_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_ProviderId_69bc0725_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_RescheduledFromId_5b03554e_fk_Appointments_Id] FOREIGN KEY ([RescheduledFromId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    EXEC(N'ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_ServiceOfferingId_e6863d54_fk_ServiceOfferings_Id] FOREIGN KEY ([ServiceOfferingId]) REFERENCES [ServiceOfferings] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_appointments')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0005_appointments', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0010_appointment_links (plan item 026)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] ADD [AppointmentId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] WITH NOCHECK ADD CONSTRAINT [Conversations_AppointmentId_6a14bda5_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [VideoCallSessions] ADD [AppointmentId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [VideoCallSessions] WITH NOCHECK ADD CONSTRAINT [VideoCallSessions_AppointmentId_8001c461_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_appointment_links')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0010_appointment_links', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- messaging.0010_online_appointment_links (plan item 026)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_online_appointment_links')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [VideoCallSessions_AppointmentId_8001c461] ON [VideoCallSessions] ([AppointmentId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [VideoCallSessions_AppointmentId_8001c461] ON [VideoCallSessions] ([AppointmentId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_online_appointment_links')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE UNIQUE INDEX [UX_Conversations_Appointment] ON [Conversations] ([AppointmentId]) WHERE [AppointmentId] IS NOT NULL WITH (ONLINE = ON)
ELSE
    CREATE UNIQUE INDEX [UX_Conversations_Appointment] ON [Conversations] ([AppointmentId]) WHERE [AppointmentId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_online_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [Conversations] WITH CHECK CHECK CONSTRAINT [Conversations_AppointmentId_6a14bda5_fk_Appointments_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_online_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [VideoCallSessions] WITH CHECK CHECK CONSTRAINT [VideoCallSessions_AppointmentId_8001c461_fk_Appointments_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'messaging' AND [name] = N'0010_online_appointment_links')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'messaging', N'0010_online_appointment_links', SYSUTCDATETIME());
END;
GO
-- scheduling.0005_online_appointments (plan item 026)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_online_appointments')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [ProviderReviews_AppointmentId_93a41554] ON [ProviderReviews] ([AppointmentId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [ProviderReviews_AppointmentId_93a41554] ON [ProviderReviews] ([AppointmentId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_online_appointments')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE UNIQUE INDEX [UX_Reviews_Appt_Reviewer] ON [ProviderReviews] ([AppointmentId], [ReviewerId]) WHERE ([AppointmentId] IS NOT NULL AND [ReviewerId] IS NOT NULL) WITH (ONLINE = ON)
ELSE
    CREATE UNIQUE INDEX [UX_Reviews_Appt_Reviewer] ON [ProviderReviews] ([AppointmentId], [ReviewerId]) WHERE ([AppointmentId] IS NOT NULL AND [ReviewerId] IS NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_online_appointments')
BEGIN
    EXEC(N'ALTER TABLE [ProviderReviews] WITH CHECK CHECK CONSTRAINT [ProviderReviews_AppointmentId_93a41554_fk_Appointments_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0005_online_appointments')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0005_online_appointments', SYSUTCDATETIME());
END;
GO
-- scheduling.0006_calendar_integration (plan item 027)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'CREATE TABLE [CalendarConnections] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NOT NULL, [Provider] nvarchar(10) NOT NULL, [ExternalAccountEmail] nvarchar(256) NOT NULL, [AccessTokenEncrypted] nvarchar(max) NOT NULL, [RefreshTokenEncrypted] nvarchar(max) NOT NULL, [TokenExpiresAt] datetimeoffset NULL, [Scopes] nvarchar(500) NOT NULL, [Status] nvarchar(10) NOT NULL, [LastSyncedAt] datetimeoffset NULL, [SyncError] nvarchar(500) NOT NULL, CONSTRAINT [UX_CalConn_User_Prov_Email] UNIQUE ([UserId], [Provider], [ExternalAccountEmail]), CONSTRAINT [CK_CalendarConnections_Provider] CHECK ([Provider] IN (''Google'', ''Microsoft'', ''CalDAV'')), CONSTRAINT [CK_CalendarConnections_Status] CHECK ([Status] IN (''Active'', ''Invalid'', ''Revoked'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'CREATE TABLE [ExternalCalendars] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [ConnectionId] char(32) NOT NULL, [ExternalCalendarId] nvarchar(255) NOT NULL, [Name] nvarchar(200) NOT NULL, [CheckForConflicts] bit DEFAULT 1 NOT NULL, [IsDestination] bit DEFAULT 0 NOT NULL, [WatchChannelId] nvarchar(255) NULL, [WatchResourceId] nvarchar(255) NULL, [WatchExpiresAt] datetimeoffset NULL, [SyncToken] nvarchar(500) NOT NULL, CONSTRAINT [UX_ExtCalendars_Conn_ExtId] UNIQUE ([ConnectionId], [ExternalCalendarId]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'CREATE TABLE [CalendarEventLinks] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [AppointmentId] char(32) NOT NULL, [ExternalCalendarId] char(32) NULL, [ExternalEventId] nvarchar(255) NOT NULL, [SyncStatus] nvarchar(10) NOT NULL, [LastSyncedSequence] int NOT NULL CONSTRAINT CalendarEventLinks_LastSyncedSequence_a923ac04_check CHECK ([LastSyncedSequence] >= 0), [LastError] nvarchar(500) NOT NULL, CONSTRAINT [CK_CalendarEventLinks_SyncStatus] CHECK ([SyncStatus] IN (''Pending'', ''Synced'', ''Failed'', ''Deleted'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'CREATE TABLE [ExternalBusyBlocks] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ExternalCalendarId] char(32) NOT NULL, [StartAt] datetimeoffset NOT NULL, [EndAt] datetimeoffset NOT NULL, [ExternalEventId] nvarchar(255) NOT NULL, [FetchedAt] datetimeoffset NOT NULL, [ExpiresAt] datetimeoffset NOT NULL, CONSTRAINT [CK_BusyBlocks_Range] CHECK ([EndAt] > ([StartAt])))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'CREATE TABLE [CalendarFeedTokens] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NOT NULL, [TokenHash] nvarchar(64) NOT NULL UNIQUE, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [RevokedAt] datetimeoffset NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'CREATE INDEX [CalendarEventLinks_AppointmentId_ce485802] ON [CalendarEventLinks] ([AppointmentId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'CREATE INDEX [CalendarEventLinks_ExternalCalendarId_4062a301] ON [CalendarEventLinks] ([ExternalCalendarId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'CREATE INDEX [CalendarFeedTokens_UserId_90161606] ON [CalendarFeedTokens] ([UserId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'CREATE INDEX [IX_BusyBlocks_Cal_Range] ON [ExternalBusyBlocks] ([ExternalCalendarId], [StartAt], [EndAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_CalEventLinks_Appt_Cal] ON [CalendarEventLinks] ([AppointmentId], [ExternalCalendarId]) WHERE [ExternalCalendarId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'ALTER TABLE [CalendarConnections] ADD CONSTRAINT [CalendarConnections_UserId_5f5b54f4_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'ALTER TABLE [CalendarEventLinks] ADD CONSTRAINT [CalendarEventLinks_AppointmentId_ce485802_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'ALTER TABLE [CalendarEventLinks] ADD CONSTRAINT [CalendarEventLinks_ExternalCalendarId_4062a301_fk_ExternalCalendars_Id] FOREIGN KEY ([ExternalCalendarId]) REFERENCES [ExternalCalendars] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'ALTER TABLE [CalendarFeedTokens] ADD CONSTRAINT [CalendarFeedTokens_UserId_90161606_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'ALTER TABLE [ExternalBusyBlocks] ADD CONSTRAINT [ExternalBusyBlocks_ExternalCalendarId_356638bc_fk_ExternalCalendars_Id] FOREIGN KEY ([ExternalCalendarId]) REFERENCES [ExternalCalendars] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    EXEC(N'ALTER TABLE [ExternalCalendars] ADD CONSTRAINT [ExternalCalendars_ConnectionId_5c0c7ccf_fk_CalendarConnections_Id] FOREIGN KEY ([ConnectionId]) REFERENCES [CalendarConnections] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0006_calendar_integration')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0006_calendar_integration', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0007_booking_rules (plan item 028)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'CREATE TABLE [BookingRules] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ProviderId] char(32) NOT NULL, [ServiceOfferingId] char(32) NULL, [MinimumNoticeMinutes] int NULL CONSTRAINT BookingRules_MinimumNoticeMinutes_a12b7204_check CHECK ([MinimumNoticeMinutes] >= 0), [MaxAdvanceDays] smallint NULL CONSTRAINT BookingRules_MaxAdvanceDays_e67b21e5_check CHECK ([MaxAdvanceDays] >= 0), [BufferBeforeMinutes] smallint NULL CONSTRAINT BookingRules_BufferBeforeMinutes_24acbe71_check CHECK ([BufferBeforeMinutes] >= 0), [BufferAfterMinutes] smallint NULL CONSTRAINT BookingRules_BufferAfterMinutes_c3318f97_check CHECK ([BufferAfterMinutes] >= 0), [SlotIntervalMinutes] smallint NULL CONSTRAINT BookingRules_SlotIntervalMinutes_391755d4_check CHECK ([SlotIntervalMinutes] >= 0), [MaxBookingsPerDay] smallint NULL CONSTRAINT BookingRules_MaxBookingsPerDay_1f29e84b_check CHECK ([MaxBookingsPerDay] >= 0), [MaxBookingsPerWeek] smallint NULL CONSTRAINT BookingRules_MaxBookingsPerWeek_f278c48c_check CHECK ([MaxBookingsPerWeek] >= 0), [MaxConcurrentBookings] smallint NOT NULL CONSTRAINT BookingRules_MaxConcurrentBookings_31d61587_check CHECK ([MaxConcurrentBookings] >= 0), [RequiresConfirmation] bit DEFAULT 1 NOT NULL, [ConfirmationTimeoutHours] smallint NOT NULL CONSTRAINT BookingRules_ConfirmationTimeoutHours_2ffc4b05_check CHECK ([ConfirmationTimeoutHours] >= 0), [FreeCancellationHours] smallint NULL CONSTRAINT BookingRules_FreeCancellationHours_e1e9b668_check CHECK ([FreeCancellationHours] >= 0), [AllowReschedule] bit DEFAULT 1 NOT NULL, [RescheduleLimit] smallint NOT NULL CONSTRAINT BookingRules_RescheduleLimit_732b3d28_check CHECK ([RescheduleLimit] >= 0), [IsActive] bit DEFAULT 1 NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_BookingRules_MaxConc] CHECK ([MaxConcurrentBookings] >= 1), CONSTRAINT [CK_BookingRules_Advance] CHECK (([MaxAdvanceDays] IS NULL OR [MaxAdvanceDays] >= 1)))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'CREATE TABLE [SlotHolds] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [ProviderId] char(32) NOT NULL, [ServiceOfferingId] char(32) NOT NULL, [HeldById] nvarchar(450) NOT NULL, [StartAt] datetimeoffset NOT NULL, [EndAt] datetimeoffset NOT NULL, [ExpiresAt] datetimeoffset NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_SlotHolds_Range] CHECK ([EndAt] > ([StartAt])))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'CREATE INDEX [BookingRules_ProviderId_eee453fe] ON [BookingRules] ([ProviderId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'CREATE INDEX [BookingRules_ServiceOfferingId_48aa825a] ON [BookingRules] ([ServiceOfferingId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'CREATE INDEX [IX_SlotHolds_Expires] ON [SlotHolds] ([ExpiresAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'CREATE INDEX [IX_SlotHolds_Prov_Start_End] ON [SlotHolds] ([ProviderId], [StartAt], [EndAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'CREATE INDEX [SlotHolds_HeldById_8a952ec4] ON [SlotHolds] ([HeldById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'CREATE INDEX [SlotHolds_ServiceOfferingId_05a1cc55] ON [SlotHolds] ([ServiceOfferingId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_BookingRules_Prov_Default] ON [BookingRules] ([ProviderId]) WHERE [ServiceOfferingId] IS NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_BookingRules_Prov_Offering] ON [BookingRules] ([ProviderId], [ServiceOfferingId]) WHERE [ServiceOfferingId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'ALTER TABLE [BookingRules] ADD CONSTRAINT [BookingRules_ProviderId_eee453fe_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'ALTER TABLE [BookingRules] ADD CONSTRAINT [BookingRules_ServiceOfferingId_48aa825a_fk_ServiceOfferings_Id] FOREIGN KEY ([ServiceOfferingId]) REFERENCES [ServiceOfferings] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'ALTER TABLE [SlotHolds] ADD CONSTRAINT [SlotHolds_HeldById_8a952ec4_fk_Users_Id] FOREIGN KEY ([HeldById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'ALTER TABLE [SlotHolds] ADD CONSTRAINT [SlotHolds_ProviderId_e37c18db_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    EXEC(N'ALTER TABLE [SlotHolds] ADD CONSTRAINT [SlotHolds_ServiceOfferingId_05a1cc55_fk_ServiceOfferings_Id] FOREIGN KEY ([ServiceOfferingId]) REFERENCES [ServiceOfferings] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0007_booking_rules')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0007_booking_rules', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0008_appointment_history (plan item 029)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'CREATE TABLE [AppointmentStatusHistory] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [AppointmentId] char(32) NOT NULL, [FromStatus] nvarchar(12) NULL, [ToStatus] nvarchar(12) NOT NULL, [ChangedById] nvarchar(450) NULL, [Reason] nvarchar(500) NOT NULL, [Metadata] nvarchar(max) NOT NULL CONSTRAINT AppointmentStatusHistory_Metadata_16fabc41_check CHECK ((ISJSON ("Metadata") = 1)), [ChangedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_AppointmentStatusHistory_FromStatus] CHECK (([FromStatus] IS NULL OR [FromStatus] IN (''Requested'', ''Confirmed'', ''InProgress'', ''Completed'', ''Cancelled'', ''Declined'', ''NoShow'', ''Expired'', ''Rescheduled''))), CONSTRAINT [CK_AppointmentStatusHistory_ToStatus] CHECK ([ToStatus] IN (''Requested'', ''Confirmed'', ''InProgress'', ''Completed'', ''Cancelled'', ''Declined'', ''NoShow'', ''Expired'', ''Rescheduled'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'CREATE TABLE [AppointmentReschedules] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [AppointmentId] char(32) NOT NULL, [NewAppointmentId] char(32) NULL, [RequestedById] nvarchar(450) NULL, [PreviousStartAt] datetimeoffset NOT NULL, [PreviousEndAt] datetimeoffset NOT NULL, [ProposedStartAt] datetimeoffset NOT NULL, [ProposedEndAt] datetimeoffset NOT NULL, [Reason] nvarchar(max) NOT NULL, [Status] nvarchar(10) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [RespondedAt] datetimeoffset NULL, CONSTRAINT [CK_Reschedules_Range] CHECK ([ProposedEndAt] > ([ProposedStartAt])), CONSTRAINT [CK_AppointmentReschedules_Status] CHECK ([Status] IN (''Pending'', ''Accepted'', ''Declined'', ''Expired'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'CREATE INDEX [AppointmentReschedules_AppointmentId_20ae668a] ON [AppointmentReschedules] ([AppointmentId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'CREATE INDEX [AppointmentReschedules_NewAppointmentId_26ea592c] ON [AppointmentReschedules] ([NewAppointmentId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'CREATE INDEX [AppointmentReschedules_RequestedById_5efeedd4] ON [AppointmentReschedules] ([RequestedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'CREATE INDEX [AppointmentStatusHistory_ChangedById_25c75188] ON [AppointmentStatusHistory] ([ChangedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'CREATE INDEX [IX_ApptStatusHist_Appt_Time] ON [AppointmentStatusHistory] ([AppointmentId], [ChangedAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Reschedules_Appt_Pending] ON [AppointmentReschedules] ([AppointmentId]) WHERE [Status] = ''Pending''');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'ALTER TABLE [AppointmentReschedules] ADD CONSTRAINT [AppointmentReschedules_AppointmentId_20ae668a_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'ALTER TABLE [AppointmentReschedules] ADD CONSTRAINT [AppointmentReschedules_NewAppointmentId_26ea592c_fk_Appointments_Id] FOREIGN KEY ([NewAppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'ALTER TABLE [AppointmentReschedules] ADD CONSTRAINT [AppointmentReschedules_RequestedById_5efeedd4_fk_Users_Id] FOREIGN KEY ([RequestedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'ALTER TABLE [AppointmentStatusHistory] ADD CONSTRAINT [AppointmentStatusHistory_AppointmentId_fd1313c1_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    EXEC(N'ALTER TABLE [AppointmentStatusHistory] ADD CONSTRAINT [AppointmentStatusHistory_ChangedById_25c75188_fk_Users_Id] FOREIGN KEY ([ChangedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0008_appointment_history')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0008_appointment_history', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0009_service_delivery (plan item 030)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'CREATE TABLE [ServiceVisits] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [AppointmentId] char(32) NOT NULL UNIQUE, [CheckInAt] datetimeoffset NULL, [CheckOutAt] datetimeoffset NULL, [CheckInLat] numeric(9, 6) NULL, [CheckInLng] numeric(9, 6) NULL, [CheckOutLat] numeric(9, 6) NULL, [CheckOutLng] numeric(9, 6) NULL, [DistanceMeters] int NULL CONSTRAINT ServiceVisits_DistanceMeters_473d7c10_check CHECK ([DistanceMeters] >= 0), [ActivitySummary] nvarchar(max) NOT NULL CONSTRAINT ServiceVisits_ActivitySummary_ce39a727_check CHECK ((ISJSON ("ActivitySummary") = 1)), [Mood] nvarchar(10) NOT NULL, [ReportNotes] nvarchar(max) NOT NULL, [OwnerAcknowledgedAt] datetimeoffset NULL, CONSTRAINT [CK_Visits_Checkout] CHECK (([CheckOutAt] IS NULL OR ([CheckInAt] IS NOT NULL AND [CheckOutAt] > ([CheckInAt])))), CONSTRAINT [CK_Visits_Coords] CHECK ((([CheckInLat] IS NULL OR ([CheckInLat] >= -90 AND [CheckInLat] <= 90)) AND ([CheckOutLat] IS NULL OR ([CheckOutLat] >= -90 AND [CheckOutLat] <= 90)) AND ([CheckInLng] IS NULL OR ([CheckInLng] >= -180 AND [CheckInLng] <= 180)) AND ([CheckOutLng] IS NULL OR ([CheckOutLng] >= -180 AND [CheckOutLng] <= 180)))), CONSTRAINT [CK_ServiceVisits_Mood] CHECK ([Mood] IN ('''', ''Happy'', ''Calm'', ''Anxious'', ''Tired'', ''Other'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'CREATE TABLE [ServiceVisitEvents] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [VisitId] char(32) NOT NULL, [EventType] nvarchar(20) NOT NULL, [OccurredAt] datetimeoffset NOT NULL, [Notes] nvarchar(1000) NOT NULL, [Data] nvarchar(max) NOT NULL CONSTRAINT ServiceVisitEvents_Data_b6d3c1e7_check CHECK ((ISJSON ("Data") = 1)), CONSTRAINT [CK_ServiceVisitEvents_EventType] CHECK ([EventType] IN (''Arrived'', ''WalkStarted'', ''WalkEnded'', ''Fed'', ''MedicationGiven'', ''Potty'', ''Incident'', ''Note'', ''Departed'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'CREATE TABLE [ServiceVisitLocations] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [VisitId] char(32) NOT NULL, [RecordedAt] datetimeoffset NOT NULL, [Latitude] numeric(9, 6) NOT NULL, [Longitude] numeric(9, 6) NOT NULL, [AccuracyMeters] numeric(7, 2) NULL, CONSTRAINT [CK_VisitLocations_Coords] CHECK (([Latitude] >= -90 AND [Latitude] <= 90 AND [Longitude] >= -180 AND [Longitude] <= 180)))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'CREATE TABLE [ServiceVisitMedia] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [VisitId] char(32) NOT NULL, [FileId] char(32) NOT NULL, [Caption] nvarchar(300) NOT NULL, [TakenAt] datetimeoffset NULL, CONSTRAINT [UX_VisitMedia_Visit_File] UNIQUE ([VisitId], [FileId]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'CREATE INDEX [IX_VisitEvents_Visit_Time] ON [ServiceVisitEvents] ([VisitId], [OccurredAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'CREATE INDEX [IX_VisitLocations_Visit_Time] ON [ServiceVisitLocations] ([VisitId], [RecordedAt])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'CREATE INDEX [ServiceVisitMedia_FileId_86be2403] ON [ServiceVisitMedia] ([FileId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'ALTER TABLE [ServiceVisitEvents] ADD CONSTRAINT [ServiceVisitEvents_VisitId_2c1984e5_fk_ServiceVisits_Id] FOREIGN KEY ([VisitId]) REFERENCES [ServiceVisits] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'ALTER TABLE [ServiceVisitLocations] ADD CONSTRAINT [ServiceVisitLocations_VisitId_960b0c71_fk_ServiceVisits_Id] FOREIGN KEY ([VisitId]) REFERENCES [ServiceVisits] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'ALTER TABLE [ServiceVisitMedia] ADD CONSTRAINT [ServiceVisitMedia_FileId_86be2403_fk_StoredFiles_Id] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'ALTER TABLE [ServiceVisitMedia] ADD CONSTRAINT [ServiceVisitMedia_VisitId_bf18b50b_fk_ServiceVisits_Id] FOREIGN KEY ([VisitId]) REFERENCES [ServiceVisits] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    EXEC(N'ALTER TABLE [ServiceVisits] ADD CONSTRAINT [ServiceVisits_AppointmentId_9fefc9b6_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0009_service_delivery')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0009_service_delivery', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
