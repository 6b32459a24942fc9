-- messaging.0010_online_appointment_links (plan item 026): SQL Server DDL
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
-- Create the index of field appointment online on model videocallsession
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [VideoCallSessions_AppointmentId_8001c461] ON [VideoCallSessions] ([AppointmentId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [VideoCallSessions_AppointmentId_8001c461] ON [VideoCallSessions] ([AppointmentId]);
GO
-- Create unique constraint UX_Conversations_Appointment online on model conversation
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE UNIQUE INDEX [UX_Conversations_Appointment] ON [Conversations] ([AppointmentId]) WHERE [AppointmentId] IS NOT NULL WITH (ONLINE = ON)
ELSE
    CREATE UNIQUE INDEX [UX_Conversations_Appointment] ON [Conversations] ([AppointmentId]) WHERE [AppointmentId] IS NOT NULL;
GO
-- Validate the foreign key of field appointment on model conversation
ALTER TABLE [Conversations] WITH CHECK CHECK CONSTRAINT [Conversations_AppointmentId_6a14bda5_fk_Appointments_Id];
GO
-- Validate the foreign key of field appointment on model videocallsession
ALTER TABLE [VideoCallSessions] WITH CHECK CHECK CONSTRAINT [VideoCallSessions_AppointmentId_8001c461_fk_Appointments_Id];
GO
