-- accounts.0012_provider_verification (plan item 038): SQL Server DDL
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
-- Create model BackgroundCheck
CREATE TABLE [BackgroundChecks] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Vendor] nvarchar(20) NOT NULL, [ExternalReportId] nvarchar(100) NULL, [Status] nvarchar(10) DEFAULT 'pending' NOT NULL, [Result] nvarchar(10) NULL, [Adjudication] nvarchar(20) NULL, [RequestedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [CompletedAt] datetimeoffset NULL, [ExpiresAt] datetimeoffset NULL, [ProviderId] char(32) NOT NULL, CONSTRAINT [CK_BackgroundChecks_Vendor] CHECK ([Vendor] IN ('Checkr', 'Sterling', 'Manual')), CONSTRAINT [CK_BackgroundChecks_Status] CHECK ([Status] IN ('pending', 'suspended', 'paused', 'complete', 'canceled', 'dispute')), CONSTRAINT [CK_BackgroundChecks_Result] CHECK (([Result] IS NULL OR [Result] IN ('clear', 'consider'))), CONSTRAINT [CK_BackgroundChecks_Adjudication] CHECK (([Adjudication] IS NULL OR [Adjudication] IN ('engaged', 'pre_adverse_action', 'post_adverse_action'))));
GO
-- Create model ProviderCredential
CREATE TABLE [ProviderCredentials] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [CredentialType] nvarchar(25) NOT NULL, [Issuer] nvarchar(200) NOT NULL, [CredentialNumber] nvarchar(100) NOT NULL, [IssuedOn] date NULL, [ExpiresOn] date NULL, [CoverageAmount] numeric(14, 2) NULL, [Status] nvarchar(10) DEFAULT 'Pending' NOT NULL, [VerifiedAt] datetimeoffset NULL, [RejectionReason] nvarchar(300) NOT NULL, [FileId] char(32) NULL, [ProviderId] char(32) NOT NULL, [VerifiedById] nvarchar(450) NULL, CONSTRAINT [CK_ProvCreds_Dates] CHECK (([ExpiresOn] IS NULL OR [IssuedOn] IS NULL OR [ExpiresOn] > ([IssuedOn]))), CONSTRAINT [CK_ProvCreds_Coverage] CHECK (([CoverageAmount] IS NULL OR [CoverageAmount] >= 0)), CONSTRAINT [CK_ProviderCredentials_CredentialType] CHECK ([CredentialType] IN ('BusinessLicense', 'LiabilityInsurance', 'Bonding', 'PetFirstAidCpr', 'TrainerCertification', 'GroomerCertification', 'VeterinaryLicense', 'Other')), CONSTRAINT [CK_ProviderCredentials_Status] CHECK ([Status] IN ('Pending', 'Verified', 'Rejected', 'Expired')));
GO
-- Create model ProviderCredentialType
CREATE TABLE [ProviderCredentialTypes] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Code] nvarchar(25) NOT NULL, [Name] nvarchar(100) NOT NULL, [IsRequired] bit DEFAULT 0 NOT NULL, [CategoryId] int NULL, CONSTRAINT [CK_ProviderCredentialTypes_Code] CHECK ([Code] IN ('BusinessLicense', 'LiabilityInsurance', 'Bonding', 'PetFirstAidCpr', 'TrainerCertification', 'GroomerCertification', 'VeterinaryLicense', 'Other')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_BgChecks_Provider] ON [BackgroundChecks] ([ProviderId], [RequestedAt] DESC);
GO
CREATE INDEX [IX_ProvCreds_Expires] ON [ProviderCredentials] ([ExpiresOn]) WHERE [Status] = 'Verified';
GO
CREATE INDEX [IX_ProvCreds_Provider_Status] ON [ProviderCredentials] ([ProviderId], [Status]);
GO
CREATE INDEX [ProviderCredentialTypes_CategoryId_4b43c65c] ON [ProviderCredentialTypes] ([CategoryId]);
GO
CREATE INDEX [ProviderCredentials_FileId_b3eccf83] ON [ProviderCredentials] ([FileId]);
GO
CREATE INDEX [ProviderCredentials_VerifiedById_bf7ef96e] ON [ProviderCredentials] ([VerifiedById]);
GO
CREATE UNIQUE INDEX [UX_BgChecks_Vendor_Report] ON [BackgroundChecks] ([Vendor], [ExternalReportId]) WHERE [ExternalReportId] IS NOT NULL;
GO
CREATE UNIQUE INDEX [UX_ProvCredTypes_Code_All] ON [ProviderCredentialTypes] ([Code]) WHERE [CategoryId] IS NULL;
GO
CREATE UNIQUE INDEX [UX_ProvCredTypes_Code_Cat] ON [ProviderCredentialTypes] ([Code], [CategoryId]) WHERE [CategoryId] IS NOT NULL;
GO
ALTER TABLE [BackgroundChecks] ADD CONSTRAINT [BackgroundChecks_ProviderId_a9f11cca_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id]);
GO
ALTER TABLE [ProviderCredentialTypes] ADD CONSTRAINT [ProviderCredentialTypes_CategoryId_4b43c65c_fk_ServiceCategories_Id] FOREIGN KEY ([CategoryId]) REFERENCES [ServiceCategories] ([Id]);
GO
ALTER TABLE [ProviderCredentials] ADD CONSTRAINT [ProviderCredentials_FileId_b3eccf83_fk_StoredFiles_Id] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id]);
GO
ALTER TABLE [ProviderCredentials] ADD CONSTRAINT [ProviderCredentials_ProviderId_40812b08_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id]);
GO
ALTER TABLE [ProviderCredentials] ADD CONSTRAINT [ProviderCredentials_VerifiedById_bf7ef96e_fk_Users_Id] FOREIGN KEY ([VerifiedById]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
