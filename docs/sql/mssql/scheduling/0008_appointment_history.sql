-- scheduling.0008_appointment_history (plan item 029): SQL Server DDL
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
-- Create model AppointmentStatusHistory
CREATE TABLE [AppointmentStatusHistory] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [AppointmentId] char(32) NOT NULL, [FromStatus] nvarchar(12) NULL, [ToStatus] nvarchar(12) NOT NULL, [ChangedById] nvarchar(450) NULL, [Reason] nvarchar(500) NOT NULL, [Metadata] nvarchar(max) NOT NULL CONSTRAINT AppointmentStatusHistory_Metadata_16fabc41_check CHECK ((ISJSON ("Metadata") = 1)), [ChangedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_AppointmentStatusHistory_FromStatus] CHECK (([FromStatus] IS NULL OR [FromStatus] IN ('Requested', 'Confirmed', 'InProgress', 'Completed', 'Cancelled', 'Declined', 'NoShow', 'Expired', 'Rescheduled'))), CONSTRAINT [CK_AppointmentStatusHistory_ToStatus] CHECK ([ToStatus] IN ('Requested', 'Confirmed', 'InProgress', 'Completed', 'Cancelled', 'Declined', 'NoShow', 'Expired', 'Rescheduled')));
GO
-- Create model AppointmentReschedule
CREATE TABLE [AppointmentReschedules] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [AppointmentId] char(32) NOT NULL, [NewAppointmentId] char(32) NULL, [RequestedById] nvarchar(450) NULL, [PreviousStartAt] datetimeoffset NOT NULL, [PreviousEndAt] datetimeoffset NOT NULL, [ProposedStartAt] datetimeoffset NOT NULL, [ProposedEndAt] datetimeoffset NOT NULL, [Reason] nvarchar(max) NOT NULL, [Status] nvarchar(10) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [RespondedAt] datetimeoffset NULL, CONSTRAINT [CK_Reschedules_Range] CHECK ([ProposedEndAt] > ([ProposedStartAt])), CONSTRAINT [CK_AppointmentReschedules_Status] CHECK ([Status] IN ('Pending', 'Accepted', 'Declined', 'Expired')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [AppointmentReschedules_AppointmentId_20ae668a] ON [AppointmentReschedules] ([AppointmentId]);
GO
CREATE INDEX [AppointmentReschedules_NewAppointmentId_26ea592c] ON [AppointmentReschedules] ([NewAppointmentId]);
GO
CREATE INDEX [AppointmentReschedules_RequestedById_5efeedd4] ON [AppointmentReschedules] ([RequestedById]);
GO
CREATE INDEX [AppointmentStatusHistory_ChangedById_25c75188] ON [AppointmentStatusHistory] ([ChangedById]);
GO
CREATE INDEX [IX_ApptStatusHist_Appt_Time] ON [AppointmentStatusHistory] ([AppointmentId], [ChangedAt]);
GO
CREATE UNIQUE INDEX [UX_Reschedules_Appt_Pending] ON [AppointmentReschedules] ([AppointmentId]) WHERE [Status] = 'Pending';
GO
ALTER TABLE [AppointmentReschedules] ADD CONSTRAINT [AppointmentReschedules_AppointmentId_20ae668a_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
ALTER TABLE [AppointmentReschedules] ADD CONSTRAINT [AppointmentReschedules_NewAppointmentId_26ea592c_fk_Appointments_Id] FOREIGN KEY ([NewAppointmentId]) REFERENCES [Appointments] ([Id]);
GO
ALTER TABLE [AppointmentReschedules] ADD CONSTRAINT [AppointmentReschedules_RequestedById_5efeedd4_fk_Users_Id] FOREIGN KEY ([RequestedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [AppointmentStatusHistory] ADD CONSTRAINT [AppointmentStatusHistory_AppointmentId_fd1313c1_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
ALTER TABLE [AppointmentStatusHistory] ADD CONSTRAINT [AppointmentStatusHistory_ChangedById_25c75188_fk_Users_Id] FOREIGN KEY ([ChangedById]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
