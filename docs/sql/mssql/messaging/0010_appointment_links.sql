-- messaging.0010_appointment_links (plan item 026): SQL Server DDL
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
-- Add field appointment to conversation
ALTER TABLE [Conversations] ADD [AppointmentId] char(32) NULL;
GO
-- Add field appointment to videocallsession
ALTER TABLE [VideoCallSessions] ADD [AppointmentId] char(32) NULL;
GO
-- Create constraint UX_Conversations_Appointment on model conversation
CREATE UNIQUE INDEX [UX_Conversations_Appointment] ON [Conversations] ([AppointmentId]) WHERE [AppointmentId] IS NOT NULL;
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [VideoCallSessions_AppointmentId_8001c461] ON [VideoCallSessions] ([AppointmentId]);
GO
ALTER TABLE [Conversations] ADD CONSTRAINT [Conversations_AppointmentId_6a14bda5_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
ALTER TABLE [VideoCallSessions] ADD CONSTRAINT [VideoCallSessions_AppointmentId_8001c461_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
COMMIT TRANSACTION;
GO
