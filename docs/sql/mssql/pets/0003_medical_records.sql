-- pets.0003_medical_records (plan item 010): SQL Server DDL
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
-- Create model VetVisit
CREATE TABLE [VetVisits] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [VisitDate] date NOT NULL, [ClinicName] nvarchar(200) NOT NULL, [VeterinarianName] nvarchar(200) NOT NULL, [Reason] nvarchar(300) NOT NULL, [Diagnosis] nvarchar(max) NOT NULL, [Treatment] nvarchar(max) NOT NULL, [WeightAtVisit] numeric(5, 2) NULL, [Cost] numeric(12, 2) NULL, [Currency] nvarchar(3) NOT NULL, [FollowUpOn] date NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL);
GO
IF NOT EXISTS (SELECT NULL FROM sys.extended_properties ep
            WHERE ep.major_id = OBJECT_ID('[VetVisits]')
            AND ep.name = 'MS_Description'
            AND ep.minor_id = (SELECT column_id FROM sys.columns 
                            WHERE name = 'WeightAtVisit'
                            AND object_id = OBJECT_ID('[VetVisits]')))
                EXECUTE sp_addextendedproperty 
                @name = 'MS_Description', @value = 'pounds', 
                @level0type = 'SCHEMA', @level0name = 'dbo',
                @level1type = 'TABLE', @level1name = [VetVisits],
                @level2type = 'COLUMN', @level2name = WeightAtVisit
            ELSE
                EXECUTE sp_updateextendedproperty 
                @name = 'MS_Description', @value = 'pounds',
                @level0type = 'SCHEMA', @level0name = 'dbo',
                @level1type = 'TABLE', @level1name = [VetVisits],
                @level2type = 'COLUMN', @level2name = WeightAtVisit;
GO
-- Create model Vaccination
CREATE TABLE [Vaccinations] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [VaccineName] nvarchar(200) NOT NULL, [VaccineType] nvarchar(20) NOT NULL, [Status] nvarchar(20) NOT NULL, [AdministeredOn] date NOT NULL, [NextDueOn] date NULL, [DoseNumber] smallint NULL CONSTRAINT Vaccinations_DoseNumber_44dd5d18_check CHECK ([DoseNumber] >= 0), [LotNumber] nvarchar(50) NOT NULL, [Manufacturer] nvarchar(100) NOT NULL, [AdministeredBy] nvarchar(200) NOT NULL, [ClinicName] nvarchar(200) NOT NULL, [CertificateFileId] char(32) NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL, [VetVisitId] char(32) NULL);
GO
-- Create model MedicalDocument
CREATE TABLE [MedicalDocuments] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [DocumentType] nvarchar(30) NOT NULL, [Title] nvarchar(200) NOT NULL, [IssuedOn] date NULL, [DogId] char(32) NOT NULL, [FileId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL, [VetVisitId] char(32) NULL);
GO
-- Create model WeightRecord
CREATE TABLE [WeightRecords] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [MeasuredOn] date NOT NULL, [Weight] numeric(5, 2) NOT NULL, [Source] nvarchar(10) NOT NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL);
GO
IF NOT EXISTS (SELECT NULL FROM sys.extended_properties ep
            WHERE ep.major_id = OBJECT_ID('[WeightRecords]')
            AND ep.name = 'MS_Description'
            AND ep.minor_id = (SELECT column_id FROM sys.columns 
                            WHERE name = 'Weight'
                            AND object_id = OBJECT_ID('[WeightRecords]')))
                EXECUTE sp_addextendedproperty 
                @name = 'MS_Description', @value = 'pounds', 
                @level0type = 'SCHEMA', @level0name = 'dbo',
                @level1type = 'TABLE', @level1name = [WeightRecords],
                @level2type = 'COLUMN', @level2name = Weight
            ELSE
                EXECUTE sp_updateextendedproperty 
                @name = 'MS_Description', @value = 'pounds',
                @level0type = 'SCHEMA', @level0name = 'dbo',
                @level1type = 'TABLE', @level1name = [WeightRecords],
                @level2type = 'COLUMN', @level2name = Weight;
