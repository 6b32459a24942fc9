-- messaging.0010_online_appointment_links (plan item 026): SQL Server rollback DDL
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
-- Undo: Validate the foreign key of field appointment on model videocallsession
-- Undo: Validate the foreign key of field appointment on model conversation
-- Undo: Create unique constraint UX_Conversations_Appointment online on model conversation
DROP INDEX [UX_Conversations_Appointment] ON [Conversations];
GO
-- Undo: Create the index of field appointment online on model videocallsession
DROP INDEX [VideoCallSessions_AppointmentId_8001c461] ON [VideoCallSessions];
GO
