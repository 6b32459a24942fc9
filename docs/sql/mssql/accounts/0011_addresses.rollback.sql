-- accounts.0011_addresses (plan item 016): SQL Server rollback DDL
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
-- Undo: Create constraint CK_Providers_Radius NOT VALID on model serviceprovider
ALTER TABLE [ServiceProviders] DROP CONSTRAINT [CK_Providers_Radius];
GO
-- Undo: Add field service_radius_km to serviceprovider
ALTER TABLE [ServiceProviders] DROP COLUMN [ServiceRadiusKm];
GO
-- Undo: Add field base_address to serviceprovider, its foreign key NOT VALID
ALTER TABLE [ServiceProviders] DROP CONSTRAINT [ServiceProviders_BaseAddressId_0c6e93b8_fk_Addresses_Id];
GO
ALTER TABLE [ServiceProviders] DROP COLUMN [BaseAddressId];
GO
-- Undo: Create model Address
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Addresses]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Addresses]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Addresses]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Addresses];
GO
COMMIT TRANSACTION;
GO
