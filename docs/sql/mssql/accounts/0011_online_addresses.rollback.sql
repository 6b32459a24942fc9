-- accounts.0011_online_addresses (plan item 016): SQL Server rollback DDL
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
-- Undo: Validate constraint CK_Providers_Radius on model serviceprovider
-- Undo: Validate the foreign key of field base_address on model serviceprovider
-- Undo: Create the index of field base_address online on model serviceprovider
DROP INDEX [ServiceProviders_BaseAddressId_0c6e93b8] ON [ServiceProviders];
GO
