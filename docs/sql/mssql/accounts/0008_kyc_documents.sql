-- accounts.0008_kyc_documents (plan item 007): SQL Server DDL
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
-- Create model KycDocument
CREATE TABLE [KycDocuments] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [VerificationId] char(32) NOT NULL, [DocumentType] nvarchar(30) NOT NULL, [Side] nvarchar(6) NOT NULL, [IssuingCountry] nvarchar(2) NULL, [DocumentNumberLast4] nvarchar(4) NULL, [DocumentExpiresOn] date NULL, [FileId] char(32) NOT NULL, [Status] nvarchar(10) NOT NULL, [RejectionReason] nvarchar(200) NOT NULL, [UploadedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_KycDocuments_DocumentType] CHECK ([DocumentType] IN ('Passport', 'DrivingLicence', 'NationalIdentityCard', 'ResidencePermit', 'ProofOfAddress', 'Selfie', 'BusinessRegistration', 'Other')), CONSTRAINT [CK_KycDocuments_Side] CHECK ([Side] IN ('Front', 'Back', 'Single')), CONSTRAINT [CK_KycDocuments_Status] CHECK ([Status] IN ('Uploaded', 'Accepted', 'Rejected')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [KycDocuments_FileId_5c9186da] ON [KycDocuments] ([FileId]);
GO
CREATE INDEX [KycDocuments_VerificationId_33bfc4bd] ON [KycDocuments] ([VerificationId]);
GO
CREATE UNIQUE INDEX [UX_KycDocs_Verif_Type_Side] ON [KycDocuments] ([VerificationId], [DocumentType], [Side]) WHERE [Status] IN ('Uploaded', 'Accepted');
GO
ALTER TABLE [KycDocuments] ADD CONSTRAINT [KycDocuments_FileId_5c9186da_fk_StoredFiles_Id] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id]);
GO
ALTER TABLE [KycDocuments] ADD CONSTRAINT [KycDocuments_VerificationId_33bfc4bd_fk_KycVerifications_Id] FOREIGN KEY ([VerificationId]) REFERENCES [KycVerifications] ([Id]);
GO
COMMIT TRANSACTION;
GO
