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
-- Add field appointment to conversation, its foreign key NOT VALID
ALTER TABLE [Conversations] ADD [AppointmentId] char(32) NULL;
GO
ALTER TABLE [Conversations] WITH NOCHECK ADD CONSTRAINT [Conversations_AppointmentId_6a14bda5_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
-- Add field appointment to videocallsession, its foreign key NOT VALID
ALTER TABLE [VideoCallSessions] ADD [AppointmentId] char(32) NULL;
GO
ALTER TABLE [VideoCallSessions] WITH NOCHECK ADD CONSTRAINT [VideoCallSessions_AppointmentId_8001c461_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id]);
GO
COMMIT TRANSACTION;
GO
