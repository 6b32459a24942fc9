-- accounts.0011_online_addresses (plan item 016): SQL Server DDL
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
-- Create the index of field base_address online on model serviceprovider
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    CREATE INDEX [ServiceProviders_BaseAddressId_0c6e93b8] ON [ServiceProviders] ([BaseAddressId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [ServiceProviders_BaseAddressId_0c6e93b8] ON [ServiceProviders] ([BaseAddressId]);
GO
-- Validate the foreign key of field base_address on model serviceprovider
ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [ServiceProviders_BaseAddressId_0c6e93b8_fk_Addresses_Id];
GO
-- Validate constraint CK_Providers_Radius on model serviceprovider
ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [CK_Providers_Radius];
GO
