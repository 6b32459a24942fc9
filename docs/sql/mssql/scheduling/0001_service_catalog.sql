-- scheduling.0001_service_catalog (plan item 011): SQL Server DDL
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
-- Create model ServiceCategory
CREATE TABLE [ServiceCategories] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Name] nvarchar(100) NOT NULL UNIQUE, [Slug] nvarchar(100) NOT NULL UNIQUE, [Description] nvarchar(500) NOT NULL, [IconName] nvarchar(50) NOT NULL, [SortOrder] int NOT NULL, [IsActive] bit DEFAULT 1 NOT NULL);
GO
-- Create model ServiceOffering
CREATE TABLE [ServiceOfferings] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Name] nvarchar(150) NOT NULL, [Slug] nvarchar(150) NOT NULL, [Description] nvarchar(max) NOT NULL, [DurationMinutes] int NOT NULL CONSTRAINT ServiceOfferings_DurationMinutes_d35afe70_check CHECK ([DurationMinutes] >= 0), [PricingUnit] nvarchar(10) NOT NULL, [Price] numeric(10, 2) NOT NULL, [Currency] nvarchar(3) NOT NULL, [DepositAmount] numeric(10, 2) NOT NULL, [MaxPets] smallint NOT NULL CONSTRAINT ServiceOfferings_MaxPets_a5b6c06b_check CHECK ([MaxPets] >= 0), [LocationTypes] nvarchar(max) NOT NULL CONSTRAINT ServiceOfferings_LocationTypes_98bfdfd1_check CHECK ((ISJSON ("LocationTypes") = 1)), [IsVirtual] bit DEFAULT 0 NOT NULL, [IsActive] bit DEFAULT 1 NOT NULL, [IsHidden] bit DEFAULT 0 NOT NULL, [SortOrder] int NOT NULL, [CategoryId] int NOT NULL, [ProviderId] char(32) NOT NULL, CONSTRAINT [UX_ServiceOfferings_Prov_Slug] UNIQUE ([ProviderId], [Slug]), CONSTRAINT [CK_ServiceOfferings_Duration] CHECK ([DurationMinutes] > 0), CONSTRAINT [CK_ServiceOfferings_Price] CHECK (([Price] >= 0 AND [DepositAmount] >= 0 AND [DepositAmount] <= ([Price]))), CONSTRAINT [CK_ServiceOfferings_MaxPets] CHECK ([MaxPets] >= 1), CONSTRAINT [CK_ServiceOfferings_PricingUnit] CHECK ([PricingUnit] IN ('PerVisit', 'PerHour', 'PerNight', 'PerDay')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_ServiceOfferings_Act_Price] ON [ServiceOfferings] ([IsActive], [Price]);
GO
CREATE INDEX [IX_ServiceOfferings_Cat_Active] ON [ServiceOfferings] ([CategoryId], [IsActive]);
GO
CREATE INDEX [IX_ServiceOfferings_Provider] ON [ServiceOfferings] ([ProviderId], [IsActive]);
GO
CREATE INDEX [ServiceOfferings_Slug_2fc7d292] ON [ServiceOfferings] ([Slug]);
GO
ALTER TABLE [ServiceOfferings] ADD CONSTRAINT [ServiceOfferings_CategoryId_6085d83e_fk_ServiceCategories_Id] FOREIGN KEY ([CategoryId]) REFERENCES [ServiceCategories] ([Id]);
GO
ALTER TABLE [ServiceOfferings] ADD CONSTRAINT [ServiceOfferings_ProviderId_d290b64d_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id]);
GO
COMMIT TRANSACTION;
GO
