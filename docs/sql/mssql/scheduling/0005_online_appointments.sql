-- scheduling.0005_online_appointments (plan item 026): SQL Server DDL
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
-- Create the index of field appointment online on model providerreview
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [ProviderReviews_AppointmentId_93a41554] ON [ProviderReviews] ([AppointmentId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [ProviderReviews_AppointmentId_93a41554] ON [ProviderReviews] ([AppointmentId]);
GO
-- Create unique constraint UX_Reviews_Appt_Reviewer online on model providerreview
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE UNIQUE INDEX [UX_Reviews_Appt_Reviewer] ON [ProviderReviews] ([AppointmentId], [ReviewerId]) WHERE ([AppointmentId] IS NOT NULL AND [ReviewerId] IS NOT NULL) WITH (ONLINE = ON)
ELSE
    CREATE UNIQUE INDEX [UX_Reviews_Appt_Reviewer] ON [ProviderReviews] ([AppointmentId], [ReviewerId]) WHERE ([AppointmentId] IS NOT NULL AND [ReviewerId] IS NOT NULL);
GO
-- Validate the foreign key of field appointment on model providerreview
ALTER TABLE [ProviderReviews] WITH CHECK CHECK CONSTRAINT [ProviderReviews_AppointmentId_93a41554_fk_Appointments_Id];
GO
