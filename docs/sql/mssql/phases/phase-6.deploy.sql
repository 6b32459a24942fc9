-- Phase 6 deploy script for SQL Server, idempotent: every statement is guarded
-- by `django_migrations`, so the script can run again after a stop or a failure.
-- Rendered offline by `manage.py plan ddl --vendor mssql`. Do not edit; re-render.
-- Run with `sqlcmd -b -I -i <file>` so that the first error stops the script.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
IF OBJECT_ID(N'[django_migrations]', N'U') IS NULL
    CREATE TABLE [django_migrations] ([id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [app] nvarchar(255) NOT NULL, [name] nvarchar(255) NOT NULL, [applied] datetimeoffset NOT NULL);
GO
-- pets.0004_emergency_contacts (plan item 037)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'CREATE TABLE [EmergencyContacts] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Name] nvarchar(200) NOT NULL, [Relationship] nvarchar(100) NOT NULL, [Phone] nvarchar(50) DEFAULT '''' NOT NULL, [AlternatePhone] nvarchar(50) NOT NULL, [Email] nvarchar(256) NOT NULL, [CanAuthorizeVetCare] bit DEFAULT 0 NOT NULL, [IsPrimary] bit DEFAULT 0 NOT NULL, [Notes] nvarchar(500) NOT NULL, [OwnerId] nvarchar(450) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'CREATE TABLE [DogEmergencyContacts] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Priority] smallint DEFAULT 1 NOT NULL CONSTRAINT DogEmergencyContacts_Priority_3c015fca_check CHECK ([Priority] >= 0), [DogId] char(32) NOT NULL, [ContactId] char(32) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'CREATE TABLE [DogVeterinarians] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [ClinicName] nvarchar(200) NOT NULL, [VeterinarianName] nvarchar(200) NOT NULL, [Phone] nvarchar(50) NOT NULL, [Email] nvarchar(256) NOT NULL, [AddressText] nvarchar(500) NOT NULL, [IsPrimary] bit DEFAULT 0 NOT NULL, [IsEmergencyClinic] bit DEFAULT 0 NOT NULL, [DogId] char(32) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'CREATE INDEX [IX_EmergContacts_Owner] ON [EmergencyContacts] ([OwnerId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_EmergContacts_Owner_Primary] ON [EmergencyContacts] ([OwnerId]) WHERE [IsPrimary] = 1');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'ALTER TABLE [DogEmergencyContacts] ADD CONSTRAINT [UX_DogEmergContacts_Dog_Cont] UNIQUE ([DogId], [ContactId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'CREATE INDEX [DogEmergencyContacts_ContactId_8d39342a] ON [DogEmergencyContacts] ([ContactId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'CREATE INDEX [DogVeterinarians_DogId_f5c6edf4] ON [DogVeterinarians] ([DogId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_DogVets_Dog_Primary] ON [DogVeterinarians] ([DogId]) WHERE [IsPrimary] = 1');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'ALTER TABLE [DogEmergencyContacts] ADD CONSTRAINT [DogEmergencyContacts_ContactId_8d39342a_fk_EmergencyContacts_Id] FOREIGN KEY ([ContactId]) REFERENCES [EmergencyContacts] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'ALTER TABLE [DogEmergencyContacts] ADD CONSTRAINT [DogEmergencyContacts_DogId_381c9733_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'ALTER TABLE [DogVeterinarians] ADD CONSTRAINT [DogVeterinarians_DogId_f5c6edf4_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    EXEC(N'ALTER TABLE [EmergencyContacts] ADD CONSTRAINT [EmergencyContacts_OwnerId_36f65f0c_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0004_emergency_contacts')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'pets', N'0004_emergency_contacts', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- pets.0005_copy_dog_contacts (plan item 037)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0005_copy_dog_contacts')
    THROW 50001, N'pets.0005_copy_dog_contacts runs Python (copy_forward): apply it with manage.py migrate pets 0005_copy_dog_contacts, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0005_copy_dog_contacts')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'pets', N'0005_copy_dog_contacts', SYSUTCDATETIME());
END;
GO
-- accounts.0012_provider_verification (plan item 038)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE TABLE [BackgroundChecks] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Vendor] nvarchar(20) NOT NULL, [ExternalReportId] nvarchar(100) NULL, [Status] nvarchar(10) DEFAULT ''pending'' NOT NULL, [Result] nvarchar(10) NULL, [Adjudication] nvarchar(20) NULL, [RequestedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [CompletedAt] datetimeoffset NULL, [ExpiresAt] datetimeoffset NULL, [ProviderId] char(32) NOT NULL, CONSTRAINT [CK_BackgroundChecks_Vendor] CHECK ([Vendor] IN (''Checkr'', ''Sterling'', ''Manual'')), CONSTRAINT [CK_BackgroundChecks_Status] CHECK ([Status] IN (''pending'', ''suspended'', ''paused'', ''complete'', ''canceled'', ''dispute'')), CONSTRAINT [CK_BackgroundChecks_Result] CHECK (([Result] IS NULL OR [Result] IN (''clear'', ''consider''))), CONSTRAINT [CK_BackgroundChecks_Adjudication] CHECK (([Adjudication] IS NULL OR [Adjudication] IN (''engaged'', ''pre_adverse_action'', ''post_adverse_action''))))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE TABLE [ProviderCredentials] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [CredentialType] nvarchar(25) NOT NULL, [Issuer] nvarchar(200) NOT NULL, [CredentialNumber] nvarchar(100) NOT NULL, [IssuedOn] date NULL, [ExpiresOn] date NULL, [CoverageAmount] numeric(14, 2) NULL, [Status] nvarchar(10) DEFAULT ''Pending'' NOT NULL, [VerifiedAt] datetimeoffset NULL, [RejectionReason] nvarchar(300) NOT NULL, [FileId] char(32) NULL, [ProviderId] char(32) NOT NULL, [VerifiedById] nvarchar(450) NULL, CONSTRAINT [CK_ProvCreds_Dates] CHECK (([ExpiresOn] IS NULL OR [IssuedOn] IS NULL OR [ExpiresOn] > ([IssuedOn]))), CONSTRAINT [CK_ProvCreds_Coverage] CHECK (([CoverageAmount] IS NULL OR [CoverageAmount] >= 0)), CONSTRAINT [CK_ProviderCredentials_CredentialType] CHECK ([CredentialType] IN (''BusinessLicense'', ''LiabilityInsurance'', ''Bonding'', ''PetFirstAidCpr'', ''TrainerCertification'', ''GroomerCertification'', ''VeterinaryLicense'', ''Other'')), CONSTRAINT [CK_ProviderCredentials_Status] CHECK ([Status] IN (''Pending'', ''Verified'', ''Rejected'', ''Expired'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE TABLE [ProviderCredentialTypes] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Code] nvarchar(25) NOT NULL, [Name] nvarchar(100) NOT NULL, [IsRequired] bit DEFAULT 0 NOT NULL, [CategoryId] int NULL, CONSTRAINT [CK_ProviderCredentialTypes_Code] CHECK ([Code] IN (''BusinessLicense'', ''LiabilityInsurance'', ''Bonding'', ''PetFirstAidCpr'', ''TrainerCertification'', ''GroomerCertification'', ''VeterinaryLicense'', ''Other'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE INDEX [IX_BgChecks_Provider] ON [BackgroundChecks] ([ProviderId], [RequestedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE INDEX [IX_ProvCreds_Expires] ON [ProviderCredentials] ([ExpiresOn]) WHERE [Status] = ''Verified''');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE INDEX [IX_ProvCreds_Provider_Status] ON [ProviderCredentials] ([ProviderId], [Status])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE INDEX [ProviderCredentialTypes_CategoryId_4b43c65c] ON [ProviderCredentialTypes] ([CategoryId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE INDEX [ProviderCredentials_FileId_b3eccf83] ON [ProviderCredentials] ([FileId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE INDEX [ProviderCredentials_VerifiedById_bf7ef96e] ON [ProviderCredentials] ([VerifiedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_BgChecks_Vendor_Report] ON [BackgroundChecks] ([Vendor], [ExternalReportId]) WHERE [ExternalReportId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_ProvCredTypes_Code_All] ON [ProviderCredentialTypes] ([Code]) WHERE [CategoryId] IS NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_ProvCredTypes_Code_Cat] ON [ProviderCredentialTypes] ([Code], [CategoryId]) WHERE [CategoryId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'ALTER TABLE [BackgroundChecks] ADD CONSTRAINT [BackgroundChecks_ProviderId_a9f11cca_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'ALTER TABLE [ProviderCredentialTypes] ADD CONSTRAINT [ProviderCredentialTypes_CategoryId_4b43c65c_fk_ServiceCategories_Id] FOREIGN KEY ([CategoryId]) REFERENCES [ServiceCategories] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'ALTER TABLE [ProviderCredentials] ADD CONSTRAINT [ProviderCredentials_FileId_b3eccf83_fk_StoredFiles_Id] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'ALTER TABLE [ProviderCredentials] ADD CONSTRAINT [ProviderCredentials_ProviderId_40812b08_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    EXEC(N'ALTER TABLE [ProviderCredentials] ADD CONSTRAINT [ProviderCredentials_VerifiedById_bf7ef96e_fk_Users_Id] FOREIGN KEY ([VerifiedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0012_provider_verification')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0012_provider_verification', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0013_seed_credential_types (plan item 038)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0013_seed_credential_types')
    THROW 50001, N'accounts.0013_seed_credential_types runs Python (seed_credential_types): apply it with manage.py migrate accounts 0013_seed_credential_types, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0013_seed_credential_types')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0013_seed_credential_types')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0013_seed_credential_types', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0014_credential_expiry_notice (plan item 038)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0014_credential_expiry_notice')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0014_credential_expiry_notice')
BEGIN
    EXEC(N'ALTER TABLE [ProviderCredentials] ADD [ExpiryNoticeSentAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0014_credential_expiry_notice')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0014_credential_expiry_notice', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0004_payment_tracking (plan item 039)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'CREATE TABLE [BillingCustomers] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [PaymentProvider] nvarchar(20) NOT NULL, [ProviderCustomerId] nvarchar(100) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'CREATE TABLE [PaymentRecords] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Purpose] nvarchar(14) NOT NULL, [PaymentProvider] nvarchar(20) NOT NULL, [ProviderPaymentId] nvarchar(100) NULL, [ProviderChargeId] nvarchar(100) NOT NULL, [ProviderInvoiceId] nvarchar(100) NOT NULL, [Amount] numeric(12, 2) NOT NULL, [AmountRefunded] numeric(12, 2) DEFAULT 0 NOT NULL, [FeeAmount] numeric(12, 2) NULL, [Currency] nvarchar(3) NOT NULL, [Status] nvarchar(20) DEFAULT ''Pending'' NOT NULL, [PaymentMethodBrand] nvarchar(20) NOT NULL, [PaymentMethodLast4] nvarchar(4) NOT NULL, [FailureCode] nvarchar(100) NOT NULL, [FailureMessage] nvarchar(500) NOT NULL, [ReceiptUrl] nvarchar(500) NOT NULL, [PaidAt] datetimeoffset NULL, [LastEventAt] datetimeoffset NULL, [Metadata] nvarchar(max) NOT NULL CONSTRAINT PaymentRecords_Metadata_c602476b_check CHECK ((ISJSON ("Metadata") = 1)))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'CREATE TABLE [PaymentRefunds] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [ProviderRefundId] nvarchar(100) NOT NULL, [Amount] numeric(12, 2) NOT NULL, [Status] nvarchar(10) DEFAULT ''Pending'' NOT NULL, [Reason] nvarchar(30) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'CREATE TABLE [PaymentWebhookEvents] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [PaymentProvider] nvarchar(20) NOT NULL, [EventId] nvarchar(100) NOT NULL, [EventType] nvarchar(100) NOT NULL, [Payload] nvarchar(max) NOT NULL CONSTRAINT PaymentWebhookEvents_Payload_62b3f357_check CHECK ((ISJSON ("Payload") = 1)), [SignatureValid] bit NOT NULL, [ProviderCreatedAt] datetimeoffset NULL, [ReceivedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ProcessedAt] datetimeoffset NULL, [ProcessingStatus] nvarchar(10) DEFAULT ''Pending'' NOT NULL, [Attempts] smallint DEFAULT 0 NOT NULL CONSTRAINT PaymentWebhookEvents_Attempts_e9242637_check CHECK ([Attempts] >= 0), [LastError] nvarchar(max) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [UserSubscriptions] DROP CONSTRAINT [CK_UserSubscriptions_PaymentProvider]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [UserSubscriptions] WITH NOCHECK ADD CONSTRAINT [CK_UserSubscriptions_PaymentProvider] CHECK ([PaymentProvider] IN (''Stripe'', ''AppStore'', ''GooglePlay'', ''Manual'', ''PayPal'', ''Square''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [BillingCustomers] ADD [UserId] nvarchar(450) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD [UserId] nvarchar(450) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD [UserSubscriptionId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] ADD [PaymentId] char(32) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'CREATE INDEX [IX_WebhookEvents_Pending] ON [PaymentWebhookEvents] ([ProcessingStatus], [ReceivedAt]) WHERE [ProcessingStatus] IN (''Pending'', ''Failed'')');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentWebhookEvents] ADD CONSTRAINT [UX_WebhookEvents_Prov_Event] UNIQUE ([PaymentProvider], [EventId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentWebhookEvents] ADD CONSTRAINT [CK_PaymentWebhookEvents_PaymentProvider] CHECK ([PaymentProvider] IN (''Stripe'', ''AppStore'', ''GooglePlay'', ''Manual'', ''PayPal'', ''Square''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentWebhookEvents] ADD CONSTRAINT [CK_PaymentWebhookEvents_ProcessingStatus] CHECK ([ProcessingStatus] IN (''Pending'', ''Processed'', ''Failed'', ''Ignored''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [BillingCustomers] ADD CONSTRAINT [UX_BillingCust_User_Provider] UNIQUE ([UserId], [PaymentProvider])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [BillingCustomers] ADD CONSTRAINT [UX_BillingCust_Prov_CustId] UNIQUE ([PaymentProvider], [ProviderCustomerId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [BillingCustomers] ADD CONSTRAINT [CK_BillingCustomers_PaymentProvider] CHECK ([PaymentProvider] IN (''Stripe'', ''AppStore'', ''GooglePlay'', ''Manual'', ''PayPal'', ''Square''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'CREATE INDEX [IX_Payments_User_Created] ON [PaymentRecords] ([UserId], [CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Payments_Prov_PaymentId] ON [PaymentRecords] ([PaymentProvider], [ProviderPaymentId]) WHERE [ProviderPaymentId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_Payments_Amounts] CHECK (([Amount] >= 0 AND [AmountRefunded] >= 0 AND [AmountRefunded] <= ([Amount])))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_Payments_Fee] CHECK (([FeeAmount] IS NULL OR [FeeAmount] >= 0))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_PaymentRecords_Purpose] CHECK ([Purpose] IN (''Appointment'', ''Subscription'', ''Deposit'', ''Tip'', ''Other''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_PaymentRecords_Status] CHECK ([Status] IN (''Pending'', ''RequiresAction'', ''Processing'', ''Succeeded'', ''Failed'', ''Canceled'', ''Refunded'', ''PartiallyRefunded'', ''Disputed''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_PaymentRecords_PaymentProvider] CHECK ([PaymentProvider] IN (''Stripe'', ''AppStore'', ''GooglePlay'', ''Manual'', ''PayPal'', ''Square''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] ADD CONSTRAINT [UX_Refunds_ProviderRefundId] UNIQUE ([ProviderRefundId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] ADD CONSTRAINT [CK_Refunds_Amount] CHECK ([Amount] > 0)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] ADD CONSTRAINT [CK_PaymentRefunds_Status] CHECK ([Status] IN (''Pending'', ''Succeeded'', ''Failed'', ''Canceled''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] ADD CONSTRAINT [CK_PaymentRefunds_Reason] CHECK ([Reason] IN ('''', ''duplicate'', ''fraudulent'', ''requested_by_customer'', ''cancellation_policy''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'CREATE INDEX [PaymentRecords_UserSubscriptionId_c6d9a4fd] ON [PaymentRecords] ([UserSubscriptionId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'CREATE INDEX [PaymentRefunds_PaymentId_5f4f0aea] ON [PaymentRefunds] ([PaymentId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [BillingCustomers] ADD CONSTRAINT [BillingCustomers_UserId_0415b7ac_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD CONSTRAINT [PaymentRecords_UserId_497f4bb4_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD CONSTRAINT [PaymentRecords_UserSubscriptionId_c6d9a4fd_fk_UserSubscriptions_Id] FOREIGN KEY ([UserSubscriptionId]) REFERENCES [UserSubscriptions] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRefunds] ADD CONSTRAINT [PaymentRefunds_PaymentId_5f4f0aea_fk_PaymentRecords_Id] FOREIGN KEY ([PaymentId]) REFERENCES [PaymentRecords] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_payment_tracking')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'billing', N'0004_payment_tracking', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0004_online_payment_tracking (plan item 039)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_online_payment_tracking')
BEGIN
    EXEC(N'ALTER TABLE [UserSubscriptions] WITH CHECK CHECK CONSTRAINT [CK_UserSubscriptions_PaymentProvider]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0004_online_payment_tracking')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'billing', N'0004_online_payment_tracking', SYSUTCDATETIME());
END;
GO
-- billing.0005_expenses (plan item 040)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE TABLE [ExpenseBudgets] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Period] nvarchar(8) DEFAULT ''Monthly'' NOT NULL, [Amount] numeric(12, 2) NOT NULL, [Currency] nvarchar(3) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE TABLE [ExpenseCategories] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Name] nvarchar(100) NOT NULL, [Slug] nvarchar(100) NOT NULL, [Icon] nvarchar(50) NOT NULL, [IsSystem] bit DEFAULT 1 NOT NULL, [SortOrder] int DEFAULT 0 NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE TABLE [PetExpenses] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Amount] numeric(12, 2) NOT NULL, [Currency] nvarchar(3) NOT NULL, [ExpenseDate] date NOT NULL, [Vendor] nvarchar(200) NOT NULL, [Description] nvarchar(500) NOT NULL, [Source] nvarchar(12) DEFAULT ''Manual'' NOT NULL, [IsRecurring] bit DEFAULT 0 NOT NULL, [RecurrenceRule] nvarchar(100) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] ADD [OwnerId] nvarchar(450) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseCategories] ADD [OwnerId] nvarchar(450) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] ADD [CategoryId] int NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD [CategoryId] int NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD [DogId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD [OwnerId] nvarchar(450) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD [PaymentRecordId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD [ReceiptFileId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD [VetVisitId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_ExpenseCat_System_Name] ON [ExpenseCategories] ([Name]) WHERE [OwnerId] IS NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_ExpenseCat_Owner_Name] ON [ExpenseCategories] ([OwnerId], [Name]) WHERE [OwnerId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_ExpenseCat_System_Slug] ON [ExpenseCategories] ([Slug]) WHERE [OwnerId] IS NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_ExpenseCat_Owner_Slug] ON [ExpenseCategories] ([OwnerId], [Slug]) WHERE [OwnerId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseCategories] ADD CONSTRAINT [CK_ExpenseCat_System] CHECK ((([IsSystem] = 1 AND [OwnerId] IS NULL) OR ([IsSystem] = 0 AND [OwnerId] IS NOT NULL)))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_ExpenseBudgets_Key] ON [ExpenseBudgets] ([OwnerId], [CategoryId], [Period]) WHERE [CategoryId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_ExpenseBudgets_Total] ON [ExpenseBudgets] ([OwnerId], [Period]) WHERE [CategoryId] IS NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] ADD CONSTRAINT [CK_ExpenseBudgets_Amount] CHECK ([Amount] > 0)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] ADD CONSTRAINT [CK_ExpenseBudgets_Period] CHECK ([Period] IN (''Monthly'', ''Yearly''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE INDEX [IX_PetExpenses_Owner_Date] ON [PetExpenses] ([OwnerId], [ExpenseDate] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE INDEX [IX_PetExpenses_Dog_Date] ON [PetExpenses] ([DogId], [ExpenseDate] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD CONSTRAINT [CK_PetExpenses_Amount] CHECK ([Amount] > 0)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_PetExpenses_Payment] ON [PetExpenses] ([PaymentRecordId]) WHERE [PaymentRecordId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD CONSTRAINT [CK_PetExpenses_Source] CHECK ([Source] IN (''Manual'', ''Appointment'', ''VetVisit'', ''Subscription''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE INDEX [ExpenseBudgets_CategoryId_addb8cb9] ON [ExpenseBudgets] ([CategoryId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE INDEX [ExpenseBudgets_OwnerId_d73721ee] ON [ExpenseBudgets] ([OwnerId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE INDEX [ExpenseCategories_OwnerId_6a130935] ON [ExpenseCategories] ([OwnerId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE INDEX [ExpenseCategories_Slug_50c7ebdb] ON [ExpenseCategories] ([Slug])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE INDEX [PetExpenses_CategoryId_b73b4f9c] ON [PetExpenses] ([CategoryId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE INDEX [PetExpenses_ReceiptFileId_fd5d0959] ON [PetExpenses] ([ReceiptFileId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'CREATE INDEX [PetExpenses_VetVisitId_e8d6bf0a] ON [PetExpenses] ([VetVisitId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] ADD CONSTRAINT [ExpenseBudgets_CategoryId_addb8cb9_fk_ExpenseCategories_Id] FOREIGN KEY ([CategoryId]) REFERENCES [ExpenseCategories] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseBudgets] ADD CONSTRAINT [ExpenseBudgets_OwnerId_d73721ee_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [ExpenseCategories] ADD CONSTRAINT [ExpenseCategories_OwnerId_6a130935_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_CategoryId_b73b4f9c_fk_ExpenseCategories_Id] FOREIGN KEY ([CategoryId]) REFERENCES [ExpenseCategories] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_DogId_404d209b_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_OwnerId_487a1489_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_PaymentRecordId_9ec88974_fk_PaymentRecords_Id] FOREIGN KEY ([PaymentRecordId]) REFERENCES [PaymentRecords] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_ReceiptFileId_fd5d0959_fk_StoredFiles_Id] FOREIGN KEY ([ReceiptFileId]) REFERENCES [StoredFiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_VetVisitId_e8d6bf0a_fk_VetVisits_Id] FOREIGN KEY ([VetVisitId]) REFERENCES [VetVisits] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0005_expenses')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'billing', N'0005_expenses', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0006_seed_expense_categories (plan item 040)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0006_seed_expense_categories')
    THROW 50001, N'billing.0006_seed_expense_categories runs Python (seed_categories): apply it with manage.py migrate billing 0006_seed_expense_categories, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0006_seed_expense_categories')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0006_seed_expense_categories')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'billing', N'0006_seed_expense_categories', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0007_payment_appointment_links (plan item 040)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD [AppointmentId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD [AppointmentId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'CREATE INDEX [IX_Payments_Appointment] ON [PaymentRecords] ([AppointmentId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD CONSTRAINT [CK_Payments_Target] CHECK (([AppointmentId] IS NULL OR [UserSubscriptionId] IS NULL))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'CREATE INDEX [PetExpenses_AppointmentId_ba70b2d3] ON [PetExpenses] ([AppointmentId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [PaymentRecords] ADD CONSTRAINT [PaymentRecords_AppointmentId_9763eaf6_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    EXEC(N'ALTER TABLE [PetExpenses] ADD CONSTRAINT [PetExpenses_AppointmentId_ba70b2d3_fk_Appointments_Id] FOREIGN KEY ([AppointmentId]) REFERENCES [Appointments] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0007_payment_appointment_links')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'billing', N'0007_payment_appointment_links', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0008_billing_customers_backfill (plan item 040)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0008_billing_customers_backfill')
    THROW 50001, N'billing.0008_billing_customers_backfill runs Python (backfill_billing_customers): apply it with manage.py migrate billing 0008_billing_customers_backfill, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0008_billing_customers_backfill')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0008_billing_customers_backfill')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'billing', N'0008_billing_customers_backfill', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- audit.0005_reporting (plan item 041)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'CREATE TABLE [DashboardSnapshots] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Scope] nvarchar(15) NOT NULL, [ScopeId] nvarchar(64) NOT NULL, [SnapshotDate] date NOT NULL, [Payload] nvarchar(max) NOT NULL CONSTRAINT DashboardSnapshots_Payload_13ff3d36_check CHECK ((ISJSON ("Payload") = 1)), [GeneratedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [UX_DashSnapshots_Key] UNIQUE ([Scope], [ScopeId], [SnapshotDate]), CONSTRAINT [CK_DashSnapshots_Scope] CHECK ([Scope] IN (''Platform'', ''Provider'', ''Owner'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'CREATE TABLE [ReportDefinitions] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Key] nvarchar(100) NOT NULL, [Name] nvarchar(200) NOT NULL, [Description] nvarchar(max) NOT NULL, [Audience] nvarchar(15) NOT NULL, [Parameters] nvarchar(max) NOT NULL CONSTRAINT ReportDefinitions_Parameters_e9f7c8eb_check CHECK ((ISJSON ("Parameters") = 1)), [IsActive] bit DEFAULT 1 NOT NULL, [RequiredPermissionId] int NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'CREATE TABLE [ReportRuns] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Parameters] nvarchar(max) NOT NULL CONSTRAINT ReportRuns_Parameters_470ec95a_check CHECK ((ISJSON ("Parameters") = 1)), [Format] nvarchar(5) DEFAULT ''csv'' NOT NULL, [Status] nvarchar(10) DEFAULT ''Queued'' NOT NULL, [RowCount] int NULL CONSTRAINT ReportRuns_RowCount_fc423ac4_check CHECK ([RowCount] >= 0), [Error] nvarchar(max) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [StartedAt] datetimeoffset NULL, [FinishedAt] datetimeoffset NULL, [ReportDefinitionId] int NOT NULL, [RequestedById] nvarchar(450) NULL, [ResultFileId] char(32) NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportDefinitions] ADD CONSTRAINT [UX_ReportDefinitions_Key] UNIQUE ([Key])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportDefinitions] ADD CONSTRAINT [CK_ReportDefinitions_Audience] CHECK ([Audience] IN (''Admin'', ''ServiceProvider'', ''PetOwner''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'CREATE INDEX [IX_ReportRuns_User_Created] ON [ReportRuns] ([RequestedById], [CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'CREATE INDEX [IX_ReportRuns_Status] ON [ReportRuns] ([Status]) WHERE [Status] IN (''Queued'', ''Running'')');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'CREATE INDEX [IX_ReportRuns_Created] ON [ReportRuns] ([CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportRuns] ADD CONSTRAINT [CK_ReportRuns_Format] CHECK ([Format] IN (''csv'', ''xlsx'', ''pdf'', ''json''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportRuns] ADD CONSTRAINT [CK_ReportRuns_Status] CHECK ([Status] IN (''Queued'', ''Running'', ''Succeeded'', ''Failed'', ''Expired''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'CREATE INDEX [ReportDefinitions_RequiredPermissionId_6bcdd7e6] ON [ReportDefinitions] ([RequiredPermissionId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'CREATE INDEX [ReportRuns_ReportDefinitionId_3f25d972] ON [ReportRuns] ([ReportDefinitionId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'CREATE INDEX [ReportRuns_ResultFileId_6db96670] ON [ReportRuns] ([ResultFileId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportDefinitions] ADD CONSTRAINT [ReportDefinitions_RequiredPermissionId_6bcdd7e6_fk_Permissions_Id] FOREIGN KEY ([RequiredPermissionId]) REFERENCES [Permissions] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportRuns] ADD CONSTRAINT [ReportRuns_ReportDefinitionId_3f25d972_fk_ReportDefinitions_Id] FOREIGN KEY ([ReportDefinitionId]) REFERENCES [ReportDefinitions] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportRuns] ADD CONSTRAINT [ReportRuns_RequestedById_f96b5a31_fk_Users_Id] FOREIGN KEY ([RequestedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    EXEC(N'ALTER TABLE [ReportRuns] ADD CONSTRAINT [ReportRuns_ResultFileId_6db96670_fk_StoredFiles_Id] FOREIGN KEY ([ResultFileId]) REFERENCES [StoredFiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'audit' AND [name] = N'0005_reporting')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'audit', N'0005_reporting', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- doggy.0005_system_health (plan item 042)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'CREATE TABLE [ApiMetricBuckets] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [BucketStart] datetimeoffset NOT NULL, [Route] nvarchar(200) NOT NULL, [Method] nvarchar(7) NOT NULL, [StatusClass] nvarchar(3) NOT NULL, [Count] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Count_799aba45_check CHECK ([Count] >= 0), [SumMs] bigint DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_SumMs_07f780dd_check CHECK ([SumMs] >= 0), [Le5] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le5_b2cca7b6_check CHECK ([Le5] >= 0), [Le10] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le10_f2caf18f_check CHECK ([Le10] >= 0), [Le25] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le25_1bcf7101_check CHECK ([Le25] >= 0), [Le50] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le50_62dfe58b_check CHECK ([Le50] >= 0), [Le100] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le100_b3bb0980_check CHECK ([Le100] >= 0), [Le250] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le250_567cdd6e_check CHECK ([Le250] >= 0), [Le500] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le500_41d56e0d_check CHECK ([Le500] >= 0), [Le1000] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_Le1000_5a0cbebc_check CHECK ([Le1000] >= 0), [LeInf] int DEFAULT 0 NOT NULL CONSTRAINT ApiMetricBuckets_LeInf_44656774_check CHECK ([LeInf] >= 0), CONSTRAINT [UX_ApiMetrics_Key] UNIQUE ([BucketStart], [Route], [Method], [StatusClass]), CONSTRAINT [CK_ApiMetricBuckets_StatusClass] CHECK ([StatusClass] IN (''2xx'', ''3xx'', ''4xx'', ''5xx'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'CREATE TABLE [BackgroundJobRuns] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [JobName] nvarchar(100) NOT NULL, [Status] nvarchar(10) NOT NULL, [Attempt] smallint DEFAULT 1 NOT NULL CONSTRAINT BackgroundJobRuns_Attempt_81024e40_check CHECK ([Attempt] >= 0), [StartedAt] datetimeoffset NOT NULL, [FinishedAt] datetimeoffset NULL, [DurationMs] int NULL CONSTRAINT BackgroundJobRuns_DurationMs_73d0539c_check CHECK ([DurationMs] >= 0), [ItemsProcessed] int NULL CONSTRAINT BackgroundJobRuns_ItemsProcessed_e8501a33_check CHECK ([ItemsProcessed] >= 0), [Error] nvarchar(max) NOT NULL, CONSTRAINT [CK_BackgroundJobRuns_Status] CHECK ([Status] IN (''Running'', ''Succeeded'', ''Failed'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'CREATE TABLE [HealthCheckResults] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Component] nvarchar(30) NOT NULL, [Status] nvarchar(10) NOT NULL, [LatencyMs] int NULL CONSTRAINT HealthCheckResults_LatencyMs_373efda5_check CHECK ([LatencyMs] >= 0), [Message] nvarchar(500) NOT NULL, [Details] nvarchar(max) NOT NULL CONSTRAINT HealthCheckResults_Details_1ae302e3_check CHECK ((ISJSON ("Details") = 1)), [CheckedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_HealthCheckResults_Status] CHECK ([Status] IN (''Healthy'', ''Degraded'', ''Unhealthy'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'CREATE TABLE [SystemIncidents] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Title] nvarchar(200) NOT NULL, [Severity] nvarchar(8) NOT NULL, [Status] nvarchar(13) DEFAULT ''Investigating'' NOT NULL, [AffectedComponents] nvarchar(max) NOT NULL CONSTRAINT SystemIncidents_AffectedComponents_d2c82fcc_check CHECK ((ISJSON ("AffectedComponents") = 1)), [StartedAt] datetimeoffset NOT NULL, [ResolvedAt] datetimeoffset NULL, [PublicMessage] nvarchar(max) NOT NULL, [CreatedById] nvarchar(450) NULL, CONSTRAINT [CK_Incidents_Resolved] CHECK (([Status] IN (''Investigating'', ''Identified'', ''Monitoring'') OR [ResolvedAt] IS NOT NULL)), CONSTRAINT [CK_SystemIncidents_Severity] CHECK ([Severity] IN (''Minor'', ''Major'', ''Critical'')), CONSTRAINT [CK_SystemIncidents_Status] CHECK ([Status] IN (''Investigating'', ''Identified'', ''Monitoring'', ''Resolved'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'CREATE INDEX [IX_HealthChecks_Comp_Time] ON [HealthCheckResults] ([Component], [CheckedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'CREATE INDEX [IX_JobRuns_Name_Started] ON [BackgroundJobRuns] ([JobName], [StartedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'CREATE INDEX [SystemIncidents_CreatedById_f02bee5f] ON [SystemIncidents] ([CreatedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    EXEC(N'ALTER TABLE [SystemIncidents] ADD CONSTRAINT [SystemIncidents_CreatedById_f02bee5f_fk_Users_Id] FOREIGN KEY ([CreatedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'doggy' AND [name] = N'0005_system_health')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'doggy', N'0005_system_health', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
