-- accounts.0002_django_auth_columns (plan item 000): SQL Server rollback DDL
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
-- Undo: Rebuild UserRoles around a new primary key, keeping its rows
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
CREATE TABLE [UserRoles] ([UserId] nvarchar(450) NOT NULL, [RoleId] int NOT NULL, PRIMARY KEY ([UserId], [RoleId]));
GO
-- Undo: Alter field password on user
ALTER TABLE [Users] ALTER COLUMN [PasswordHash] nvarchar(max) NOT NULL;
GO
ALTER TABLE [Users] ALTER COLUMN [PasswordHash] nvarchar(max) NULL;
GO
-- RunPython noop(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- Undo: Alter field email on user
ALTER TABLE [Users] DROP CONSTRAINT [Users_Email_bcc97337_uniq];
GO
ALTER TABLE [Users] ALTER COLUMN [Email] nvarchar(256) NULL;
GO
-- RunPython noop(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- Undo: Add field user_permissions to user
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Users_user_permissions]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Users_user_permissions]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Users_user_permissions]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Users_user_permissions];
GO
-- Undo: Add field groups to user
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Users_groups]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Users_groups]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Users_groups]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Users_groups];
GO
-- Undo: Add field date_joined to user
DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Users] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Users]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Users]'), N'CreatedAt', 'ColumnId'));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1;
GO
ALTER TABLE [Users] DROP COLUMN [CreatedAt];
GO
-- Undo: Add field is_active to user
DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Users] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Users]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Users]'), N'IsActive', 'ColumnId'));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2;
GO
ALTER TABLE [Users] DROP COLUMN [IsActive];
GO
-- Undo: Add field is_staff to user
DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Users] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Users]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Users]'), N'IsStaff', 'ColumnId'));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3;
GO
ALTER TABLE [Users] DROP COLUMN [IsStaff];
GO
-- Undo: Add field is_superuser to user
DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Users] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Users]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Users]'), N'IsSuperuser', 'ColumnId'));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4;
GO
ALTER TABLE [Users] DROP COLUMN [IsSuperuser];
GO
-- Undo: Add field last_login to user
ALTER TABLE [Users] DROP COLUMN [LastLoginAt];
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_UserRoles_RoleId] ON [UserRoles] ([RoleId]);
GO
ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_RoleId_3e99602b_fk_Roles_Id] FOREIGN KEY ([RoleId]) REFERENCES [Roles] ([Id]);
GO
ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_UserId_64f063f1_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
