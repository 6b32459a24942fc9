-- accounts.0010_online_service_provider_enhancements (plan item 012): SQL Server rollback DDL
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
-- Undo: Validate constraint CK_Providers_VerifStatus on model serviceprovider
-- Undo: Validate constraint CK_Providers_Policy on model serviceprovider
-- Undo: Validate constraint CK_Providers_Rating on model serviceprovider
-- Undo: Validate the foreign key of field profile_image_file on model serviceprovider
-- Undo: Create index IX_Providers_Rating online on model serviceprovider
DROP INDEX [IX_Providers_Rating] ON [ServiceProviders];
GO
-- Undo: Create index IX_Providers_Active_Verified online on model serviceprovider
DROP INDEX [IX_Providers_Active_Verified] ON [ServiceProviders];
GO
-- Undo: Create the index of field profile_image_file online on model serviceprovider
DROP INDEX [ServiceProviders_ProfileImageFileId_e6945f51] ON [ServiceProviders];
GO
-- Undo: Create the index of field slug online on model serviceprovider
ALTER TABLE [ServiceProviders] DROP CONSTRAINT [ServiceProviders_Slug_1e1599cd_uniq];
GO
