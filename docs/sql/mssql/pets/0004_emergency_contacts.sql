-- pets.0004_emergency_contacts (plan item 037): SQL Server DDL
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
-- Create model EmergencyContact
CREATE TABLE [EmergencyContacts] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Name] nvarchar(200) NOT NULL, [Relationship] nvarchar(100) NOT NULL, [Phone] nvarchar(50) DEFAULT '' NOT NULL, [AlternatePhone] nvarchar(50) NOT NULL, [Email] nvarchar(256) NOT NULL, [CanAuthorizeVetCare] bit DEFAULT 0 NOT NULL, [IsPrimary] bit DEFAULT 0 NOT NULL, [Notes] nvarchar(500) NOT NULL, [OwnerId] nvarchar(450) NOT NULL);
GO
-- Create model DogEmergencyContact
CREATE TABLE [DogEmergencyContacts] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Priority] smallint DEFAULT 1 NOT NULL CONSTRAINT DogEmergencyContacts_Priority_3c015fca_check CHECK ([Priority] >= 0), [DogId] char(32) NOT NULL, [ContactId] char(32) NOT NULL);
GO
-- Create model DogVeterinarian
CREATE TABLE [DogVeterinarians] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [ClinicName] nvarchar(200) NOT NULL, [VeterinarianName] nvarchar(200) NOT NULL, [Phone] nvarchar(50) NOT NULL, [Email] nvarchar(256) NOT NULL, [AddressText] nvarchar(500) NOT NULL, [IsPrimary] bit DEFAULT 0 NOT NULL, [IsEmergencyClinic] bit DEFAULT 0 NOT NULL, [DogId] char(32) NOT NULL);
GO
-- Create index IX_EmergContacts_Owner on field(s) owner of model emergencycontact
CREATE INDEX [IX_EmergContacts_Owner] ON [EmergencyContacts] ([OwnerId]);
GO
-- Create constraint UX_EmergContacts_Owner_Primary on model emergencycontact
CREATE UNIQUE INDEX [UX_EmergContacts_Owner_Primary] ON [EmergencyContacts] ([OwnerId]) WHERE [IsPrimary] = 1;
GO
-- Create constraint UX_DogEmergContacts_Dog_Cont on model dogemergencycontact
ALTER TABLE [DogEmergencyContacts] ADD CONSTRAINT [UX_DogEmergContacts_Dog_Cont] UNIQUE ([DogId], [ContactId]);
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [DogEmergencyContacts_ContactId_8d39342a] ON [DogEmergencyContacts] ([ContactId]);
GO
CREATE INDEX [DogVeterinarians_DogId_f5c6edf4] ON [DogVeterinarians] ([DogId]);
GO
CREATE UNIQUE INDEX [UX_DogVets_Dog_Primary] ON [DogVeterinarians] ([DogId]) WHERE [IsPrimary] = 1;
GO
ALTER TABLE [DogEmergencyContacts] ADD CONSTRAINT [DogEmergencyContacts_ContactId_8d39342a_fk_EmergencyContacts_Id] FOREIGN KEY ([ContactId]) REFERENCES [EmergencyContacts] ([Id]);
GO
ALTER TABLE [DogEmergencyContacts] ADD CONSTRAINT [DogEmergencyContacts_DogId_381c9733_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [DogVeterinarians] ADD CONSTRAINT [DogVeterinarians_DogId_f5c6edf4_fk_DogProfiles_Id] FOREIGN KEY ([DogId]) REFERENCES [DogProfiles] ([Id]);
GO
ALTER TABLE [EmergencyContacts] ADD CONSTRAINT [EmergencyContacts_OwnerId_36f65f0c_fk_Users_Id] FOREIGN KEY ([OwnerId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
