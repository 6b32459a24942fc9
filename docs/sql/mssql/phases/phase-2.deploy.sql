-- Phase 2 deploy script for SQL Server, idempotent: every statement is guarded
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
-- pets.0001_dog_profiles (plan item 009)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE TABLE [DogProfiles] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [OwnerId] nvarchar(450) NOT NULL, [Name] nvarchar(100) NOT NULL, [Breed] nvarchar(100) NULL, [SecondaryBreed] nvarchar(100) NULL, [Birthdate] date NULL, [Weight] numeric(5, 2) NULL, [Height] numeric(5, 2) NULL, [Gender] nvarchar(10) NULL, [IsSpayedNeutered] bit DEFAULT 0 NULL, [CoatColor] nvarchar(100) NULL, [CoatType] nvarchar(50) NULL, [EyeColor] nvarchar(50) NULL, [MicrochipNumber] nvarchar(50) NULL, [RegistrationNumber] nvarchar(100) NULL, [EmergencyContactName] nvarchar(200) NULL, [EmergencyContactPhone] nvarchar(50) NULL, [EmergencyContactRelationship] nvarchar(100) NULL, [VeterinarianName] nvarchar(200) NULL, [VeterinarianPhone] nvarchar(50) NULL, [VeterinarianAddress] nvarchar(500) NULL, [EnergyLevel] nvarchar(20) NULL, [SocializationLevel] nvarchar(20) NULL, [TrainingLevel] nvarchar(20) NULL, [SpecialNeeds] nvarchar(max) NULL, [Medications] nvarchar(max) NULL, [Allergies] nvarchar(max) NULL, [BehaviorNotes] nvarchar(max) NULL, [DietaryRestrictions] nvarchar(max) NULL, [ProfileImageUrl] nvarchar(500) NULL, [AdditionalPhotos] nvarchar(max) NULL CONSTRAINT DogProfiles_AdditionalPhotos_596ec315_check CHECK ((ISJSON ("AdditionalPhotos") = 1)), [IsActive] bit DEFAULT 1 NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'IF NOT EXISTS (SELECT NULL FROM sys.extended_properties ep
            WHERE ep.major_id = OBJECT_ID(''[DogProfiles]'')
            AND ep.name = ''MS_Description''
            AND ep.minor_id = (SELECT column_id FROM sys.columns 
                            WHERE name = ''Weight''
                            AND object_id = OBJECT_ID(''[DogProfiles]'')))
                EXECUTE sp_addextendedproperty 
                @name = ''MS_Description'', @value = ''pounds'', 
                @level0type = ''SCHEMA'', @level0name = ''dbo'',
                @level1type = ''TABLE'', @level1name = [DogProfiles],
                @level2type = ''COLUMN'', @level2name = Weight
            ELSE
                EXECUTE sp_updateextendedproperty 
                @name = ''MS_Description'', @value = ''pounds'',
                @level0type = ''SCHEMA'', @level0name = ''dbo'',
                @level1type = ''TABLE'', @level1name = [DogProfiles],
                @level2type = ''COLUMN'', @level2name = Weight');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'IF NOT EXISTS (SELECT NULL FROM sys.extended_properties ep
            WHERE ep.major_id = OBJECT_ID(''[DogProfiles]'')
            AND ep.name = ''MS_Description''
            AND ep.minor_id = (SELECT column_id FROM sys.columns 
                            WHERE name = ''Height''
                            AND object_id = OBJECT_ID(''[DogProfiles]'')))
                EXECUTE sp_addextendedproperty 
                @name = ''MS_Description'', @value = ''inches'', 
                @level0type = ''SCHEMA'', @level0name = ''dbo'',
                @level1type = ''TABLE'', @level1name = [DogProfiles],
                @level2type = ''COLUMN'', @level2name = Height
            ELSE
                EXECUTE sp_updateextendedproperty 
                @name = ''MS_Description'', @value = ''inches'',
                @level0type = ''SCHEMA'', @level0name = ''dbo'',
                @level1type = ''TABLE'', @level1name = [DogProfiles],
                @level2type = ''COLUMN'', @level2name = Height');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE TABLE [DogAccessGrants] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [AccessLevel] nvarchar(10) DEFAULT ''View'' NOT NULL, [ExpiresAt] datetimeoffset NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [RevokedAt] datetimeoffset NULL, [GrantedById] nvarchar(450) NULL, [GranteeId] nvarchar(450) NOT NULL, [DogId] char(32) NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogProfiles_Owner] ON [DogProfiles] ([OwnerId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogProfiles_Name] ON [DogProfiles] ([Name])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogProfiles_Breed] ON [DogProfiles] ([Breed])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogProfiles_Active] ON [DogProfiles] ([IsActive])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogProfiles_Owner_Active] ON [DogProfiles] ([OwnerId], [IsActive])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogProfiles_Created] ON [DogProfiles] ([CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Gender] CHECK (([Gender] IS NULL OR [Gender] IN (''Male'', ''Female'', ''Unknown'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Energy] CHECK (([EnergyLevel] IS NULL OR [EnergyLevel] IN (''Low'', ''Medium'', ''High'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Social] CHECK (([SocializationLevel] IS NULL OR [SocializationLevel] IN (''Shy'', ''Friendly'', ''Very Social'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Training] CHECK (([TrainingLevel] IS NULL OR [TrainingLevel] IN (''None'', ''Basic'', ''Advanced'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Weight] CHECK (([Weight] IS NULL OR [Weight] > 0))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Height] CHECK (([Height] IS NULL OR [Height] > 0))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_DogProfiles_Microchip] ON [DogProfiles] ([MicrochipNumber]) WHERE ([IsActive] = 1 AND [MicrochipNumber] IS NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogAccessGrants_Dog] ON [DogAccessGrants] ([DogId], [CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogAccessGrants_Grantee] ON [DogAccessGrants] ([GranteeId], [DogId]) WHERE [RevokedAt] IS NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogAccessGrants_GrantedBy] ON [DogAccessGrants] ([GrantedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_DogAccessGrants_Dog_Grantee] ON [DogAccessGrants] ([DogId], [GranteeId]) WHERE [RevokedAt] IS NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogAccessGrants] ADD CONSTRAINT [CK_DogAccessGrants_AccessLevel] CHECK ([AccessLevel] IN (''View'', ''Edit''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogAccessGrants] ADD CONSTRAINT [DogAccessGrants_DogId_569617c8_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogAccessGrants] ADD CONSTRAINT [DogAccessGrants_GrantedById_fe04dbc5_fk_Users_Id] FOREIGN KEY ([GrantedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogAccessGrants] ADD CONSTRAINT [DogAccessGrants_GranteeId_b6457af8_fk_Users_Id] FOREIGN KEY ([GranteeId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    EXEC(N'ALTER TABLE [DogProfiles] ADD CONSTRAINT [DogProfiles_OwnerId_87f6e56a_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0001_dog_profiles')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'pets', N'0001_dog_profiles', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- pets.0002_dog_profiles_fulltext (plan item 009)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0002_dog_profiles_fulltext')
    THROW 50001, N'pets.0002_dog_profiles_fulltext runs Python (forwards): apply it with manage.py migrate pets 0002_dog_profiles_fulltext, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0002_dog_profiles_fulltext')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'pets', N'0002_dog_profiles_fulltext', SYSUTCDATETIME());
END;
GO
-- pets.0003_medical_records (plan item 010)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE TABLE [VetVisits] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [VisitDate] date NOT NULL, [ClinicName] nvarchar(200) NOT NULL, [VeterinarianName] nvarchar(200) NOT NULL, [Reason] nvarchar(300) NOT NULL, [Diagnosis] nvarchar(max) NOT NULL, [Treatment] nvarchar(max) NOT NULL, [WeightAtVisit] numeric(5, 2) NULL, [Cost] numeric(12, 2) NULL, [Currency] nvarchar(3) NOT NULL, [FollowUpOn] date NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'IF NOT EXISTS (SELECT NULL FROM sys.extended_properties ep
            WHERE ep.major_id = OBJECT_ID(''[VetVisits]'')
            AND ep.name = ''MS_Description''
            AND ep.minor_id = (SELECT column_id FROM sys.columns 
                            WHERE name = ''WeightAtVisit''
                            AND object_id = OBJECT_ID(''[VetVisits]'')))
                EXECUTE sp_addextendedproperty 
                @name = ''MS_Description'', @value = ''pounds'', 
                @level0type = ''SCHEMA'', @level0name = ''dbo'',
                @level1type = ''TABLE'', @level1name = [VetVisits],
                @level2type = ''COLUMN'', @level2name = WeightAtVisit
            ELSE
                EXECUTE sp_updateextendedproperty 
                @name = ''MS_Description'', @value = ''pounds'',
                @level0type = ''SCHEMA'', @level0name = ''dbo'',
                @level1type = ''TABLE'', @level1name = [VetVisits],
                @level2type = ''COLUMN'', @level2name = WeightAtVisit');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE TABLE [Vaccinations] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [VaccineName] nvarchar(200) NOT NULL, [VaccineType] nvarchar(20) NOT NULL, [Status] nvarchar(20) NOT NULL, [AdministeredOn] date NOT NULL, [NextDueOn] date NULL, [DoseNumber] smallint NULL CONSTRAINT Vaccinations_DoseNumber_44dd5d18_check CHECK ([DoseNumber] >= 0), [LotNumber] nvarchar(50) NOT NULL, [Manufacturer] nvarchar(100) NOT NULL, [AdministeredBy] nvarchar(200) NOT NULL, [ClinicName] nvarchar(200) NOT NULL, [CertificateFileId] char(32) NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL, [VetVisitId] char(32) NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE TABLE [MedicalDocuments] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [DocumentType] nvarchar(30) NOT NULL, [Title] nvarchar(200) NOT NULL, [IssuedOn] date NULL, [DogId] char(32) NOT NULL, [FileId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL, [VetVisitId] char(32) NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE TABLE [WeightRecords] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [MeasuredOn] date NOT NULL, [Weight] numeric(5, 2) NOT NULL, [Source] nvarchar(10) NOT NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'IF NOT EXISTS (SELECT NULL FROM sys.extended_properties ep
            WHERE ep.major_id = OBJECT_ID(''[WeightRecords]'')
            AND ep.name = ''MS_Description''
            AND ep.minor_id = (SELECT column_id FROM sys.columns 
                            WHERE name = ''Weight''
                            AND object_id = OBJECT_ID(''[WeightRecords]'')))
                EXECUTE sp_addextendedproperty 
                @name = ''MS_Description'', @value = ''pounds'', 
                @level0type = ''SCHEMA'', @level0name = ''dbo'',
                @level1type = ''TABLE'', @level1name = [WeightRecords],
                @level2type = ''COLUMN'', @level2name = Weight
            ELSE
                EXECUTE sp_updateextendedproperty 
                @name = ''MS_Description'', @value = ''pounds'',
                @level0type = ''SCHEMA'', @level0name = ''dbo'',
                @level1type = ''TABLE'', @level1name = [WeightRecords],
                @level2type = ''COLUMN'', @level2name = Weight');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE TABLE [DogAllergies] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [Substance] nvarchar(200) NOT NULL, [Category] nvarchar(15) NOT NULL, [Criticality] nvarchar(20) NOT NULL, [ClinicalStatus] nvarchar(20) NOT NULL, [Reaction] nvarchar(500) NOT NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL, CONSTRAINT [CK_DogAllergies_Category] CHECK ([Category] IN (''Food'', ''Medication'', ''Environment'', ''Biologic'')), CONSTRAINT [CK_DogAllergies_Criticality] CHECK ([Criticality] IN (''Low'', ''High'', ''UnableToAssess'')), CONSTRAINT [CK_DogAllergies_ClinicalStatus] CHECK ([ClinicalStatus] IN (''Active'', ''Inactive'', ''Resolved'', ''EnteredInError'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE TABLE [DogConditions] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [Name] nvarchar(200) NOT NULL, [ClinicalStatus] nvarchar(20) NOT NULL, [Severity] nvarchar(10) NULL, [OnsetDate] date NULL, [ResolvedDate] date NULL, [DiagnosedBy] nvarchar(200) NOT NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL, CONSTRAINT [CK_DogConditions_ClinicalStatus] CHECK ([ClinicalStatus] IN (''Active'', ''Recurrence'', ''Relapse'', ''Inactive'', ''Remission'', ''Resolved'', ''EnteredInError'')), CONSTRAINT [CK_DogConditions_Severity] CHECK (([Severity] IS NULL OR [Severity] IN (''Mild'', ''Moderate'', ''Severe''))), CONSTRAINT [CK_DogConditions_Dates] CHECK (([OnsetDate] IS NULL OR [ResolvedDate] IS NULL OR [ResolvedDate] >= ([OnsetDate]))))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE TABLE [Medications] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Notes] nvarchar(max) NOT NULL, [Name] nvarchar(200) NOT NULL, [Dosage] numeric(8, 3) NULL, [DosageUnit] nvarchar(20) NOT NULL, [Frequency] nvarchar(100) NOT NULL, [Route] nvarchar(20) NOT NULL, [StartDate] date NOT NULL, [EndDate] date NULL, [Status] nvarchar(20) NOT NULL, [PrescribedBy] nvarchar(200) NOT NULL, [Reason] nvarchar(200) NOT NULL, [Instructions] nvarchar(max) NOT NULL, [DogId] char(32) NOT NULL, [RecordedById] nvarchar(450) NULL, CONSTRAINT [CK_Medications_Dates] CHECK (([EndDate] IS NULL OR [EndDate] >= ([StartDate]))), CONSTRAINT [CK_Medications_Dosage] CHECK (([Dosage] IS NULL OR [Dosage] > 0)), CONSTRAINT [CK_Medications_Route] CHECK ([Route] IN (''Oral'', ''Topical'', ''Injection'', ''Ophthalmic'', ''Otic'', ''Other'')), CONSTRAINT [CK_Medications_Status] CHECK ([Status] IN (''Active'', ''Completed'', ''Stopped'', ''OnHold'', ''EnteredInError'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [IX_VetVisits_Dog_Date] ON [VetVisits] ([DogId], [VisitDate] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [VetVisits] ADD CONSTRAINT [CK_VetVisits_Cost] CHECK (([Cost] IS NULL OR [Cost] >= 0))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [VetVisits] ADD CONSTRAINT [CK_VetVisits_Weight] CHECK (([WeightAtVisit] IS NULL OR [WeightAtVisit] > 0))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [IX_Vaccinations_Dog_Due] ON [Vaccinations] ([DogId], [NextDueOn])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [IX_Vaccinations_Due] ON [Vaccinations] ([NextDueOn]) WHERE [Status] = ''Completed''');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Vaccinations] ADD CONSTRAINT [CK_Vaccinations_Due] CHECK (([NextDueOn] IS NULL OR [NextDueOn] > ([AdministeredOn])))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Vaccinations] ADD CONSTRAINT [CK_Vaccinations_VaccineType] CHECK ([VaccineType] IN (''Core'', ''NonCore'', ''Other''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Vaccinations] ADD CONSTRAINT [CK_Vaccinations_Status] CHECK ([Status] IN (''Completed'', ''EnteredInError'', ''NotDone''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [IX_MedicalDocs_Dog_Issued] ON [MedicalDocuments] ([DogId], [IssuedOn] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [MedicalDocuments] ADD CONSTRAINT [CK_MedicalDocuments_DocumentType] CHECK ([DocumentType] IN (''LabResult'', ''Imaging'', ''Prescription'', ''VaccinationCertificate'', ''Invoice'', ''DischargeSummary'', ''Other''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [WeightRecords] ADD CONSTRAINT [UX_WeightRecords_Dog_Date] UNIQUE ([DogId], [MeasuredOn], [Source])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [WeightRecords] ADD CONSTRAINT [CK_WeightRecords_Weight] CHECK ([Weight] > 0)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [WeightRecords] ADD CONSTRAINT [CK_WeightRecords_Source] CHECK ([Source] IN (''Owner'', ''Vet'', ''Provider''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [DogAllergies_RecordedById_e28ee544] ON [DogAllergies] ([RecordedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [DogConditions_RecordedById_e3d9b251] ON [DogConditions] ([RecordedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogAllergies_Dog] ON [DogAllergies] ([DogId], [ClinicalStatus])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [IX_DogConditions_Dog] ON [DogConditions] ([DogId], [ClinicalStatus])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [IX_Medications_Dog_Status] ON [Medications] ([DogId], [Status])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [MedicalDocuments_FileId_ea686c5b] ON [MedicalDocuments] ([FileId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [MedicalDocuments_RecordedById_5cd03e9b] ON [MedicalDocuments] ([RecordedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [MedicalDocuments_VetVisitId_61550052] ON [MedicalDocuments] ([VetVisitId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [Medications_RecordedById_41fe0444] ON [Medications] ([RecordedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [Vaccinations_CertificateFileId_64eb6202] ON [Vaccinations] ([CertificateFileId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [Vaccinations_RecordedById_251b258f] ON [Vaccinations] ([RecordedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [Vaccinations_VetVisitId_e8104992] ON [Vaccinations] ([VetVisitId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [VetVisits_RecordedById_f81418dd] ON [VetVisits] ([RecordedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE INDEX [WeightRecords_RecordedById_162df323] ON [WeightRecords] ([RecordedById])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_DogAllergies_Dog_Substance] ON [DogAllergies] ([DogId], [Substance]) WHERE [ClinicalStatus] IN (''Active'', ''Inactive'', ''Resolved'')');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [DogAllergies] ADD CONSTRAINT [DogAllergies_DogId_ba15b1fb_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [DogAllergies] ADD CONSTRAINT [DogAllergies_RecordedById_e28ee544_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [DogConditions] ADD CONSTRAINT [DogConditions_DogId_775a2757_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [DogConditions] ADD CONSTRAINT [DogConditions_RecordedById_e3d9b251_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [MedicalDocuments] ADD CONSTRAINT [MedicalDocuments_DogId_3572b18e_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [MedicalDocuments] ADD CONSTRAINT [MedicalDocuments_FileId_ea686c5b_fk_StoredFiles_Id] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [MedicalDocuments] ADD CONSTRAINT [MedicalDocuments_RecordedById_5cd03e9b_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [MedicalDocuments] ADD CONSTRAINT [MedicalDocuments_VetVisitId_61550052_fk_VetVisits_Id] FOREIGN KEY ([VetVisitId]) REFERENCES [VetVisits] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Medications] ADD CONSTRAINT [Medications_DogId_18ac663b_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Medications] ADD CONSTRAINT [Medications_RecordedById_41fe0444_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Vaccinations] ADD CONSTRAINT [Vaccinations_CertificateFileId_64eb6202_fk_StoredFiles_Id] FOREIGN KEY ([CertificateFileId]) REFERENCES [StoredFiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Vaccinations] ADD CONSTRAINT [Vaccinations_DogId_f550c5aa_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Vaccinations] ADD CONSTRAINT [Vaccinations_RecordedById_251b258f_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [Vaccinations] ADD CONSTRAINT [Vaccinations_VetVisitId_e8104992_fk_VetVisits_Id] FOREIGN KEY ([VetVisitId]) REFERENCES [VetVisits] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [VetVisits] ADD CONSTRAINT [VetVisits_DogId_4f0dcd13_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [VetVisits] ADD CONSTRAINT [VetVisits_RecordedById_f81418dd_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [WeightRecords] ADD CONSTRAINT [WeightRecords_DogId_89b6143e_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    EXEC(N'ALTER TABLE [WeightRecords] ADD CONSTRAINT [WeightRecords_RecordedById_162df323_fk_Users_Id] FOREIGN KEY ([RecordedById]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'pets' AND [name] = N'0003_medical_records')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'pets', N'0003_medical_records', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0001_service_catalog (plan item 011)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    EXEC(N'CREATE TABLE [ServiceCategories] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Name] nvarchar(100) NOT NULL UNIQUE, [Slug] nvarchar(100) NOT NULL UNIQUE, [Description] nvarchar(500) NOT NULL, [IconName] nvarchar(50) NOT NULL, [SortOrder] int NOT NULL, [IsActive] bit DEFAULT 1 NOT NULL)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    EXEC(N'CREATE TABLE [ServiceOfferings] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Name] nvarchar(150) NOT NULL, [Slug] nvarchar(150) NOT NULL, [Description] nvarchar(max) NOT NULL, [DurationMinutes] int NOT NULL CONSTRAINT ServiceOfferings_DurationMinutes_d35afe70_check CHECK ([DurationMinutes] >= 0), [PricingUnit] nvarchar(10) NOT NULL, [Price] numeric(10, 2) NOT NULL, [Currency] nvarchar(3) NOT NULL, [DepositAmount] numeric(10, 2) NOT NULL, [MaxPets] smallint NOT NULL CONSTRAINT ServiceOfferings_MaxPets_a5b6c06b_check CHECK ([MaxPets] >= 0), [LocationTypes] nvarchar(max) NOT NULL CONSTRAINT ServiceOfferings_LocationTypes_98bfdfd1_check CHECK ((ISJSON ("LocationTypes") = 1)), [IsVirtual] bit DEFAULT 0 NOT NULL, [IsActive] bit DEFAULT 1 NOT NULL, [IsHidden] bit DEFAULT 0 NOT NULL, [SortOrder] int NOT NULL, [CategoryId] int NOT NULL, [ProviderId] char(32) NOT NULL, CONSTRAINT [UX_ServiceOfferings_Prov_Slug] UNIQUE ([ProviderId], [Slug]), CONSTRAINT [CK_ServiceOfferings_Duration] CHECK ([DurationMinutes] > 0), CONSTRAINT [CK_ServiceOfferings_Price] CHECK (([Price] >= 0 AND [DepositAmount] >= 0 AND [DepositAmount] <= ([Price]))), CONSTRAINT [CK_ServiceOfferings_MaxPets] CHECK ([MaxPets] >= 1), CONSTRAINT [CK_ServiceOfferings_PricingUnit] CHECK ([PricingUnit] IN (''PerVisit'', ''PerHour'', ''PerNight'', ''PerDay'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    EXEC(N'CREATE INDEX [IX_ServiceOfferings_Act_Price] ON [ServiceOfferings] ([IsActive], [Price])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    EXEC(N'CREATE INDEX [IX_ServiceOfferings_Cat_Active] ON [ServiceOfferings] ([CategoryId], [IsActive])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    EXEC(N'CREATE INDEX [IX_ServiceOfferings_Provider] ON [ServiceOfferings] ([ProviderId], [IsActive])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    EXEC(N'CREATE INDEX [ServiceOfferings_Slug_2fc7d292] ON [ServiceOfferings] ([Slug])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    EXEC(N'ALTER TABLE [ServiceOfferings] ADD CONSTRAINT [ServiceOfferings_CategoryId_6085d83e_fk_ServiceCategories_Id] FOREIGN KEY ([CategoryId]) REFERENCES [ServiceCategories] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    EXEC(N'ALTER TABLE [ServiceOfferings] ADD CONSTRAINT [ServiceOfferings_ProviderId_d290b64d_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0001_service_catalog')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0001_service_catalog', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- scheduling.0002_seed_service_categories (plan item 011)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0002_seed_service_categories')
    THROW 50001, N'scheduling.0002_seed_service_categories runs Python (seed_categories): apply it with manage.py migrate scheduling 0002_seed_service_categories, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0002_seed_service_categories')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0002_seed_service_categories')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0002_seed_service_categories', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0010_service_provider_enhancements (plan item 012)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
    THROW 50001, N'accounts.0010_service_provider_enhancements runs Python (backfill_provider_slugs): apply it with manage.py migrate accounts 0010_service_provider_enhancements, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [Slug] nvarchar(120) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ALTER COLUMN [Slug] nvarchar(120) NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [Headline] nvarchar(150) DEFAULT '''' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [Bio] nvarchar(max) DEFAULT '''' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [YearsOfExperience] smallint NULL CHECK ([YearsOfExperience] >= 0)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [BusinessPhone] nvarchar(32) DEFAULT '''' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [Website] nvarchar(300) DEFAULT '''' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [ProfileImageFileId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [ServiceProviders_ProfileImageFileId_e6945f51_fk_StoredFiles_Id] FOREIGN KEY ([ProfileImageFileId]) REFERENCES [StoredFiles] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [TimeZone] nvarchar(50) DEFAULT ''UTC'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [AcceptsNewClients] bit DEFAULT 1 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [CancellationPolicy] nvarchar(10) DEFAULT ''Moderate'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [VerificationStatus] nvarchar(30) DEFAULT ''NotStarted'' NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [VerifiedAt] datetimeoffset NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [AverageRating] numeric(3, 2) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [ReviewCount] int DEFAULT 0 NOT NULL CHECK ([ReviewCount] >= 0)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [CompletedAppointmentCount] int DEFAULT 0 NOT NULL CHECK ([CompletedAppointmentCount] >= 0)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [IsActive] bit DEFAULT 1 NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [CK_Providers_Rating] CHECK (([AverageRating] IS NULL OR ([AverageRating] >= 1 AND [AverageRating] <= 5)))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [CK_Providers_Policy] CHECK ([CancellationPolicy] IN (''Flexible'', ''Moderate'', ''Strict''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [CK_Providers_VerifStatus] CHECK ([VerificationStatus] IN (''NotStarted'', ''Pending'', ''InReview'', ''Approved'', ''Rejected'', ''ResubmissionRequested'', ''Expired''))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_service_provider_enhancements')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0010_service_provider_enhancements', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0010_online_service_provider_enhancements (plan item 012)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    ALTER TABLE [ServiceProviders] ADD CONSTRAINT [ServiceProviders_Slug_1e1599cd_uniq] UNIQUE ([Slug]) WITH (ONLINE = ON)
ELSE
    ALTER TABLE [ServiceProviders] ADD CONSTRAINT [ServiceProviders_Slug_1e1599cd_uniq] UNIQUE ([Slug])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [ServiceProviders_ProfileImageFileId_e6945f51] ON [ServiceProviders] ([ProfileImageFileId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [ServiceProviders_ProfileImageFileId_e6945f51] ON [ServiceProviders] ([ProfileImageFileId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [IX_Providers_Active_Verified] ON [ServiceProviders] ([IsActive], [IsVerified]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [IX_Providers_Active_Verified] ON [ServiceProviders] ([IsActive], [IsVerified])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [IX_Providers_Rating] ON [ServiceProviders] ([AverageRating] DESC) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [IX_Providers_Rating] ON [ServiceProviders] ([AverageRating] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [ServiceProviders_ProfileImageFileId_e6945f51_fk_StoredFiles_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [CK_Providers_Rating]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [CK_Providers_Policy]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [CK_Providers_VerifStatus]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0010_online_service_provider_enhancements')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0010_online_service_provider_enhancements', SYSUTCDATETIME());
END;
GO
-- scheduling.0003_reviews (plan item 013)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews')
BEGIN
    EXEC(N'CREATE TABLE [ProviderReviews] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Rating] smallint NOT NULL CONSTRAINT ProviderReviews_Rating_36a3ad33_check CHECK ([Rating] >= 0), [Title] nvarchar(150) NOT NULL, [Comment] nvarchar(max) NOT NULL, [SubRatings] nvarchar(max) NOT NULL CONSTRAINT ProviderReviews_SubRatings_ed95c63b_check CHECK ((ISJSON ("SubRatings") = 1)), [Status] nvarchar(12) NOT NULL, [ProviderResponse] nvarchar(max) NOT NULL, [ProviderRespondedAt] datetimeoffset NULL, [ProviderId] char(32) NOT NULL, [ReviewerId] nvarchar(450) NULL, CONSTRAINT [CK_Reviews_Rating] CHECK (([Rating] >= 1 AND [Rating] <= 5)), CONSTRAINT [CK_Reviews_Status] CHECK ([Status] IN (''Pending'', ''Published'', ''Hidden'', ''Removed'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews')
BEGIN
    EXEC(N'CREATE INDEX [IX_Reviews_Provider_Created] ON [ProviderReviews] ([ProviderId], [Status], [CreatedAt] DESC)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews')
BEGIN
    EXEC(N'CREATE INDEX [IX_Reviews_Reviewer] ON [ProviderReviews] ([ReviewerId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews')
BEGIN
    EXEC(N'ALTER TABLE [ProviderReviews] ADD CONSTRAINT [ProviderReviews_ProviderId_d247114c_fk_ServiceProviders_Id] FOREIGN KEY ([ProviderId]) REFERENCES [ServiceProviders] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews')
BEGIN
    EXEC(N'ALTER TABLE [ProviderReviews] ADD CONSTRAINT [ProviderReviews_ReviewerId_4f102312_fk_Users_Id] FOREIGN KEY ([ReviewerId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'scheduling' AND [name] = N'0003_reviews')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'scheduling', N'0003_reviews', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0001_subscription_plans (plan item 014)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans')
BEGIN
    EXEC(N'CREATE TABLE [SubscriptionPlans] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Code] nvarchar(50) NOT NULL UNIQUE, [Name] nvarchar(100) NOT NULL, [Description] nvarchar(max) NOT NULL, [Audience] nvarchar(20) NOT NULL, [Price] numeric(10, 2) NOT NULL, [Currency] nvarchar(3) NOT NULL, [BillingInterval] nvarchar(5) NOT NULL, [IntervalCount] smallint NOT NULL CONSTRAINT SubscriptionPlans_IntervalCount_b0e13523_check CHECK ([IntervalCount] >= 0), [TrialPeriodDays] smallint NOT NULL CONSTRAINT SubscriptionPlans_TrialPeriodDays_bffd0166_check CHECK ([TrialPeriodDays] >= 0), [IsActive] bit DEFAULT 1 NOT NULL, [IsPublic] bit DEFAULT 1 NOT NULL, [SortOrder] int NOT NULL, [ProviderProductId] nvarchar(100) NULL, [ProviderPriceId] nvarchar(100) NULL, [MarketingFeatures] nvarchar(max) NOT NULL CONSTRAINT SubscriptionPlans_MarketingFeatures_23d26a2f_check CHECK ((ISJSON ("MarketingFeatures") = 1)), CONSTRAINT [CK_Plans_Price] CHECK ([Price] >= 0), CONSTRAINT [CK_Plans_Interval] CHECK ([BillingInterval] IN (''day'', ''week'', ''month'', ''year'')), CONSTRAINT [CK_Plans_IntervalCount] CHECK ([IntervalCount] >= 1), CONSTRAINT [CK_SubscriptionPlans_Audience] CHECK ([Audience] IN (''PetOwner'', ''ServiceProvider'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans')
BEGIN
    EXEC(N'CREATE TABLE [PlanEntitlements] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [FeatureKey] nvarchar(100) NOT NULL, [IsEnabled] bit DEFAULT 1 NOT NULL, [LimitValue] bigint NULL, [PlanId] int NOT NULL, CONSTRAINT [UX_PlanEntitlements_Plan_Key] UNIQUE ([PlanId], [FeatureKey]))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Plans_ProviderPriceId] ON [SubscriptionPlans] ([ProviderPriceId]) WHERE [ProviderPriceId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans')
BEGIN
    EXEC(N'ALTER TABLE [PlanEntitlements] ADD CONSTRAINT [PlanEntitlements_PlanId_1f8d593e_fk_SubscriptionPlans_Id] FOREIGN KEY ([PlanId]) REFERENCES [SubscriptionPlans] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0001_subscription_plans')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'billing', N'0001_subscription_plans', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0002_seed_free_plan (plan item 014)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0002_seed_free_plan')
    THROW 50001, N'billing.0002_seed_free_plan runs Python (seed_free_plan): apply it with manage.py migrate billing 0002_seed_free_plan, then run this script again.', 1;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0002_seed_free_plan')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0002_seed_free_plan')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'billing', N'0002_seed_free_plan', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- billing.0003_user_subscriptions (plan item 015)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    EXEC(N'CREATE TABLE [UserSubscriptions] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Status] nvarchar(20) NOT NULL, [Quantity] smallint NOT NULL CONSTRAINT UserSubscriptions_Quantity_16d0e736_check CHECK ([Quantity] >= 0), [StartedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [CurrentPeriodStart] datetimeoffset NULL, [CurrentPeriodEnd] datetimeoffset NULL, [TrialStart] datetimeoffset NULL, [TrialEnd] datetimeoffset NULL, [CancelAtPeriodEnd] bit DEFAULT 0 NOT NULL, [CancelAt] datetimeoffset NULL, [CanceledAt] datetimeoffset NULL, [EndedAt] datetimeoffset NULL, [CancellationReason] nvarchar(200) NOT NULL, [PaymentProvider] nvarchar(20) NOT NULL, [ProviderCustomerId] nvarchar(100) NULL, [ProviderSubscriptionId] nvarchar(100) NULL, [Metadata] nvarchar(max) NOT NULL CONSTRAINT UserSubscriptions_Metadata_82fb01f6_check CHECK ((ISJSON ("Metadata") = 1)), [PlanId] int NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [CK_UserSubs_Status] CHECK ([Status] IN (''incomplete'', ''incomplete_expired'', ''trialing'', ''active'', ''past_due'', ''canceled'', ''unpaid'', ''paused'')), CONSTRAINT [CK_UserSubs_Period] CHECK (([CurrentPeriodEnd] IS NULL OR [CurrentPeriodEnd] > ([CurrentPeriodStart]))), CONSTRAINT [CK_UserSubs_Trial] CHECK (([TrialEnd] IS NULL OR [TrialEnd] > ([TrialStart]))), CONSTRAINT [CK_UserSubscriptions_PaymentProvider] CHECK ([PaymentProvider] IN (''Stripe'', ''AppStore'', ''GooglePlay'', ''Manual'')))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserSubs_Plan] ON [UserSubscriptions] ([PlanId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    EXEC(N'CREATE INDEX [IX_UserSubs_Status_PeriodEnd] ON [UserSubscriptions] ([Status], [CurrentPeriodEnd])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    EXEC(N'CREATE INDEX [UserSubscriptions_UserId_e80c1755] ON [UserSubscriptions] ([UserId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_UserSubs_ProviderSubId] ON [UserSubscriptions] ([ProviderSubscriptionId]) WHERE [ProviderSubscriptionId] IS NOT NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_UserSubs_User_Live] ON [UserSubscriptions] ([UserId]) WHERE [Status] IN (''incomplete'', ''trialing'', ''active'', ''past_due'', ''unpaid'', ''paused'')');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    EXEC(N'ALTER TABLE [UserSubscriptions] ADD CONSTRAINT [UserSubscriptions_PlanId_d3edbf86_fk_SubscriptionPlans_Id] FOREIGN KEY ([PlanId]) REFERENCES [SubscriptionPlans] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    EXEC(N'ALTER TABLE [UserSubscriptions] ADD CONSTRAINT [UserSubscriptions_UserId_e80c1755_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'billing' AND [name] = N'0003_user_subscriptions')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'billing', N'0003_user_subscriptions', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0011_addresses (plan item 016)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
    BEGIN TRANSACTION;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'CREATE TABLE [Addresses] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), ''-'', ''''))) NOT NULL PRIMARY KEY, [Label] nvarchar(50) NOT NULL, [RecipientName] nvarchar(200) NOT NULL, [Line1] nvarchar(255) NOT NULL, [Line2] nvarchar(255) NOT NULL, [City] nvarchar(120) NOT NULL, [CityArea] nvarchar(120) NOT NULL, [Region] nvarchar(120) NOT NULL, [PostalCode] nvarchar(20) NOT NULL, [CountryCode] nvarchar(2) NOT NULL, [Phone] nvarchar(32) NOT NULL, [Latitude] numeric(9, 6) NULL, [Longitude] numeric(9, 6) NULL, [AccessInstructions] nvarchar(max) NOT NULL, [IsDefault] bit DEFAULT 0 NOT NULL, [IsActive] bit DEFAULT 1 NOT NULL, [UserId] nvarchar(450) NOT NULL, CONSTRAINT [CK_Addresses_Lat] CHECK (([Latitude] IS NULL OR ([Latitude] >= -90 AND [Latitude] <= 90))), CONSTRAINT [CK_Addresses_Lng] CHECK (([Longitude] IS NULL OR ([Longitude] >= -180 AND [Longitude] <= 180))))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [BaseAddressId] char(32) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [ServiceProviders_BaseAddressId_0c6e93b8_fk_Addresses_Id] FOREIGN KEY ([BaseAddressId]) REFERENCES [Addresses] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] ADD [ServiceRadiusKm] numeric(6, 2) NULL');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH NOCHECK ADD CONSTRAINT [CK_Providers_Radius] CHECK (([ServiceRadiusKm] IS NULL OR [ServiceRadiusKm] > 0))');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'CREATE INDEX [IX_Addresses_Geo] ON [Addresses] ([Latitude], [Longitude])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'CREATE INDEX [IX_Addresses_User] ON [Addresses] ([UserId], [IsActive])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UX_Addresses_User_Default] ON [Addresses] ([UserId]) WHERE ([IsDefault] = 1 AND [IsActive] = 1)');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    EXEC(N'ALTER TABLE [Addresses] ADD CONSTRAINT [Addresses_UserId_763a87b8_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_addresses')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0011_addresses', SYSUTCDATETIME());
END;
GO
IF @@TRANCOUNT > 0
    COMMIT TRANSACTION;
GO
-- accounts.0011_online_addresses (plan item 016)
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_online_addresses')
BEGIN
    EXEC(N'IF CAST(SERVERPROPERTY(''EngineEdition'') AS int) IN (3, 5, 8)
    CREATE INDEX [ServiceProviders_BaseAddressId_0c6e93b8] ON [ServiceProviders] ([BaseAddressId]) WITH (ONLINE = ON)
ELSE
    CREATE INDEX [ServiceProviders_BaseAddressId_0c6e93b8] ON [ServiceProviders] ([BaseAddressId])');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_online_addresses')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [ServiceProviders_BaseAddressId_0c6e93b8_fk_Addresses_Id]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_online_addresses')
BEGIN
    EXEC(N'ALTER TABLE [ServiceProviders] WITH CHECK CHECK CONSTRAINT [CK_Providers_Radius]');
END;
GO
IF NOT EXISTS (SELECT 1 FROM [django_migrations] WHERE [app] = N'accounts' AND [name] = N'0011_online_addresses')
BEGIN
    INSERT INTO [django_migrations] ([app], [name], [applied]) VALUES (N'accounts', N'0011_online_addresses', SYSUTCDATETIME());
END;
GO
