-- pets.0001_dog_profiles (plan item 009): SQL Server DDL
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
-- Create model DogProfile
CREATE TABLE [DogProfiles] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [OwnerId] nvarchar(450) NOT NULL, [Name] nvarchar(100) NOT NULL, [Breed] nvarchar(100) NULL, [SecondaryBreed] nvarchar(100) NULL, [Birthdate] date NULL, [Weight] numeric(5, 2) NULL, [Height] numeric(5, 2) NULL, [Gender] nvarchar(10) NULL, [IsSpayedNeutered] bit DEFAULT 0 NULL, [CoatColor] nvarchar(100) NULL, [CoatType] nvarchar(50) NULL, [EyeColor] nvarchar(50) NULL, [MicrochipNumber] nvarchar(50) NULL, [RegistrationNumber] nvarchar(100) NULL, [EmergencyContactName] nvarchar(200) NULL, [EmergencyContactPhone] nvarchar(50) NULL, [EmergencyContactRelationship] nvarchar(100) NULL, [VeterinarianName] nvarchar(200) NULL, [VeterinarianPhone] nvarchar(50) NULL, [VeterinarianAddress] nvarchar(500) NULL, [EnergyLevel] nvarchar(20) NULL, [SocializationLevel] nvarchar(20) NULL, [TrainingLevel] nvarchar(20) NULL, [SpecialNeeds] nvarchar(max) NULL, [Medications] nvarchar(max) NULL, [Allergies] nvarchar(max) NULL, [BehaviorNotes] nvarchar(max) NULL, [DietaryRestrictions] nvarchar(max) NULL, [ProfileImageUrl] nvarchar(500) NULL, [AdditionalPhotos] nvarchar(max) NULL CONSTRAINT DogProfiles_AdditionalPhotos_596ec315_check CHECK ((ISJSON ("AdditionalPhotos") = 1)), [IsActive] bit DEFAULT 1 NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL);
GO
IF NOT EXISTS (SELECT NULL FROM sys.extended_properties ep
            WHERE ep.major_id = OBJECT_ID('[DogProfiles]')
            AND ep.name = 'MS_Description'
            AND ep.minor_id = (SELECT column_id FROM sys.columns 
                            WHERE name = 'Weight'
                            AND object_id = OBJECT_ID('[DogProfiles]')))
                EXECUTE sp_addextendedproperty 
                @name = 'MS_Description', @value = 'pounds', 
                @level0type = 'SCHEMA', @level0name = 'dbo',
                @level1type = 'TABLE', @level1name = [DogProfiles],
                @level2type = 'COLUMN', @level2name = Weight
            ELSE
                EXECUTE sp_updateextendedproperty 
                @name = 'MS_Description', @value = 'pounds',
                @level0type = 'SCHEMA', @level0name = 'dbo',
                @level1type = 'TABLE', @level1name = [DogProfiles],
                @level2type = 'COLUMN', @level2name = Weight;
GO
IF NOT EXISTS (SELECT NULL FROM sys.extended_properties ep
            WHERE ep.major_id = OBJECT_ID('[DogProfiles]')
            AND ep.name = 'MS_Description'
            AND ep.minor_id = (SELECT column_id FROM sys.columns 
                            WHERE name = 'Height'
                            AND object_id = OBJECT_ID('[DogProfiles]')))
                EXECUTE sp_addextendedproperty 
                @name = 'MS_Description', @value = 'inches', 
                @level0type = 'SCHEMA', @level0name = 'dbo',
                @level1type = 'TABLE', @level1name = [DogProfiles],
                @level2type = 'COLUMN', @level2name = Height
            ELSE
                EXECUTE sp_updateextendedproperty 
                @name = 'MS_Description', @value = 'inches',
                @level0type = 'SCHEMA', @level0name = 'dbo',
                @level1type = 'TABLE', @level1name = [DogProfiles],
                @level2type = 'COLUMN', @level2name = Height;
