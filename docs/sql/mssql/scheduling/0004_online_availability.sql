-- scheduling.0004_online_availability (plan item 025): SQL Server DDL
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
-- Create the index of field schedule online on model serviceoffering
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [ServiceOfferings_ScheduleId_9d4c8ed5] ON [ServiceOfferings] ([ScheduleId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [ServiceOfferings_ScheduleId_9d4c8ed5] ON [ServiceOfferings] ([ScheduleId]);
GO
-- Validate the foreign key of field schedule on model serviceoffering
ALTER TABLE [ServiceOfferings] WITH CHECK CHECK CONSTRAINT [ServiceOfferings_ScheduleId_9d4c8ed5_fk_AvailabilitySchedules_Id];
GO
