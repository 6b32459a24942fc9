-- scheduling.0005_online_appointments (plan item 026): SQL Server rollback DDL
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
-- Undo: Validate the foreign key of field appointment on model providerreview
-- Undo: Create unique constraint UX_Reviews_Appt_Reviewer online on model providerreview
DROP INDEX [UX_Reviews_Appt_Reviewer] ON [ProviderReviews];
GO
-- Undo: Create the index of field appointment online on model providerreview
DROP INDEX [ProviderReviews_AppointmentId_93a41554] ON [ProviderReviews];
GO
