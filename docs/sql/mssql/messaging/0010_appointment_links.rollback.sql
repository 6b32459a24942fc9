-- messaging.0010_appointment_links (plan item 026): SQL Server rollback DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
-- Reverses this migration on a database at its end (every later one reversed).
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
-- Undo: Add field appointment to videocallsession, its foreign key NOT VALID
ALTER TABLE [VideoCallSessions] DROP CONSTRAINT [VideoCallSessions_AppointmentId_8001c461_fk_Appointments_Id];
GO
ALTER TABLE [VideoCallSessions] DROP COLUMN [AppointmentId];
GO
-- Undo: Add field appointment to conversation, its foreign key NOT VALID
ALTER TABLE [Conversations] DROP CONSTRAINT [Conversations_AppointmentId_6a14bda5_fk_Appointments_Id];
GO
ALTER TABLE [Conversations] DROP COLUMN [AppointmentId];
GO
COMMIT TRANSACTION;
GO
