-- scheduling.0007_booking_rules (plan item 028): SQL Server DDL
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
-- Create model BookingRule
CREATE TABLE [BookingRules] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ProviderId] char(32) NOT NULL, [ServiceOfferingId] char(32) NULL, [MinimumNoticeMinutes] int NULL CONSTRAINT BookingRules_MinimumNoticeMinutes_a12b7204_check CHECK ([MinimumNoticeMinutes] >= 0), [MaxAdvanceDays] smallint NULL CONSTRAINT BookingRules_MaxAdvanceDays_e67b21e5_check CHECK ([MaxAdvanceDays] >= 0), [BufferBeforeMinutes] smallint NULL CONSTRAINT BookingRules_BufferBeforeMinutes_24acbe71_check CHECK ([BufferBeforeMinutes] >= 0), [BufferAfterMinutes] smallint NULL CONSTRAINT BookingRules_BufferAfterMinutes_c3318f97_check CHECK ([BufferAfterMinutes] >= 0), [SlotIntervalMinutes] smallint NULL CONSTRAINT BookingRules_SlotIntervalMinutes_391755d4_check CHECK ([SlotIntervalMinutes] >= 0), [MaxBookingsPerDay] smallint NULL CONSTRAINT BookingRules_MaxBookingsPerDay_1f29e84b_check CHECK ([MaxBookingsPerDay] >= 0), [MaxBookingsPerWeek] smallint NULL CONSTRAINT BookingRules_MaxBookingsPerWeek_f278c48c_check CHECK ([MaxBookingsPerWeek] >= 0), [MaxConcurrentBookings] smallint NOT NULL CONSTRAINT BookingRules_MaxConcurrentBookings_31d61587_check CHECK ([MaxConcurrentBookings] >= 0), [RequiresConfirmation] bit DEFAULT 1 NOT NULL, [ConfirmationTimeoutHours] smallint NOT NULL CONSTRAINT BookingRules_ConfirmationTimeoutHours_2ffc4b05_check CHECK ([ConfirmationTimeoutHours] >= 0), [FreeCancellationHours] smallint NULL CONSTRAINT BookingRules_FreeCancellationHours_e1e9b668_check CHECK ([FreeCancellationHours] >= 0), [AllowReschedule] bit DEFAULT 1 NOT NULL, [RescheduleLimit] smallint NOT NULL CONSTRAINT BookingRules_RescheduleLimit_732b3d28_check CHECK ([RescheduleLimit] >= 0), [IsActive] bit DEFAULT 1 NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_BookingRules_MaxConc] CHECK ([MaxConcurrentBookings] >= 1), CONSTRAINT [CK_BookingRules_Advance] CHECK (([MaxAdvanceDays] IS NULL OR [MaxAdvanceDays] >= 1)));
GO
-- Create model SlotHold
CREATE TABLE [SlotHolds] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [ProviderId] char(32) NOT NULL, [ServiceOfferingId] char(32) NOT NULL, [HeldById] nvarchar(450) NOT NULL, [StartAt] datetimeoffset NOT NULL, [EndAt] datetimeoffset NOT NULL, [ExpiresAt] datetimeoffset NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_SlotHolds_Range] CHECK ([EndAt] > ([StartAt])));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [BookingRules_ProviderId_eee453fe] ON [BookingRules] ([ProviderId]);
GO
CREATE INDEX [BookingRules_ServiceOfferingId_48aa825a] ON [BookingRules] ([ServiceOfferingId]);
GO
CREATE INDEX [IX_SlotHolds_Expires] ON [SlotHolds] ([ExpiresAt]);
GO
CREATE INDEX [IX_SlotHolds_Prov_Start_End] ON [SlotHolds] ([ProviderId], [StartAt], [EndAt]);
GO
CREATE INDEX [SlotHolds_HeldById_8a952ec4] ON [SlotHolds] ([HeldById]);
GO
CREATE INDEX [SlotHolds_ServiceOfferingId_05a1cc55] ON [SlotHolds] ([ServiceOfferingId]);
GO
CREATE UNIQUE INDEX [UX_BookingRules_Prov_Default] ON [BookingRules] ([ProviderId]) WHERE [ServiceOfferingId] IS NULL;
GO
CREATE UNIQUE INDEX [UX_BookingRules_Prov_Offering] ON [BookingRules] ([ProviderId], [ServiceOfferingId]) WHERE [ServiceOfferingId] IS NOT NULL;
GO
ALTER TABLE [BookingRules] ADD CONSTRAINT [BookingRules_ProviderId_eee453fe_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id]);
GO
ALTER TABLE [BookingRules] ADD CONSTRAINT [BookingRules_ServiceOfferingId_48aa825a_fk_ServiceOfferings_Id] FOREIGN KEY ([ServiceOfferingId]) REFERENCES [ServiceOfferings] ([Id]);
GO
ALTER TABLE [SlotHolds] ADD CONSTRAINT [SlotHolds_HeldById_8a952ec4_fk_Users_Id] FOREIGN KEY ([HeldById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [SlotHolds] ADD CONSTRAINT [SlotHolds_ProviderId_e37c18db_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id]);
GO
ALTER TABLE [SlotHolds] ADD CONSTRAINT [SlotHolds_ServiceOfferingId_05a1cc55_fk_ServiceOfferings_Id] FOREIGN KEY ([ServiceOfferingId]) REFERENCES [ServiceOfferings] ([Id]);
GO
COMMIT TRANSACTION;
GO
