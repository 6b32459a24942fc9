-- accounts.0007_kyc_foundation (plan item 006): SQL Server DDL
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
-- Create model KycVerification
CREATE TABLE [KycVerifications] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NOT NULL, [ServiceProviderId] char(32) NULL, [Level] nvarchar(30) NOT NULL, [Status] nvarchar(30) NOT NULL, [RejectType] nvarchar(10) NULL, [RejectLabels] nvarchar(max) NOT NULL CONSTRAINT KycVerifications_RejectLabels_7c7c5148_check CHECK ((ISJSON ("RejectLabels") = 1)), [ApplicantComment] nvarchar(max) NOT NULL, [InternalComment] nvarchar(max) NOT NULL, [Vendor] nvarchar(20) NOT NULL, [VendorApplicantId] nvarchar(100) NULL, [AttemptNumber] smallint NOT NULL CONSTRAINT KycVerifications_AttemptNumber_eda72543_check CHECK ([AttemptNumber] >= 0), [LegalFirstName] nvarchar(100) NOT NULL, [LegalLastName] nvarchar(100) NOT NULL, [DateOfBirth] date NULL, [CountryCode] nvarchar(2) NULL, [SubmittedAt] datetimeoffset NULL, [ReviewStartedAt] datetimeoffset NULL, [ReviewedAt] datetimeoffset NULL, [ReviewedById] nvarchar(450) NULL, [AutoApproved] bit NOT NULL, [ExpiresAt] datetimeoffset NULL, CONSTRAINT [CK_Kyc_Status] CHECK ([Status] IN ('NotStarted', 'Pending', 'InReview', 'Approved', 'Rejected', 'ResubmissionRequested', 'Expired')), CONSTRAINT [CK_Kyc_Reviewed] CHECK (([Status] IN ('NotStarted', 'Pending', 'InReview', 'ResubmissionRequested', 'Expired') OR [ReviewedAt] IS NOT NULL)), CONSTRAINT [CK_Kyc_RejectType] CHECK (([Status] IN ('NotStarted', 'Pending', 'InReview', 'Approved', 'Expired') OR [RejectType] IS NOT NULL)), CONSTRAINT [CK_KycVerifications_Level] CHECK ([Level] IN ('Basic', 'Enhanced')), CONSTRAINT [CK_KycVerifications_Vendor] CHECK ([Vendor] IN ('Manual', 'Sumsub', 'Onfido', 'Persona')), CONSTRAINT [CK_KycVerifications_RejectType] CHECK (([RejectType] IS NULL OR [RejectType] IN ('Retry', 'Final'))), CONSTRAINT [CK_KycVerifications_Attempt] CHECK ([AttemptNumber] >= 1));
GO
-- Create model KycReviewEvent
CREATE TABLE [KycReviewEvents] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [VerificationId] char(32) NOT NULL, [FromStatus] nvarchar(30) NULL, [ToStatus] nvarchar(30) NOT NULL, [ActorId] nvarchar(450) NULL, [Comment] nvarchar(max) NOT NULL, [Payload] nvarchar(max) NULL CONSTRAINT KycReviewEvents_Payload_276f49f9_check CHECK ((ISJSON ("Payload") = 1)), [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL);
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_KycEvents_Verif_Created] ON [KycReviewEvents] ([VerificationId], [CreatedAt]);
GO
CREATE INDEX [IX_Kyc_Status_Submitted] ON [KycVerifications] ([Status], [SubmittedAt]);
GO
CREATE INDEX [IX_Kyc_User] ON [KycVerifications] ([UserId]);
GO
CREATE INDEX [KycReviewEvents_ActorId_0a763f39] ON [KycReviewEvents] ([ActorId]);
GO
CREATE INDEX [KycVerifications_ReviewedById_923db73b] ON [KycVerifications] ([ReviewedById]);
GO
CREATE INDEX [KycVerifications_ServiceProviderId_0b9cc166] ON [KycVerifications] ([ServiceProviderId]);
GO
CREATE UNIQUE INDEX [UX_Kyc_User_Open] ON [KycVerifications] ([UserId]) WHERE [Status] IN ('NotStarted', 'Pending', 'InReview', 'ResubmissionRequested');
GO
CREATE UNIQUE INDEX [UX_Kyc_Vendor_Applicant] ON [KycVerifications] ([Vendor], [VendorApplicantId]) WHERE [VendorApplicantId] IS NOT NULL;
GO
ALTER TABLE [KycReviewEvents] ADD CONSTRAINT [KycReviewEvents_ActorId_0a763f39_fk_Users_Id] FOREIGN KEY ([ActorId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [KycReviewEvents] ADD CONSTRAINT [KycReviewEvents_VerificationId_399f66b9_fk_KycVerifications_Id] FOREIGN KEY ([VerificationId]) REFERENCES [KycVerifications] ([Id]);
GO
ALTER TABLE [KycVerifications] ADD CONSTRAINT [KycVerifications_ReviewedById_923db73b_fk_Users_Id] FOREIGN KEY ([ReviewedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [KycVerifications] ADD CONSTRAINT [KycVerifications_ServiceProviderId_0b9cc166_fk_ServiceProviders_Id] FOREIGN KEY ([ServiceProviderId]) REFERENCES [ServiceProviders] ([Id]);
GO
ALTER TABLE [KycVerifications] ADD CONSTRAINT [KycVerifications_UserId_aa749317_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
