-- scheduling.0009_service_delivery (plan item 030): SQL Server DDL
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
-- Create model ServiceVisit
CREATE TABLE [ServiceVisits] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [AppointmentId] char(32) NOT NULL UNIQUE, [CheckInAt] datetimeoffset NULL, [CheckOutAt] datetimeoffset NULL, [CheckInLat] numeric(9, 6) NULL, [CheckInLng] numeric(9, 6) NULL, [CheckOutLat] numeric(9, 6) NULL, [CheckOutLng] numeric(9, 6) NULL, [DistanceMeters] int NULL CONSTRAINT ServiceVisits_DistanceMeters_473d7c10_check CHECK ([DistanceMeters] >= 0), [ActivitySummary] nvarchar(max) NOT NULL CONSTRAINT ServiceVisits_ActivitySummary_ce39a727_check CHECK ((ISJSON ("ActivitySummary") = 1)), [Mood] nvarchar(10) NOT NULL, [ReportNotes] nvarchar(max) NOT NULL, [OwnerAcknowledgedAt] datetimeoffset NULL, CONSTRAINT [CK_Visits_Checkout] CHECK (([CheckOutAt] IS NULL OR ([CheckInAt] IS NOT NULL AND [CheckOutAt] > ([CheckInAt])))), CONSTRAINT [CK_Visits_Coords] CHECK ((([CheckInLat] IS NULL OR ([CheckInLat] >= -90 AND [CheckInLat] <= 90)) AND ([CheckOutLat] IS NULL OR ([CheckOutLat] >= -90 AND [CheckOutLat] <= 90)) AND ([CheckInLng] IS NULL OR ([CheckInLng] >= -180 AND [CheckInLng] <= 180)) AND ([CheckOutLng] IS NULL OR ([CheckOutLng] >= -180 AND [CheckOutLng] <= 180)))), CONSTRAINT [CK_ServiceVisits_Mood] CHECK ([Mood] IN ('', 'Happy', 'Calm', 'Anxious', 'Tired', 'Other')));
GO
-- Create model ServiceVisitEvent
CREATE TABLE [ServiceVisitEvents] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [VisitId] char(32) NOT NULL, [EventType] nvarchar(20) NOT NULL, [OccurredAt] datetimeoffset NOT NULL, [Notes] nvarchar(1000) NOT NULL, [Data] nvarchar(max) NOT NULL CONSTRAINT ServiceVisitEvents_Data_b6d3c1e7_check CHECK ((ISJSON ("Data") = 1)), CONSTRAINT [CK_ServiceVisitEvents_EventType] CHECK ([EventType] IN ('Arrived', 'WalkStarted', 'WalkEnded', 'Fed', 'MedicationGiven', 'Potty', 'Incident', 'Note', 'Departed')));
GO
-- Create model ServiceVisitLocation
CREATE TABLE [ServiceVisitLocations] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [VisitId] char(32) NOT NULL, [RecordedAt] datetimeoffset NOT NULL, [Latitude] numeric(9, 6) NOT NULL, [Longitude] numeric(9, 6) NOT NULL, [AccuracyMeters] numeric(7, 2) NULL, CONSTRAINT [CK_VisitLocations_Coords] CHECK (([Latitude] >= -90 AND [Latitude] <= 90 AND [Longitude] >= -180 AND [Longitude] <= 180)));
GO
-- Create model ServiceVisitMedia
CREATE TABLE [ServiceVisitMedia] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [VisitId] char(32) NOT NULL, [FileId] char(32) NOT NULL, [Caption] nvarchar(300) NOT NULL, [TakenAt] datetimeoffset NULL, CONSTRAINT [UX_VisitMedia_Visit_File] UNIQUE ([VisitId], [FileId]));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_VisitEvents_Visit_Time] ON [ServiceVisitEvents] ([VisitId], [OccurredAt]);
GO
CREATE INDEX [IX_VisitLocations_Visit_Time] ON [ServiceVisitLocations] ([VisitId], [RecordedAt]);
GO
CREATE INDEX [ServiceVisitMedia_FileId_86be2403] ON [ServiceVisitMedia] ([FileId]);
GO
ALTER TABLE [ServiceVisitEvents] ADD CONSTRAINT [ServiceVisitEvents_VisitId_2c1984e5_fk_ServiceVisits_Id] FOREIGN KEY ([VisitId]) REFERENCES [ServiceVisits] ([Id]);
GO
ALTER TABLE [ServiceVisitLocations] ADD CONSTRAINT [ServiceVisitLocations_VisitId_960b0c71_fk_ServiceVisits_Id] FOREIGN KEY ([VisitId]) REFERENCES [ServiceVisits] ([Id]);
GO
ALTER TABLE [ServiceVisitMedia] ADD CONSTRAINT [ServiceVisitMedia_FileId_86be2403_fk_StoredFiles_Id] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id]);
GO
ALTER TABLE [ServiceVisitMedia] ADD CONSTRAINT [ServiceVisitMedia_VisitId_bf18b50b_fk_ServiceVisits_Id] FOREIGN KEY ([VisitId]) REFERENCES [ServiceVisits] ([Id]);
GO
ALTER TABLE [ServiceVisits] ADD CONSTRAINT [ServiceVisits_AppointmentId_9fefc9b6_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
COMMIT TRANSACTION;
GO
