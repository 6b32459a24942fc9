-- scheduling.0005_appointments (plan item 026): SQL Server DDL
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
-- Create model Appointment
CREATE TABLE [Appointments] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Reference] nvarchar(12) NOT NULL UNIQUE, [IdempotencyKey] nvarchar(64) NULL, [OwnerId] nvarchar(450) NOT NULL, [ProviderId] char(32) NOT NULL, [ServiceOfferingId] char(32) NOT NULL, [StartAt] datetimeoffset NOT NULL, [EndAt] datetimeoffset NOT NULL, [TimeZone] nvarchar(50) NOT NULL, [Status] nvarchar(12) NOT NULL, [BufferBeforeMinutes] smallint NOT NULL CONSTRAINT Appointments_BufferBeforeMinutes_cfdbedc9_check CHECK ([BufferBeforeMinutes] >= 0), [BufferAfterMinutes] smallint NOT NULL CONSTRAINT Appointments_BufferAfterMinutes_f07c0d33_check CHECK ([BufferAfterMinutes] >= 0), [LocationType] nvarchar(16) NOT NULL, [AddressId] char(32) NULL, [LocationText] nvarchar(300) NOT NULL, [PriceAmount] numeric(12, 2) NOT NULL, [Currency] nvarchar(3) NOT NULL, [PriceUnits] numeric(6, 2) NOT NULL, [DepositAmount] numeric(12, 2) NOT NULL, [OwnerNotes] nvarchar(max) NOT NULL, [ProviderNotes] nvarchar(max) NOT NULL, [ConfirmedAt] datetimeoffset NULL, [CompletedAt] datetimeoffset NULL, [CancelledAt] datetimeoffset NULL, [CancelledById] nvarchar(450) NULL, [CancellationReason] nvarchar(500) NOT NULL, [DeclineReason] nvarchar(500) NOT NULL, [NoShowParty] nvarchar(8) NULL, [RescheduledFromId] char(32) NULL, [RescheduleCount] smallint NOT NULL CONSTRAINT Appointments_RescheduleCount_640dc9fd_check CHECK ([RescheduleCount] >= 0), [ICalUid] nvarchar(255) NOT NULL, [ICalSequence] int NOT NULL CONSTRAINT Appointments_ICalSequence_cb49eee6_check CHECK ([ICalSequence] >= 0), [BlockStartAt] datetimeoffset NOT NULL, [BlockEndAt] datetimeoffset NOT NULL, [IsExclusive] bit DEFAULT 1 NOT NULL, CONSTRAINT [CK_Appointments_Range] CHECK ([EndAt] > ([StartAt])), CONSTRAINT [CK_Appointments_Status] CHECK ([Status] IN ('Requested', 'Confirmed', 'InProgress', 'Completed', 'Cancelled', 'Declined', 'NoShow', 'Expired', 'Rescheduled')), CONSTRAINT [CK_Appointments_Amounts] CHECK (([PriceAmount] >= 0 AND [DepositAmount] >= 0 AND [DepositAmount] <= ([PriceAmount]))), CONSTRAINT [CK_Appointments_Cancelled] CHECK ((NOT ([Status] IN ('Cancelled', 'Rescheduled')) OR [CancelledAt] IS NOT NULL)), CONSTRAINT [CK_Appointments_Completed] CHECK ((NOT ([Status] = 'Completed') OR [CompletedAt] IS NOT NULL)), CONSTRAINT [CK_Appointments_Block] CHECK (([BlockStartAt] <= ([StartAt]) AND [BlockEndAt] >= ([EndAt]))), CONSTRAINT [CK_Appointments_LocationType] CHECK ([LocationType] IN ('OwnerHome', 'ProviderLocation', 'Virtual', 'Other')), CONSTRAINT [CK_Appointments_NoShowParty] CHECK (([NoShowParty] IS NULL OR [NoShowParty] IN ('Owner', 'Provider'))));
GO
-- Create model AppointmentPet
CREATE TABLE [AppointmentPets] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [AppointmentId] char(32) NOT NULL, [DogId] char(32) NOT NULL, [CareInstructions] nvarchar(max) NOT NULL, CONSTRAINT [UX_AppointmentPets_Appt_Dog] UNIQUE ([AppointmentId], [DogId]));
GO
-- Add field appointment to providerreview, its foreign key NOT VALID
ALTER TABLE [ProviderReviews] ADD [AppointmentId] char(32) NULL;
GO
ALTER TABLE [ProviderReviews] WITH NOCHECK ADD CONSTRAINT [ProviderReviews_AppointmentId_93a41554_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
-- Creates extension btree_gist
-- RunPython create_no_overlap(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [AppointmentPets_DogId_b56b3082] ON [AppointmentPets] ([DogId]);
GO
CREATE INDEX [Appointments_AddressId_1182e916] ON [Appointments] ([AddressId]);
GO
CREATE INDEX [Appointments_CancelledById_ef7033b1] ON [Appointments] ([CancelledById]);
GO
CREATE INDEX [Appointments_RescheduledFromId_5b03554e] ON [Appointments] ([RescheduledFromId]);
GO
CREATE INDEX [Appointments_ServiceOfferingId_e6863d54] ON [Appointments] ([ServiceOfferingId]);
GO
CREATE INDEX [IX_Appointments_Owner_Start] ON [Appointments] ([OwnerId], [StartAt] DESC);
GO
CREATE INDEX [IX_Appointments_Prov_Block] ON [Appointments] ([ProviderId], [BlockStartAt], [BlockEndAt]);
GO
CREATE INDEX [IX_Appointments_Provider_Start] ON [Appointments] ([ProviderId], [StartAt]);
GO
CREATE INDEX [IX_Appointments_Start_End_St] ON [Appointments] ([StartAt], [EndAt], [Status]);
GO
CREATE INDEX [IX_Appointments_Status] ON [Appointments] ([Status]);
GO
CREATE UNIQUE INDEX [UX_Appointments_Owner_Idem] ON [Appointments] ([OwnerId], [IdempotencyKey]) WHERE [IdempotencyKey] IS NOT NULL;
GO
ALTER TABLE [AppointmentPets] ADD CONSTRAINT [AppointmentPets_AppointmentId_0daa9e56_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
ALTER TABLE [AppointmentPets] ADD CONSTRAINT [AppointmentPets_DogId_b56b3082_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_AddressId_1182e916_fk_Addresses_Id] FOREIGN KEY ([AddressId]) REFERENCES [Addresses] ([Id]);
GO
ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_CancelledById_ef7033b1_fk_Users_Id] FOREIGN KEY ([CancelledById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_OwnerId_5cf125e5_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_ProviderId_69bc0725_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id]);
GO
ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_RescheduledFromId_5b03554e_fk_Appointments_Id] FOREIGN KEY ([RescheduledFromId]) REFERENCES [Appointments] ([Id]);
GO
ALTER TABLE [Appointments] ADD CONSTRAINT [Appointments_ServiceOfferingId_e6863d54_fk_ServiceOfferings_Id] FOREIGN KEY ([ServiceOfferingId]) REFERENCES [ServiceOfferings] ([Id]);
GO
COMMIT TRANSACTION;
GO
