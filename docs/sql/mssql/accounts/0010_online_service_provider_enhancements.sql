-- accounts.0010_online_service_provider_enhancements (plan item 012): SQL Server DDL
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
-- Create the index of field slug online on model serviceprovider
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    ALTER TABLE [ServiceProviders] ADD CONSTRAINT [ServiceProviders_Slug_1e1599cd_uniq] UNIQUE ([Slug]) WITH (ONLINE = ON)
ELSE
    ALTER TABLE [ServiceProviders] ADD CONSTRAINT [ServiceProviders_Slug_1e1599cd_uniq] UNIQUE ([Slug]);
GO
-- Create the index of field profile_image_file online on model serviceprovider
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [ServiceProviders_ProfileImageFileId_e6945f51] ON [ServiceProviders] ([ProfileImageFileId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [ServiceProviders_ProfileImageFileId_e6945f51] ON [ServiceProviders] ([ProfileImageFileId]);
GO
-- Create index IX_Providers_Active_Verified online on model serviceprovider
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [IX_Providers_Active_Verified] ON [ServiceProviders] ([IsActive], [IsVerified]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [IX_Providers_Active_Verified] ON [ServiceProviders] ([IsActive], [IsVerified]);
GO
-- Create index IX_Providers_Rating online on model serviceprovider
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [IX_Providers_Rating] ON [ServiceProviders] ([AverageRating] DESC) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [IX_Providers_Rating] ON [ServiceProviders] ([AverageRating] DESC);
GO
-- Validate the foreign key of field profile_image_file on model serviceprovider
ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [ServiceProviders_ProfileImageFileId_e6945f51_fk_StoredFiles_Id];
GO
-- Validate constraint CK_Providers_Rating on model serviceprovider
ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [CK_Providers_Rating];
GO
-- Validate constraint CK_Providers_Policy on model serviceprovider
ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [CK_Providers_Policy];
GO
-- Validate constraint CK_Providers_VerifStatus on model serviceprovider
ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [CK_Providers_VerifStatus];
GO
