-- scheduling.0004_availability (plan item 025): SQL Server DDL
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
-- Create model AvailabilitySchedule
CREATE TABLE [AvailabilitySchedules] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [ProviderId] char(32) NOT NULL, [Name] nvarchar(100) NOT NULL, [TimeZone] nvarchar(50) NOT NULL, [IsDefault] bit DEFAULT 0 NOT NULL);
GO
-- Create model AvailabilityRule
CREATE TABLE [AvailabilityRules] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ScheduleId] char(32) NOT NULL, [DayOfWeek] smallint NOT NULL CONSTRAINT AvailabilityRules_DayOfWeek_bbeb9738_check CHECK ([DayOfWeek] >= 0), [StartTime] time NOT NULL, [EndTime] time NOT NULL, CONSTRAINT [CK_AvailRules_Day] CHECK (([DayOfWeek] >= 1 AND [DayOfWeek] <= 7)), CONSTRAINT [CK_AvailRules_Range] CHECK ([StartTime] < ([EndTime])));
GO
-- Create model AvailabilityOverride
CREATE TABLE [AvailabilityOverrides] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ScheduleId] char(32) NOT NULL, [Kind] nvarchar(12) NOT NULL, [StartAt] datetimeoffset NOT NULL, [EndAt] datetimeoffset NOT NULL, [Reason] nvarchar(20) NOT NULL, [Notes] nvarchar(300) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_AvailOverrides_Range] CHECK ([EndAt] > ([StartAt])), CONSTRAINT [CK_AvailabilityOverrides_Kind] CHECK ([Kind] IN ('ExtraHours', 'Unavailable')), CONSTRAINT [CK_AvailabilityOverrides_Reason] CHECK ([Reason] IN ('', 'Vacation', 'Sick', 'Holiday', 'Personal', 'Other')));
GO
-- Add field schedule to serviceoffering, its foreign key NOT VALID
ALTER TABLE [ServiceOfferings] ADD [ScheduleId] char(32) NULL;
GO
ALTER TABLE [ServiceOfferings] WITH NOCHECK ADD CONSTRAINT [ServiceOfferings_ScheduleId_9d4c8ed5_fk_AvailabilitySchedules_Id] FOREIGN KEY ([ScheduleId]) REFERENCES [AvailabilitySchedules] ([Id]);
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [AvailabilitySchedules_ProviderId_73871e95] ON [AvailabilitySchedules] ([ProviderId]);
GO
CREATE INDEX [IX_AvailOverrides_Sched_Range] ON [AvailabilityOverrides] ([ScheduleId], [StartAt], [EndAt]);
GO
CREATE INDEX [IX_AvailRules_Sched_Day] ON [AvailabilityRules] ([ScheduleId], [DayOfWeek]);
GO
CREATE UNIQUE INDEX [UX_Schedules_Provider_Default] ON [AvailabilitySchedules] ([ProviderId]) WHERE [IsDefault] = 1;
GO
ALTER TABLE [AvailabilityOverrides] ADD CONSTRAINT [AvailabilityOverrides_ScheduleId_d4843093_fk_AvailabilitySchedules_Id] FOREIGN KEY ([ScheduleId]) REFERENCES [AvailabilitySchedules] ([Id]);
GO
ALTER TABLE [AvailabilityRules] ADD CONSTRAINT [AvailabilityRules_ScheduleId_78054b94_fk_AvailabilitySchedules_Id] FOREIGN KEY ([ScheduleId]) REFERENCES [AvailabilitySchedules] ([Id]);
GO
ALTER TABLE [AvailabilitySchedules] ADD CONSTRAINT [AvailabilitySchedules_ProviderId_73871e95_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id]);
GO
COMMIT TRANSACTION;
GO
