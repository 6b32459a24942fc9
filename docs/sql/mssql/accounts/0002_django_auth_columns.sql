-- accounts.0002_django_auth_columns (plan item 000): SQL Server DDL
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
-- Add field last_login to user
ALTER TABLE [Users] ADD [LastLoginAt] datetimeoffset NULL;
GO
-- Add field is_superuser to user
ALTER TABLE [Users] ADD [IsSuperuser] bit DEFAULT 0 NOT NULL;
GO
-- Add field is_staff to user
ALTER TABLE [Users] ADD [IsStaff] bit DEFAULT 0 NOT NULL;
GO
-- Add field is_active to user
ALTER TABLE [Users] ADD [IsActive] bit DEFAULT 1 NOT NULL;
GO
-- Add field date_joined to user
ALTER TABLE [Users] ADD [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL;
GO
-- Add field groups to user
CREATE TABLE [Users_groups] ([id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [user_id] nvarchar(450) NOT NULL, [group_id] int NOT NULL);
GO
-- Add field user_permissions to user
CREATE TABLE [Users_user_permissions] ([id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [user_id] nvarchar(450) NOT NULL, [permission_id] int NOT NULL);
GO
-- RunPython normalize_emails(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- Alter field email on user
ALTER TABLE [Users] ALTER COLUMN [Email] nvarchar(256) NOT NULL;
GO
ALTER TABLE [Users] ADD CONSTRAINT [Users_Email_bcc97337_uniq] UNIQUE ([Email]);
GO
-- RunPython fill_missing_passwords(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- Alter field password on user
ALTER TABLE [Users] ALTER COLUMN [PasswordHash] nvarchar(128) NULL;
GO
ALTER TABLE [Users] ALTER COLUMN [PasswordHash] nvarchar(128) NOT NULL;
GO
-- Rebuild UserRoles around a new primary key, keeping its rows
-- Rows are read and written by Python at migrate time; only the DDL is shown.
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[UserRoles]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[UserRoles]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[UserRoles]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [UserRoles];
GO
CREATE TABLE [UserRoles] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [UserId] nvarchar(450) NOT NULL, [RoleId] int NOT NULL, CONSTRAINT [UX_UserRoles_User_Role] UNIQUE ([UserId], [RoleId]));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_UserRoles_RoleId] ON [UserRoles] ([RoleId]);
GO
CREATE INDEX [Users_groups_group_id_2ddde7ed] ON [Users_groups] ([group_id]);
GO
CREATE INDEX [Users_groups_user_id_d0013979] ON [Users_groups] ([user_id]);
GO
CREATE INDEX [Users_user_permissions_permission_id_7995fa19] ON [Users_user_permissions] ([permission_id]);
GO
CREATE INDEX [Users_user_permissions_user_id_c976b39e] ON [Users_user_permissions] ([user_id]);
GO
CREATE UNIQUE INDEX [Users_groups_user_id_group_id_590dc796_uniq] ON [Users_groups] ([user_id], [group_id]) WHERE [user_id] IS NOT NULL AND [group_id] IS NOT NULL;
GO
CREATE UNIQUE INDEX [Users_user_permissions_user_id_permission_id_f5781f04_uniq] ON [Users_user_permissions] ([user_id], [permission_id]) WHERE [user_id] IS NOT NULL AND [permission_id] IS NOT NULL;
GO
ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_RoleId_3e99602b_fk_Roles_Id] FOREIGN KEY ([RoleId]) REFERENCES [Roles] ([Id]);
GO
ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_UserId_64f063f1_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [Users_groups] ADD CONSTRAINT [Users_groups_group_id_2ddde7ed_fk_auth_group_id] FOREIGN KEY ([group_id]) REFERENCES [auth_group] ([id]);
GO
ALTER TABLE [Users_groups] ADD CONSTRAINT [Users_groups_user_id_d0013979_fk_Users_Id] FOREIGN KEY ([user_id]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [Users_user_permissions] ADD CONSTRAINT [Users_user_permissions_permission_id_7995fa19_fk_auth_permission_id] FOREIGN KEY ([permission_id]) REFERENCES [auth_permission] ([id]);
GO
ALTER TABLE [Users_user_permissions] ADD CONSTRAINT [Users_user_permissions_user_id_c976b39e_fk_Users_Id] FOREIGN KEY ([user_id]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
