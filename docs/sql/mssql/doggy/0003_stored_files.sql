-- doggy.0003_stored_files (plan item 007): SQL Server DDL
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
-- Create model StoredFile
CREATE TABLE [StoredFiles] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [OwnerId] nvarchar(450) NULL, [Purpose] nvarchar(40) NOT NULL, [StorageBackend] nvarchar(20) NOT NULL, [StorageKey] nvarchar(512) NOT NULL, [OriginalFileName] nvarchar(255) NOT NULL, [ContentType] nvarchar(127) NOT NULL, [SizeBytes] bigint NOT NULL, [ChecksumSha256] nvarchar(64) NOT NULL, [Width] int NULL CONSTRAINT StoredFiles_Width_0d01bca3_check CHECK ([Width] >= 0), [Height] int NULL CONSTRAINT StoredFiles_Height_9d3c4af3_check CHECK ([Height] >= 0), [DurationSeconds] numeric(10, 3) NULL, [ThumbnailKey] nvarchar(512) NULL, [PreviewKey] nvarchar(512) NULL, [Visibility] nvarchar(10) NOT NULL, [UploadStatus] nvarchar(12) NOT NULL, [ScanStatus] nvarchar(12) NOT NULL, [ScannedAt] datetimeoffset NULL, [Metadata] nvarchar(max) NOT NULL CONSTRAINT StoredFiles_Metadata_8460a3a3_check CHECK ((ISJSON ("Metadata") = 1)), [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [DeletedAt] datetimeoffset NULL, [ExpiresAt] datetimeoffset NULL, CONSTRAINT [UX_StoredFiles_StorageKey] UNIQUE ([StorageKey]), CONSTRAINT [CK_StoredFiles_Size] CHECK ([SizeBytes] >= 0), CONSTRAINT [CK_StoredFiles_ScanStatus] CHECK ([ScanStatus] IN ('Pending', 'Clean', 'Infected', 'Error', 'Skipped')), CONSTRAINT [CK_StoredFiles_Purpose] CHECK ([Purpose] IN ('ProfileImage', 'DogPhoto', 'MessageAttachment', 'KycDocument', 'MedicalDocument', 'VaccinationCertificate', 'CredentialDocument', 'Receipt', 'DeliveryPhoto', 'CallRecording', 'ReportExport', 'Other')), CONSTRAINT [CK_StoredFiles_Visibility] CHECK ([Visibility] IN ('Private', 'Public')), CONSTRAINT [CK_StoredFiles_UploadStatus] CHECK ([UploadStatus] IN ('Pending', 'Uploaded', 'Failed')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_StoredFiles_Checksum] ON [StoredFiles] ([ChecksumSha256]);
GO
CREATE INDEX [IX_StoredFiles_Created] ON [StoredFiles] ([CreatedAt] DESC);
GO
CREATE INDEX [IX_StoredFiles_Owner_Created] ON [StoredFiles] ([OwnerId], [CreatedAt] DESC);
GO
CREATE INDEX [IX_StoredFiles_ScanPending] ON [StoredFiles] ([ScanStatus], [CreatedAt]) WHERE [ScanStatus] = 'Pending';
GO
ALTER TABLE [StoredFiles] ADD CONSTRAINT [StoredFiles_OwnerId_02501da8_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
