-- pets.0003_medical_records (plan item 010): SQL Server rollback DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
-- Reverses this migration on a database at its end (every later one reversed).
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
-- Undo: Create constraint CK_WeightRecords_Source on model weightrecord
ALTER TABLE [WeightRecords] DROP CONSTRAINT [CK_WeightRecords_Source];
GO
-- Undo: Create constraint CK_WeightRecords_Weight on model weightrecord
ALTER TABLE [WeightRecords] DROP CONSTRAINT [CK_WeightRecords_Weight];
GO
-- Undo: Create constraint UX_WeightRecords_Dog_Date on model weightrecord
ALTER TABLE [WeightRecords] DROP CONSTRAINT [UX_WeightRecords_Dog_Date];
GO
-- Undo: Create constraint CK_MedicalDocuments_DocumentType on model medicaldocument
ALTER TABLE [MedicalDocuments] DROP CONSTRAINT [CK_MedicalDocuments_DocumentType];
GO
-- Undo: Create index IX_MedicalDocs_Dog_Issued on field(s) dog, -issued_on of model medicaldocument
DROP INDEX [IX_MedicalDocs_Dog_Issued] ON [MedicalDocuments];
GO
-- Undo: Create constraint CK_Vaccinations_Status on model vaccination
ALTER TABLE [Vaccinations] DROP CONSTRAINT [CK_Vaccinations_Status];
GO
-- Undo: Create constraint CK_Vaccinations_VaccineType on model vaccination
ALTER TABLE [Vaccinations] DROP CONSTRAINT [CK_Vaccinations_VaccineType];
GO
-- Undo: Create constraint CK_Vaccinations_Due on model vaccination
ALTER TABLE [Vaccinations] DROP CONSTRAINT [CK_Vaccinations_Due];
GO
-- Undo: Create index IX_Vaccinations_Due on field(s) next_due_on of model vaccination
DROP INDEX [IX_Vaccinations_Due] ON [Vaccinations];
GO
-- Undo: Create index IX_Vaccinations_Dog_Due on field(s) dog, next_due_on of model vaccination
DROP INDEX [IX_Vaccinations_Dog_Due] ON [Vaccinations];
GO
-- Undo: Create constraint CK_VetVisits_Weight on model vetvisit
ALTER TABLE [VetVisits] DROP CONSTRAINT [CK_VetVisits_Weight];
GO
-- Undo: Create constraint CK_VetVisits_Cost on model vetvisit
ALTER TABLE [VetVisits] DROP CONSTRAINT [CK_VetVisits_Cost];
GO
-- Undo: Create index IX_VetVisits_Dog_Date on field(s) dog, -visit_date of model vetvisit
DROP INDEX [IX_VetVisits_Dog_Date] ON [VetVisits];
GO
-- Undo: Create model Medication
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Medications]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Medications]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Medications]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Medications];
GO
-- Undo: Create model DogCondition
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogConditions]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogConditions]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogConditions]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DogConditions];
GO
-- Undo: Create model DogAllergy
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogAllergies]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogAllergies]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogAllergies]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DogAllergies];
GO
-- Undo: Create model WeightRecord
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[WeightRecords]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[WeightRecords]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[WeightRecords]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [WeightRecords];
GO
-- Undo: Create model MedicalDocument
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[MedicalDocuments]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[MedicalDocuments]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[MedicalDocuments]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [MedicalDocuments];
GO
-- Undo: Create model Vaccination
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Vaccinations]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Vaccinations]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Vaccinations]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Vaccinations];
GO
-- Undo: Create model VetVisit
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[VetVisits]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[VetVisits]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[VetVisits]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [VetVisits];
GO
COMMIT TRANSACTION;
GO