GO
-- Create model DogAccessGrant
CREATE TABLE [DogAccessGrants] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [AccessLevel] nvarchar(10) DEFAULT 'View' NOT NULL, [ExpiresAt] datetimeoffset NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [RevokedAt] datetimeoffset NULL, [GrantedById] nvarchar(450) NULL, [GranteeId] nvarchar(450) NOT NULL, [DogId] char(32) NOT NULL);
GO
-- Create index IX_DogProfiles_Owner on field(s) owner of model dogprofile
CREATE INDEX [IX_DogProfiles_Owner] ON [DogProfiles] ([OwnerId]);
GO
-- Create index IX_DogProfiles_Name on field(s) name of model dogprofile
CREATE INDEX [IX_DogProfiles_Name] ON [DogProfiles] ([Name]);
GO
-- Create index IX_DogProfiles_Breed on field(s) breed of model dogprofile
CREATE INDEX [IX_DogProfiles_Breed] ON [DogProfiles] ([Breed]);
GO
-- Create index IX_DogProfiles_Active on field(s) is_active of model dogprofile
CREATE INDEX [IX_DogProfiles_Active] ON [DogProfiles] ([IsActive]);
GO
-- Create index IX_DogProfiles_Owner_Active on field(s) owner, is_active of model dogprofile
CREATE INDEX [IX_DogProfiles_Owner_Active] ON [DogProfiles] ([OwnerId], [IsActive]);
GO
-- Create index IX_DogProfiles_Created on field(s) -created_at of model dogprofile
CREATE INDEX [IX_DogProfiles_Created] ON [DogProfiles] ([CreatedAt] DESC);
GO
-- Create constraint CK_DogProfiles_Gender on model dogprofile
ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Gender] CHECK (([Gender] IS NULL OR [Gender] IN ('Male', 'Female', 'Unknown')));
GO
-- Create constraint CK_DogProfiles_Energy on model dogprofile
ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Energy] CHECK (([EnergyLevel] IS NULL OR [EnergyLevel] IN ('Low', 'Medium', 'High')));
GO
-- Create constraint CK_DogProfiles_Social on model dogprofile
ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Social] CHECK (([SocializationLevel] IS NULL OR [SocializationLevel] IN ('Shy', 'Friendly', 'Very Social')));
GO
-- Create constraint CK_DogProfiles_Training on model dogprofile
ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Training] CHECK (([TrainingLevel] IS NULL OR [TrainingLevel] IN ('None', 'Basic', 'Advanced')));
GO
-- Create constraint CK_DogProfiles_Weight on model dogprofile
ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Weight] CHECK (([Weight] IS NULL OR [Weight] > 0));
GO
-- Create constraint CK_DogProfiles_Height on model dogprofile
ALTER TABLE [DogProfiles] ADD CONSTRAINT [CK_DogProfiles_Height] CHECK (([Height] IS NULL OR [Height] > 0));
GO
-- Create constraint UX_DogProfiles_Microchip on model dogprofile
CREATE UNIQUE INDEX [UX_DogProfiles_Microchip] ON [DogProfiles] ([MicrochipNumber]) WHERE ([IsActive] = 1 AND [MicrochipNumber] IS NOT NULL);
GO
-- Create index IX_DogAccessGrants_Dog on field(s) dog, -created_at of model dogaccessgrant
CREATE INDEX [IX_DogAccessGrants_Dog] ON [DogAccessGrants] ([DogId], [CreatedAt] DESC);
GO
-- Create index IX_DogAccessGrants_Grantee on field(s) grantee, dog of model dogaccessgrant
CREATE INDEX [IX_DogAccessGrants_Grantee] ON [DogAccessGrants] ([GranteeId], [DogId]) WHERE [RevokedAt] IS NULL;
GO
-- Create index IX_DogAccessGrants_GrantedBy on field(s) granted_by of model dogaccessgrant
CREATE INDEX [IX_DogAccessGrants_GrantedBy] ON [DogAccessGrants] ([GrantedById]);
GO
-- Create constraint UX_DogAccessGrants_Dog_Grantee on model dogaccessgrant
CREATE UNIQUE INDEX [UX_DogAccessGrants_Dog_Grantee] ON [DogAccessGrants] ([DogId], [GranteeId]) WHERE [RevokedAt] IS NULL;
GO
-- Create constraint CK_DogAccessGrants_AccessLevel on model dogaccessgrant
ALTER TABLE [DogAccessGrants] ADD CONSTRAINT [CK_DogAccessGrants_AccessLevel] CHECK ([AccessLevel] IN ('View', 'Edit'));
GO
-- Deferred: indexes, unique indexes and foreign keys
ALTER TABLE [DogAccessGrants] ADD CONSTRAINT [DogAccessGrants_DogId_569617c8_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [DogAccessGrants] ADD CONSTRAINT [DogAccessGrants_GrantedById_fe04dbc5_fk_Users_Id] FOREIGN KEY ([GrantedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [DogAccessGrants] ADD CONSTRAINT [DogAccessGrants_GranteeId_b6457af8_fk_Users_Id] FOREIGN KEY ([GranteeId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [DogProfiles] ADD CONSTRAINT [DogProfiles_OwnerId_87f6e56a_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
