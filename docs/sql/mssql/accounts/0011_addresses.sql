-- accounts.0011_addresses (plan item 016): SQL Server DDL
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
BEGIN TRANSACTION;
GO
-- Create model Address
CREATE TABLE [Addresses] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Label] nvarchar(50) NOT NULL, [RecipientName] nvarchar(200) NOT NULL, [Line1] nvarchar(255) NOT NULL, [Line2] nvarchar(255) NOT NULL, [City] nvarchar(120) NOT NULL, [CityArea] nvarchar(120) NOT NULL, [Region] nvarchar(120) NOT NULL, [PostalCode] nvarchar(20) NOT NULL, [CountryCode] nvarchar(2) NOT NULL, [Phone] nvarchar(32) NOT NULL, [Latitude] numeric(9, 6) NULL, [Longitude] numeric(9, 6) NULL, [AccessInstructions] nvarchar(max) NOT NULL, [IsDefault] bit DEFAULT 0 NOT NULL, [IsActive] bit DEFAULT 1 NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [CK_Addresses_Lat] CHECK (([Latitude] IS NULL OR ([Latitude] >= -90 AND [Latitude] <= 90))), CONSTRAINT [CK_Addresses_Lng] CHECK (([Longitude] IS NULL OR ([Longitude] >= -180 AND [Longitude] <= 180))));
GO
-- Add field base_address to serviceprovider, its foreign key NOT VALID
ALTER TABLE [ServiceProviders] ADD [BaseAddressId] char(32) NULL;
GO
ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [ServiceProviders_BaseAddressId_0c6e93b8_fk_Addresses_Id] FOREIGN KEY ([BaseAddressId]) REFERENCES [Addresses] ([Id]);
GO
-- Add field service_radius_km to serviceprovider
ALTER TABLE [ServiceProviders] ADD [ServiceRadiusKm] numeric(6, 2) NULL;
GO
-- Create constraint CK_Providers_Radius NOT VALID on model serviceprovider
ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [CK_Providers_Radius] CHECK (([ServiceRadiusKm] IS NULL OR [ServiceRadiusKm] > 0));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_Addresses_Geo] ON [Addresses] ([Latitude], [Longitude]);
GO
CREATE INDEX [IX_Addresses_User] ON [Addresses] ([UserId], [IsActive]);
GO
CREATE UNIQUE INDEX [UX_Addresses_User_Default] ON [Addresses] ([UserId]) WHERE ([IsDefault] = 1 AND [IsActive] = 1);
GO
ALTER TABLE [Addresses] ADD CONSTRAINT [Addresses_UserId_763a87b8_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
