-- accounts.0010_service_provider_enhancements (plan item 012): SQL Server rollback DDL
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
-- Undo: Create constraint CK_Providers_VerifStatus NOT VALID on model serviceprovider
ALTER TABLE [ServiceProviders] DROP CONSTRAINT [CK_Providers_VerifStatus];
GO
-- Undo: Create constraint CK_Providers_Policy NOT VALID on model serviceprovider
ALTER TABLE [ServiceProviders] DROP CONSTRAINT [CK_Providers_Policy];
GO
-- Undo: Create constraint CK_Providers_Rating NOT VALID on model serviceprovider
ALTER TABLE [ServiceProviders] DROP CONSTRAINT [CK_Providers_Rating];
GO
-- Undo: Add field is_active to serviceprovider
DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'IsActive', 'ColumnId'));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [IsActive];
GO
-- Undo: Add field completed_appointment_count to serviceprovider
DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'CompletedAppointmentCount', 'ColumnId'));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2;
GO
DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'CompletedAppointmentCount', 'ColumnId'));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [CompletedAppointmentCount];
GO
-- Undo: Add field review_count to serviceprovider
DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'ReviewCount', 'ColumnId'));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4;
GO
DECLARE @dj_drop_5 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'ReviewCount', 'ColumnId'));
IF @dj_drop_5 IS NOT NULL EXEC sp_executesql @dj_drop_5;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [ReviewCount];
GO
-- Undo: Add field average_rating to serviceprovider
ALTER TABLE [ServiceProviders] DROP COLUMN [AverageRating];
GO
-- Undo: Add field verified_at to serviceprovider
ALTER TABLE [ServiceProviders] DROP COLUMN [VerifiedAt];
GO
-- Undo: Add field verification_status to serviceprovider
DECLARE @dj_drop_6 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'VerificationStatus', 'ColumnId'));
IF @dj_drop_6 IS NOT NULL EXEC sp_executesql @dj_drop_6;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [VerificationStatus];
GO
-- Undo: Add field cancellation_policy to serviceprovider
DECLARE @dj_drop_7 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'CancellationPolicy', 'ColumnId'));
IF @dj_drop_7 IS NOT NULL EXEC sp_executesql @dj_drop_7;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [CancellationPolicy];
GO
-- Undo: Add field accepts_new_clients to serviceprovider
DECLARE @dj_drop_8 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'AcceptsNewClients', 'ColumnId'));
IF @dj_drop_8 IS NOT NULL EXEC sp_executesql @dj_drop_8;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [AcceptsNewClients];
GO
-- Undo: Add field time_zone to serviceprovider
DECLARE @dj_drop_9 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'TimeZone', 'ColumnId'));
IF @dj_drop_9 IS NOT NULL EXEC sp_executesql @dj_drop_9;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [TimeZone];
GO
-- Undo: Add field profile_image_file to serviceprovider, its foreign key NOT VALID
ALTER TABLE [ServiceProviders] DROP CONSTRAINT [ServiceProviders_ProfileImageFileId_e6945f51_fk_StoredFiles_Id];
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [ProfileImageFileId];
GO
-- Undo: Add field website to serviceprovider
DECLARE @dj_drop_10 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'Website', 'ColumnId'));
IF @dj_drop_10 IS NOT NULL EXEC sp_executesql @dj_drop_10;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [Website];
GO
-- Undo: Add field business_phone to serviceprovider
DECLARE @dj_drop_11 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'BusinessPhone', 'ColumnId'));
IF @dj_drop_11 IS NOT NULL EXEC sp_executesql @dj_drop_11;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [BusinessPhone];
GO
-- Undo: Add field years_of_experience to serviceprovider
DECLARE @dj_drop_12 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.check_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'YearsOfExperience', 'ColumnId'));
IF @dj_drop_12 IS NOT NULL EXEC sp_executesql @dj_drop_12;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [YearsOfExperience];
GO
-- Undo: Add field bio to serviceprovider
DECLARE @dj_drop_13 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'Bio', 'ColumnId'));
IF @dj_drop_13 IS NOT NULL EXEC sp_executesql @dj_drop_13;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [Bio];
GO
-- Undo: Add field headline to serviceprovider
DECLARE @dj_drop_14 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [ServiceProviders] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[ServiceProviders]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[ServiceProviders]'), N'Headline', 'ColumnId'));
IF @dj_drop_14 IS NOT NULL EXEC sp_executesql @dj_drop_14;
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [Headline];
GO
-- Undo: Custom state/database change combination
ALTER TABLE [ServiceProviders] ALTER COLUMN [Slug] nvarchar(120) NULL;
GO
-- RunPython noop(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- Undo: Add field slug to serviceprovider
ALTER TABLE [ServiceProviders] DROP COLUMN [Slug];
GO
COMMIT TRANSACTION;
GO
