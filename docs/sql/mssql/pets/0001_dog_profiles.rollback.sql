-- pets.0001_dog_profiles (plan item 009): SQL Server rollback DDL
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
-- Undo: Create constraint CK_DogAccessGrants_AccessLevel on model dogaccessgrant
ALTER TABLE [DogAccessGrants] DROP CONSTRAINT [CK_DogAccessGrants_AccessLevel];
GO
-- Undo: Create constraint UX_DogAccessGrants_Dog_Grantee on model dogaccessgrant
DROP INDEX [UX_DogAccessGrants_Dog_Grantee] ON [DogAccessGrants];
GO
-- Undo: Create index IX_DogAccessGrants_GrantedBy on field(s) granted_by of model dogaccessgrant
DROP INDEX [IX_DogAccessGrants_GrantedBy] ON [DogAccessGrants];
GO
-- Undo: Create index IX_DogAccessGrants_Grantee on field(s) grantee, dog of model dogaccessgrant
DROP INDEX [IX_DogAccessGrants_Grantee] ON [DogAccessGrants];
GO
-- Undo: Create index IX_DogAccessGrants_Dog on field(s) dog, -created_at of model dogaccessgrant
DROP INDEX [IX_DogAccessGrants_Dog] ON [DogAccessGrants];
GO
-- Undo: Create constraint UX_DogProfiles_Microchip on model dogprofile
DROP INDEX [UX_DogProfiles_Microchip] ON [DogProfiles];
GO
-- Undo: Create constraint CK_DogProfiles_Height on model dogprofile
ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Height];
GO
-- Undo: Create constraint CK_DogProfiles_Weight on model dogprofile
ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Weight];
GO
-- Undo: Create constraint CK_DogProfiles_Training on model dogprofile
ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Training];
GO
-- Undo: Create constraint CK_DogProfiles_Social on model dogprofile
ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Social];
GO
-- Undo: Create constraint CK_DogProfiles_Energy on model dogprofile
ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Energy];
GO
-- Undo: Create constraint CK_DogProfiles_Gender on model dogprofile
ALTER TABLE [DogProfiles] DROP CONSTRAINT [CK_DogProfiles_Gender];
GO
-- Undo: Create index IX_DogProfiles_Created on field(s) -created_at of model dogprofile
DROP INDEX [IX_DogProfiles_Created] ON [DogProfiles];
GO
-- Undo: Create index IX_DogProfiles_Owner_Active on field(s) owner, is_active of model dogprofile
DROP INDEX [IX_DogProfiles_Owner_Active] ON [DogProfiles];
GO
-- Undo: Create index IX_DogProfiles_Active on field(s) is_active of model dogprofile
DROP INDEX [IX_DogProfiles_Active] ON [DogProfiles];
GO
-- Undo: Create index IX_DogProfiles_Breed on field(s) breed of model dogprofile
DROP INDEX [IX_DogProfiles_Breed] ON [DogProfiles];
GO
-- Undo: Create index IX_DogProfiles_Name on field(s) name of model dogprofile
DROP INDEX [IX_DogProfiles_Name] ON [DogProfiles];
GO
-- Undo: Create index IX_DogProfiles_Owner on field(s) owner of model dogprofile
DROP INDEX [IX_DogProfiles_Owner] ON [DogProfiles];
GO
-- Undo: Create model DogAccessGrant
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogAccessGrants]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogAccessGrants]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogAccessGrants]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DogAccessGrants];
GO
-- Undo: Create model DogProfile
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogProfiles]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogProfiles]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[DogProfiles]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [DogProfiles];
GO
COMMIT TRANSACTION;
GO