GO
-- Create model DogAllergy
CREATE TABLE [DogAllergies] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [Substance] nvarchar(200) NOT NULL, [Category] nvarchar(15) NOT NULL, [Criticality] nvarchar(20) NOT NULL, [ClinicalStatus] nvarchar(20) NOT NULL, [Reaction] nvarchar(500) NOT NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL, CONSTRAINT [CK_DogAllergies_Category] CHECK ([Category] IN ('Food', 'Medication', 'Environment', 'Biologic')), CONSTRAINT [CK_DogAllergies_Criticality] CHECK ([Criticality] IN ('Low', 'High', 'UnableToAssess')), CONSTRAINT [CK_DogAllergies_ClinicalStatus] CHECK ([ClinicalStatus] IN ('Active', 'Inactive', 'Resolved', 'EnteredInError')));
GO
-- Create model DogCondition
CREATE TABLE [DogConditions] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [Name] nvarchar(200) NOT NULL, [ClinicalStatus] nvarchar(20) NOT NULL, [Severity] nvarchar(10) NULL, [OnsetDate] date NULL, [ResolvedDate] date NULL, [DiagnosedBy] nvarchar(200) NOT NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL, CONSTRAINT [CK_DogConditions_ClinicalStatus] CHECK ([ClinicalStatus] IN ('Active', 'Recurrence', 'Relapse', 'Inactive', 'Remission', 'Resolved', 'EnteredInError')), CONSTRAINT [CK_DogConditions_Severity] CHECK (([Severity] IS NULL OR [Severity] IN ('Mild', 'Moderate', 'Severe'))), CONSTRAINT [CK_DogConditions_Dates] CHECK (([OnsetDate] IS NULL OR [ResolvedDate] IS NULL OR [ResolvedDate] >= ([OnsetDate]))));
GO
-- Create model Medication
CREATE TABLE [Medications] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [Name] nvarchar(200) NOT NULL, [Dosage] numeric(8, 3) NULL, [DosageUnit] nvarchar(20) NOT NULL, [Frequency] nvarchar(100) NOT NULL, [Route] nvarchar(20) NOT NULL, [StartDate] date NOT NULL, [EndDate] date NULL, [Status] nvarchar(20) NOT NULL, [PrescribedBy] nvarchar(200) NOT NULL, [Reason] nvarchar(200) NOT NULL, [Instructions] nvarchar(max) NOT NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL, CONSTRAINT [CK_Medications_Dates] CHECK (([EndDate] IS NULL OR [EndDate] >= ([StartDate]))), CONSTRAINT [CK_Medications_Dosage] CHECK (([Dosage] IS NULL OR [Dosage] > 0)), CONSTRAINT [CK_Medications_Route] CHECK ([Route] IN ('Oral', 'Topical', 'Injection', 'Ophthalmic', 'Otic', 'Other')), CONSTRAINT [CK_Medications_Status] CHECK ([Status] IN ('Active', 'Completed', 'Stopped', 'OnHold', 'EnteredInError')));
GO
-- Create index IX_VetVisits_Dog_Date on field(s) dog, -visit_date of model vetvisit
CREATE INDEX [IX_VetVisits_Dog_Date] ON [VetVisits] ([DogId], [VisitDate] DESC);
GO
-- Create constraint CK_VetVisits_Cost on model vetvisit
ALTER TABLE [VetVisits] ADD CONSTRAINT [CK_VetVisits_Cost] CHECK (([Cost] IS NULL OR [Cost] >= 0));
GO
-- Create constraint CK_VetVisits_Weight on model vetvisit
ALTER TABLE [VetVisits] ADD CONSTRAINT [CK_VetVisits_Weight] CHECK (([WeightAtVisit] IS NULL OR [WeightAtVisit] > 0));
GO
-- Create index IX_Vaccinations_Dog_Due on field(s) dog, next_due_on of model vaccination
CREATE INDEX [IX_Vaccinations_Dog_Due] ON [Vaccinations] ([DogId], [NextDueOn]);
GO
-- Create index IX_Vaccinations_Due on field(s) next_due_on of model vaccination
CREATE INDEX [IX_Vaccinations_Due] ON [Vaccinations] ([NextDueOn]) WHERE [Status] = 'Completed';
GO
-- Create constraint CK_Vaccinations_Due on model vaccination
ALTER TABLE [Vaccinations] ADD CONSTRAINT [CK_Vaccinations_Due] CHECK (([NextDueOn] IS NULL OR [NextDueOn] > ([AdministeredOn])));
GO
-- Create constraint CK_Vaccinations_VaccineType on model vaccination
ALTER TABLE [Vaccinations] ADD CONSTRAINT [CK_Vaccinations_VaccineType] CHECK ([VaccineType] IN ('Core', 'NonCore', 'Other'));
GO
-- Create constraint CK_Vaccinations_Status on model vaccination
ALTER TABLE [Vaccinations] ADD CONSTRAINT [CK_Vaccinations_Status] CHECK ([Status] IN ('Completed', 'EnteredInError', 'NotDone'));
GO
-- Create index IX_MedicalDocs_Dog_Issued on field(s) dog, -issued_on of model medicaldocument
CREATE INDEX [IX_MedicalDocs_Dog_Issued] ON [MedicalDocuments] ([DogId], [IssuedOn] DESC);
GO
-- Create constraint CK_MedicalDocuments_DocumentType on model medicaldocument
ALTER TABLE [MedicalDocuments] ADD CONSTRAINT [CK_MedicalDocuments_DocumentType] CHECK ([DocumentType] IN ('LabResult', 'Imaging', 'Prescription', 'VaccinationCertificate', 'Invoice', 'DischargeSummary', 'Other'));
GO
-- Create constraint UX_WeightRecords_Dog_Date on model weightrecord
ALTER TABLE [WeightRecords] ADD CONSTRAINT [UX_WeightRecords_Dog_Date] UNIQUE ([DogId], [MeasuredOn], [Source]);
GO
-- Create constraint CK_WeightRecords_Weight on model weightrecord
ALTER TABLE [WeightRecords] ADD CONSTRAINT [CK_WeightRecords_Weight] CHECK ([Weight] > 0);
GO
-- Create constraint CK_WeightRecords_Source on model weightrecord
ALTER TABLE [WeightRecords] ADD CONSTRAINT [CK_WeightRecords_Source] CHECK ([Source] IN ('Owner', 'Vet', 'Provider'));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [DogAllergies_RecordedById_e28ee544] ON [DogAllergies] ([RecordedById]);
GO
CREATE INDEX [DogConditions_RecordedById_e3d9b251] ON [DogConditions] ([RecordedById]);
GO
CREATE INDEX [IX_DogAllergies_Dog] ON [DogAllergies] ([DogId], [ClinicalStatus]);
GO
CREATE INDEX [IX_DogConditions_Dog] ON [DogConditions] ([DogId], [ClinicalStatus]);
GO
CREATE INDEX [IX_Medications_Dog_Status] ON [Medications] ([DogId], [Status]);
GO
CREATE INDEX [MedicalDocuments_FileId_ea686c5b] ON [MedicalDocuments] ([FileId]);
GO
CREATE INDEX [MedicalDocuments_RecordedById_5cd03e9b] ON [MedicalDocuments] ([RecordedById]);
GO
CREATE INDEX [MedicalDocuments_VetVisitId_61550052] ON [MedicalDocuments] ([VetVisitId]);
GO
CREATE INDEX [Medications_RecordedById_41fe0444] ON [Medications] ([RecordedById]);
GO
CREATE INDEX [Vaccinations_CertificateFileId_64eb6202] ON [Vaccinations] ([CertificateFileId]);
GO
CREATE INDEX [Vaccinations_RecordedById_251b258f] ON [Vaccinations] ([RecordedById]);
GO
CREATE INDEX [Vaccinations_VetVisitId_e8104992] ON [Vaccinations] ([VetVisitId]);
GO
CREATE INDEX [VetVisits_RecordedById_f81418dd] ON [VetVisits] ([RecordedById]);
GO
CREATE INDEX [WeightRecords_RecordedById_162df323] ON [WeightRecords] ([RecordedById]);
GO
CREATE UNIQUE INDEX [UX_DogAllergies_Dog_Substance] ON [DogAllergies] ([DogId], [Substance]) WHERE [ClinicalStatus] IN ('Active', 'Inactive', 'Resolved');
GO
ALTER TABLE [DogAllergies] ADD CONSTRAINT [DogAllergies_DogId_ba15b1fb_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [DogAllergies] ADD CONSTRAINT [DogAllergies_RecordedById_e28ee544_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [DogConditions] ADD CONSTRAINT [DogConditions_DogId_775a2757_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [DogConditions] ADD CONSTRAINT [DogConditions_RecordedById_e3d9b251_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [MedicalDocuments] ADD CONSTRAINT [MedicalDocuments_DogId_3572b18e_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [MedicalDocuments] ADD CONSTRAINT [MedicalDocuments_FileId_ea686c5b_fk_StoredFiles_Id] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id]);
GO
ALTER TABLE [MedicalDocuments] ADD CONSTRAINT [MedicalDocuments_RecordedById_5cd03e9b_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [MedicalDocuments] ADD CONSTRAINT [MedicalDocuments_VetVisitId_61550052_fk_VetVisits_Id] FOREIGN KEY ([VetVisitId]) REFERENCES [VetVisits] ([Id]);
GO
ALTER TABLE [Medications] ADD CONSTRAINT [Medications_DogId_18ac663b_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [Medications] ADD CONSTRAINT [Medications_RecordedById_41fe0444_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [Vaccinations] ADD CONSTRAINT [Vaccinations_CertificateFileId_64eb6202_fk_StoredFiles_Id] FOREIGN KEY ([CertificateFileId]) REFERENCES [StoredFiles] ([Id]);
GO
ALTER TABLE [Vaccinations] ADD CONSTRAINT [Vaccinations_DogId_f550c5aa_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [Vaccinations] ADD CONSTRAINT [Vaccinations_RecordedById_251b258f_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [Vaccinations] ADD CONSTRAINT [Vaccinations_VetVisitId_e8104992_fk_VetVisits_Id] FOREIGN KEY ([VetVisitId]) REFERENCES [VetVisits] ([Id]);
GO
ALTER TABLE [VetVisits] ADD CONSTRAINT [VetVisits_DogId_4f0dcd13_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [VetVisits] ADD CONSTRAINT [VetVisits_RecordedById_f81418dd_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [WeightRecords] ADD CONSTRAINT [WeightRecords_DogId_89b6143e_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [WeightRecords] ADD CONSTRAINT [WeightRecords_RecordedById_162df323_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
